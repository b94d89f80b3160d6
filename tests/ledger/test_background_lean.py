"""The audit's Lean check runs on its own thread beside the measurements (one torch thread fewer
while it runs), the audit waits for it only where the ledger needs the manifest, and a Lean error
still stops the audit; the plan printed first counts every forward pass (the θ-scan's factor 1.0
comes from the decay fit). Lean and the measurements are stand-ins here: no Lean, no model."""

from __future__ import annotations

import threading

import pytest

from attnthermo.errors import ToolchainError
from attnthermo.ledger import evidence
from attnthermo.ledger.audit import run_audit
from attnthermo.ledger.claims import load_claims
from attnthermo.ledger.plan import plan_banner, planned_passes
from attnthermo.ledger.protocols import AUDIT_MODELS
from attnthermo.ledger.rows import IdentityFailure
from attnthermo.manifest import Manifest

from .conftest import passing_metrics, synthetic_manifest


@pytest.fixture
def stand_ins(monkeypatch, tmp_path):
    """Lean blocks until the measurements have started; what the measurements saw is recorded."""
    monkeypatch.setenv("ATTNTHERMO_CACHE_DIR", str(tmp_path / "cache"))
    manifest = Manifest.from_json(synthetic_manifest(load_claims()))
    release, seen = threading.Event(), {"lean": []}

    def lean(root, progress, fresh=False):
        seen["fresh"] = fresh
        progress("Lean: still elaborating, 30 s elapsed")
        seen["lean"].append(threading.current_thread().name)
        if not release.wait(60):
            raise AssertionError("the measurements never started while Lean ran")
        if seen.get("fail"):
            raise ToolchainError("no Lean here")
        return manifest

    def measurements(needed, models, **kwargs):
        seen["threads"] = kwargs["threads"]()
        seen["lean_running"] = not release.is_set()
        release.set()
        return passing_metrics()

    monkeypatch.setattr(evidence, "run_lean_check", lean)
    monkeypatch.setattr(evidence, "gather_measurements", measurements)
    monkeypatch.setattr(evidence, "check_identity", lambda name, dps: IdentityFailure("not checked in this test"))
    return seen


def test_lean_runs_beside_the_measurements(stand_ins, tmp_path):
    import torch

    ledger = run_audit(quick=True, device="cpu", out_dir=tmp_path, plots=False, progress=False)
    assert stand_ins["lean"] == ["lean-check"] and stand_ins["lean_running"]
    assert stand_ins["threads"] == max(1, torch.get_num_threads() - 1)
    assert ledger.data.provenance.manifest_source.startswith("checked now")
    assert ledger.data.provenance.seconds["lean"] >= 0
    assert stand_ins["fresh"] is False


def test_fresh_reaches_the_background_check(stand_ins, tmp_path):
    ledger = run_audit(quick=True, device="cpu", out_dir=tmp_path, plots=False, progress=False, fresh=True)
    assert stand_ins["fresh"] is True
    assert ledger.data.provenance.manifest_source.startswith("checked now from scratch")


def test_a_lean_error_still_stops_the_audit(stand_ins, tmp_path):
    stand_ins["fail"] = True
    with pytest.raises(ToolchainError, match="no Lean here"):
        run_audit(quick=True, device="cpu", out_dir=tmp_path, plots=False, progress=False)


def test_plan_counts_forward_passes_and_derives_the_scan_baseline():
    needed = evidence.measurements_needed(load_claims(), AUDIT_MODELS)
    assert planned_passes("decay-fit", needed, "smollm2", quick=False) == (8, 1024)
    assert planned_passes("theta-rescaling", needed, "smollm2", quick=False) == (32, 1024)
    assert planned_passes("theta-rescaling", {("theta-rescaling", "smollm2")}, "smollm2", quick=True) == (12, 256)
    text = plan_banner({"x": 30}, needed, AUDIT_MODELS, quick=True)
    assert "theta-rescaling on gemma3-270m: 8 forward passes of 256 tokens" in text
    assert "at most" in text.splitlines()[-1]
    assert "imprint on pythia-70m: not run by this audit" in text  # a receipt with no protocol here
    assert "atlas on atlas-42: derived, no forward pass" in text
