"""Verdicts across a window family, on synthetic per-distance sums (no model): a kinked decay is
window-dependent, a clean power law holds on every window, noise is inconclusive; and the claims
file's window families are validated at load."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from attnthermo.errors import DomainError
from attnthermo.ledger.buckets import decide
from attnthermo.ledger.claims import load_claims
from attnthermo.ledger.protocols import metrics_for
from attnthermo.ledger.receipts import Evidence, check_receipt
from attnthermo.ledger.rows import ClaimRow, Measured, example_ledger
from attnthermo.measurement.assemble import assemble
from attnthermo.measurement.models import ModelSource
from attnthermo.measurement.protocol import resolve_protocol
from attnthermo.measurement.run import RunOutput
from attnthermo.paths import data_file

TOKENS, PROMPTS = 1024, 8


def synthetic_result(curve, noise: float = 0.01, layer_types=("full_attention",) * 4, sliding_window=None, seed=1,
                     tokens=TOKENS):
    """A measurement result assembled from per-prompt profiles A_k(d) = curve(d) · lognormal noise."""
    rng = np.random.default_rng(seed)
    d = np.arange(tokens // 2, dtype=float)
    d[0] = 1.0
    base = curve(d)
    L, H = len(layer_types), 2
    profiles = base * np.exp(noise * rng.standard_normal((PROMPTS, L, H, tokens // 2)))
    for i, t in enumerate(layer_types):  # a sliding-window layer sees nothing beyond its window
        if t == "sliding_attention":
            profiles[:, i, :, sliding_window:] = 0.0
    protocol = resolve_protocol(tokens=tokens, prompts=PROMPTS, bootstrap=200)
    facts = {"layer_types": list(layer_types), "sliding_window": sliding_window,
             "rope_theta": {"full_attention": 1e5}, "context_length": 8192, "not_stored_in_file": []}
    out = RunOutput(facts, [f"model.layers.{i}.self_attn" for i in range(L)], profiles,
                    np.full((PROMPTS, L, H), 0.3))
    source = ModelSource("synthetic", Path("/synthetic"), "hf", "0" * 64, "synthetic profiles")
    return assemble(source, protocol, protocol.as_dict(), out, {}, "synthetic")


def kinked(d):
    """γ = 1.1 below d = 40 and 0.6 beyond, continuous at the kink."""
    return np.where(d < 40, d ** -1.1, 40.0 ** -0.5 * d ** -0.6)


def receipt_for(claim_id: str):
    claims = load_claims()
    return claims, claims[claim_id], claims[claim_id].receipts[0]


def judged(claim_id: str, result):
    claims, claim, receipt = receipt_for(claim_id)
    metrics = metrics_for("decay-fit", result)
    run = Measured(protocol="decay-fit", model="smollm2", arguments={}, metrics=metrics.point, prompts=metrics.prompts,
                   setting={"tokens": result.protocol["tokens"]}, seconds=0.0, model_sha256=None, cache_key=None,
                   notes=[], resamples=metrics.resamples, result=result)
    ev = Evidence(measurements={("decay-fit", "smollm2"): run}, default_model="smollm2")
    from dataclasses import replace

    r = check_receipt(replace(receipt, model="smollm2"), ev)
    return r, decide({claim_id: claim}, {claim_id: [r]})[claim_id]


def test_member_on_the_headline_window_reproduces_the_headline_fit():
    result = synthetic_result(kinked)
    from attnthermo.measurement.window_family import fit_member

    member = fit_member(result.per_prompt, result.window)
    assert member["gamma"]["value"] == pytest.approx(result.gamma, abs=1e-12)
    assert np.allclose(member["gamma"]["resamples"], result.fit.resamples, atol=1e-12), "same prompt resamples"
    assert np.allclose(member["power_law_advantage"]["resamples"], result.power_law_advantage.resamples, atol=1e-6)


def test_a_kink_at_40_is_window_dependent_and_the_row_says_where():
    r, verdict = judged("trained-gamma-below-one", synthetic_result(kinked))
    assert r.status == "window-dependent", r.detail
    outcomes = {tuple(m["window"]): m["outcome"] for m in r.data["family"]["members"]}
    assert outcomes[(4, 64)] == "fails" and outcomes[(32, 511)] == "holds", outcomes
    assert verdict.bucket == "folklore" and verdict.reason.startswith("window-dependent")
    where = r.data["family"]["where"]
    start = int(where["sentence"].split("holds on windows from d = ")[1].split(" ")[0])
    assert 20 <= start <= 40, where["sentence"]  # the local windows [d, 4d] hold from about the kink on
    assert "[4, 64] fails" in r.detail and "[32, 511] holds" in r.detail


def test_a_clean_power_law_holds_on_every_member():
    r, verdict = judged("trained-gamma-below-one", synthetic_result(lambda d: d ** -0.8))
    assert r.status == "holds", r.detail
    assert [m["outcome"] for m in r.data["family"]["members"]] == ["holds"] * 3
    assert all(m["agreement"] >= 0.95 for m in r.data["family"]["members"])
    assert verdict.bucket == "verified" and "[4, 64] 100%" in verdict.reason and "N = 1024" in verdict.reason


def test_a_clean_steep_power_law_fails_on_every_member():
    r, _ = judged("trained-gamma-below-one", synthetic_result(lambda d: d ** -1.3))
    assert r.status == "fails" and [m["outcome"] for m in r.data["family"]["members"]] == ["fails"] * 3


def test_noise_is_inconclusive():
    r, verdict = judged("trained-gamma-below-one", synthetic_result(lambda d: d ** -0.99, noise=1.5))
    assert r.status == "inconclusive", r.detail
    assert verdict.reason.startswith("not enough data here")


def test_range_claims_use_global_layers_and_report_sliding_layers_apart():
    types = ("sliding_attention",) * 3 + ("full_attention",)
    result = synthetic_result(lambda d: d ** -0.8, layer_types=types, sliding_window=512)
    r, _ = judged("trained-gamma-below-one", result)
    assert r.status == "holds"
    assert all(m["layers"] == [3] for m in r.data["family"]["members"])
    assert "judged on layers 3 (full_attention) of 4" in r.detail
    assert "sliding-window layers apart" in r.detail


def test_window_independent_tests_are_judged_once():
    r, _ = judged("attention-sink-mass", synthetic_result(kinked))
    assert r.status == "holds" and r.data["family"] is None and not r.data["window_bound"]


def _claims_with(tmp_path, old: str, new: str) -> Path:
    text = data_file("claims.toml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "claims.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_an_unknown_window_spec_is_rejected_at_load_with_the_claim_id(tmp_path):
    anchor = 'layers = "full_attention"\n'
    path = _claims_with(tmp_path, anchor, anchor + 'windows = ["[4, N/16]", "[4, M/4]"]\nwindows_why = "w"\n')
    with pytest.raises(DomainError, match=r"claim 'power-law-fits'\.receipt\[0\]\.windows.*M/4"):
        load_claims(path)


def test_a_family_needs_its_reason_and_a_bad_default_is_named(tmp_path):
    anchor = 'layers = "full_attention"\n'
    path = _claims_with(tmp_path, anchor, anchor + 'windows = ["[4, N/16]"]\n')
    with pytest.raises(DomainError, match=r"power-law-fits.*windows_why"):
        load_claims(path)
    path = _claims_with(tmp_path, 'default = ["[4, N/16]"', 'default = ["[4; N/16]"')
    with pytest.raises(DomainError, match=r"window_family\.default"):
        load_claims(path)
    path = _claims_with(tmp_path, '[window_family]\ndefault = ', '[unused]\ndefault = ')
    with pytest.raises(DomainError, match=r"claim '[a-z-]+'\.receipt\[\d\]\.windows.*no \[window_family\] default"):
        load_claims(path)
    path = _claims_with(tmp_path, 'layers = "full_attention"', 'layers = "odd_layers"')
    with pytest.raises(DomainError, match=r"power-law-fits.*layers"):
        load_claims(path)


def test_the_shipped_default_family_is_the_measurement_default():
    from attnthermo.measurement.window_family import DEFAULT_FAMILY

    claims = load_claims()
    receipt = claims["random-init-has-no-decay"].receipts[0]
    assert receipt.windows == DEFAULT_FAMILY and receipt.windows_why


def _ledger_row(claim_id: str, result) -> ClaimRow:
    r, verdict = judged(claim_id, result)
    return replace(example_ledger({claim_id: verdict.bucket}).claims[claim_id], reason=verdict.reason, receipts=[r])


def test_ledger_diff_names_the_window_and_length_dependence():
    from attnthermo.ledger.diff import bucket_changes, format_changes

    # quick-like (N = 256): a decay with its kink at 40 fails on every member [4, 16], [4, 64], [8, 127]
    # when the tail is steep enough; default-like (N = 1024): the long window [32, 511] holds
    def curve(d):
        return np.where(d < 100, d ** -1.2, 100.0 ** -0.7 * d ** -0.5)

    old = example_ledger({}, claims={
        "trained-gamma-below-one": _ledger_row("trained-gamma-below-one", synthetic_result(curve, tokens=256)),
        "attention-sink-mass": _ledger_row("attention-sink-mass", synthetic_result(curve, tokens=256))})
    new = example_ledger({}, claims={
        "trained-gamma-below-one": _ledger_row("trained-gamma-below-one", synthetic_result(curve)),
        "attention-sink-mass": _ledger_row("attention-sink-mass", synthetic_result(curve))})
    assert old.claims["trained-gamma-below-one"].receipts[0].status == "fails"
    assert new.claims["trained-gamma-below-one"].receipts[0].status == "window-dependent"
    assert bucket_changes(old, new) == []  # fails and window-dependent both leave the claim folklore
    # a status change that keeps the bucket is not listed; one that moves it is explained line by line
    old.claims["trained-gamma-below-one"] = replace(old.claims["trained-gamma-below-one"], bucket="numerology")
    text = format_changes(bucket_changes(old, new))
    assert "because decay-fit on smollm2: fails → window-dependent" in text
    assert "window: the family [4, N/16], [4, N/4], [N/32, N/2) is [4, 16], [4, 64], [8, 127] at N = 256" in text
    assert "[32, 511] holds (new only)" in text


def test_ledger_diff_names_a_sliding_window_crossed_between_the_two_lengths():
    from attnthermo.ledger.dependence import explain

    types = ("sliding_attention",) * 3 + ("full_attention",)
    rows = [_ledger_row("trained-gamma-below-one", synthetic_result(kinked, layer_types=types, sliding_window=512, tokens=n))
            for n in (256, 1024)]
    rows[0] = replace(rows[0], receipts=[replace(rows[0].receipts[0], status="fails")])  # a status change to explain
    lines = explain(rows[0].receipts, rows[1].receipts)
    assert lines and "sliding window (512)" in lines[0] and "N = 256 but not at N = 1024" in lines[0], lines


def test_ledger_diff_names_a_changed_tolerance_at_the_same_length():
    from attnthermo.ledger.dependence import explain

    row = _ledger_row("attention-sink-mass", synthetic_result(lambda d: d ** -0.8, tokens=256))
    receipt = row.receipts[0]
    changed = replace(receipt, status="fails", data={**receipt.data, "tests": [{**receipt.data["tests"][0], "tolerance": 0.999}]})
    assert explain(row.receipts, [changed]) == ["decay-fit on smollm2: holds → fails; the tolerance changed: sink_mass at_least 0.1 → 0.999"]


def test_two_tests_failing_on_different_windows_fail_the_receipt():
    """r² fails on one window, the power-law advantage on another: every window fails, so the receipt does."""
    from attnthermo.ledger.receipts import _family_result

    def member(window, r2, adv):
        tests = [{"outcome": r2, "detail": "r2"}, {"outcome": adv, "detail": "adv"}]
        outcome = "fails" if "fails" in (r2, adv) else "holds"
        return {"window": window, "layers": [0], "outcome": outcome, "agreement": 1.0, "tests": tests,
                "detail": f"{window}: {r2}/{adv}"}

    family = {"outcome": "fails", "tokens": 256, "layer_types": ["full_attention"], "sliding_window": None,
              "members": [member([4, 16], "fails", "holds"), member([4, 64], "holds", "fails")]}
    from attnthermo.ledger.window_verdict import family_outcome

    assert family_outcome([m["outcome"] for m in family["members"]]) == "fails"
    r = _family_result({"kind": "measurement", "relation": "supports", "label": "x"}, {"tests": []}, family)
    assert r.status == "fails" and r.detail.startswith("outside tolerance on every window")
