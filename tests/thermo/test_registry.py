"""The registry: every identity names Lean theorems (with the fixed names) or says why not;
statuses come from a manifest dict; symbolic forms simplify; a check can fail."""

import tomllib

import pytest
import sympy

from attnthermo.thermo import symbolic
from attnthermo.thermo.registry import Identity, identities, identity

FIXED_THEOREMS = {
    "Ensemble": ["energyVariance_eq_meanSqDeviation", "energyVariance_mul_sq_partition"],
    "Fisher": ["derivation_partitionFunction", "derivation_sq_partitionFunction", "partition_mul_derivation_sq_sub_sq",
               "logPartition_secondDerivative_eq_energyVariance", "fugacity_truncatedPolylog",
               "fisherInformation_eq_energyVariance", "fisherInformation_eq_logPartition_secondDerivative",
               "fisherInformation_eq_heatCapacity_div_sq"],
    "LogUniform": ["uniformVariance_eq_sq_div_twelve", "uniformVariance_ne_sq_div_four", "erratum_eq_sq_mean",
                   "gridMean_eq", "gridVariance_eq", "gridVariance_eq_continuum_sub"],
    "RopePade": ["slowestWavelength_lt", "wavelength_strictMono", "middleWavelength_sq", "padeExp_sub_taylor",
                 "horizon_padeGamma", "horizon_padeGamma_eq", "padeGamma_neg_of_lt"],
}
ALL_FIXED = {f"AttnThermo.{m}.{n}" for m, names in FIXED_THEOREMS.items() for n in names}
REQUIRED = ["energyVariance_eq_meanSqDeviation", "logPartition_secondDerivative_eq_energyVariance",
            "fugacity_truncatedPolylog", "fisherInformation_eq_heatCapacity_div_sq", "uniformVariance_eq_sq_div_twelve",
            "uniformVariance_ne_sq_div_four", "gridVariance_eq", "slowestWavelength_lt", "middleWavelength_sq",
            "padeExp_sub_taylor", "horizon_padeGamma", "padeGamma_neg_of_lt", "partition_eq_polylog", "tail_bounds",
            "maxent_power_law", "hagedorn_density_of_states", "susceptibility_scaling", "n_active_count",
            "fractional_order_range"]


def fake_manifest(status="proved", missing=()):
    return {"schema_version": 1, "theorems": {
        name: {"status": status, "statement": f"theorem {name.rsplit('.', 1)[1]} : statement"}
        for name in ALL_FIXED if name not in missing}}


def test_every_required_identity_is_registered():
    names = [i.name for i in identities()]
    assert sorted(names) == sorted(set(names))
    assert set(REQUIRED) <= set(names)


def test_each_identity_names_fixed_lean_theorems_or_says_why_not():
    for ident in identities():
        assert isinstance(ident, Identity)
        if ident.lean_theorems:
            assert set(ident.lean_theorems) <= ALL_FIXED, ident.name
            assert ident.lean_theorems[0].rsplit(".", 1)[1] == ident.name  # one grep finds both
            assert ident.no_lean_reason is None
        else:
            assert ident.no_lean_reason and len(ident.no_lean_reason) > 20, ident.name


def test_claim_ids_exist(repo_root, shared_dir):
    known = {c["id"] for c in tomllib.loads((shared_dir / "claims.toml").read_text())["claim"]}
    project_claims = repo_root / "pysrc" / "attnthermo" / "data" / "claims.toml"
    if project_claims.is_file():
        known |= {c["id"] for c in tomllib.loads(project_claims.read_text())["claim"]}
    for ident in identities():
        assert ident.claims and set(ident.claims) <= known, (ident.name, set(ident.claims) - known)


def test_lean_status_and_statements_read_from_manifest():
    ident = identity("fisherInformation_eq_heatCapacity_div_sq")
    assert set(ident.lean_status(fake_manifest()).values()) == {"proved"}
    assert ident.is_proved(fake_manifest()) is True
    broken = fake_manifest(missing={"AttnThermo.Fisher.fisherInformation_eq_energyVariance"})
    assert ident.lean_status(broken)["AttnThermo.Fisher.fisherInformation_eq_energyVariance"] == "missing"
    assert ident.is_proved(broken) is False
    assert ident.is_proved(fake_manifest("drift")) is False
    statements = ident.lean_statements(fake_manifest())
    assert statements["AttnThermo.Fisher.fisherInformation_eq_heatCapacity_div_sq"].startswith("theorem fisherInformation")
    assert identity("tail_bounds").lean_status(fake_manifest()) == {}


@pytest.mark.parametrize("name", ["energyVariance_eq_meanSqDeviation", "fugacity_truncatedPolylog",
                                  "fisherInformation_eq_heatCapacity_div_sq", "uniformVariance_eq_sq_div_twelve",
                                  "gridVariance_eq", "padeExp_sub_taylor", "horizon_padeGamma", "middleWavelength_sq"])
def test_symbolic_forms_simplify_to_zero(name):
    assert symbolic.simplifies_to_zero(identity(name).sympy_expr())


def test_symbolic_form_without_closed_simplification_agrees_numerically():
    expr = identity("partition_eq_polylog").sympy_expr()
    assert isinstance(expr, sympy.Expr)
    for g, zz in ((2, sympy.Rational(1, 2)), (sympy.Rational(3, 2), sympy.Rational(9, 10)), (-1, sympy.Rational(1, 3))):
        value = expr.subs({symbolic.gamma: g, symbolic.z: zz})
        assert abs(sympy.N(value.replace(sympy.Sum, lambda f, lim: sympy.Sum(f, (lim[0], 1, 400))), 30)) < 1e-15


@pytest.mark.parametrize("name", ["gridVariance_eq", "padeExp_sub_taylor", "slowestWavelength_lt", "n_active_count",
                                  "fractional_order_range", "susceptibility_scaling", "uniformVariance_ne_sq_div_four"])
def test_fast_checks_pass(name):
    result = identity(name).check(dps=30)
    assert result.ok, result.detail
    assert result.points > 3


def test_a_check_can_fail(monkeypatch):
    from attnthermo.thermo import finite

    monkeypatch.setattr(finite, "grid_variance", lambda n, h: finite.as_fraction(h, "h") ** 2 * n * n / 12)
    result = identity("gridVariance_eq").check(dps=30)
    assert not result.ok and "does not hold" in result.detail
