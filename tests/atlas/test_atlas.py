"""The atlas on tiny local checkpoints: outputs, module names, resuming from the store, --force,
--workers, clear errors (no Ray, hub offline, bad input), citations beside our values."""

from __future__ import annotations

import json
import sys
import time

import pytest

from attnthermo.atlas import scheduler
from attnthermo.atlas.scheduler import build_atlas
from attnthermo.cli import main
from attnthermo.errors import DomainError, ModelError

from .conftest import TINY


def _count_tasks(monkeypatch):
    calls = []
    real = scheduler.measure_task

    def counting(model, arguments, threads=None, progress=True, force=False):
        calls.append(model)
        return real(model, {**arguments}, threads, progress=False, force=force)

    monkeypatch.setattr(scheduler, "measure_task", counting)
    return calls


def test_cli_writes_table_json_and_plots(tiny_models, tmp_path, capsys):
    out = tmp_path / "atlas"
    code = main(["atlas", *tiny_models, "--out", str(out), "--tokens", "64", "--prompts", "3", "--threads", "1"])
    assert code == 0
    data = json.loads((out / "atlas.json").read_text())
    first, second = data["models"]
    assert first["layers"][1]["module"] == "model.layers.1.self_attn"
    assert {(h["layer"], h["head"]) for h in first["heads"]} == {(l, h) for l in range(2) for h in range(4)}
    assert all(h["module"] == f"model.layers.{h['layer']}.self_attn" for h in second["heads"])
    for row in data["models"]:
        g = row["gamma"]
        assert g["ci"][0] <= g["value"] <= g["ci"][1]
        assert g["phase"] == ("A" if g["ci"][1] < 1 else "B" if g["ci"][0] > 1 else "undecided")
        assert row["rope_theta"] == {"full_attention": 10000.0} and row["trained_context"] == 512
        assert row["gamma_pade"]["value"] == pytest.approx((2e4 - 512 * 2**0.5) / (2e4 + 512 * 2**0.5))
    assert first["published"] is None
    assert second["published"]["gamma"] == 0.748 and "never verifies" in second["published"]["role"]
    md = (out / "ATLAS.md").read_text()
    assert "`model.layers.2.self_attn`" in md and "estimator differs" in md
    for name in ("gamma_per_layer", "head_heatmap", "gamma_vs_theta_and_context", "phase_fraction"):
        assert (out / f"{name}.png").stat().st_size > 5_000
    assert "2 model(s)" in capsys.readouterr().out


def test_resumes_from_the_store_and_force_remeasures(tiny_models, tmp_path, monkeypatch, forward_passes):
    calls = _count_tasks(monkeypatch)
    say = lambda _m: None  # noqa: E731
    build_atlas(tiny_models[:1], tmp_path, TINY, say=say)  # a run "killed" after its first model
    assert len(calls) == 1
    t0 = time.perf_counter()
    entries = build_atlas(tiny_models, tmp_path, TINY, say=say)
    assert len(calls) == 2 and calls[-1] == tiny_models[1]  # only the missing model
    assert [e.from_store for e in entries] == [True, False]
    build_atlas(tiny_models, tmp_path, TINY, say=say)
    assert len(calls) == 2, "a stored model is never measured twice"
    assert time.perf_counter() - t0 < 120
    forward_passes.clear()  # count from here: the forced run only
    build_atlas(tiny_models[:1], tmp_path, TINY, force=True, say=say)
    assert len(calls) == 3
    assert forward_passes == [TINY["prompts"]], "--force runs every prompt again, past measure()'s caches"
    other = build_atlas(tiny_models[:1], tmp_path, {**TINY, "prompts": 2}, say=say)
    assert len(calls) == 4 and other[0].key != entries[0].key, "another protocol is another store entry"


def test_local_worker_processes(tiny_models, tmp_path):
    entries = build_atlas(tiny_models, tmp_path, TINY, workers=2, threads=1, say=lambda _m: None)
    assert [e.result.model.name for e in entries] == ["tiny-a", "SmolLM2-135M"]
    assert len(list((tmp_path / "store").glob("*.json"))) == 2


def test_ray_without_ray_is_a_clear_error(tiny_models, tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "ray", None)
    assert main(["atlas", tiny_models[0], "--out", str(tmp_path), "--ray", "auto", "--force"]) == 1
    assert "pip install 'attnthermo[atlas]'" in capsys.readouterr().err


@pytest.mark.parametrize("spec,match", [("some-org/some-model", "hub is off"), ("nothing here", "not a shipped name")])
def test_models_that_cannot_be_had_are_named(spec, match, tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelError, match=match):
        build_atlas([spec], tmp_path, TINY)


def test_bad_worker_count(tiny_models, tmp_path):
    with pytest.raises(DomainError, match="workers"):
        build_atlas(tiny_models, tmp_path, TINY, workers=0)
