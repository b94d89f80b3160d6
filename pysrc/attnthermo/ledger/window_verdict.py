"""The verdict across a window family: a receipt holds (fails) only where it holds (fails) on every window.

Each member of a receipt's window family (``claims.toml``: ``windows`` or the ``[window_family]``
default) is resolved at the run's context length N, fitted from the run's per-prompt profiles
(``protocols.member_metrics``) and judged with its own bootstrap resamples
(``tolerance.judge``). The receipt then

- *holds* when every member holds, *fails* when every member fails;
- is *window-dependent* when it holds on some members and fails on others: the row says on
  which windows, and where it holds along the γ-against-window curve (local windows [d, 4d]);
- is *inconclusive* otherwise (some member is not decided by its resamples).

Tests that read no fitted quantity (``WINDOW_METRICS``) do not depend on the window: they are
judged once, on the run's own metrics.

>>> family_outcome(["holds", "holds"]), family_outcome(["holds", "fails"]), family_outcome(["fails", "inconclusive"])
('holds', 'window-dependent', 'inconclusive')
"""

from __future__ import annotations

from typing import Any

from attnthermo.errors import DomainError
from attnthermo.ledger.claims import Receipt
from attnthermo.ledger.protocols import Metrics, member_metrics
from attnthermo.ledger.tolerance import MissingMetric, judge
from attnthermo.measurement.window_family import curve_windows, fit_member, parse_member, resolve

# metrics re-fitted on each window; every other metric is the same on all of them
WINDOW_METRICS = frozenset({"gamma", "gamma_ci_low", "gamma_ci_high", "r2", "power_law_advantage", "scale_gamma"})


def window_bound(receipt: Receipt) -> bool:
    """Whether any of the receipt's tests reads a quantity fitted over a window."""
    return any(t.metric in WINDOW_METRICS or t.reference in WINDOW_METRICS for t in receipt.tests)


def judge_tests(receipt: Receipt, metrics: Metrics) -> list[dict[str, Any]]:
    """Every tolerance test of the receipt judged on the metrics and their resamples (MissingMetric propagates)."""
    tests = []
    for t in receipt.tests:
        j = judge(t.check, metrics.point, metrics.resamples, t.metric, t.tolerance, t.reference,
                  prompts=metrics.prompts)
        tests.append({"check": t.check, "metric": t.metric, "reference": t.reference, "tolerance": t.tolerance,
                      "why": t.why, "passed": j.passed, "outcome": j.outcome, "agreement": j.agreement,
                      "resamples": j.resamples, "prompts_needed": j.prompts_needed, "detail": j.sentence()})
    return tests


def outcome_of_tests(tests: list[dict[str, Any]]) -> str:
    """fails if a test fails, else inconclusive if one is undecided, else holds."""
    outcomes = {t["outcome"] for t in tests}
    return "fails" if "fails" in outcomes else "inconclusive" if "inconclusive" in outcomes else "holds"


def family_outcome(outcomes: list[str]) -> str:
    """holds / fails on every member, window-dependent when both occur, else inconclusive."""
    if not outcomes:
        raise DomainError("outcomes", outcomes, "a family verdict needs at least one member")
    kinds = set(outcomes)
    if kinds == {"holds"} or kinds == {"fails"}:
        return outcomes[0]
    return "window-dependent" if {"holds", "fails"} <= kinds else "inconclusive"


def layers_text(layers: list[int], layer_types: tuple[str, ...] | list[str]) -> str:
    """Which layers a fit used: "all 30 layers" or "layers 5, 11, 17 (full_attention)"."""
    if len(layers) == len(layer_types):
        return f"all {len(layers)} layers"
    kinds = sorted({layer_types[i] for i in layers})
    return f"layers {', '.join(map(str, layers))} ({', '.join(kinds)}) of {len(layer_types)}"


def _window(w: list[int] | tuple[int, int]) -> str:
    return f"[{w[0]}, {w[1]}]"


def _gamma(metrics: dict) -> str:
    g, lo, hi = metrics.get("gamma"), metrics.get("gamma_ci_low"), metrics.get("gamma_ci_high")
    return "γ —" if g is None else f"γ {g:.3f} [{lo:.3f}, {hi:.3f}]"


def judge_member(receipt: Receipt, protocol: str, result: Any, spec: str, window: tuple[int, int]) -> dict[str, Any]:
    """One member: its window, layers, γ, per-test judgements and outcome (error when a metric is missing)."""
    metrics = member_metrics(protocol, result, window, receipt.layers)
    row: dict[str, Any] = {"spec": spec, "window": list(window), "layers": metrics.point["layers"],
                           "gamma": metrics.point.get("gamma"),
                           "ci": [metrics.point.get("gamma_ci_low"), metrics.point.get("gamma_ci_high")],
                           "scale_gamma": metrics.point.get("scale_gamma")}
    try:
        tests = judge_tests(receipt, metrics)
    except MissingMetric as exc:
        return {**row, "outcome": "error", "agreement": 0.0, "tests": [],
                "detail": f"{_window(window)}: the fit reported no {exc.args[0]!r} (no layer of the chosen kind reaches it)"}
    sentences = "; ".join(t["detail"] for t in tests)
    return {**row, "outcome": outcome_of_tests(tests), "agreement": min(t["agreement"] for t in tests), "tests": tests,
            "detail": f"{_window(window)} ({_gamma(metrics.point)}): {sentences}"}


