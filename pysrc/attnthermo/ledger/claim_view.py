"""One claim on one screen (``attnthermo claim ID``) and the list of claims (``attnthermo claims``).

A claim's view holds its statement, bucket and why, the book's label, each Lean theorem with
Lean's own statement and status, each identity with its value at the documented point and its
sympy form, each measurement with γ, CI, window, N and prompts, and its plots. It comes from the
last audit when one exists (``attnthermo audit`` notes where it wrote ledger.json), otherwise it
is computed now — the Lean status from the cached manifest (never compiling), the identities
re-checked (cached), measurements not run — and the view says which.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from attnthermo.defaults import DEFAULT_DPS
from attnthermo.errors import DomainError
from attnthermo.lean_band import BAND_THEOREM, parse_band
from attnthermo.ledger.claims import Claim, load_claims
from attnthermo.ledger.evidence import last_manifest
from attnthermo.ledger.links import disagreements_for, lean_tags, tag_differences
from attnthermo.ledger.report import is_control
from attnthermo.ledger.rows import ClaimRow, LedgerFile, Measured, ReceiptResult
from attnthermo.manifest import Manifest, load_manifest
from attnthermo.render import SCREEN, format_value, mark, truncate, with_ci

# which plot shows which receipt: an identity name or a measurement protocol
PLOT_SUBJECTS = {"heat_capacity_gamma1": {"uniformVariance_eq_sq_div_twelve", "uniformVariance_ne_sq_div_four"},
                 "decay": {"decay-fit"}}
NOT_MEASURED = "not measured in this view (computed now): run `attnthermo audit`"


def _closure(claims: dict[str, Claim], cid: str) -> dict[str, Claim]:
    """The claim and the claims its bucket depends on (its mechanism claim, its -math row)."""
    wanted, stack = {}, [cid]
    while stack:
        c = claims[stack.pop()]
        if c.id in wanted:
            continue
        wanted[c.id] = c
        stack += [d for d in (c.mechanism_claim, f"{c.id}-math" if c.kind == "interpretive" else None)
                  if d and d in claims]
    return wanted


def computed_rows(claims: dict[str, Claim], manifest: Manifest | None) -> dict[str, ClaimRow]:
    """Ledger rows for ``claims`` computed now: cached manifest, identity checks, no measurements."""
    from attnthermo.ledger import evidence as ev_mod
    from attnthermo.ledger.buckets import decide
    from attnthermo.ledger.receipts import Evidence, check_receipt
    from attnthermo.ledger.report import claim_row
    from attnthermo.ledger.rows import IdentityRow, Unavailable

    evidence = Evidence(manifest=manifest, stale_modules=ev_mod.stale_modules(manifest) if manifest else {})
    for claim in claims.values():
        for r in claim.receipts:
            if r.kind == "identity" and str(r.identity) not in evidence.identities:
                found = ev_mod.check_identity(str(r.identity), max(r.dps, DEFAULT_DPS))
                evidence.identities[str(r.identity)] = found.check if isinstance(found, IdentityRow) else found
            elif r.kind == "measurement":
                evidence.measurements[(str(r.protocol), evidence.model_for(r))] = Unavailable(NOT_MEASURED)
    results = {cid: [check_receipt(r, evidence) for r in c.receipts] for cid, c in claims.items()}
    verdicts = decide(claims, results)
    return {cid: claim_row(claims[cid], verdicts[cid], results[cid], []) for cid in claims}


def _ledger(path: str | Path | None) -> tuple[LedgerFile | None, Path | None]:
    from attnthermo.ledger.ledger_json import read_ledger

    if path is not None:
        return read_ledger(path, "--ledger"), Path(path)
    from attnthermo.ledger.audit import last_ledger_path

    found = last_ledger_path()
    return (read_ledger(found, "the last audit's ledger"), found) if found else (None, None)


def ledger_warnings(data: LedgerFile) -> list[str]:
    """What a reader of this ledger must know: it was made with an edited claims file or edited pins."""
    from attnthermo.ledger.evidence import sha256_file
    from attnthermo.paths import data_file

    provenance = data.provenance
    warnings = []
    if provenance.claims_sha256 != sha256_file(data_file("claims.toml")):
        warnings.append(f"made with an edited claims file ({provenance.claims_file}), not the shipped one")
    if provenance.pinned_file:
        warnings.append(f"made with edited pins ({provenance.pinned_file}), not the project's")
    return warnings


def _plain(value: Any) -> Any:
    """A parameter as JSON that reads back exactly: Fractions as 'p/q', infinities as 'inf', mpmath as text."""
    import math

    if value is None or isinstance(value, (bool, int, str)) or (isinstance(value, float) and math.isfinite(value)):
        return value
    return str(value)


def _identity_view(receipt: ReceiptResult) -> dict[str, Any]:
    from attnthermo.thermo.registry import identity

    name = receipt.links[0]["identity"]
    view = {"name": name, "relation": receipt.relation, "status": receipt.status, "detail": receipt.detail}
    try:
        ident = identity(name)
    except DomainError:
        return view
    value = ident.evaluate()
    digits = ident.point.get("dps", DEFAULT_DPS)
    view.update(point={k: _plain(v) for k, v in ident.point.items()}, value=format_value(value, digits), sympy=str(ident.sympy_form()),
                statement=ident.statement)
    return view


def _measurement_view(receipt: ReceiptResult, ledger: LedgerFile | None) -> dict[str, Any]:
    row = ledger.measurements.get(receipt.label) if ledger is not None else None
    measured = row if isinstance(row, Measured) else None
    metrics = (measured.metrics if measured else None) or receipt.data.get("metrics") or {}  # the row has every metric
    setting = measured.setting if measured else {}
    return {"label": receipt.label, "relation": receipt.relation, "status": receipt.status,
            "detail": receipt.detail, "gamma": metrics.get("gamma"),
            "ci": [metrics.get("gamma_ci_low"), metrics.get("gamma_ci_high")],
            "window": metrics.get("window") or setting.get("window"), "tokens": setting.get("tokens"),
            "prompts": setting.get("prompts", measured.prompts if measured else None), "control": is_control(row),
            "tests": receipt.data.get("tests", [])}


def claim_view(cid: str, *, ledger: str | Path | None = None, manifest: str | Path | None = None,
               claims: str | Path | None = None) -> dict[str, Any]:
    """Everything about claim ``cid`` as plain data (what ``attnthermo claim --json`` prints)."""
    tags = lean_tags()
    claim_set = load_claims(claims, lean=tags)
    if cid not in claim_set:
        import difflib

        near = difflib.get_close_matches(cid, list(claim_set), n=1)
        raise DomainError("claim", cid, f"no such claim; did you mean {near[0]}?" if near else
                          f"no such claim; known: {', '.join(claim_set)}")
    data, path = _ledger(ledger)
    if data is not None and cid in data.claims:
        row = data.claims[cid]
        source = {"kind": "audit", "path": str(path), "created": data.provenance.created,
                  "note": "from the given ledger" if ledger is not None else "from the last audit",
                  "warnings": ledger_warnings(data)}
        links = disagreements_for(cid, data.links)
        plots = data.plots
    else:
        manifest_data = load_manifest(manifest) if manifest else last_manifest()
        row = computed_rows(_closure(claim_set, cid), manifest_data)[cid]
        source = {"kind": "computed", "path": None, "created": None, "warnings": [],
                  "note": "computed now (no audit found): Lean status from "
                          + ("the given manifest" if manifest else "the cached manifest" if manifest_data else
                             "no manifest (run `attnthermo lean check`)")
                          + ", identities re-checked, measurements not run"}
        links = (None if manifest_data is None else
                 disagreements_for(cid, tag_differences(tags, manifest_data.claim_tags())))
        plots = {}
    claim = claim_set[cid]
    receipts = row.receipts
    lean = [{"relation": r.relation, "status": r.status, "detail": r.detail,
             "covers": r.data.get("covers"), "covers_why": r.data.get("covers_why"),
             "theorems": [{"name": name, **info} for name, info in r.data.get("theorems", {}).items()]
             or [{"name": t, "status": "unknown"} for t in _theorems_of(claim, r.label)]}
            for r in receipts if r.kind == "lean"]
    subjects = {link.get("identity") or link.get("protocol") for r in receipts for link in r.links}
    return {
        "id": cid, "chapter": claim.chapter, "kind": claim.kind, "statement": claim.statement,
        "book_says": claim.book_says, "book_bucket": claim.book_bucket, "mechanism": claim.mechanism,
        "mechanism_note": claim.mechanism_note, "source": source, "bucket": row.bucket, "reason": row.reason,
        "strength": row.strength, "agreement": row.agreement, "lean": lean,
        "identities": [_identity_view(r) for r in receipts if r.kind == "identity"],
        "measurements": [_measurement_view(r, data) for r in receipts if r.kind == "measurement"],
        "citations": [r.label for r in receipts if r.kind == "citation"],
        "plots": {name: p for name, p in plots.items() if PLOT_SUBJECTS.get(name, set()) & subjects},
        "links": links, "lean_bound": _lean_bound(lean),
    }


def _lean_bound(lean: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The C_V(γ=1) band of ``BAND_THEOREM``, parsed from the statement Lean printed, when one of
    the claim's Lean receipts shows it proved ({"theorem", "error"} when that statement is of
    another form); else None."""
    for r in lean:
        for t in r["theorems"]:
            if t["name"] == BAND_THEOREM and t["status"] == "proved" and t.get("statement"):
                try:
                    return parse_band(t["statement"]).to_json()
                except DomainError as exc:
                    return {"theorem": BAND_THEOREM, "error": str(exc)}
    return None


