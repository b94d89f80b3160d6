"""Var = ∂²_γ log Z (numerical differentiation of log Z) and Fisher = C_V/γ², checked independently."""

from fractions import Fraction

import mpmath
import pytest

from attnthermo.thermo import ensemble
from attnthermo.thermo.identities.derivation import log_partition_second_derivative
from attnthermo.thermo.reference import brute_force_moments

DPS = 30


@pytest.mark.parametrize("gamma,N", [(Fraction(1, 2), 50), (1, 10**4), (Fraction(5, 2), 10**9)])
def test_variance_is_second_derivative_of_log_partition(gamma, N):
    numeric = log_partition_second_derivative(gamma=gamma, N=N, z=1, dps=DPS)
    moments = ensemble.energy_variance(gamma=gamma, N=N, dps=DPS)
    with mpmath.workdps(DPS):
        assert abs(numeric - moments) <= mpmath.mpf(10) ** -(DPS - 3) * moments


def test_first_derivative_of_log_partition_is_minus_mean_energy():
    with mpmath.workdps(60):
        h = mpmath.mpf(10) ** -15  # central difference: error ~ h² S_3/Z ≈ 1e-30
        up, down = (mpmath.log(ensemble.partition(gamma=2 + sign * h, N=200, dps=55)) for sign in (1, -1))
        slope = (up - down) / (2 * h)
    mean = ensemble.mean_energy(gamma=2, N=200, dps=DPS)
    with mpmath.workdps(DPS):
        assert abs(slope + mean) < mpmath.mpf(10) ** -(DPS - 5)


@pytest.mark.parametrize("gamma,N,z", [(Fraction(-2), 12, 1), (Fraction(3, 2), 40, 1), (2, 15, Fraction(4, 5))])
def test_fisher_equals_heat_capacity_over_gamma_squared(gamma, N, z):
    score_squared = brute_force_moments(gamma, N, z, dps=DPS)["fisher_information"]  # E[score²], summed
    cv = ensemble.heat_capacity(gamma=gamma, N=N, z=z, dps=DPS)
    with mpmath.workdps(DPS):
        g = mpmath.mpf(gamma.numerator) / gamma.denominator if isinstance(gamma, Fraction) else mpmath.mpf(gamma)
        assert abs(cv / g**2 - score_squared) <= mpmath.mpf(10) ** -(DPS - 3) * score_squared
    assert abs(ensemble.fisher_information(gamma=gamma, N=N, z=z, dps=DPS) - score_squared) < mpmath.mpf(10) ** -(DPS - 3)
