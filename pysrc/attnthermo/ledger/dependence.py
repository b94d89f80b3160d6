"""What a bucket change between two ledgers depends on, read from the two rows alone.

For every measurement receipt the two rows share (same label, e.g. ``decay-fit on gemma3-270m``)
whose status differs, the rows' own data say why:

- **window**: the family's windows are resolved at N, so they are different distances at
  different N ("[4, N/16]" is [4, 16] at N = 256 and [4, 64] at N = 1024); a member present in
  only one ledger can carry the change;
- **context length N**: the same window of distances judged differently at the two N (the query
  window [N/2, N) and what it can see move with N), or a window-independent metric such as the
  sink mass that moved with N;
- **sliding window**: the model's sliding-window layers see the whole context at one N (N ≤ W)
  and not at the other (N > W).

>>> from attnthermo.ledger.rows import ReceiptResult
>>> old = [ReceiptResult("measurement", "supports", "decay-fit on m", "holds", "", data={
...     "tokens": 256, "window_bound": False, "metrics": {"sink_mass": 0.2}})]
>>> new = [ReceiptResult("measurement", "supports", "decay-fit on m", "fails", "", data={
...     "tokens": 1024, "window_bound": False, "metrics": {"sink_mass": 0.05}})]
>>> explain(old, new)
['decay-fit on m: holds → fails; context length N (256 → 1024): sink_mass 0.2 → 0.05 (no fit window involved)']
"""

from __future__ import annotations

from attnthermo.ledger.rows import ReceiptResult


def _w(window: list[int]) -> str:
    return f"[{window[0]}, {window[1]}]"


def _members(data: dict) -> dict[tuple[int, int], dict]:
    family = data.get("family") or {}
    return {tuple(m["window"]): m for m in family.get("members", [])}


def _receipt_reasons(old: ReceiptResult, new: ReceiptResult) -> list[str]:
    """The dependences that explain one receipt's status change (old and new receipt rows)."""
    a, b = old.data, new.data
    n_old, n_new = a.get("tokens") or (a.get("family") or {}).get("tokens"), b.get("tokens") or (b.get("family") or {}).get("tokens")
    reasons = []
    ma, mb = _members(a), _members(b)
    if ma or mb:
        common = [w for w in ma if w in mb]
        moved = [w for w in common if ma[w]["outcome"] != mb[w]["outcome"]]
        if moved and n_old != n_new:
            reasons.append(f"context length N ({n_old} → {n_new}): on the same window " + ", ".join(
                f"{_w(list(w))} {ma[w]['outcome']} → {mb[w]['outcome']}" for w in moved))
        elif moved:
            reasons.append("the same window judged differently (prompts or seed): " + ", ".join(
                f"{_w(list(w))} {ma[w]['outcome']} → {mb[w]['outcome']}" for w in moved))
        only = [f"{_w(list(w))} {m['outcome']} (old only)" for w, m in ma.items() if w not in mb] + \
               [f"{_w(list(w))} {m['outcome']} (new only)" for w, m in mb.items() if w not in ma]
        if only:
            family = (b.get("family") or a.get("family") or {}).get("windows", [])
            reasons.append(f"window: the family {', '.join(family)} is {', '.join(_w(list(w)) for w in ma)} at N = "
                           f"{n_old} and {', '.join(_w(list(w)) for w in mb)} at N = {n_new}; " + ", ".join(only))
        sliding = (b.get("family") or a.get("family") or {}).get("sliding_window")
        if sliding and n_old and n_new and min(n_old, n_new) <= sliding < max(n_old, n_new):
            reasons.append(f"the model's sliding window ({sliding}): its sliding-window layers see the whole "
                           f"context at N = {min(n_old, n_new)} but not at N = {max(n_old, n_new)}")
    elif n_old != n_new:
        metrics = [(k, v, (b.get("metrics") or {}).get(k)) for k, v in (a.get("metrics") or {}).items()]
        moved = ", ".join(f"{k} {v:.3g} → {w:.3g}" for k, v, w in metrics
                          if isinstance(v, (int, float)) and isinstance(w, (int, float)) and v != w)
        reasons.append(f"context length N ({n_old} → {n_new})" + (f": {moved}" if moved else "")
                       + (" (no fit window involved)" if a.get("window_bound") is False else ""))
    old_tests = {(t.get("metric"), t.get("check")): t.get("tolerance") for t in a.get("tests") or []}
    for t in b.get("tests") or []:
        before = old_tests.get((t.get("metric"), t.get("check")))
        if before is not None and before != t.get("tolerance"):
            reasons.append(f"the tolerance changed: {t['metric']} {t['check']} {before:g} → {t['tolerance']:g}")
    return reasons or ["no dependence on window, N or sliding window visible in the rows"]


def explain(old: list[ReceiptResult], new: list[ReceiptResult]) -> list[str]:
    """One line per measurement receipt the two rows (their receipts, old and new) share whose
    status changed, naming what it depends on."""
    olds = {r.label: r for r in old if r.kind == "measurement"}
    lines = []
    for r in new:
        before = olds.get(r.label)
        if r.kind != "measurement" or before is None or before.status == r.status:
            continue
        lines.append(f"{r.label}: {before.status} → {r.status}; " + "; ".join(_receipt_reasons(before, r)))
    return lines
