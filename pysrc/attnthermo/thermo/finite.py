"""Exact rational mirror of the Lean definitions (AttnThermo.Ensemble, Fisher, LogUniform,
HarmonicVariance).

Inputs may be ints, Fractions, strings such as ``"3/4"`` or floats (taken at their exact binary
value); outputs are exact :class:`fractions.Fraction`. These are what the Lean→Python value
bridge (``bridge/values.toml``) compares ``#eval`` results with.

>>> grid_variance(5, "1/2")  # h²(n²-1)/12
Fraction(1, 2)
>>> energy_variance(["0", "1", "2"], ["1", "1", "2"])
Fraction(11, 16)
"""

from __future__ import annotations

from fractions import Fraction
from typing import Sequence

from attnthermo.errors import DomainError

Rational = object  # int | str | Fraction | float


def as_fraction(value: Rational, name: str) -> Fraction:
    """An exact rational; DomainError naming ``name`` for anything else."""
    if isinstance(value, bool):
        raise DomainError(name, value, "must be a rational number, not a bool")
    if isinstance(value, (int, Fraction)):
        return Fraction(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise DomainError(name, value, "must be finite")
        return Fraction(value)
    if isinstance(value, str):
        try:
            return Fraction(value.strip())
        except (ValueError, ZeroDivisionError):
            raise DomainError(name, value, "is not a rational number like '3/4' or '-5'") from None
    raise DomainError(name, value, "must be an int, Fraction, float or a string like '3/4'")


def as_natural(value: Rational, name: str) -> int:
    """A natural number (0, 1, 2, …), given as int or integer string."""
    number = as_fraction(value, name)
    if number.denominator != 1 or number < 0:
        raise DomainError(name, value, "must be a natural number (0, 1, 2, ...)")
    return int(number)


def _states(energies: Sequence[Rational], weights: Sequence[Rational]) -> list[tuple[Fraction, Fraction]]:
    if len(energies) != len(weights):
        raise DomainError("weights", weights, f"has {len(weights)} entries but energies has {len(energies)}")
    return [(as_fraction(e, f"energies[{i}]"), as_fraction(w, f"weights[{i}]"))
            for i, (e, w) in enumerate(zip(energies, weights))]


def partition_sum(energies: Sequence[Rational], weights: Sequence[Rational]) -> Fraction:
    """Z = Σ w (Lean ``partitionFunction``)."""
    return sum((w for _, w in _states(energies, weights)), Fraction(0))


def energy_moment(energies: Sequence[Rational], weights: Sequence[Rational], k: Rational) -> Fraction:
    """S_k = Σ E^k w (Lean ``energyMoment``)."""
    power = as_natural(k, "k")
    return sum((e**power * w for e, w in _states(energies, weights)), Fraction(0))


def _nonzero_partition(energies: Sequence[Rational], weights: Sequence[Rational]) -> Fraction:
    Z = partition_sum(energies, weights)
    if Z == 0:
        raise DomainError("weights", weights, "sum to zero: the moments divide by the partition function Z")
    return Z


def mean_energy(energies: Sequence[Rational], weights: Sequence[Rational]) -> Fraction:
    """⟨E⟩ = S_1/Z (Lean ``meanEnergy``)."""
    return energy_moment(energies, weights, 1) / _nonzero_partition(energies, weights)


def second_moment(energies: Sequence[Rational], weights: Sequence[Rational]) -> Fraction:
    """⟨E²⟩ = S_2/Z (Lean ``secondMoment``)."""
    return energy_moment(energies, weights, 2) / _nonzero_partition(energies, weights)


def energy_variance(energies: Sequence[Rational], weights: Sequence[Rational]) -> Fraction:
    """⟨E²⟩ - ⟨E⟩² (Lean ``energyVariance``)."""
    return second_moment(energies, weights) - mean_energy(energies, weights) ** 2


def mean_sq_deviation(energies: Sequence[Rational], weights: Sequence[Rational]) -> Fraction:
    """Σ w (E - ⟨E⟩)² / Z (Lean ``meanSqDeviation``)."""
    Z = _nonzero_partition(energies, weights)
    mean = mean_energy(energies, weights)
    return sum((w * (e - mean) ** 2 for e, w in _states(energies, weights)), Fraction(0)) / Z


def fisher_information(energies: Sequence[Rational], weights: Sequence[Rational]) -> Fraction:
    """Σ w · score² / Z with score = -E + ⟨E⟩ (Lean ``fisherInformation``)."""
    Z = _nonzero_partition(energies, weights)
    mean = mean_energy(energies, weights)
    return sum((w * (-e + mean) ** 2 for e, w in _states(energies, weights)), Fraction(0)) / Z


def heat_capacity(energies: Sequence[Rational], weights: Sequence[Rational], gamma: Rational) -> Fraction:
    """C_V = γ² · Var (Lean ``heatCapacity``)."""
    return as_fraction(gamma, "gamma") ** 2 * energy_variance(energies, weights)


def grid_mean(n: Rational, h: Rational) -> Fraction:
    """Mean of the n points 0, h, …, (n-1)h, summed (Lean ``gridMean``); n ≥ 1."""
    count, step = as_natural(n, "n"), as_fraction(h, "h")
    if count < 1:
        raise DomainError("n", n, "the grid needs at least one point")
    return sum((k * step for k in range(count)), Fraction(0)) / count


def grid_variance(n: Rational, h: Rational) -> Fraction:
    """Variance of the n points 0, h, …, (n-1)h with equal weights, summed (Lean ``gridVariance``)."""
    count, step = as_natural(n, "n"), as_fraction(h, "h")
    if count < 1:
        raise DomainError("n", n, "the grid needs at least one point")
    mean = grid_mean(count, step)
    return sum(((k * step) ** 2 for k in range(count)), Fraction(0)) / count - mean**2


def truncated_polylog(s: Rational, N: Rational, z: Rational) -> Fraction:
    """Σ_{d=1}^{N} z^d / d^s for natural s and N (Lean ``truncatedPolylog``; N = 0 is the empty sum)."""
    order, count, x = as_natural(s, "s"), as_natural(N, "N"), as_fraction(z, "z")
    return sum((x**d / Fraction(d) ** order for d in range(1, count + 1)), Fraction(0))


def fugacity_op(s: Rational, N: Rational, z: Rational) -> Fraction:
    """z∂_z applied to the truncated polylog: each d-th term multiplied by d (Lean ``fugacityOp``)."""
    order, count, x = as_natural(s, "s"), as_natural(N, "N"), as_fraction(z, "z")
    return sum((d * x**d / Fraction(d) ** order for d in range(1, count + 1)), Fraction(0))


def harmonic_log(d: Rational) -> Fraction:
    """H_d - 1 = Σ_{k≤d} 1/k - 1, a log-like sequence (Lean ``harmonicLog``; d = 0 gives -1)."""
    count = as_natural(d, "d")
    return sum((Fraction(1, k) for k in range(1, count + 1)), Fraction(0)) - 1


def harmonic_ensemble_variance(N: Rational) -> Fraction:
    """Var of the energies H_d - 1 under weights 1/d, d = 1..N (Lean ``energyVariance (harmonicStates
    harmonicLog N)``); N ≥ 1."""
    count = as_natural(N, "N")
    if count < 1:
        raise DomainError("N", N, "the ensemble needs at least one state (N >= 1)")
    energies, weights, h = [], [], Fraction(0)
    for d in range(1, count + 1):
        h += Fraction(1, d)
        energies.append(h - 1)
        weights.append(Fraction(1, d))
    return energy_variance(energies, weights)