def _apart(result: Any, window: tuple[int, int]) -> dict | None:
    """The sliding-window layers' own γ on a member (reported apart, never judged), when they reach it."""
    fit = fit_member(result.per_prompt, window, "sliding_attention")
    if fit["gamma"] is None:
        return None
    return {"window": list(window), "layers": fit["layers"], "gamma": fit["gamma"]["value"], "ci": fit["gamma"]["ci"]}


def where_it_holds(receipt: Receipt, protocol: str, result: Any) -> dict[str, Any]:
    """The receipt judged along the γ-against-window curve (local windows [d, 4d]) and a sentence
    saying on which distances it holds, e.g. "holds on windows from d = 21 on, fails up to d = 48 (…)"."""
    tokens = result.per_prompt.tokens
    points = []
    for w in curve_windows(tokens):
        m = judge_member(receipt, protocol, result, _window(w), w)
        points.append({"window": list(w), "outcome": m["outcome"], "gamma": m["gamma"], "ci": m["ci"],
                       "agreement": m["agreement"]})
    runs: list[list[dict]] = []
    for p in points:
        if runs and runs[-1][0]["outcome"] == p["outcome"]:
            runs[-1].append(p)
        else:
            runs.append([p])
    parts = []
    for run in runs:
        span = _window(run[0]["window"]) + ("" if len(run) == 1 else f" … {_window(run[-1]['window'])}")
        gs = [p["gamma"] for p in run if p["gamma"] is not None]
        gamma = "" if not gs else f", γ {gs[0]:.3f}" + ("" if len(gs) == 1 else f" → {gs[-1]:.3f}")
        parts.append(f"{run[0]['outcome']} on {span}{gamma}")
    holds = [p["window"] for p in points if p["outcome"] == "holds"]
    fails = [p["window"] for p in points if p["outcome"] == "fails"]
    if holds and fails and holds[-1][0] < fails[0][0]:
        head = f"holds on windows up to d = {holds[-1][1]}, fails from d = {fails[0][0]} on"
    elif holds and fails and fails[-1][0] < holds[0][0]:
        head = f"holds on windows from d = {holds[0][0]} on, fails up to d = {fails[-1][1]}"
    else:
        head = "holds on no local window" if not holds else "holds on some local windows only"
    return {"curve": points, "sentence": f"{head} ({'; '.join(parts)})"}


def judge_family(receipt: Receipt, protocol: str, result: Any) -> dict[str, Any]:
    """The receipt judged on every member of its window family at the run's N (see the module docstring)."""
    tokens = result.per_prompt.tokens
    members, skipped = [], []
    for spec in receipt.windows:
        try:
            window = resolve(parse_member(spec), tokens)
        except DomainError as exc:
            skipped.append(f"{spec}: {exc.reason}")
            continue
        member = judge_member(receipt, protocol, result, spec, window)
        if receipt.layers == "full_attention" and "sliding_attention" in result.per_prompt.layer_types:
            member["apart"] = _apart(result, window)
        members.append(member)
    if not members:
        raise DomainError("windows", list(receipt.windows), f"no window of the family exists at N = {tokens}: {'; '.join(skipped)}")
    outcome = family_outcome([m["outcome"] for m in members])
    if "error" in {m["outcome"] for m in members} and outcome != "window-dependent":
        outcome = "error"
    family = {"outcome": outcome, "windows": list(receipt.windows), "windows_why": receipt.windows_why,
              "layers": receipt.layers, "layers_why": receipt.layers_why, "tokens": tokens,
              "sliding_window": result.per_prompt.sliding_window, "layer_types": list(result.per_prompt.layer_types),
              "members": members, "skipped": skipped}
    if outcome == "window-dependent":
        family["where"] = where_it_holds(receipt, protocol, result)
    return family


def family_sentence(family: dict[str, Any]) -> str:
    """One line for the row: the family at N, the layers used, each member's outcome and agreement."""
    types = family["layer_types"]
    used = sorted({i for m in family["members"] for i in m["layers"]})
    members = ", ".join(f"{_window(m['window'])} {m['outcome']} ({m['agreement']:.0%}"
                        + ("" if m.get("gamma") is None else f", γ {m['gamma']:.3f}") + ")" for m in family["members"])
    sliding = f"; sliding window {family['sliding_window']}" if family.get("sliding_window") else ""
    text = f"window family at N = {family['tokens']}: {members}; judged on {layers_text(used, types)}{sliding}"
    apart = [m["apart"] for m in family["members"] if m.get("apart")]
    if apart:
        text += "; sliding-window layers apart: " + ", ".join(
            f"{_window(a['window'])} γ {a['gamma']:.3f}" for a in apart)
    if family.get("skipped"):
        text += "; not defined at this N: " + "; ".join(family["skipped"])
    return text
