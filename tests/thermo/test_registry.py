"""The registry: identities laid out like the Lean library (found, not listed), each beside its
sympy form (both sides kept), evaluator and re-check; statuses come from a manifest; a check can
fail; importing the registry loads no Lean tooling."""

import re
import subprocess
import sys

import pytest
import sympy

from attnthermo.errors import DomainError
from attnthermo.thermo.checks import simplifies_to_zero
from attnthermo.thermo.identities import identity as identity_module
from attnthermo.thermo.registry import Identity, IdentityCheck, identities, identity

def _snake(lean_module: str) -> str:
    """``AttnThermo.LogUniform`` -> ``log_uniform``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", lean_module.rsplit(".", 1)[1]).lower()


def test_each_identity_lives_in_the_module_named_after_its_lean_module():
    names = [i.name for i in identities()]
    assert len(names) == len(set(names)) >= 19
    for ident in identities():
        module = ident._check.__module__.rsplit(".", 1)[1]
        assert module == ("analysis" if ident.lean_module is None else _snake(ident.lean_module)), ident.name
        assert ident._form.__module__ == ident._evaluate.__module__ == ident._check.__module__, ident.name
        if ident.lean_theorems:
            assert all(t.startswith(f"{ident.lean_module}.") for t in ident.lean_theorems), ident.name
            assert ident.lean_theorems[0].rsplit(".", 1)[1] == ident.name  # one grep finds Lean, Python, ledger
            assert ident.no_lean_reason is None
        else:
            assert ident.no_lean_reason and len(ident.no_lean_reason) > 20, ident.name


def test_declaring_both_or_neither_lean_theorems_and_a_reason_is_refused():
    common = dict(statement="s", lean_module="AttnThermo.X", point={}, grid="g",
                  form=lambda: None, evaluate=lambda: None, check=lambda t: None)
    with pytest.raises(DomainError, match="not both"):
        identity_module.declare(lean=("t",), no_lean_reason="because", **common)
    with pytest.raises(DomainError, match="not both"):
        identity_module.declare(name="x", **common)
    with pytest.raises(DomainError, match="called after its first theorem"):
        identity_module.declare(name="x", lean=("t",), **common)  # the name is written once, as the theorem
    with pytest.raises(DomainError, match="needs a name"):
        identity_module.declare(no_lean_reason="because", **common)
    assert identity_module.declare(lean=("t", "u"), **common).name == "t"


def test_every_identity_a_module_declares_is_found(tmp_path, monkeypatch):
    """A new module in the identities package is registered without being listed anywhere."""
    import attnthermo.thermo.identities as package
    from attnthermo.thermo import registry

    (tmp_path / "extra_topic.py").write_text(
        "from attnthermo.thermo.identities.identity import declare\n"
        "def _f():\n    return None\n"
        "EXTRA = declare(lean_module='AttnThermo.ExtraTopic', lean=('extra_eq',), statement='s', point={}, grid='g',\n"
        "                form=_f, evaluate=_f, check=lambda t: None)\n", encoding="utf-8")
    monkeypatch.setattr(package, "__path__", [*package.__path__, str(tmp_path)])
    found = registry._discover()
    assert "extra_eq" in found and found["extra_eq"].lean_theorems == ("AttnThermo.ExtraTopic.extra_eq",)
    assert set(found) - {"extra_eq"} == {i.name for i in identities()}
    monkeypatch.delitem(sys.modules, "attnthermo.thermo.identities.extra_topic")


def test_an_identity_name_declared_in_two_modules_is_refused(tmp_path, monkeypatch):
    import attnthermo.thermo.identities as package
    from attnthermo.thermo import registry

    (tmp_path / "zz_copy.py").write_text(
        "from attnthermo.thermo.identities.identity import declare\n"
        "COPY = declare(lean_module='AttnThermo.RopePade', lean=('padeExp_sub_taylor',), statement='s', point={},\n"
        "               grid='g', form=lambda: None, evaluate=lambda: None, check=lambda t: None)\n", encoding="utf-8")
    monkeypatch.setattr(package, "__path__", [*package.__path__, str(tmp_path)])
    with pytest.raises(DomainError, match="declared twice") as err:
        registry._discover()
    assert err.value.value == "padeExp_sub_taylor"
    monkeypatch.delitem(sys.modules, "attnthermo.thermo.identities.zz_copy")


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