def _theorems_of(claim: Claim, label: str) -> list[str]:
    for r in claim.receipts:
        if r.kind == "lean" and r.label == label:
            return list(r.theorems)
    return []


def _linear_text(slope: str, const: str) -> str:
    """``slope·L + const`` without the zero parts (``L/6``-style rationals as strings)."""
    parts = [f"({slope})·L" if "/" in slope else f"{slope}·L"] if slope != "0" else []
    if const != "0" or not parts:
        parts.append(const if not parts else (f"- {const[1:]}" if const.startswith("-") else f"+ {const}"))
    return " ".join(parts)


def render_claim(view: dict[str, Any]) -> str:
    """The view as text, one screen."""
    lines = [f"{view['id']} (Ch. {view['chapter']}, {view['kind']}): {view['statement']}",
             f"bucket: {view['bucket'].upper()} — {view['reason']}",
             f"  ({view['source']['note']}{': ' + view['source']['path'] if view['source']['path'] else ''}"
             f"{', ' + view['source']['created'] if view['source']['created'] else ''})",
             *(f"  warning: this ledger was {w}" for w in view["source"].get("warnings", [])),
             f"book: {view['book_says'] or '(no label)'} [{view['book_bucket']}] — {view['agreement']}",
             f"mechanism: {view['mechanism']} — {view['mechanism_note']}"]
    for r in view["lean"]:
        covers = f"covers the {r['covers']}: {r['covers_why']}" if r["covers"] else ""
        lines.append(f"Lean {mark(r['status'])} ({r['relation']}; {covers})")
        for t in r["theorems"]:
            where = f"  {t['file']}:{t['line']}" if t.get("file") else ""
            lines.append(f"  {mark(t['status'])} {t['name']}: {t['status']}{where}")
            if t.get("statement"):
                lines.append(f"      {' '.join(t['statement'].split())}")
        if r["status"] != "holds":
            lines.append(f"  → {r['detail']}")
    b = view.get("lean_bound")
    if b and "error" in b:
        lines.append(f"Lean band: unreadable ({b['error'][:120]})")
    elif b:
        lines.append(f"Lean band (N ≥ {b['N_min']}, L = ℓ N, every log-like ℓ): {_linear_text(*b['lower'])}"
                     f" ≤ C_V(1, N) - L²/12 ≤ {_linear_text(*b['upper'])}")
    for i in view["identities"]:
        lines.append(f"identity {mark(i['status'])} {i['name']} ({i['relation']}): {i['detail']}")
        if "value" in i:
            point = ", ".join(f"{k}={v}" for k, v in i["point"].items())
            lines.append(f"  value at {point}: {i['value']}")
            lines.append(f"  sympy: {truncate(i['sympy'], SCREEN, ' ({length} characters; --json)')}")
    for m in view["measurements"]:
        lines.append(f"measurement {mark(m['status'])} {m['label']} ({m['relation']}"
                     f"{', control' if m['control'] else ''}): {m['detail']}")
        if m["gamma"] is not None:
            window = m["window"]
            lines.append(f"  γ = {with_ci(m['gamma'], *m['ci'])} (95% CI), window d ∈ "
                         f"{f'[{window[0]}, {window[1]}]' if window else '?'}, N = {m['tokens'] or '?'} tokens × "
                         f"{m['prompts'] or '?'} prompts")
    for c in view["citations"]:
        lines.append(f"citation 📎 {c}")
    if not (view["lean"] or view["identities"] or view["measurements"] or view["citations"]):
        lines.append("receipts: none")
    for name, path in view["plots"].items():
        lines.append(f"plot: {path} ({name})")
    if view["links"] is None:
        lines.append("links: from the Lean sources' Claim: tags (no Lean manifest to compare them with)")
    elif view["links"]:
        lines += ["links: the Lean manifest tags otherwise than the sources:"] + [f"  {d}" for d in view["links"]]
    else:
        lines.append("links: from the Lean Claim: tags (the manifest tags the same theorems)")
    return "\n".join(lines)


