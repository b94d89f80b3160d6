"""Identities of ``AttnThermo.Fugacity``: the attention ensemble's Z is the truncated polylog
Σ_{d≤N} z^d d^-γ (→ Li_γ(z) as N → ∞, beyond core Lean), and the fugacity derivation z∂_z maps
it to the series with coefficients d·a_d, i.e. lowers the polylog's order by one.
"""

from __future__ import annotations

import math
from fractions import Fraction

import mpmath

from attnthermo.defaults import DEFAULT_DPS
from attnthermo.thermo import ensemble, finite, tails
from attnthermo.thermo.checks import Tally, require_sympy_equal
from attnthermo.thermo.identities.ensemble import ENSEMBLE_GRID, against_brute_force
from attnthermo.thermo.identities.identity import declare, describe, equation
from attnthermo.errors import DomainError
from attnthermo.thermo.params import as_count, as_dps, as_real, is_infinite, to_mpf

LEAN_MODULE = "AttnThermo.Fugacity"

# -- partitionFunction_attentionStates ---------------------------------------------------------------

POLYLOG_POINTS = ((Fraction(3, 2), 1), (3, 1), (Fraction(1, 2), Fraction(1, 2)), (1, Fraction(9, 10)), (-2, Fraction(1, 3)))
TAIL_BOUND_N = (10, 10**3, 10**6)


def _partition_form():
    import sympy

    gamma, z = sympy.symbols("gamma z", real=True)
    d = sympy.Symbol("d", integer=True, positive=True)
    return equation(sympy.Sum(z**d * d**-gamma, (d, 1, sympy.oo)), sympy.polylog(gamma, z))


def _partition_value(*, gamma, N, z, dps):
    return ensemble.partition(gamma=gamma, N=N, z=z, dps=dps)


def _partition_check(t: Tally) -> None:
    dps = t.dps
    for gamma, z in POLYLOG_POINTS:
        with mpmath.workdps(dps + 10):
            g = to_mpf(as_real(gamma, "gamma"))
            reference = mpmath.zeta(g) if z == 1 else mpmath.polylog(g, to_mpf(z))
        t.compare(ensemble.partition(gamma=gamma, N=math.inf, z=z, dps=dps), reference, f"Z_∞(γ={gamma}, z={z}) = Li_γ(z)")
    against_brute_force(t, "partition")
    for N in TAIL_BOUND_N:  # Z_N → ζ(2) with the tail between its integral bounds
        gap = ensemble.partition(gamma=2, N=math.inf, dps=dps) - ensemble.partition(gamma=2, N=N, dps=dps)
        bounds = tails.tail(gamma=2, D=N, dps=dps)
        t.require(bounds.lower <= gap <= bounds.upper, f"ζ(2) - Z_N within the tail bounds at N={N}")


PARTITION = declare(
    lean_module=LEAN_MODULE, lean=("partitionFunction_attentionStates",),
    statement="Z_N(γ, z) = Σ_{d≤N} z^d d^-γ (the attention ensemble's partition function) → Li_γ(z) as N → ∞ "
              "(ζ(γ) at z = 1, γ > 1)",
    point=dict(gamma=2, N=math.inf, z=1, dps=DEFAULT_DPS),
    grid=(f"N = ∞ vs mpmath zeta/polylog at (γ, z) ∈ {describe(POLYLOG_POINTS)}; (γ, N, z) ∈ {describe(ENSEMBLE_GRID)} "
          f"vs brute force; ζ(2) - Z_N within the tail bounds at N ∈ {describe(TAIL_BOUND_N)}"),
    form=_partition_form, evaluate=_partition_value, check=_partition_check,
)

# -- fugacity_truncatedPolylog ------------------------------------------------------------------------

EXACT_ORDERS, EXACT_N, EXACT_Z = range(1, 4), range(0, 7), (Fraction(1, 3), Fraction(-2, 5), Fraction(7, 4))
SERIES_POINTS = ((Fraction(5, 2), Fraction(1, 2)), (2, Fraction(1, 2)), (2, Fraction(9, 10)), (Fraction(-1, 2), Fraction(9, 10)))
FORM_TERMS = 5


def _fugacity_form():
    import sympy

    s, z = sympy.symbols("s z", real=True)
    return equation(z * sympy.Derivative(sympy.polylog(s, z), z), sympy.polylog(s - 1, z))


