"""Tampering on copies moves exactly the claims that rest on what was tampered with, and no other.

Synthetic manifests (every named theorem proved) and manifests derived from the real one; a
changed pinned statement re-compared through ``Evidence.pinned``; a tolerance tightened in a
copy of the claims file until the numbers no longer meet it.
"""

from __future__ import annotations

import pytest

from attnthermo.ledger.claims import load_claims
from attnthermo.manifest import Manifest
from attnthermo.paths import data_file


def _verified(verdicts):
    return {cid for cid, v in verdicts.items() if v.bucket == "verified"}


def _assert_only(before, after, affected):
    moved_out = _verified(before) - _verified(after)
    assert moved_out == _verified(before) & affected
    assert moved_out, "the tamper must move at least one verified claim"
    for cid in before:
        if cid not in affected:
            assert before[cid].bucket == after[cid].bucket, cid


def _sorry_moves_only_its_claims(claims, syn, manifest, module):
    """Break ``module`` (and so its dependents) in ``manifest``; only the claims resting on their
    theorems may change bucket. Returns the verdicts after the break."""
    manifest = manifest.to_json() if isinstance(manifest, Manifest) else manifest  # the JSON form is edited
    hit = syn.dependents(manifest, module)
    theorems = {t for t, e in manifest["theorems"].items() if e["module"] in hit}
    before = syn.verdicts_for(claims, syn.evidence_for(claims, manifest))
    after = syn.verdicts_for(claims, syn.evidence_for(claims, syn.break_module(manifest, module)))
    _assert_only(before, after, syn.resting_on(claims, theorems))
    return after


@pytest.mark.parametrize("module", ["AttnThermo.Ensemble", "AttnThermo.Fisher", "AttnThermo.LogUniform",
                                    "AttnThermo.RopePade"])
def test_sorry_in_a_module_moves_its_claims_and_its_dependents(claims, syn, module):
    after = _sorry_moves_only_its_claims(claims, syn, syn.manifest(claims), module)
    if module == "AttnThermo.Ensemble":  # Fisher imports Ensemble: its claims fall too
        assert after["partition-generates-moments"].bucket == "folklore"
        assert "blocked" in after["partition-generates-moments"].reason


def test_changed_pinned_statement_moves_only_its_claims(claims, syn):
    manifest = syn.manifest(claims)
    pinned = {name: t["statement"] for name, t in manifest["theorems"].items()}
    before = syn.verdicts_for(claims, syn.evidence_for(claims, manifest, pinned=pinned))
    pinned["AttnThermo.RopePade.middleWavelength_sq"] += " ∧ True"
    after = syn.verdicts_for(claims, syn.evidence_for(claims, manifest, pinned=pinned))
    _assert_only(before, after, syn.resting_on(claims, {"AttnThermo.RopePade.middleWavelength_sq"}))
    assert "drift" in after["rope-t-cross"].reason


def test_stale_source_moves_the_modules_claims(claims, syn):
    manifest = syn.manifest(claims)
    before = syn.verdicts_for(claims, syn.evidence_for(claims, manifest))
    after = syn.verdicts_for(claims, syn.evidence_for(
        claims, manifest, stale_modules={"AttnThermo.RopePade": "source changed since the manifest was written"}))
    theorems = {t for t, e in manifest["theorems"].items() if e["module"] == "AttnThermo.RopePade"}
    _assert_only(before, after, syn.resting_on(claims, theorems))


def test_tolerance_the_numbers_do_not_meet(claims, syn, tmp_path):
    text = data_file("claims.toml").read_text(encoding="utf-8")
    marker = 'metric = "gamma"\ntolerance = 0.1\n'
    assert text.count(marker) == 1, "the random-init tolerance is the one to tighten"
    copy = tmp_path / "claims.toml"
    copy.write_text(text.replace(marker, 'metric = "gamma"\ntolerance = 0.01\n'), encoding="utf-8")
    tightened = load_claims(copy)
    manifest = syn.manifest(claims)
    before = syn.verdicts_for(claims, syn.evidence_for(claims, manifest))
    after = syn.verdicts_for(tightened, syn.evidence_for(tightened, manifest))
    _assert_only(before, after, {"random-init-has-no-decay"})
    assert "outside tolerance" in after["random-init-has-no-decay"].reason


def test_measurement_that_misses_moves_only_claims_on_it(claims, syn):
    manifest = syn.manifest(claims)
    before = syn.verdicts_for(claims, syn.evidence_for(claims, manifest))
    ms = syn.passing_metrics()
    theta = ms[("theta-rescaling", "smollm2")]
    ms[("theta-rescaling", "smollm2")] = syn.measured("theta-rescaling", "smollm2",
                                                      {**theta.metrics, "scale_sink_mass": [0.2, 0.38, 0.6]})
    after = syn.verdicts_for(claims, syn.evidence_for(claims, manifest, ms))
    assert _verified(before) - _verified(after) == {"gamma-independent-of-sink"}


# ----------------------------------------------------------------- on the real Lean manifest


def _real_pinned_theorems(manifest):
    return {t for t, e in manifest.theorems.items() if e.status == "proved" and e.pinned == "match"}


def test_real_manifest_names_every_theorem_the_claims_use(claims, lean_manifest):
    missing = sorted({t for c in claims.values() for t in c.theorems} - set(lean_manifest.theorems))
    assert not missing, f"theorems named in claims.toml but absent from the Lean library: {missing}"


@pytest.mark.parametrize("module", ["AttnThermo.Ensemble", "AttnThermo.LogUniform"])
def test_sorry_derived_from_the_real_manifest(claims, syn, lean_manifest, module):
    _sorry_moves_only_its_claims(claims, syn, lean_manifest, module)


def test_tampered_tree_of_the_lean_tests(claims, syn, lean_manifest, tampered_manifest):
    """The Lean-core tests' tampered tree (sorry, drift, axiom, false statement): claims on a theorem
    that is no longer proved-and-pinned leave verified; every other claim keeps its bucket."""
    good = _real_pinned_theorems(lean_manifest)
    bad = good - _real_pinned_theorems(tampered_manifest)
    assert bad, "the tampered tree must break some theorem the real tree proves"
    before = syn.verdicts_for(claims, syn.evidence_for(claims, lean_manifest))
    after = syn.verdicts_for(claims, syn.evidence_for(claims, tampered_manifest))
    _assert_only(before, after, syn.resting_on(claims, bad))
