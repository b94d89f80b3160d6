"""Seed stability: the audit's empirical rows at quick settings with seed 0 and seed 1 (different
prompt draws, different bootstrap) fall in the same bucket wherever neither run is inconclusive.

The seed-0 measurements are the audit's own (same protocols, same cache); seed 1 is measured here.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

INCONCLUSIVE = "not enough data here"


def _empirical_verdicts(seed: int):
    from attnthermo.ledger import evidence as ev
    from attnthermo.ledger.buckets import decide
    from attnthermo.ledger.claims import load_claims
    from attnthermo.ledger.protocols import AUDIT_MODELS
    from attnthermo.ledger.receipts import Evidence, check_receipt

    claims = {cid: c for cid, c in load_claims().items() if c.kind == "empirical"}
    runs = ev.gather_measurements(ev.measurements_needed(claims, AUDIT_MODELS), AUDIT_MODELS,
                                  device="cpu", quick=True, seed=seed)
    evidence = Evidence(measurements=runs, default_model=AUDIT_MODELS[0])
    results = {cid: [check_receipt(e, evidence) for r in c.receipts for e in ev.for_models(r, AUDIT_MODELS)]
               for cid, c in claims.items()}
    return runs, results, decide(claims, results)


@pytest.fixture(scope="module")
def by_seed():
    return {seed: _empirical_verdicts(seed) for seed in (0, 1)}


def test_the_two_seeds_draw_different_prompts(by_seed):
    g0 = by_seed[0][0][("decay-fit", "smollm2")].metrics["gamma"]
    g1 = by_seed[1][0][("decay-fit", "smollm2")].metrics["gamma"]
    assert g0 != g1, "seed 1 must measure on another prompt draw"


def test_same_bucket_wherever_neither_seed_is_inconclusive(by_seed):
    (_, _, v0), (_, _, v1) = by_seed[0], by_seed[1]
    decided = [cid for cid in v0 if INCONCLUSIVE not in v0[cid].reason and INCONCLUSIVE not in v1[cid].reason]
    measured = [cid for cid in decided if v0[cid].models]
    assert len(measured) >= 2, f"too few rows decided by a measurement to compare: {decided}"
    flipped = {cid: (v0[cid].bucket, v1[cid].bucket) for cid in decided if v0[cid].bucket != v1[cid].bucket}
    assert not flipped, flipped


def test_every_measured_row_states_its_resample_agreement(by_seed):
    _, results, verdicts = by_seed[0]
    for cid, rows in results.items():
        for r in rows:
            if r.kind == "measurement" and r.status in ("holds", "fails", "inconclusive"):
                assert "resamples agree" in r.detail, (cid, r.detail)
        if verdicts[cid].models:
            assert "resample agreement" in verdicts[cid].reason, (cid, verdicts[cid].reason)
            assert len(verdicts[cid].models) == 2, "a claim about trained models is measured on both models"