def claim_rows(*, ledger: str | Path | None = None, manifest: str | Path | None = None,
               claims: str | Path | None = None, bucket: str | None = None, kind: str | None = None,
               chapter: int | None = None) -> tuple[list[dict[str, Any]], str]:
    """The claims (filtered) with their buckets, and where the buckets come from."""
    from attnthermo.ledger.buckets import BUCKETS
    from attnthermo.ledger.claims import KINDS

    if bucket is not None and bucket not in BUCKETS:
        raise DomainError("--bucket", bucket, f"must be one of {', '.join(BUCKETS)}")
    if kind is not None and kind not in KINDS:
        raise DomainError("--kind", kind, f"must be one of {', '.join(KINDS)}")
    claim_set = load_claims(claims)
    data, path = _ledger(ledger)
    if data is not None:
        buckets = data.buckets
        source = "\n".join([f"buckets from {'the given ledger' if ledger is not None else 'the last audit'} ({path})"]
                           + [f"warning: this ledger was {w}" for w in ledger_warnings(data)])
    else:
        rows = computed_rows(claim_set, load_manifest(manifest) if manifest else last_manifest())
        buckets = {cid: row.bucket for cid, row in rows.items()}
        source = "buckets computed now (no audit found; measurements not run, so empirical claims are folklore here)"
    out = [{"id": c.id, "chapter": c.chapter, "kind": c.kind, "bucket": buckets.get(c.id, "—"), "statement": c.statement}
           for c in claim_set.values()
           if (kind is None or c.kind == kind) and (chapter is None or c.chapter == chapter)
           and (bucket is None or buckets.get(c.id) == bucket)]
    return out, source
