"""γ on the default shipped model: a real decay whose CI excludes 0, a flat random-init control,
a stable JSON schema, reproducibility, the CLI, and clear errors for bad input."""

from __future__ import annotations

import json

import pytest

from attnthermo import cli, measure
from attnthermo.errors import DomainError, ModelError
from attnthermo.measurement.result import SCHEMA_VERSION, TOP_LEVEL_KEYS, MeasurementResult, read_result

from .conftest import SMALL

pytestmark = pytest.mark.model


def test_trained_model_decays_with_ci_excluding_zero(trained_result):
    lo, hi = trained_result.ci
    assert lo > 0 and hi >= lo
    assert 0.2 < trained_result.gamma < 2.0
    assert trained_result.window == (2, 40)
    assert all(row.gamma is not None for row in trained_result.layers)
    assert [row.module for row in trained_result.layers[:2]] == ["model.layers.0.self_attn", "model.layers.1.self_attn"]


def test_random_init_control_has_no_decay(random_init_result):
    assert abs(random_init_result.gamma) < 0.1
    assert random_init_result.protocol["control"] == "random-init"


def test_json_schema_is_stable(trained_result, tmp_path):
    data = json.loads(trained_result.to_json(tmp_path / "r.json"))
    assert tuple(data) == TOP_LEVEL_KEYS
    assert data["schema_version"] == SCHEMA_VERSION == 3
    assert set(data["gamma"]) >= {"value", "ci", "r2", "window", "pooled_layers", "points"}
    assert set(data["protocol"]) >= {"tokens", "prompts", "window", "query_window", "seed",
                                     "control", "bootstrap", "threads", "text_sha256"}
    assert data["model"]["sha256"] and "Q4_1" in data["model"]["weights"]
    assert data["config"]["rope_theta"] == {"full_attention": 100000.0}
    assert data["config"]["sources"]["rope_theta"] == "gguf"
    assert set(data["versions"]) >= {"attnthermo", "torch", "transformers"}
    assert data["pade"]["T_trained"] == data["config"]["context_length"]
    assert {"power_law", "exponential", "delta_aic", "preferred"} <= set(data["decay_model_comparison"])
    assert [row["upper"] for row in data["sensitivity"]] == sorted(r["upper"] for r in data["sensitivity"])


def test_one_reader_round_trips_the_typed_result(trained_result, tmp_path):
    path = tmp_path / "r.json"
    trained_result.to_json(path)
    back = read_result(path)
    assert isinstance(back, MeasurementResult) and back == trained_result
    assert len(back.fit.resamples) == SMALL["bootstrap"] == len(back.sink.resamples)
    lo, hi = back.ci
    inside = sum(lo <= g <= hi for g in back.fit.resamples) / len(back.fit.resamples)
    assert 0.9 <= inside <= 0.99, "the CI is the central 95% of the resampled γ"
    old = {**trained_result.data, "schema_version": 1}
    with pytest.raises(ValueError, match="schema_version 1"):
        read_result(old)


def test_seed_draws_other_prompts():
    from attnthermo.measurement.corpus import prompt_texts, shipped_documents

    docs = shipped_documents()
    assert prompt_texts(docs, 4, seed=0)[0] == "\n\n".join(docs)
    assert prompt_texts(docs, 4, seed=1) != prompt_texts(docs, 4, seed=0)


def test_reproducible_on_cpu(trained_result):
    again = measure("smollm2", **SMALL)
    assert again.gamma == pytest.approx(trained_result.gamma, abs=1e-6)
    assert again.sink_mass == pytest.approx(trained_result.sink_mass, abs=1e-6)


def test_cli_writes_json_and_plot(tmp_path, capsys):
    out, png = tmp_path / "m.json", tmp_path / "m.png"
    code = cli.main(["measure", "--tokens", "64", "--prompts", "2", "--window", "2", "20",
                     "--device", "cpu", "--no-cache", "--theta-scale", "2",
                     "--json", str(out), "--plot", str(png)])
    assert code == 0
    data = json.loads(out.read_text())
    scales = [row["scale"] for row in data["theta_scan"]]
    assert scales == [1.0, 2.0]
    assert data["theta_scan"][1]["rope"]["full_attention"]["frequencies_changed"]
    assert png.stat().st_size > 10_000
    assert "γ =" in capsys.readouterr().out


@pytest.mark.parametrize("kwargs,error,match", [
    ({"model": "nonexistent-model"}, ModelError, "not a known name"),
    ({"tokens": 100_000}, DomainError, "context length"),
    ({"tokens": 64, "window": (4, 40)}, DomainError, "N/2"),
    ({"window": (0, 10)}, DomainError, "≥ 1"),
    ({"text": ""}, DomainError, "empty"),
    ({"text": ["a short text", "another"], "tokens": 64}, DomainError, "only"),
    ({"control": "bogus"}, DomainError, "control"),
    ({"theta_scales": (0.0,)}, DomainError, "theta_scales"),
])
def test_bad_input_is_named(kwargs, error, match):
    args = {"tokens": 64, "prompts": 2, "device": "cpu", "progress": False, "use_cache": False}
    args.update(kwargs)
    with pytest.raises(error, match=match):
        measure(**args)
