"""ledger.json and LEDGER.md: the same verdicts, for machines and for people.

The JSON holds, per claim id, the claim, its bucket with the reason, the receipt strength, the
book's label and whether the audit agrees, and every receipt with its re-check result and numbers.
LEDGER.md is a table built from that JSON alone (so the two cannot disagree), disagreements
with the book first, with links from each claim to its Lean theorems (file:line), identities and
measurements.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from attnthermo.ledger.buckets import BUCKETS, Verdict
from attnthermo.ledger.claims import Claim, claims_as_data
from attnthermo.ledger.rows import (SCHEMA_VERSION, ClaimRow, IdentityFailure, IdentityRow, LedgerFile, Measured,
                                    Provenance, ReceiptResult, Unavailable)
from attnthermo.render import mark, short, with_ci

# metrics that mean nothing for a control run (γ_Padé is a formula of θ and T: it "predicts" the
# same γ for random weights as for the trained model)
CONTROL_OMITS = ("gamma_pade", "pade_T", "theta", "scale_gamma_pade")
# the metrics shown in the measurement table's own columns
_COLUMNS = ("gamma", "gamma_ci_low", "gamma_ci_high", "r2", "window", "sink_mass")

RULE_SUMMARY = (
    "A receipt that holds and contradicts a claim makes it folklore; so does a supporting receipt that "
    "fails. Math: verified by a Lean receipt (proved, pinned, standard axioms), or, where core Lean cannot "
    "state it, by an identity re-checked at high precision. Empirical: verified when measured within its "
    "stated tolerance on ≥ 95% of the bootstrap resamples as well as the point estimate, on every window of its "
    "window family (numerology if it is a fitted formula with no derivation behind it); holding on some windows "
    "and failing on others makes it folklore (window-dependent, the row says where it holds); inconclusive "
    "resamples make it folklore (not enough data "
    "here), and so does having no measurement here. Interpretive readings: folklore; their math part has its own row."
)

def build_ledger(claims: dict[str, Claim], results: dict[str, list[ReceiptResult]],
                 verdicts: dict[str, Verdict], *, provenance: Provenance,
                 measurements: dict[str, Measured | Unavailable], identities: dict[str, IdentityRow | IdentityFailure],
                 plots: dict[str, str], lean_tagged: dict[str, list[str]] | None = None,
                 links: list[str] | None = None) -> LedgerFile:
    """The ledger (what ledger.json holds).

    ``lean_tagged`` lists, per claim, the Lean theorems the manifest records as naming it
    (``Claim: `id` ``); ``links`` lists where the manifest's tags differ from the sources' the claims
    were linked with (:func:`attnthermo.ledger.links.tag_differences`).
    """
    rows = {cid: claim_row(claim, verdicts[cid], results.get(cid, []), (lean_tagged or {}).get(cid, []))
            for cid, claim in claims.items()}
    order = [c for c in rows if rows[c].agreement == "disagrees"] + \
            [c for c in rows if rows[c].agreement != "disagrees"]
    summary = {b: sum(1 for r in rows.values() if r.bucket == b) for b in BUCKETS}
    summary["disagreements_with_book"] = sum(1 for r in rows.values() if r.agreement == "disagrees")
    return LedgerFile(schema_version=SCHEMA_VERSION, provenance=provenance, rule=RULE_SUMMARY, summary=summary,
                      order=order, claims=rows, measurements=dict(measurements), identities=dict(identities),
                      plots=dict(plots), links=list(links or []))


def claim_row(claim: Claim, verdict: Verdict, receipts: list[ReceiptResult], lean_tagged: list[str]) -> ClaimRow:
    """One claim's row: the claim, its verdict, its receipts' re-checks and the Lean theorems tagged with it."""
    return ClaimRow(**claims_as_data({claim.id: claim})[0], **verdict.to_json(), receipts=list(receipts),
                    no_receipt_reason=None if receipts else verdict.reason, lean_tagged=sorted(lean_tagged))


_LEGEND = (("holds", "holds"), ("fails", "does not hold"), ("inconclusive", "inconclusive (resamples do not decide it)"),
           ("window-dependent", "window-dependent (holds on some windows of its family, fails on others)"),
           ("error", "could not be re-checked"), ("unavailable", "no receipt available here"),
           ("recorded", "citation (recorded, never verifies alone)"))


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _link(target: str, base: Path) -> str:
    try:
        return os.path.relpath(target, base)
    except ValueError:
        return target


def _receipt_md(r: ReceiptResult, base: Path, measurements: dict[str, Measured | Unavailable]) -> str:
    sign = mark(r.status)
    rel = "" if r.relation == "supports" else " (contradicts)"
    if r.kind == "lean":
        links = ", ".join(f"[{_cell(link['theorem'].rsplit('.', 1)[-1])}]({_link(link['path'], base)}#L{link['line']}) "
                          f"`{_cell(link['text'])}`" for link in r.links) or _cell(r.label)
        covers = r.data.get("covers")
        cached = " [cached]" if r.data.get("lean_cached") else ""
        return f"{sign} Lean{rel}{f' ({covers})' if covers else ''}{cached}: {links}"
    if r.kind == "identity":
        return f"{sign} identity{rel}: `{_cell(r.label)}`"
    if r.kind == "measurement":
        anchor = "measurement-" + r.label.replace(" on ", "-").replace(" ", "-")
        m = measurements.get(r.label)
        metrics, setting = (m.metrics, m.setting) if isinstance(m, Measured) else ({}, {})
        prompts = setting.get("prompts", m.prompts if isinstance(m, Measured) else "?")
        numbers = "" if metrics.get("gamma") is None else (
            f" γ {with_ci(metrics['gamma'], metrics.get('gamma_ci_low'), metrics.get('gamma_ci_high'))}, "
            f"d ∈ {_window(metrics.get('window') or setting.get('window'))}, N {setting.get('tokens', '?')} × "
            f"{prompts} prompts")
        return f"{sign} measurement{rel}: [{_cell(r.label)}](#{anchor}){numbers}{_family_md(r.data)}"
    return f"{sign} citation{rel}: {_cell(r.label)}"


def _family_md(data: dict) -> str:
    """The receipt's window family in its row: each window's mark and agreement, N, the layers used."""
    family = data.get("family")
    if not family:
        return "; window-independent (no fitted quantity)" if data.get("window_bound") is False else ""
    from attnthermo.ledger.window_verdict import family_sentence

    return "<br>&nbsp;&nbsp;" + _cell(family_sentence(family))


def render_markdown(ledger: LedgerFile, base: Path) -> str:
    """LEDGER.md from the ledger; ``base`` is the folder the file goes to (for relative links)."""
    p, s = ledger.provenance, ledger.summary
    lines = [
        "# attnthermo claims ledger",
        "",
        f"Audit of {len(ledger.claims)} claims: **{s['verified']} verified**, {s['folklore']} folklore, "
        f"{s['numerology']} numerology; {s['disagreements_with_book']} disagree with the book's own label "
        "(listed first).",
        "",
        f"Rule (attnthermo.ledger.buckets): {RULE_SUMMARY}",
        "",
        f"Provenance: commit `{p.git_commit or 'none'}`, Lean toolchain `{p.toolchain or '?'}`, "
        f"manifest `{p.manifest_sha256[:16]}` ({p.manifest_source}"
        f"{'; Lean result from the sealed cache, re-validated against the sources' if p.lean_cached else ''}), "
        f"pins `{(p.pins.sha256 or p.pinned_sha256 or 'none')[:16]}`"
        f"{' (not the pins the manifest was checked against)' if not p.pins.matches_manifest else ''}, model "
        f"`{p.model}` on {p.device}, {'quick' if p.quick else 'full'} protocol, "
        f"attnthermo {p.versions.get('attnthermo')}, written {p.created}.",
        "",
        "Receipt marks: " + " · ".join(f"{mark(status)} {meaning}" for status, meaning in _LEGEND) + ".",
        "",
        "| claim | ch. | kind | bucket | receipt strength | book says | vs book | receipts | why |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for cid in ledger.order:
        row = ledger.claims[cid]
        book = row.book_says or f"({row.book_bucket})"
        receipts = "<br>".join(_receipt_md(r, base, ledger.measurements) for r in row.receipts) \
            or _cell(row.no_receipt_reason)
        lines.append(
            f"| `{cid}` | {row.chapter} | {row.kind} | **{row.bucket}** | {_cell(row.strength)} | "
            f"{_cell(book)} | {row.agreement} | {receipts} | {_cell(row.reason)} |")
    lines += ["", "## Claims", ""]
    for cid in ledger.order:
        row = ledger.claims[cid]
        lines.append(f"- `{cid}` (Ch. {row.chapter}{', project' if row.origin == 'project' else ''}): "
                     f"{row.statement} — mechanism: {row.mechanism_note}")
    lines += ["", "## Measurements", "",
              "γ is shown to the digits its 95% bootstrap CI supports; N is the tokens per prompt, the window "
              "the fitted distances. Metrics that mean nothing for a control (γ_Padé in a random-init row) "
              "are omitted.", ""]
    for key, m in ledger.measurements.items():
        lines += [f"### measurement {key}", "", f"<a id=\"measurement-{key.replace(' on ', '-').replace(' ', '-')}\"></a>", ""]
        if isinstance(m, Unavailable):
            lines += [f"No receipt available: {m.reason}", ""]
            continue
        lines += measurement_table(m) + [""]
        lines.append(f"Model sha256 `{(m.model_sha256 or '?')[:16]}`, "
                     f"{m.seconds} s (cache key `{(m.cache_key or '?')[:16]}`); arguments `{m.arguments}`.")
        lines.append("")
    if ledger.links:
        lines += ["## Link disagreements", "", "The Lean manifest tags these theorems otherwise than the sources "
                  "the claims were linked with (attnthermo.ledger.links):", ""] + [f"- {_cell(d)}" for d in ledger.links] + [""]
    if ledger.plots:
        lines += ["## Plots", ""]
        lines += [f"![{name}]({_link(path, base)})" for name, path in ledger.plots.items()]
        lines.append("")
    return "\n".join(lines) + "\n"


def is_control(measurement: Measured | Unavailable | None) -> bool:
    """A control run (random weights, shuffled tokens), by its setting."""
    return isinstance(measurement, Measured) and bool(measurement.setting.get("control") or measurement.arguments.get("control"))


def measurement_table(m: Measured) -> list[str]:
    """The measurement as one Markdown table row: γ with its CI, R², window, N, prompts, sink, the rest."""
    metrics, setting = m.metrics, m.setting
    window = metrics.get("window") or setting.get("window")
    r2, sink = metrics.get("r2"), metrics.get("sink_mass")
    omitted = CONTROL_OMITS if is_control(m) else ()
    rest = {k: v for k, v in metrics.items() if k not in _COLUMNS and k not in omitted and v is not None}
    other = "; ".join(f"{k} = {short(v)}" for k, v in rest.items()) or "—"
    return ["| γ [95% CI] | R² | window d | N | prompts | sink mass | other |", "|---|---|---|---|---|---|---|",
            f"| {with_ci(metrics.get('gamma'), metrics.get('gamma_ci_low'), metrics.get('gamma_ci_high'))} | "
            f"{'—' if r2 is None else f'{r2:.3f}'} | {_window(window)} | {setting.get('tokens', '?')} | "
            f"{setting.get('prompts', m.prompts)} | {'—' if sink is None else f'{sink:.3f}'} | {_cell(other)} |"]


def _window(window) -> str:
    return f"[{window[0]}, {window[1]}]" if isinstance(window, (list, tuple)) and len(window) == 2 else "?"


def parse_markdown_buckets(text: str) -> dict[str, str]:
    """Claim id -> bucket, read back from a LEDGER.md table (used to check it agrees with the JSON).

    >>> parse_markdown_buckets("| `a-b` | 3 | math | **verified** | x |")
    {'a-b': 'verified'}
    """
    out = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.split(" | ")]
        if len(cells) > 3 and cells[0].startswith("| `") and cells[3].startswith("**"):
            out[cells[0][3:-1]] = cells[3].strip("*")
    return out
