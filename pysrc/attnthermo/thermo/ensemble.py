"""Thermodynamics of the power-law ensemble p_d ∝ z^d d^-γ on d = 1..N (E_d = log d, β = γ).

Every function takes ``gamma=`` (real), ``N=`` (positive integer, or ``math.inf`` /
``mpmath.inf`` where the sum converges), ``z=`` (fugacity, 0 < z ≤ 1, default 1) and ``dps=``
(decimal digits; None, the default, means the current ``mpmath.mp.dps``; checked first) and returns an
mpmath number certified to ``dps`` significant digits — relative digits, however small the value
(:mod:`attnthermo.thermo.precision`) — or raises :class:`~attnthermo.errors.PrecisionError`
(e.g. where the value is exactly 0 but no closed form says so: F at Z = 1 with z < 1).
Cost is independent of N (:mod:`attnthermo.thermo.power_sums`).

>>> from attnthermo.thermo.ensemble import heat_capacity
>>> import mpmath
>>> mpmath.nstr(heat_capacity(gamma=1, N=10**12, dps=20), 20)  # math-notes §3
'66.216155952780932343'
"""

from __future__ import annotations

from dataclasses import dataclass

import mpmath

from attnthermo.errors import DomainError
from attnthermo.thermo.params import INF, Count, Real, as_count, as_dps, as_fugacity, as_real, log_real, to_mpf
from attnthermo.thermo.power_sums import (AUTO_DIRECT_TERMS, DIRECT_MAX_TERMS, HURWITZ_MIN_GAMMA, PowerSums,
                                          digits_lost, direct_terms, power_sums)
from attnthermo.thermo.precision import certify


@dataclass(frozen=True)
class EnsembleParameters:
    """Validated (γ, N, z): the sum must converge and every parameter be in its domain."""

    gamma: Real
    N: Count
    z: Real

    @classmethod
    def validate(cls, gamma: object, N: object, z: object = 1) -> "EnsembleParameters":
        g = as_real(gamma, "gamma")
        n = as_count(N, "N")
        zz = as_fugacity(z, "z")
        if n is INF and zz == 1 and g <= 1:
            raise DomainError(
                "gamma", gamma,
                "with N infinite and z = 1 the partition function Σ d^-gamma diverges for gamma <= 1 "
                "(give a finite N, or z < 1)",
            )
        if zz == 1 and g < HURWITZ_MIN_GAMMA and n > AUTO_DIRECT_TERMS:
            raise DomainError(
                "gamma", gamma,
                f"with z = 1 and N > {AUTO_DIRECT_TERMS}, gamma below {HURWITZ_MIN_GAMMA} is out of reach "
                f"(mpmath's zeta derivatives do not finish there): give N <= {AUTO_DIRECT_TERMS} or z < 1",
            )
        if zz < 1 and g < HURWITZ_MIN_GAMMA and direct_terms(g, n, zz) > DIRECT_MAX_TERMS:
            raise DomainError(
                "gamma", gamma,
                f"with z = {zz}, gamma below {HURWITZ_MIN_GAMMA} needs more than {DIRECT_MAX_TERMS} terms "
                "(the weights peak near d = |gamma|/log(1/z)): give a smaller N or z further from 1",
            )
        return cls(g, n, zz)


def _certified(p: EnsembleParameters, digits: int, what: str, formula, shifted: bool = False) -> mpmath.mpf:
    """``formula(PowerSums)`` certified to ``digits`` relative digits (two independent evaluations)."""
    return certify(lambda wp: formula(power_sums(p.gamma, p.N, p.z, wp=wp, shifted=shifted)), digits, what=what,
                   extra=digits_lost(p.gamma, p.N, p.z))


def _log_partition(sums: PowerSums, z: Real) -> mpmath.mpf:
    """log Z = log z + log1p(rest/z): relative digits also when the first term z dominates."""
    return log_real(z) + mpmath.log1p(sums.rest / to_mpf(z))


def partition(*, gamma: object, N: object, z: object = 1, dps: int | None = None) -> mpmath.mpf:
    """Z_N(γ, z) = Σ_{d≤N} z^d d^-γ  (N = ∞: Li_γ(z); ζ(γ) at z = 1, γ > 1).

    >>> mpmath.nstr(partition(gamma=2, N=float("inf"), dps=15), 15)  # ζ(2) = π²/6
    '1.64493406684823'
    """
    digits = as_dps(dps)
    p = EnsembleParameters.validate(gamma, N, z)
    return _certified(p, digits, "partition", lambda s: s.sums[0])


