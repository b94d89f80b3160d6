"""Identities evaluate through the same validated parameters as the public numerics: a bad N, a
divergent series or too many digits is one DomainError naming the caller's parameter, never nan,
a complex number, a hang or a value at an N that is not a count."""

from __future__ import annotations

import math
import time
from fractions import Fraction

import mpmath
import pytest

from attnthermo import cli, identity
from attnthermo.defaults import MAX_DPS
from attnthermo.errors import DomainError
from attnthermo.thermo import ensemble

ENSEMBLE_IDENTITIES = ("logPartition_secondDerivative_eq_energyVariance", "energyVariance_eq_meanSqDeviation",
                       "fisherInformation_eq_heatCapacity_div_sq", "partitionFunction_attentionStates", "maxent_power_law")


@pytest.mark.parametrize("name", ENSEMBLE_IDENTITIES)
@pytest.mark.parametrize("N", [0, 2.5, Fraction(5, 2), True, float("nan"), -5, -math.inf])
def test_bad_N_is_a_domain_error_naming_N(name, N):
    start = time.perf_counter()
    with pytest.raises(DomainError) as error:
        identity(name).evaluate(gamma=2, N=N, z=1, dps=30)
    assert error.value.parameter == "N" and "\n" not in str(error.value)
    assert time.perf_counter() - start < 5


def test_infinite_N_reaches_the_identity():
    """N = ∞ (math.inf or 'inf') used to hang in the five-point difference: ∂²log ζ(γ) = Var at γ = 2."""
    second = identity("logPartition_secondDerivative_eq_energyVariance")
    variance = ensemble.energy_variance(gamma=2, N=math.inf, dps=25)
    for N in (math.inf, "inf"):
        with mpmath.workdps(30):
            assert abs(second.evaluate(gamma=2, N=N, z=1, dps=25) - variance) < mpmath.mpf(10) ** -23 * variance


def test_divergent_ensemble_is_named():
    with pytest.raises(DomainError, match="^gamma="):
        identity("logPartition_secondDerivative_eq_energyVariance").evaluate(gamma=1, N=math.inf, z=1)


def test_truncated_polylog_at_large_N_is_fast_and_right():
    """N = 10^6 looped over exact Fractions (minutes); Σ_{d≤N} z^d d^(1-s) at s = 2, z = 1/2 is log 2."""
    start = time.perf_counter()
    value = identity("fugacity_truncatedPolylog").evaluate(s=2, z=Fraction(1, 2), N=10**6, dps=30)
    assert time.perf_counter() - start < 5
    with mpmath.workdps(40):
        assert abs(value - mpmath.log(2)) < mpmath.mpf(10) ** -29


def test_truncated_polylog_stays_exact_at_small_N():
    assert identity("fugacity_truncatedPolylog").evaluate(s=2, z=Fraction(1, 2), N=3, dps=30) == \
        Fraction(1, 2) + Fraction(1, 4) / 2 + Fraction(1, 8) / 3  # Σ d·z^d/d² = Σ z^d/d


@pytest.mark.parametrize("s,z,parameter", [(2, 1, "s"), (1, 1, "s"), (2, Fraction(3, 2), "z"), (2, 5, "z"), (3, -1, "z")])
def test_divergent_polylog_series_is_an_error_not_a_complex_number(s, z, parameter):
    with pytest.raises(DomainError) as error:
        identity("fugacity_truncatedPolylog").evaluate(s=s, z=z, N=math.inf, dps=30)
    assert error.value.parameter == parameter


def test_dps_error_names_the_callers_digits():
    """An identity that works at dps + 5 used to report 'dps=2003: must be at most 2000'."""
    with pytest.raises(DomainError) as error:
        identity("fisherInformation_eq_heatCapacity_div_sq").evaluate(gamma=2, N=10, z=1, dps=MAX_DPS - 2)
    assert error.value.value == MAX_DPS - 2 and f"at most {MAX_DPS - 5}" in str(error.value)


def test_cli_reaches_infinite_N_and_rejects_N_zero(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("ATTNTHERMO_CACHE_DIR", str(tmp_path))
    assert cli.main(["identity", "fugacity_truncatedPolylog", "--N", "inf", "--z", "1/2", "--param", "s=3"]) == 0
    with mpmath.workdps(30):
        expected = mpmath.nstr(mpmath.polylog(2, mpmath.mpf(1) / 2), 20)
    assert expected in capsys.readouterr().out
    assert cli.main(["identity", "logPartition_secondDerivative_eq_energyVariance", "--N", "0"]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "N=" in err[0] and "nan" not in err[0]
