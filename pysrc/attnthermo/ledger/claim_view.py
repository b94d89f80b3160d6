"""One claim on one screen (``attnthermo claim ID``) and the list of claims (``attnthermo claims``).

A claim's view holds its statement, bucket and why, the book's label, each Lean theorem with
Lean's own statement and status, each identity with its value at the documented point and its
sympy form, each measurement with γ, CI, window, N and prompts, and its plots. It comes from the
last audit when one exists (``attnthermo audit`` notes where it wrote ledger.json), otherwise it
is computed now — the Lean status from the cached manifest (never compiling), the identities
re-checked (cached), measurements not run — and the view says which.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from attnthermo.defaults import DEFAULT_DPS
from attnthermo.errors import DomainError
from attnthermo.lean_band import BAND_THEOREM, LeanBand, parse_band
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


@dataclass(frozen=True)
class ViewSource:
    """Where the view comes from: an audit's ledger (its path and date) or computed now."""

    kind: str  # "audit" | "computed"
    path: str | None
    created: str | None
    note: str
    warnings: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        head = {"kind": self.kind, "path": self.path, "created": self.created}
        if self.kind == "audit":  # the key order `claim --json` has always printed, per kind
            return {**head, "note": self.note, "warnings": list(self.warnings)}
        return {**head, "warnings": list(self.warnings), "note": self.note}


@dataclass(frozen=True)
class TheoremView:
    """One Lean theorem of a Lean receipt: its status and, when the manifest has it, where it is,
    its pin, its axiom audit and Lean's statement."""

    name: str
    status: str
    pinned: str | None = None
    axioms_ok: bool | None = None
    module: str | None = None
    file: str | None = None
    line: int | None = None
    statement: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if v is not None}


@dataclass(frozen=True)
class LeanView:
    """One Lean receipt: its result, what it covers and its theorems."""

    relation: str
    status: str
    detail: str
    covers: str | None
    covers_why: str | None
    theorems: tuple[TheoremView, ...]

    def to_json(self) -> dict[str, Any]:
        return {"relation": self.relation, "status": self.status, "detail": self.detail, "covers": self.covers,
                "covers_why": self.covers_why, "theorems": [t.to_json() for t in self.theorems]}


@dataclass(frozen=True)
class IdentityView:
    """One identity receipt; its point, value there, sympy form and statement when the identity is known."""

    name: str
    relation: str
    status: str
    detail: str
    point: dict[str, Any] | None = None  # JSON scalars (``_plain``)
    value: str | None = None
    sympy: str | None = None
    statement: str | None = None

    def to_json(self) -> dict[str, Any]:
        out = {"name": self.name, "relation": self.relation, "status": self.status, "detail": self.detail}
        if self.value is not None:
            out.update(point=self.point, value=self.value, sympy=self.sympy, statement=self.statement)
        return out


@dataclass(frozen=True)
class MeasurementView:
    """One measurement receipt with γ, its CI, window, N and prompts (None where not measured)."""

    label: str
    relation: str
    status: str
    detail: str
    gamma: float | None
    ci: tuple[float | None, float | None]
    window: list[int] | None
    tokens: int | None
    prompts: int | None
    control: bool
    tests: list[Any]

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "relation": self.relation, "status": self.status, "detail": self.detail,
                "gamma": self.gamma, "ci": list(self.ci), "window": self.window, "tokens": self.tokens,
                "prompts": self.prompts, "control": self.control, "tests": self.tests}


@dataclass(frozen=True)
class UnreadableBand:
    """``BAND_THEOREM`` is proved but its printed statement is not of the band's form."""

    theorem: str
    error: str

    def to_json(self) -> dict[str, Any]:
        return {"theorem": self.theorem, "error": self.error}


_CLAIM_TEXT = ("id", "chapter", "kind", "statement", "book_says", "book_bucket", "mechanism", "mechanism_note")


@dataclass(frozen=True)
class ClaimView:
    """Everything about one claim (``attnthermo claim ID``; ``to_json`` is what ``--json`` prints)."""

    claim: Claim  # its text is shown as the claims file states it; its receipts through the views below
    source: ViewSource
    bucket: str
    reason: str
    strength: str
    agreement: str
    lean: tuple[LeanView, ...]
    identities: tuple[IdentityView, ...]
    measurements: tuple[MeasurementView, ...]
    citations: tuple[str, ...]
    plots: dict[str, str]
    links: list[str] | None  # None: no Lean manifest to compare the sources' tags with
    lean_bound: LeanBand | UnreadableBand | None

    def to_json(self) -> dict[str, Any]:
        return {
            **{name: getattr(self.claim, name) for name in _CLAIM_TEXT},
            "source": self.source.to_json(), "bucket": self.bucket,
            "reason": self.reason, "strength": self.strength, "agreement": self.agreement,
            "lean": [r.to_json() for r in self.lean], "identities": [i.to_json() for i in self.identities],
            "measurements": [m.to_json() for m in self.measurements], "citations": list(self.citations),
            "plots": self.plots, "links": self.links,
            "lean_bound": self.lean_bound.to_json() if self.lean_bound is not None else None,
        }


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