def _truncated_form():
    import sympy

    s, z = sympy.symbols("s z", real=True)
    d = sympy.Symbol("d", integer=True, positive=True)
    lhs = z * sympy.Derivative(sympy.Sum(z**d * d**-s, (d, 1, FORM_TERMS)), z)
    return equation(lhs, sympy.Sum(z**d * d ** (1 - s), (d, 1, FORM_TERMS)))


EXACT_UP_TO = 200  # beyond this N the exact Fractions' denominators (lcm(1..N)^s · q^N) grow too long


def _fugacity_value(*, s, z, N, dps):
    """z∂_z of the truncated polylog of order s, Σ_{d≤N} d·z^d d^-s: exact (a Fraction, the Lean
    ``fugacityOp``) for natural s and N ≤ :data:`EXACT_UP_TO`; beyond, the certified O(1) sum
    Σ z^d d^-(s-1) (0 < z ≤ 1); at N = ∞, z·d/dz Li_s(z) by mpmath, where the series converges
    (-1 < z < 1, or z = 1 with s > 2)."""
    order, x, digits = as_real(s, "s"), as_real(z, "z"), as_dps(dps)
    if is_infinite(N):
        if not (-1 < x < 1 or (x == 1 and order > 2)):
            name, why = ("s", "at z = 1 the series Σ z^d d^(1-s) converges only for s > 2") if x == 1 else \
                ("z", "at N = inf the series Σ z^d d^(1-s) converges only for -1 < z < 1 (or z = 1 with s > 2)")
            raise DomainError(name, s if x == 1 else z, why)
        with mpmath.workdps(digits + 10):
            zz = to_mpf(x)
            value = zz * mpmath.diff(lambda y: mpmath.polylog(to_mpf(order), y), zz)
        with mpmath.workdps(digits):
            return +value
    count = as_count(N, "N")
    exact = isinstance(order, Fraction) and order.denominator == 1 and order >= 0 and isinstance(x, Fraction)
    if exact and count <= EXACT_UP_TO:
        return finite.fugacity_op(order, count, x)
    if not 0 < x <= 1:
        raise DomainError("z", z, f"for N > {EXACT_UP_TO} or a non-natural s the value is the O(1) sum "
                                  "Σ z^d d^(1-s), which needs 0 < z <= 1")
    return ensemble.partition(gamma=order - 1, N=count, z=x, dps=digits)


def _fugacity_check(t: Tally) -> None:
    require_sympy_equal(t, _fugacity_form(), "z∂_z Li_s = Li_{s-1}")
    require_sympy_equal(t, _truncated_form(), f"z∂_z Σ_{{d≤{FORM_TERMS}}} z^d d^-s = Σ z^d d^(1-s)")
    for s in EXACT_ORDERS:
        for N in EXACT_N:
            for z in EXACT_Z:
                t.require(finite.fugacity_op(s, N, z) == finite.truncated_polylog(s - 1, N, z), f"exact s={s} N={N} z={z}")
    for s, z in SERIES_POINTS:
        with mpmath.workdps(t.dps + 10):
            reference = mpmath.polylog(to_mpf(as_real(s, "s")) - 1, to_mpf(z))
        t.compare(_fugacity_value(s=s, z=z, N=math.inf, dps=t.dps), reference, f"N=∞ s={s} z={z}")


FUGACITY = declare(
    lean_module=LEAN_MODULE,
    lean=("fugacity_truncatedPolylog", "fugacity_truncatedSeries_shift", "fugacity_partitionFunction_attentionStates"),
    statement="z∂_z Σ_{d≤N} a_d z^d = Σ_{d≤N} d·a_d z^d, so z∂_z Σ z^d d^-s = Σ z^d d^-(s-1); "
              "at N = ∞, z∂_z Li_s(z) = Li_{s-1}(z)",
    point=dict(s=2, z=Fraction(1, 2), N=math.inf, dps=DEFAULT_DPS),
    grid=(f"sympy (N = ∞ and N = {FORM_TERMS}); exact for s ∈ {describe(EXACT_ORDERS)}, N ∈ {describe(EXACT_N)}, "
          f"z ∈ {describe(EXACT_Z)}; N = ∞ against mpmath at (s, z) ∈ {describe(SERIES_POINTS)}"),
    form=_fugacity_form, evaluate=_fugacity_value, check=_fugacity_check,
)
