"""``attnthermo identity`` / ``identities`` print statement, Lean status and value, without compiling."""

import json

from attnthermo import cli
from attnthermo.manifest import example_json


def test_identity_without_manifest_says_status_unknown(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("ATTNTHERMO_CACHE_DIR", str(tmp_path))
    assert cli.main(["identity", "fisherInformation_eq_heatCapacity_div_sq", "--gamma", "1.5", "--N", "1e12", "--dps", "20"]) == 0
    out = capsys.readouterr().out
    assert "Lean status unknown: run `attnthermo lean check`" in out
    assert "C_V/γ²" in out and "3.8543571787757342597" in out
    assert "sympy: Eq(" in out


def test_identity_with_manifest_and_extra_parameters(capsys, tmp_path):
    name = "AttnThermo.RopePade.slowestWavelength_lt"
    manifest = tmp_path / "m.json"
    data = example_json()
    theorem = {**data["theorems"]["P.A.t"], "name": name, "statement": "(c q θ : α) … < c * θ", "claims": []}
    data["theorems"] = {name: theorem}
    manifest.write_text(json.dumps(data))
    assert cli.main(["identity", "slowestWavelength_lt", "--param", "theta=10000", "--param", "d_head=64",
                     "--manifest", str(manifest)]) == 0
    out = capsys.readouterr().out
    assert f"{name}: proved" in out and "AttnThermo.RopePade.wavelength_strictMono: missing" in out
    assert "47117.24" in out


def test_bad_input_is_a_clear_error(capsys):
    assert cli.main(["identity", "partitionFunction_attentionStates", "--gamma", "1", "--N", "inf"]) == 1
    assert "gamma=" in capsys.readouterr().err
    assert cli.main(["identities"]) == 0


def test_claims_shown_are_derived_from_lean_tags_and_claims_toml(capsys, tmp_path, monkeypatch):
    """A Lean-backed identity's claims are its theorems' tags; one Lean cannot state, claims.toml's receipts."""
    monkeypatch.setenv("ATTNTHERMO_CACHE_DIR", str(tmp_path))
    assert cli.main(["identity", "slowestWavelength_lt"]) == 0
    assert "claims: rope-tmax, rope-tmax-upper-bound, rope-wavelengths-increase\n" in capsys.readouterr().out
    assert cli.main(["identities"]) == 0
    rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert rows["fractional_order_range"].endswith("fractional-order, fractional-order-math")
    assert rows["uniformVariance_ne_sq_div_four"].endswith("cv-gamma1-twelfth, cv-gamma1-quarter")
