"""The bucket rule on synthetic evidence: each consequence the issue names follows from the rule."""

from __future__ import annotations

import pytest

from attnthermo.errors import DomainError
from attnthermo.ledger.buckets import decide
from attnthermo.ledger.claims import COVERAGES, Claim, Receipt
from attnthermo.thermo.identities.identity import IdentityCheck


@pytest.fixture()
def all_pass(claims, syn):
    return syn.verdicts_for(claims, syn.evidence_for(claims, syn.manifest(claims)))


def test_erratum_quarter_is_contradicted_by_the_proved_twelfth(all_pass):
    v = all_pass["cv-gamma1-quarter"]
    assert v.bucket == "folklore"
    assert "contradicted" in v.reason and "uniformVariance_ne_sq_div_four" in v.reason
    # the Lean half of the contradiction is named for what it is: the finite-ensemble refutation
    assert "statement for log-like ℓ: energyVariance_harmonicStates_ne_sq_div_four" in v.reason, v.reason
    assert all_pass["cv-gamma1-twelfth"].bucket == "verified"


@pytest.mark.parametrize("cid, covers", [("cv-gamma1-twelfth", "statement for log-like ℓ"),
                                         ("fisher-equals-cv-over-gamma-sq", "algebraic core")])
def test_algebraic_core_is_verified_only_with_its_identity(claims, syn, cid, covers):
    """Issue 10 §4: Lean proves these claims' algebra (or, for the /12 law, the statement for every
    log-like ℓ, log being one by a fact not checked here), not the claims; the row names the broadest
    coverage, and without the identity receipt the Lean receipts alone do not verify them."""
    manifest = syn.manifest(claims)
    v = syn.verdicts_for(claims, syn.evidence_for(claims, manifest))[cid]
    assert v.bucket == "verified" and v.strength == f"Lean ({covers}) + identity at 30 digits", v
    lean = next(r for r in claims[cid].receipts if r.kind == "lean")
    assert lean.covers == "algebraic core" and lean.covers_why
    ev = syn.evidence_for(claims, manifest)
    for r in claims[cid].receipts:
        if r.kind == "identity":
            del ev.identities[r.identity]
    alone = syn.verdicts_for(claims, ev)[cid]
    assert alone.bucket == "folklore" and "identity" in alone.reason


def test_a_statement_covering_lean_receipt_verifies_alone(claims, syn):
    ev = syn.evidence_for(claims, syn.manifest(claims))
    ev.identities.pop("middleWavelength_sq")
    v = syn.verdicts_for(claims, ev)["rope-t-cross"]
    assert v.bucket == "folklore" and "could not be re-checked" in v.reason  # a missing supporting identity
    only_lean = {cid: c for cid, c in claims.items() if cid == "rope-t-cross"}
    stripped = {"rope-t-cross": Claim(**{**only_lean["rope-t-cross"].__dict__,
                                         "receipts": tuple(r for r in claims["rope-t-cross"].receipts if r.kind == "lean")})}
    verdict = syn.verdicts_for(stripped, syn.evidence_for(stripped, syn.manifest(stripped)))["rope-t-cross"]
    assert verdict.bucket == "verified" and verdict.strength.startswith("Lean theorem") and "covers" in verdict.strength


def test_tmax_equality_is_only_an_upper_bound(all_pass):
    assert all_pass["rope-tmax"].bucket == "folklore"
    assert "slowestWavelength_lt" in all_pass["rope-tmax"].reason
    assert all_pass["rope-tmax-upper-bound"].bucket == "verified"
    assert all_pass["rope-tmax"].agreement == "disagrees"


def test_pade_is_algebra_as_a_form_and_numerology_as_a_predictor(all_pass):
    assert all_pass["pade-form"].bucket == "verified"
    assert all_pass["pade-predicts-gamma"].bucket == "numerology"
    assert "no derivation" in all_pass["pade-predicts-gamma"].reason


def test_pade_outside_its_tolerance_is_folklore(claims, syn):
    ms = syn.passing_metrics()
    theta = ms[("theta-rescaling", "smollm2")]
    ms[("theta-rescaling", "smollm2")] = syn.measured("theta-rescaling", "smollm2",
                                                      {**theta.metrics, "scale_gamma_pade": [0.2, 0.5, 0.9]})
    v = syn.verdicts_for(claims, syn.evidence_for(claims, syn.manifest(claims), ms))
    assert v["pade-predicts-gamma"].bucket == "folklore"
    assert "outside tolerance" in v["pade-predicts-gamma"].reason


