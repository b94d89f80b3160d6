"""Verdicts that carry their uncertainty: holds/fails only when ≥ 95% of the bootstrap resamples
agree with the point estimate, otherwise inconclusive, which the bucket rule makes folklore
with "not enough data here: rerun with --prompts K" (hand-made resamples, no model)."""

from __future__ import annotations

import pytest

from attnthermo.errors import DomainError
from attnthermo.ledger.buckets import decide
from attnthermo.ledger.claims import Claim, Receipt, ToleranceTest
from attnthermo.ledger.receipts import Evidence, check_receipt
from attnthermo.ledger.rows import Measured
from attnthermo.ledger.tolerance import judge, prompts_needed


def _measured(metrics: dict, resamples: list[dict]) -> Measured:
    return Measured(protocol="decay-fit", model="m", arguments={}, metrics=metrics, prompts=4, setting={},
                    seconds=0.0, model_sha256=None, cache_key=None, notes=[], resamples=resamples)


def _spread(centre: float, width: float, n: int = 200) -> list[dict]:
    return [{"g": centre + width * (i / (n - 1) - 0.5)} for i in range(n)]


def test_decided_only_when_the_resamples_agree():
    assert judge("at_most", {"g": 0.8}, _spread(0.8, 0.1), "g", 1.0, prompts=4).outcome == "holds"
    assert judge("at_most", {"g": 1.2}, _spread(1.2, 0.1), "g", 1.0, prompts=4).outcome == "fails"
    wide = judge("at_most", {"g": 0.95}, _spread(0.95, 0.4), "g", 1.0, prompts=4)
    assert wide.outcome == "inconclusive" and wide.passed
    assert 0.5 < wide.agreement < 0.95 and wide.prompts_needed > 4
    assert "resamples agree" in wide.sentence()


def test_prompts_needed_grows_as_the_agreement_falls():
    assert prompts_needed(0.9, 4, 1000) < prompts_needed(0.7, 4, 1000)
    assert prompts_needed(0.5, 4, 1000) is None  # on the threshold: no K can be estimated


def test_monotone_is_a_trend_whose_sign_the_resamples_share():
    point = {"s": [0.91, 0.90, 0.87]}
    steady = [{"s": [0.91 + e, 0.90, 0.87 - e]} for e in (0.0, 0.01, -0.01, 0.005)]
    assert judge("monotone", point, steady, "s", 0.0, prompts=4).outcome == "holds"
    noisy = [{"s": [0.90 + e, 0.90, 0.90 - e]} for e in (0.02, -0.02, 0.03, -0.01)]
    verdict = judge("monotone", point, noisy, "s", 0.0, prompts=4)
    assert verdict.outcome == "inconclusive" and verdict.agreement == 0.5


def test_no_resamples_is_an_error():
    with pytest.raises(DomainError, match="resamples"):
        judge("at_most", {"g": 0.8}, [], "g", 1.0, prompts=4)


def test_inconclusive_becomes_folklore_with_the_prompts_to_rerun_with():
    claim = Claim("c", 1, "empirical", "s", "", "asserted", "none", "n",
                  (Receipt("measurement", "supports", protocol="decay-fit", model="m",
                           tests=(ToleranceTest("at_most", "g", 1.0, "why"),)),))
    run = _measured({"g": 0.95}, _spread(0.95, 0.4))
    result = check_receipt(claim.receipts[0], Evidence(measurements={("decay-fit", "m"): run}))
    assert result.status == "inconclusive"
    verdict = decide({"c": claim}, {"c": [result]})["c"]
    assert verdict.bucket == "folklore"
    assert f"not enough data here: rerun with --prompts {result.data['prompts_needed']}" in verdict.reason
    run = _measured({"g": 0.8}, _spread(0.8, 0.1))
    held = check_receipt(claim.receipts[0], Evidence(measurements={("decay-fit", "m"): run}))
    verdict = decide({"c": claim}, {"c": [held]})["c"]
    assert verdict.bucket == "verified" and "resample agreement" in verdict.reason and "100%" in verdict.reason
