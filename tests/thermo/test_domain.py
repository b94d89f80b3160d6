"""Bad input raises DomainError naming the parameter; nothing is clamped."""

import math
import warnings
from fractions import Fraction

import mpmath
import pytest

import attnthermo
from attnthermo.defaults import MAX_DPS
from attnthermo.errors import DomainError, PrecisionError
from attnthermo.thermo.asymptotics import gamma_one_heat_capacity
from attnthermo.thermo import finite, pade, rope, tails
from attnthermo.thermo.precision import certify
from attnthermo.thermo.registry import identity


@pytest.mark.parametrize("kwargs,parameter", [
    (dict(gamma=1, N=math.inf), "gamma"),
    (dict(gamma="0.5", N=mpmath.inf), "gamma"),
    (dict(gamma=2, N=10, z=Fraction(3, 2)), "z"),
    (dict(gamma=2, N=10, z=0), "z"),
    (dict(gamma=2, N=10, z=-0.5), "z"),
    (dict(gamma=2, N=0), "N"),
    (dict(gamma=2, N=2.5), "N"),
    (dict(gamma=2, N="ten"), "N"),
    (dict(gamma=float("nan"), N=10), "gamma"),
    (dict(gamma=math.inf, N=10), "gamma"),
    (dict(gamma=2, N=10, z=float("nan")), "z"),
    (dict(gamma=True, N=10), "gamma"),
    (dict(gamma=2, N=10, dps=0), "dps"),
    (dict(gamma=2, N=-math.inf), "N"),
    (dict(gamma=2, N="-inf"), "N"),
])
def test_bad_ensemble_input(kwargs, parameter):
    with pytest.raises(DomainError) as info:
        attnthermo.energy_variance(**kwargs)
    assert info.value.parameter == parameter
    assert parameter in str(info.value)


def test_gamma_zero_where_cv_over_gamma_squared_is_asked():
    with pytest.raises(DomainError, match="gamma"):
        identity("fisherInformation_eq_heatCapacity_div_sq").evaluate(gamma=0, N=10)
    with pytest.raises(DomainError, match="gamma"):
        attnthermo.free_energy(gamma=0, N=10)
    assert attnthermo.fisher_information(gamma=0, N=4, dps=20) > 0  # the variance itself is defined


def test_bad_exact_and_rope_input():
    with pytest.raises(DomainError, match="weights"):
        finite.mean_energy(["1", "2"], ["1"])
    with pytest.raises(DomainError, match="weights"):
        finite.mean_energy(["1", "2"], ["1", "-1"])
    with pytest.raises(DomainError, match="n"):
        finite.grid_variance(0, 1)
    with pytest.raises(DomainError, match="s"):
        finite.truncated_polylog("1/2", 3, 1)
    with pytest.raises(DomainError, match="x"):
        pade.pade_exp(-2)
    with pytest.raises(DomainError, match="gamma"):
        pade.horizon(10_000, -1)
    with pytest.raises(DomainError, match="d_head"):
        rope.slowest_wavelength(theta=10_000, d_head=63)
    with pytest.raises(DomainError, match="theta"):
        rope.t_cross(theta=1)
    with pytest.raises(DomainError, match="gamma"):
        tails.tail(gamma=1, D=10)
    with pytest.raises(DomainError, match="name"):
        identity("no_such_identity")


def test_out_of_range_results_are_returned_and_flagged():
    with pytest.warns(pade.OutsideMeaningfulRange):
        assert pade.pade_gamma(10_000, 20_000) < 0
    with pytest.warns(pade.OutsideMeaningfulRange):
        assert pade.horizon(10_000, Fraction(3, 2), Fraction(3, 2)) < 0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert pade.horizon(10_000, Fraction(1, 2), Fraction(3, 2)) == 5000


def test_precision_error_when_digits_cannot_be_certified():
    # an evaluation whose value depends on the working precision never certifies
    with pytest.raises(PrecisionError, match="noisy"):
        certify(lambda wp: mpmath.mpf(wp), 10, what="noisy", max_wp=80)


BAD_DPS = [0, -5, 1.5, "30", True, MAX_DPS + 1]


@pytest.mark.parametrize("dps", BAD_DPS)
@pytest.mark.parametrize("call", [
    lambda dps: attnthermo.heat_capacity(gamma=1.5, N=10, dps=dps),
    lambda dps: attnthermo.partition(gamma=2, N="not a number", dps=dps),  # dps is checked before N
    lambda dps: tails.partial_sum(gamma=1, D=10, dps=dps),
    lambda dps: rope.t_cross(theta=10_000, dps=dps),
    lambda dps: rope.n_active(d=1000, theta=10_000, d_head=63, dps=dps),  # before d_head
    lambda dps: gamma_one_heat_capacity(N=1000, dps=dps),
    lambda dps: identity("fisherInformation_eq_heatCapacity_div_sq").evaluate(gamma=1.5, N=10, dps=dps),
    lambda dps: identity("gridVariance_eq").check(dps=dps),
], ids=["heat_capacity", "partition", "partial_sum", "t_cross", "n_active", "gamma_one", "evaluate", "check"])
def test_bad_dps_is_named_first_on_every_path(call, dps):
    with pytest.raises(DomainError) as info:
        call(dps)
    assert info.value.parameter == "dps" and info.value.value == dps


def test_dps_maximum_says_what_it_costs():
    with pytest.raises(DomainError, match=f"at most {MAX_DPS}.*cost"):
        attnthermo.heat_capacity(gamma=1.5, N=10, dps=10**6)


def test_dps_none_follows_mpmath():
    with mpmath.workdps(12):
        value = attnthermo.energy_variance(gamma=1, N=1000)
    assert mpmath.nstr(value, 12) == "4.58002953758" and value.context.prec >= 40


def test_negative_infinite_N_says_what_is_allowed():
    with pytest.raises(DomainError, match=r"integer >= 1 or \+inf"):
        attnthermo.partition(gamma=2, N=-math.inf)


def test_cli_bad_dps_exits_non_zero_naming_dps(capsys):
    from attnthermo import cli

    for dps in ("0", "-5", str(MAX_DPS + 1)):
        assert cli.main(["identity", "fisherInformation_eq_heatCapacity_div_sq", "--dps", dps]) != 0
        assert f"dps={dps}" in capsys.readouterr().err
