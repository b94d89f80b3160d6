"""Measure once, derive many: every prompt's sums are stored as they are made, so a killed run
resumes at its next prompt with identical numbers, and other windows or a θ-scan whose factor 1.0
was already measured cost no forward pass again (a tiny random Llama, own cache folder)."""

from __future__ import annotations

import pytest

from attnthermo import measure
from attnthermo.measurement.prompt_store import PromptStore

from ..atlas.conftest import tiny_checkpoint

ARGS = {"tokens": 64, "prompts": 4, "window": (2, 20), "device": "cpu", "bootstrap": 50, "progress": False}


class Killed(Exception):
    """Stands for the process being killed after some prompts were stored."""


@pytest.fixture
def checkpoint(tmp_path_factory):
    return str(tiny_checkpoint(tmp_path_factory.mktemp("ckpt") / "tiny", 7))  # not the control's seed 0

def test_killed_run_resumes_at_the_next_prompt_with_identical_results(checkpoint, tmp_path, monkeypatch, forward_passes):
    scan = {**ARGS, "theta_scales": (0.5,)}
    monkeypatch.setenv("ATTNTHERMO_CACHE_DIR", str(tmp_path / "uninterrupted"))
    reference = measure(checkpoint, **scan)
    assert sum(forward_passes) == 8

    monkeypatch.setenv("ATTNTHERMO_CACHE_DIR", str(tmp_path / "killed"))
    stored, real_put = [], PromptStore.put

    def put_then_die(self, ids, factor, profile, sink):
        real_put(self, ids, factor, profile, sink)
        stored.append(factor)
        if len(stored) == 5:  # all of factor 1.0 and the first prompt of θ×0.5
            raise Killed

    monkeypatch.setattr(PromptStore, "put", put_then_die)
    with pytest.raises(Killed):
        measure(checkpoint, **scan)
    monkeypatch.setattr(PromptStore, "put", real_put)
    forward_passes.clear()
    resumed = measure(checkpoint, **scan)
    assert forward_passes == [3], "the resumed run starts at the θ×0.5 scan's second prompt"
    assert resumed.data == reference.data


def test_other_windows_and_the_scan_baseline_are_derived(checkpoint, tmp_path, monkeypatch, forward_passes):
    monkeypatch.setenv("ATTNTHERMO_CACHE_DIR", str(tmp_path / "cache"))
    first = measure(checkpoint, per_head=True, **ARGS)
    assert forward_passes == [4]
    other = measure(checkpoint, **{**ARGS, "window": (3, 25)})
    scan = measure(checkpoint, theta_scales=(0.5, 2.0), **ARGS)
    assert forward_passes == [4, 4, 4], "no forward pass for another window nor for the scan's factor 1.0"
    assert other.window == (3, 25) and other.gamma != first.gamma
    assert [row.scale for row in scan.scan] == [0.5, 1.0, 2.0]
    assert scan.scan[1].gamma.value == first.gamma
    control = measure(checkpoint, control="random-init", **ARGS)
    assert forward_passes == [4, 4, 4, 4], "other weights are other sums"
    assert control.gamma != first.gamma


def test_refresh_measures_again_and_use_cache_false_stores_nothing(checkpoint, tmp_path, monkeypatch, forward_passes):
    monkeypatch.setenv("ATTNTHERMO_CACHE_DIR", str(tmp_path / "cache"))
    first = measure(checkpoint, **ARGS)
    again = measure(checkpoint, refresh=True, **ARGS)
    assert forward_passes == [4, 4] and again.data == first.data
    measure(checkpoint, use_cache=False, **{**ARGS, "prompts": 3})
    assert forward_passes == [4, 4, 3]
    assert not list((tmp_path / "cache").rglob("*.tmp*")), "no half-written file left behind"