def test_identity_verifies_only_what_lean_cannot_state(all_pass, claims):
    for cid, c in claims.items():
        if c.kind == "math" and all_pass[cid].bucket == "verified":
            kinds = {r.kind for r in c.receipts}
            assert ("lean" in kinds) != bool(c.lean_unstatable), cid
            covers = {r.covers for r in c.receipts if r.kind == "lean" and r.relation == "supports"}
            broadest = min(covers, key=COVERAGES.index) if covers else None
            expected = "identity" if "lean" not in kinds else "Lean theorem" if broadest == "statement" else \
                f"Lean ({broadest}) + identity"
            assert all_pass[cid].strength.startswith(expected), (cid, all_pass[cid].strength)


def test_measured_claims_say_on_how_many_models(all_pass):
    v = all_pass["random-init-has-no-decay"]
    assert v.bucket == "verified" and v.models == ["smollm2"] and "1 model" in v.reason


def test_receipts_that_cannot_exist_here_leave_folklore(all_pass):
    for cid in ("phase-a-majority", "nu-imprint", "df-budget-beats-adakv"):
        assert all_pass[cid].bucket == "folklore"
        assert "no receipt available" in all_pass[cid].reason


def test_readings_are_folklore_and_name_their_math_row(all_pass):
    v = all_pass["hagedorn-boundary"]
    assert v.bucket == "folklore" and "hagedorn-boundary-math is verified" in v.reason
    assert v.agreement == "agrees"
    assert all_pass["fractional-order"].bucket == "folklore"


def test_a_missing_theorem_is_not_a_receipt(claims, syn):
    manifest = syn.manifest(claims)
    del manifest["theorems"]["AttnThermo.RopePade.middleWavelength_sq"]
    v = syn.verdicts_for(claims, syn.evidence_for(claims, manifest))
    assert v["rope-t-cross"].bucket == "folklore" and "not in the manifest" in v["rope-t-cross"].reason


def test_nonstandard_axiom_or_failed_identity_unverifies(claims, syn):
    manifest = syn.manifest(claims)
    manifest["theorems"]["AttnThermo.RopePade.padeExp_sub_taylor"]["axiom_audit"].update(ok=False, found=["sorryAx"])
    ev = syn.evidence_for(claims, manifest)
    ev.identities["tail_bounds"] = IdentityCheck("tail_bounds", ok=False, dps=30, points=5, max_error=0.3,
                                                 detail="bound violated")
    v = syn.verdicts_for(claims, ev)
    assert v["pade-form"].bucket == "folklore" and "sorryAx" in v["pade-form"].reason
    assert v["tail-boundary"].bucket == "folklore" and "bound violated" in v["tail-boundary"].reason


def test_mechanism_cycle_is_an_error():
    a = Claim("a", 1, "empirical", "s", "", "asserted", "claim:b", "n", (), fits_formula=True)
    b = Claim("b", 1, "empirical", "s", "", "asserted", "claim:a", "n", (), fits_formula=True)
    with pytest.raises(DomainError, match="cycle"):
        decide({"a": a, "b": b}, {})


def test_contradiction_without_support_still_needs_the_receipt_to_hold(claims, syn):
    manifest = syn.break_module(syn.manifest(claims), "AttnThermo.LogUniform")
    ev = syn.evidence_for(claims, manifest)
    ev.identities["uniformVariance_ne_sq_div_four"] = IdentityCheck("uniformVariance_ne_sq_div_four", ok=False,
                                                                    dps=30, points=8, max_error=1.0, detail="broken")
    v = syn.verdicts_for(claims, ev)
    assert v["cv-gamma1-quarter"].bucket == "folklore"
    assert "contradicted" not in v["cv-gamma1-quarter"].reason


def test_citations_never_verify():
    c = Claim("c", 1, "empirical", "s", "", "asserted", "none", "n", (Receipt("citation", "supports", source="x"),))
    from attnthermo.ledger.receipts import Evidence, check_receipt

    res = {"c": [check_receipt(r, Evidence()) for r in c.receipts]}
    assert decide({"c": c}, res)["c"].bucket == "folklore"
