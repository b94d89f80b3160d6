"""The registry: identities laid out like the Lean library, each beside its sympy form (both sides
kept), evaluator and re-check; statuses come from a manifest; a check can fail; importing the
registry loads no Lean tooling."""

import subprocess
import sys

import pytest
import sympy

from attnthermo.errors import DomainError
from attnthermo.manifest import Manifest, example_json
from attnthermo.thermo.checks import simplifies_to_zero
from attnthermo.thermo.identities import identity as identity_module
from attnthermo.thermo.registry import Identity, IdentityCheck, identities, identity, lean_statements, lean_status

LEAN_MODULES = {"ensemble": "AttnThermo.Ensemble", "derivation": "AttnThermo.Derivation", "fisher": "AttnThermo.Fisher",
                "fugacity": "AttnThermo.Fugacity", "log_uniform": "AttnThermo.LogUniform",
                "rope_pade": "AttnThermo.RopePade", "analysis": None}


def test_each_identity_lives_in_the_module_named_after_its_lean_module():
    names = [i.name for i in identities()]
    assert len(names) == len(set(names)) >= 19
    for ident in identities():
        module = ident._check.__module__.rsplit(".", 1)[1]
        assert LEAN_MODULES[module] == ident.lean_module, ident.name
        assert ident._form.__module__ == ident._evaluate.__module__ == ident._check.__module__, ident.name
        if ident.lean_theorems:
            assert all(t.startswith(f"{ident.lean_module}.") for t in ident.lean_theorems), ident.name
            assert ident.lean_theorems[0].rsplit(".", 1)[1] == ident.name  # one grep finds Lean, Python, ledger
            assert ident.no_lean_reason is None
        else:
            assert ident.no_lean_reason and len(ident.no_lean_reason) > 20, ident.name


def test_declaring_both_or_neither_lean_theorems_and_a_reason_is_refused():
    common = dict(name="x", statement="s", claims=("c",), lean_module="AttnThermo.X", point={}, grid="g",
                  form=lambda: None, evaluate=lambda: None, check=lambda t: None)
    with pytest.raises(DomainError, match="not both"):
        identity_module.declare(lean=("t",), no_lean_reason="because", **common)
    with pytest.raises(DomainError, match="not both"):
        identity_module.declare(**common)


@pytest.mark.parametrize("ident", identities(), ids=lambda i: i.name)
def test_sympy_form_keeps_both_sides(ident):
    form = ident.sympy_form()
    assert isinstance(form, sympy.core.relational.Relational), ident.name
    assert form.lhs != form.rhs or isinstance(form.lhs, sympy.Tuple | sympy.Set), ident.name


@pytest.mark.parametrize("name", ["energyVariance_eq_meanSqDeviation", "fugacity_truncatedPolylog",
                                  "fisherInformation_eq_heatCapacity_div_sq", "uniformVariance_eq_sq_div_twelve",
                                  "gridVariance_eq", "padeExp_sub_taylor", "horizon_padeGamma", "middleWavelength_sq",
                                  "logPartition_secondDerivative_eq_energyVariance"])
def test_equations_simplify(name):
    form = identity(name).sympy_form()
    assert simplifies_to_zero((form.lhs - form.rhs).doit())


def test_lean_status_and_statements_read_from_manifest():
    ident = identity("fisherInformation_eq_heatCapacity_div_sq")
    skeleton = example_json()
    data = {**skeleton, "theorems": {t: {**skeleton["theorems"]["P.A.t"], "name": t, "statement": f"statement of {t}"}
                                     for t in ident.lean_theorems}}
    assert set(lean_status(ident, Manifest.from_json(data)).values()) == {"proved"}
    dropped = ident.lean_theorems[1]
    del data["theorems"][dropped]
    manifest = Manifest.from_json(data)
    assert lean_status(ident, manifest)[dropped] == "missing" and lean_statements(ident, manifest)[dropped] is None
    assert lean_statements(ident, manifest)[ident.lean_theorems[0]].startswith("statement of")
    assert set(lean_status(ident, None).values()) == {"unknown"}
    assert lean_status(identity("tail_bounds"), manifest) == {}


@pytest.mark.parametrize("name", ["gridVariance_eq", "padeExp_sub_taylor", "slowestWavelength_lt", "n_active_count",
                                  "fractional_order_range", "susceptibility_scaling", "uniformVariance_ne_sq_div_four"])
def test_fast_checks_pass_and_are_typed(name):
    result = identity(name).check(dps=30)
    assert isinstance(result, IdentityCheck) and result.schema_version == 1 and result.name == name
    assert result.ok, result.detail
    assert result.points > 3
    assert IdentityCheck.from_json(result.to_json()) == result


def test_a_check_can_fail(monkeypatch):
    from attnthermo.thermo import finite

    monkeypatch.setattr(finite, "grid_variance", lambda n, h: finite.as_fraction(h, "h") ** 2 * n * n / 12)
    result = identity("gridVariance_eq").check(dps=30)
    assert not result.ok and "does not hold" in result.detail


def test_a_stored_check_of_another_schema_is_refused():
    data = identity("gridVariance_eq").check().to_json()
    with pytest.raises(DomainError, match="schema_version"):
        IdentityCheck.from_json({**data, "schema_version": 99})


def test_importing_the_registry_loads_no_lean_tooling():
    code = ("import sys, attnthermo.thermo.registry; "
            "print(sorted(m for m in sys.modules if m.startswith(('attnthermo.lean.', 'sympy')) or m == 'attnthermo.lean'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", out


def test_documented_point_evaluates(subtests=None):
    for ident in identities():
        assert ident.evaluate() is not None, ident.name
    assert isinstance(identity("gridVariance_eq"), Identity)
