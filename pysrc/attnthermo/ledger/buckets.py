"""The bucket rule: from re-checked receipts to verified / folklore / numerology.

The rule, in order (the README states the same):

1. **Contradicted.** A Lean, identity or measurement receipt whose relation is ``contradicts``
   and that holds puts the claim in *folklore*, naming that receipt (a contradicting Lean
   receipt that covers only the algebraic core counts together with a contradicting identity
   receipt that holds).
2. **A receipt that does not stand.** A supporting Lean, identity or measurement receipt that
   fails, or could not be re-checked, puts the claim in *folklore*, naming it.
2a. **Window-dependent.** A supporting measurement that holds on some windows of its window family
   and fails on others (``window_verdict``) puts the claim in *folklore*, saying where it holds.
2b. **Not enough data.** A supporting measurement whose bootstrap resamples do not decide one
   of its tests (``inconclusive``: fewer than 95% agree) puts the claim in *folklore* with the
   reason "not enough data here: rerun with --prompts K", K estimated from the resamples.
3. Otherwise, by kind:

   - *math*: **verified (Lean)** when a supporting Lean receipt holds that covers the claim's
     statement (``covers = "statement"``). A Lean receipt that covers only the claim's algebraic
     core (``covers = "algebraic core"``, e.g. the moment algebra for an abstract derivation while
     the claim is about ∂_γ of d^-γ) verifies only together with a supporting identity receipt
     that holds at its high precision: the row says "Lean (algebraic core) + identity at 30
     digits". A receipt that covers the statement for every log-like ℓ (``covers = "statement
     for log-like ℓ"``: log is one by a Mathlib fact not checked here) counts the same way, and the
     row names the broadest coverage ("Lean (statement for log-like ℓ) + identity …"). When the claim records why core Lean cannot state it at all (``lean_unstatable``),
     a holding identity receipt verifies it alone, and the row says so. Anything else is
     *folklore* (no receipt, or an algebraic core without its identity).
   - *empirical*: when a supporting measurement holds within every tolerance test on every window
     of its family, the claim is
     **verified** (the row says on how many models) — unless it is a formula fitted to the
     numbers (``fits_formula``) with no derivation behind it, which makes it *numerology*.
     With no measurement available here it is *folklore* (no receipt available), whatever
     citations it records.
   - *interpretive* (a reading): *folklore* — no receipt kind can verify an analogy; its
     mathematical part is judged in its own ``<id>-math`` row.

A derivation is "behind" a claim when ``mechanism = "derivation"`` and one of its own Lean or
identity receipts holds, or ``mechanism = "claim:<id>"`` and that claim is verified.
Citations are recorded and shown but never move a claim.

The book's label is then compared: ``asserted`` (stated as fact) agrees only with verified;
``unverified`` (the book's own "open", "unvalidated", "erratum", "analogy") agrees with anything
but verified; the three bucket names agree with themselves.

>>> from attnthermo.ledger.claims import Claim, Receipt
>>> c = Claim("x", 1, "math", "s", "", "asserted", "derivation", "n",
...           (Receipt("lean", "contradicts", theorems=("A.b",), covers="statement", covers_why="w"),))
>>> from attnthermo.ledger.receipts import ReceiptResult
>>> r = ReceiptResult("lean", "contradicts", "b", "holds", "proved")
>>> decide({"x": c}, {"x": [r]})["x"].bucket
'folklore'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from attnthermo.errors import DomainError
from attnthermo.ledger.claims import COVERAGES, Claim
from attnthermo.ledger.receipts import ReceiptResult

BUCKETS = ("verified", "folklore", "numerology")
RECHECKABLE = ("lean", "identity", "measurement")


@dataclass
class Verdict:
    """A claim's bucket, why, the strength of what holds it there, and the book's agreement."""

    bucket: str
    reason: str
    strength: str
    agreement: str  # "agrees" | "disagrees"
    models: list[str]

    def __post_init__(self) -> None:
        if self.bucket not in BUCKETS:
            raise DomainError("bucket", self.bucket, f"must be one of {', '.join(BUCKETS)}")

    def to_json(self) -> dict[str, Any]:
        return {"bucket": self.bucket, "reason": self.reason, "strength": self.strength,
                "agreement": self.agreement, "models": self.models}


def _agreement(book_bucket: str, bucket: str) -> str:
    if book_bucket == "asserted":
        ok = bucket == "verified"
    elif book_bucket == "unverified":
        ok = bucket != "verified"
    else:
        ok = book_bucket == bucket
    return "agrees" if ok else "disagrees"


def _coverage_rank(r: ReceiptResult) -> int:
    """0 for the broadest coverage a Lean receipt records (``COVERAGES`` order)."""
    return COVERAGES.index(r.data.get("covers") or COVERAGES[-1])


def _covers_statement(r: ReceiptResult) -> bool:
    return r.kind == "lean" and r.data.get("covers") == "statement"


def _verdict(claim: Claim, results: list[ReceiptResult], decided: dict[str, Verdict]) -> tuple[str, str, str, list[str]]:
    checkable = [r for r in results if r.kind in RECHECKABLE]
    contradicting = [r for r in checkable if r.relation == "contradicts" and r.holds]
    core = [r for r in contradicting if r.kind == "lean" and not _covers_statement(r)]
    for r in contradicting:
        if r in core:
            continue  # an algebraic core contradicts only beside a receipt that reaches the claim
        best = min(core, key=_coverage_rank) if core else None
        also = f" (with Lean, {best.data.get('covers') or COVERAGES[-1]}: {best.label})" \
            if best and r.kind == "identity" else ""
        return "folklore", f"contradicted by {r.kind} receipt {r.label}{also}: {r.detail}", _strength(r), []
    for r in checkable:
        if r.relation == "supports" and r.status in ("fails", "error"):
            verb = "does not hold" if r.status == "fails" else "could not be re-checked"
            return "folklore", f"{r.kind} receipt {r.label} {verb}: {r.detail}", "none", []
    for r in checkable:
        if r.relation == "supports" and r.status == "window-dependent":
            return "folklore", f"window-dependent ({r.label}): {r.detail.removeprefix('window-dependent: ')}", "none", []
    for r in checkable:
        if r.relation == "supports" and r.status == "inconclusive":
            k = r.data.get("prompts_needed")
            rerun = f"rerun with --prompts {k}" if k else "rerun with many more prompts (the estimate sits on the threshold)"
            return "folklore", f"not enough data here: {rerun}; {r.label}: {r.detail}", "none", []
    holding = [r for r in checkable if r.relation == "supports" and r.holds]
    citations = [r for r in results if r.kind == "citation"]
    cited = f"; {len(citations)} citation(s) recorded" if citations else ""
    if claim.kind == "math":
        lean = [r for r in holding if r.kind == "lean"]
        identity = [r for r in holding if r.kind == "identity"]
        statement = [r for r in lean if _covers_statement(r)]
        if statement:
            return "verified", "Lean receipt holds and covers the statement", _strength(statement[0]), []
        if lean and identity:
            digits = identity[0].data.get("dps")
            best = min(lean, key=_coverage_rank)
            covers = best.data.get("covers") or COVERAGES[-1]
            return ("verified", f"Lean ({covers}) + identity at {digits} digits: {best.data.get('covers_why')}",
                    f"Lean ({covers}) + identity at {digits} digits", [])
        if lean:
            return ("folklore", f"Lean covers only the algebraic core ({lean[0].data.get('covers_why')}) and no "
                    "identity receipt holds", "none", [])
        if identity and claim.lean_unstatable:
            return ("verified", f"identity receipt holds; no Lean statement possible ({claim.lean_unstatable})",
                    _strength(identity[0]), [])
        if identity:
            return "folklore", "only an identity holds, but core Lean can state this claim and no Lean receipt is given", "none", []
        return "folklore", "no receipt" + cited, "citation only" if citations else "none", []
    if claim.kind == "empirical":
        measured = [r for r in holding if r.kind == "measurement"]
        if not measured:
            unavailable = [r for r in results if r.status == "unavailable"]
            why = "; ".join(dict.fromkeys(r.detail for r in unavailable)) or "no measurement receipt"
            return "folklore", why + cited, "citation only" if citations else "none", []
        models = sorted({str(r.data.get("model")) for r in measured})
        agree = ", ".join(f"{r.label} {r.data.get('agreement', 0):.0%}{_members(r)}" for r in measured)
        agreement = f"; resample agreement (lowest test): {agree}"
        if claim.fits_formula and not _derivation_behind(claim, holding, decided):
            return ("numerology", f"fits the measured numbers within tolerance on {len(models)} model(s) "
                    f"but no derivation is behind the fit ({claim.mechanism_note}){agreement}",
                    _strength(measured[0], len(models)), models)
        return ("verified", f"reproduced within tolerance on {len(models)} model(s): {', '.join(models)}{agreement}",
                _strength(measured[0], len(models)), models)
    math_row = decided.get(f"{claim.id}-math")
    part = f"; its mathematical part {claim.id}-math is {math_row.bucket}" if math_row else ""
    return "folklore", "a reading: no receipt kind can verify an analogy" + part + cited, "none", []


def _members(r: ReceiptResult) -> str:
    """" on [4, 16] 99%, [4, 64] 100%, [8, 127] 98% (N = 256)": each window of the family, when judged on one."""
    family = r.data.get("family")
    if not family:
        return "" if not r.data.get("window_bound") else " (one window: no per-prompt profiles to fit a family)"
    each = ", ".join(f"[{m['window'][0]}, {m['window'][1]}] {m['agreement']:.0%}" for m in family["members"])
    return f" on {each} (N = {family['tokens']})"


def _derivation_behind(claim: Claim, holding: list[ReceiptResult], decided: dict[str, Verdict]) -> bool:
    if claim.mechanism == "derivation":
        return any(r.kind in ("lean", "identity") for r in holding)
    ref = claim.mechanism_claim
    return ref is not None and ref in decided and decided[ref].bucket == "verified"


def _strength(r: ReceiptResult, models: int = 0) -> str:
    if r.kind == "lean":
        return "Lean theorem (proved, pinned; covers the statement)"
    if r.kind == "identity":
        return f"identity ({r.data.get('dps')} digits, {r.data.get('points')} points)"
    if r.kind == "measurement":
        return f"measurement ({models or 1} model{'s' if models > 1 else ''})"
    return "citation only"


def _order(claims: dict[str, Claim]) -> list[str]:
    """Claims ordered so that a claim comes after the claim holding its mechanism and its -math row."""
    order: list[str] = []
    state: dict[str, str] = {}

    def visit(cid: str, path: tuple[str, ...]) -> None:
        if state.get(cid) == "done":
            return
        if state.get(cid) == "visiting":
            raise DomainError("mechanism", " -> ".join(path + (cid,)), "claims refer to each other in a cycle")
        state[cid] = "visiting"
        claim = claims[cid]
        deps = [claim.mechanism_claim] if claim.mechanism_claim else []
        if claim.kind == "interpretive":
            deps.append(f"{cid}-math")
        for dep in deps:
            if dep in claims:
                visit(dep, path + (cid,))
        state[cid] = "done"
        order.append(cid)

    for cid in claims:
        visit(cid, ())
    return order


def decide(claims: dict[str, Claim], results: dict[str, list[ReceiptResult]]) -> dict[str, Verdict]:
    """Apply the bucket rule to every claim; returns verdicts by claim id (in the claims' order)."""
    decided: dict[str, Verdict] = {}
    for cid in _order(claims):
        claim = claims[cid]
        bucket, reason, strength, models = _verdict(claim, results.get(cid, []), decided)
        decided[cid] = Verdict(bucket, reason, strength, _agreement(claim.book_bucket, bucket), models)
    return {cid: decided[cid] for cid in claims}