def mean_energy(*, gamma: object, N: object, z: object = 1, dps: int | None = None) -> mpmath.mpf:
    """⟨log d⟩ = S_1/S_0 = -∂_γ log Z.

    >>> mpmath.nstr(mean_energy(gamma=1, N=2, dps=10), 10)  # (log 2 / 2) / (3/2)
    '0.2310490602'
    """
    digits = as_dps(dps)
    p = EnsembleParameters.validate(gamma, N, z)
    if p.N == 1:
        return mpmath.mpf(0)
    return _certified(p, digits, "mean_energy", lambda s: s.sums[1] / s.sums[0])


def _variance(sums: PowerSums) -> mpmath.mpf:
    s = sums.sums
    mean = s[1] / s[0]
    return s[2] / s[0] - mean * mean


def energy_variance(*, gamma: object, N: object, z: object = 1, dps: int | None = None) -> mpmath.mpf:
    """Var(log d) = S_2/S_0 - (S_1/S_0)² = ∂²_γ log Z.

    >>> mpmath.nstr(energy_variance(gamma=1, N=10**3, dps=12), 12)  # math-notes §3
    '4.58002953758'
    """
    digits = as_dps(dps)
    p = EnsembleParameters.validate(gamma, N, z)
    if p.N == 1:
        return mpmath.mpf(0)
    return _certified(p, digits, "energy_variance", _variance)


def heat_capacity(*, gamma: object, N: object, z: object = 1, dps: int | None = None) -> mpmath.mpf:
    """C_V = γ² Var(log d)  (k_B = 1, T = 1/γ).

    >>> heat_capacity(gamma=2, N=1, dps=5)
    mpf('0.0')
    """
    digits = as_dps(dps)
    p = EnsembleParameters.validate(gamma, N, z)
    if p.N == 1 or p.gamma == 0:
        return mpmath.mpf(0)
    return _certified(p, digits, "heat_capacity", lambda s: to_mpf(p.gamma) ** 2 * _variance(s))


def fisher_information(*, gamma: object, N: object, z: object = 1, dps: int | None = None) -> mpmath.mpf:
    """I(γ) = E[(∂_γ log p_d)²] = Var(log d); equal to C_V/γ² for γ ≠ 0 (math-notes §2).

    >>> fisher_information(gamma=1, N=10**3, dps=12) == energy_variance(gamma=1, N=10**3, dps=12)
    True
    """
    digits = as_dps(dps)
    p = EnsembleParameters.validate(gamma, N, z)
    if p.N == 1:
        return mpmath.mpf(0)
    # E[score²] with score = -(E - ⟨E⟩): the same central second moment as the variance
    return _certified(p, digits, "fisher_information", _variance)


def entropy(*, gamma: object, N: object, z: object = 1, dps: int | None = None) -> mpmath.mpf:
    """H = -Σ p_d log p_d = log Z + γ⟨log d⟩ - ⟨d⟩ log z, with ⟨d⟩ = Z(γ-1, z)/Z(γ, z).

    >>> mpmath.nstr(entropy(gamma=0, N=4, dps=10), 10)  # uniform on 4 states: log 4
    '1.386294361'
    """
    digits = as_dps(dps)
    p = EnsembleParameters.validate(gamma, N, z)
    if p.N == 1:
        return mpmath.mpf(0)

    def formula(sums: PowerSums) -> mpmath.mpf:
        s = sums.sums
        # log Z - ⟨d⟩ log z = log1p(rest/z) - (⟨d⟩ - 1) log z: no log z to cancel when z is tiny
        value = mpmath.log1p(sums.rest / to_mpf(p.z)) + to_mpf(p.gamma) * s[1] / s[0]
        if p.z != 1:  # the fugacity term needs Z at γ - 1 (z∂_z Li_γ = Li_{γ-1}): the shifted sum
            value -= (sums.shifted - sums.rest) / s[0] * log_real(p.z)  # (⟨d⟩ - 1) log z
        return value

    return _certified(p, digits, "entropy", formula, shifted=p.z != 1)


def free_energy(*, gamma: object, N: object, z: object = 1, dps: int | None = None) -> mpmath.mpf:
    """F = -T log Z = -(log Z)/γ (the grand potential when z ≠ 1); γ = 0 (T = ∞) is a DomainError.

    >>> free_energy(gamma=2, N=1, dps=5)  # Z = 1
    mpf('0.0')
    """
    digits = as_dps(dps)
    p = EnsembleParameters.validate(gamma, N, z)
    if p.gamma == 0:
        raise DomainError("gamma", gamma, "free energy -log(Z)/gamma needs gamma != 0 (temperature 1/gamma)")
    return _certified(p, digits, "free_energy", lambda s: -_log_partition(s, p.z) / to_mpf(p.gamma))