def _identity_view(receipt: ReceiptResult) -> IdentityView:
    from attnthermo.thermo.registry import identity

    name = receipt.links[0]["identity"]
    try:
        ident = identity(name)
    except DomainError:
        return IdentityView(name, receipt.relation, receipt.status, receipt.detail)
    digits = ident.point.get("dps", DEFAULT_DPS)
    return IdentityView(name, receipt.relation, receipt.status, receipt.detail,
                        point={k: _plain(v) for k, v in ident.point.items()},
                        value=format_value(ident.evaluate(), digits), sympy=str(ident.sympy_form()),
                        statement=ident.statement)


def _measurement_view(receipt: ReceiptResult, ledger: LedgerFile | None) -> MeasurementView:
    row = ledger.measurements.get(receipt.label) if ledger is not None else None
    measured = row if isinstance(row, Measured) else None
    metrics = (measured.metrics if measured else None) or receipt.data.get("metrics") or {}  # the row has every metric
    setting = measured.setting if measured else {}
    return MeasurementView(receipt.label, receipt.relation, receipt.status, receipt.detail, gamma=metrics.get("gamma"),
                           ci=(metrics.get("gamma_ci_low"), metrics.get("gamma_ci_high")),
                           window=metrics.get("window") or setting.get("window"), tokens=setting.get("tokens"),
                           prompts=setting.get("prompts", measured.prompts if measured else None),
                           control=is_control(row), tests=receipt.data.get("tests", []))


@dataclass(frozen=True)
class ClaimLine:
    """One line of ``attnthermo claims``: the claim and its bucket ("—" when the ledger has none)."""

    id: str
    chapter: int
    kind: str
    bucket: str
    statement: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "chapter": self.chapter, "kind": self.kind, "bucket": self.bucket,
                "statement": self.statement}


def claim_view(cid: str, *, ledger: str | Path | None = None, manifest: str | Path | None = None,
               claims: str | Path | None = None) -> ClaimView:
    """Everything about claim ``cid`` (its ``to_json()`` is what ``attnthermo claim --json`` prints)."""
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
        source = ViewSource("audit", str(path), data.provenance.created,
                            "from the given ledger" if ledger is not None else "from the last audit",
                            tuple(ledger_warnings(data)))
        links = disagreements_for(cid, data.links)
        plots = data.plots
    else:
        manifest_data = load_manifest(manifest) if manifest else last_manifest()
        row = computed_rows(_closure(claim_set, cid), manifest_data)[cid]
        source = ViewSource("computed", None, None,
                            "computed now (no audit found): Lean status from "
                            + ("the given manifest" if manifest else "the cached manifest" if manifest_data else
                               "no manifest (run `attnthermo lean check`)")
                            + ", identities re-checked, measurements not run", ())
        links = (None if manifest_data is None else
                 disagreements_for(cid, tag_differences(tags, manifest_data.claim_tags())))
        plots = {}
    claim = claim_set[cid]
    receipts = row.receipts
    lean = tuple(LeanView(r.relation, r.status, r.detail, r.data.get("covers"), r.data.get("covers_why"),
                          tuple(_theorem_view(name, info) for name, info in r.data.get("theorems", {}).items())
                          or tuple(TheoremView(t, "unknown") for t in _theorems_of(claim, r.label)))
                 for r in receipts if r.kind == "lean")
    subjects = {link.get("identity") or link.get("protocol") for r in receipts for link in r.links}
    return ClaimView(
        claim=claim, source=source, bucket=row.bucket, reason=row.reason, strength=row.strength, agreement=row.agreement,
        lean=lean, identities=tuple(_identity_view(r) for r in receipts if r.kind == "identity"),
        measurements=tuple(_measurement_view(r, data) for r in receipts if r.kind == "measurement"),
        citations=tuple(r.label for r in receipts if r.kind == "citation"),
        plots={name: p for name, p in plots.items() if PLOT_SUBJECTS.get(name, set()) & subjects},
        links=links, lean_bound=_lean_bound(lean))


def _lean_bound(lean: tuple[LeanView, ...]) -> LeanBand | UnreadableBand | None:
    """The C_V(γ=1) band of ``BAND_THEOREM``, parsed from the statement Lean printed, when one of
    the claim's Lean receipts shows it proved (UnreadableBand when that statement is of another
    form); else None."""
    for r in lean:
        for t in r.theorems:
            if t.name == BAND_THEOREM and t.status == "proved" and t.statement:
                try:
                    return parse_band(t.statement)
                except DomainError as exc:
                    return UnreadableBand(BAND_THEOREM, str(exc))
    return None


