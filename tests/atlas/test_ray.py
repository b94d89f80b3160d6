"""The Ray path on the shipped models: a local Ray measures smollm2 and gemma3-270m (quick
protocol), the driver only collects, and the result is the one the same protocol gives inline.

The measurements themselves come from measure()'s cache when the audit tests ran first (same
protocol), so this test costs a Ray start; the second run never starts Ray (all from the store).
"""

from __future__ import annotations

import json
import time

import pytest

from attnthermo.cli import main

pytestmark = pytest.mark.model
ray = pytest.importorskip("ray", reason="Ray is the optional extra attnthermo[atlas] (CI installs it)")


def test_atlas_on_a_local_ray_then_from_the_store(tmp_path, capsys):
    from attnthermo import measure
    from attnthermo.atlas.tasks import atlas_arguments

    out = tmp_path / "atlas"
    assert main(["atlas", "smollm2", "gemma3-270m", "--out", str(out), "--quick", "--ray", "auto"]) == 0
    data = json.loads((out / "atlas.json").read_text())
    smol, gemma = data["models"]
    assert not smol["from_store"] and not gemma["from_store"]
    assert gemma["global_layers"]["layers"] and gemma["sliding_layers"]["layers"]
    assert set(gemma["global_layers"]["layers"]).isdisjoint(gemma["sliding_layers"]["layers"])
    assert gemma["rope_theta"]["full_attention"] != gemma["rope_theta"]["sliding_attention"]
    assert gemma["layers"][5]["module"] == "model.layers.5.self_attn"
    inline = measure("gemma3-270m", device="cpu", progress=False, **atlas_arguments(quick=True))
    assert gemma["gamma"]["value"] == pytest.approx(inline.gamma, abs=1e-9)
    capsys.readouterr()

    t0 = time.perf_counter()
    assert main(["atlas", "smollm2", "gemma3-270m", "--out", str(out), "--quick", "--ray", "auto", "--no-plots"]) == 0
    assert time.perf_counter() - t0 < 30
    again = json.loads((out / "atlas.json").read_text())
    assert all(row["from_store"] for row in again["models"])
    assert "(from the store)" in capsys.readouterr().out