def _theorem_view(name: str, info: Any) -> TheoremView:
    """A Lean receipt's record of one theorem as the ledger holds it; DomainError naming the theorem
    when the record is not one this attnthermo writes (edited, or from another version)."""
    known = {f.name for f in fields(TheoremView)} - {"name"}
    if not isinstance(info, dict) or "status" not in info or set(info) - known:
        found = sorted(info) if isinstance(info, dict) else type(info).__name__
        raise DomainError(f"ledger Lean receipt, theorem {name}", found,
                          f"not a theorem record this attnthermo writes (status and {', '.join(sorted(known - {'status'}))})")
    return TheoremView(name, **info)


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


def render_claim(view: ClaimView) -> str:
    """The view as text, one screen."""
    src, claim = view.source, view.claim
    lines = [f"{claim.id} (Ch. {claim.chapter}, {claim.kind}): {claim.statement}",
             f"bucket: {view.bucket.upper()} — {view.reason}",
             f"  ({src.note}{': ' + src.path if src.path else ''}{', ' + src.created if src.created else ''})",
             *(f"  warning: this ledger was {w}" for w in src.warnings),
             f"book: {claim.book_says or '(no label)'} [{claim.book_bucket}] — {view.agreement}",
             f"mechanism: {claim.mechanism} — {claim.mechanism_note}"]
    for r in view.lean:
        covers = f"covers the {r.covers}: {r.covers_why}" if r.covers else ""
        lines.append(f"Lean {mark(r.status)} ({r.relation}; {covers})")
        for t in r.theorems:
            where = f"  {t.file}:{t.line}" if t.file else ""
            lines.append(f"  {mark(t.status)} {t.name}: {t.status}{where}")
            if t.statement:
                lines.append(f"      {' '.join(t.statement.split())}")
        if r.status != "holds":
            lines.append(f"  → {r.detail}")
    b = view.lean_bound
    if isinstance(b, UnreadableBand):
        lines.append(f"Lean band: unreadable ({b.error[:120]})")
    elif b is not None:
        lower, upper = (tuple(str(x) for x in side) for side in (b.lower, b.upper))
        lines.append(f"Lean band (N ≥ {b.N_min}, L = ℓ N, every log-like ℓ): {_linear_text(*lower)}"
                     f" ≤ C_V(1, N) - L²/12 ≤ {_linear_text(*upper)}")
    for i in view.identities:
        lines.append(f"identity {mark(i.status)} {i.name} ({i.relation}): {i.detail}")
        if i.value is not None:
            point = ", ".join(f"{k}={v}" for k, v in i.point.items())
            lines.append(f"  value at {point}: {i.value}")
            lines.append(f"  sympy: {truncate(i.sympy, SCREEN, ' ({length} characters; --json)')}")
    for m in view.measurements:
        lines.append(f"measurement {mark(m.status)} {m.label} ({m.relation}"
                     f"{', control' if m.control else ''}): {m.detail}")
        if m.gamma is not None:
            window = m.window
            lines.append(f"  γ = {with_ci(m.gamma, *m.ci)} (95% CI), window d ∈ "
                         f"{f'[{window[0]}, {window[1]}]' if window else '?'}, N = {m.tokens or '?'} tokens × "
                         f"{m.prompts or '?'} prompts")
    for c in view.citations:
        lines.append(f"citation 📎 {c}")
    if not (view.lean or view.identities or view.measurements or view.citations):
        lines.append("receipts: none")
    for name, path in view.plots.items():
        lines.append(f"plot: {path} ({name})")
    if view.links is None:
        lines.append("links: from the Lean sources' Claim: tags (no Lean manifest to compare them with)")
    elif view.links:
        lines += ["links: the Lean manifest tags otherwise than the sources:"] + [f"  {d}" for d in view.links]
    else:
        lines.append("links: from the Lean Claim: tags (the manifest tags the same theorems)")
    return "\n".join(lines)


def claim_rows(*, ledger: str | Path | None = None, manifest: str | Path | None = None,
               claims: str | Path | None = None, bucket: str | None = None, kind: str | None = None,
               chapter: int | None = None) -> tuple[list[ClaimLine], str]:
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
    out = [ClaimLine(c.id, c.chapter, c.kind, buckets.get(c.id, "—"), c.statement)
           for c in claim_set.values()
           if (kind is None or c.kind == kind) and (chapter is None or c.chapter == chapter)
           and (bucket is None or buckets.get(c.id) == bucket)]
    return out, source
