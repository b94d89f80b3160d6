"""Identities of ``AttnThermo.LogUniform``: at γ = 1, log d is close to uniform on [0, L], L = log N,
whose variance is L²/3 - (L/2)² = L²/12 — not the erratum's L²/4, which is ⟨x⟩². Lean proves the
moments from a stated antiderivative and the n-point grid's variance h²(n²-1)/12; the finite-N
C_V(γ=1) with its expansion in 1/L (logarithms: beyond core Lean) is re-checked here.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath

from attnthermo.defaults import DEFAULT_DPS, FLOAT_DPS
from attnthermo.thermo import finite
from attnthermo.thermo.asymptotics import gamma_one_heat_capacity
from attnthermo.thermo.checks import Tally, require_sympy_equal, simplifies_to_zero
from attnthermo.thermo.identities.identity import declare, describe, equation
from attnthermo.thermo.params import as_real, to_mpf

LEAN_MODULE = "AttnThermo.LogUniform"

# math-notes §3, an outside reference: (N, exact C_V(γ=1), expansion through the constant term)
GAMMA_ONE_REFERENCE = ((10**3, "4.58002953758", "4.57495938615"), (10**5, "12.0899863586", "12.0871862619"))
REMAINDER_N = (10**3, 10**6, 10**9, 10**12)
GRID_SIZES = range(1, 8)


def _symbols():
    import sympy

    return sympy.Symbol("L", positive=True), sympy.Symbol("u", real=True)


# -- uniformVariance_eq_sq_div_twelve -------------------------------------------------------------------

def _twelfth_form():
    import sympy

    L, u = _symbols()
    first = sympy.Integral(u / L, (u, 0, L))
    second = sympy.Integral(u**2 / L, (u, 0, L))
    return equation(second - first**2, L**2 / 12)


def _twelfth_value(*, L, dps):
    """L²/12, the variance of the uniform distribution on [0, L]."""
    with mpmath.workdps(dps):
        return to_mpf(as_real(L, "L")) ** 2 / 12


def _twelfth_check(t: Tally) -> None:
    require_sympy_equal(t, _twelfth_form(), "∫x²/L - (∫x/L)² = L²/12")
    for n in GRID_SIZES:
        t.require(finite.grid_variance(n, Fraction(1, n)) == Fraction(1, 12) - Fraction(1, 12 * n * n),
                  f"grid with h = 1/n, n = {n}: L²/12 - L²/(12n²)")
    digits = max(t.dps, FLOAT_DPS)
    for N, exact, expansion in GAMMA_ONE_REFERENCE:
        r = gamma_one_heat_capacity(N=N, dps=digits)
        t.require(mpmath.nstr(r.exact, 12) == exact, f"C_V(γ=1, N={N}) = {exact} (math-notes §3)")
        t.require(mpmath.nstr(r.next_order, 12) == expansion, f"expansion at N={N} = {expansion} (math-notes §3)")
    previous = None
    for N in REMAINDER_N:
        r = gamma_one_heat_capacity(N=N, dps=digits)
        remainder = abs(r.exact - r.next_order)
        # the remainder after the constant term is c₁/L + O(1/L²): within twice |c₁/L| + |c₂/L²|
        bound = 2 * abs(r.expansion - r.next_order) + abs(r.next_term)
        t.require(remainder <= bound, f"N={N}: |exact - (L²/12 + γ_E L/6 - …)| = {mpmath.nstr(remainder, 3)} "
                                      f"<= {mpmath.nstr(bound, 3)}")
        if previous is not None:
            t.require(remainder < previous, f"remainder shrinks with N (N={N})")
        previous = remainder
        t.note(f"N={N}: leading (log N)²/12 off by {mpmath.nstr(100 * r.leading_relative_error, 3)}%")


TWELFTH = declare(
    lean_module=LEAN_MODULE,
    lean=("uniformVariance_eq_sq_div_twelve", "uniformMoment_eq_half", "uniformMoment_eq_sq_div_three"),
    statement="x uniform on [0, L]: ⟨x⟩ = L/2, ⟨x²⟩ = L²/3, Var = L²/12; at finite N, C_V(γ=1) = L²/12 + (γ_E/6)L "
              "- (5γ_E²/12 + γ_1) + c₁/L + O(1/L²), L = log N",
    point=dict(L=1, dps=DEFAULT_DPS),
    grid=(f"sympy; grids h = 1/n, n ∈ {describe(GRID_SIZES)}; math-notes §3 values at N ∈ "
          f"{describe(N for N, _, _ in GAMMA_ONE_REFERENCE)}; remainder at N ∈ {describe(REMAINDER_N)}"),
    form=_twelfth_form, evaluate=_twelfth_value, check=_twelfth_check,
)

# -- uniformVariance_ne_sq_div_four ----------------------------------------------------------------------

ERRATUM_N = (10**3, 10**6, 10**12)


def _quarter_form():
    import sympy

    L, _ = _symbols()
    return sympy.Ne(L**2 / 12, L**2 / 4, evaluate=False)


def _quarter_value(*, L, dps):
    """L²/4 - L²/12 = L²/6: how far the erratum is from the variance."""
    with mpmath.workdps(dps):
        return to_mpf(as_real(L, "L")) ** 2 / 6


def _quarter_check(t: Tally) -> None:
    import sympy

    form = _quarter_form()
    L, _ = _symbols()
    t.require(sympy.simplify(form.lhs - form.rhs + L**2 / 6) == 0 and not simplifies_to_zero(form.lhs - form.rhs),
              "sympy: L²/12 - L²/4 = -L²/6, nonzero for L > 0")
    t.require(simplifies_to_zero((L / 2) ** 2 - form.rhs), "sympy: (L/2)² = L²/4, the squared mean")
    for N in ERRATUM_N:
        r = gamma_one_heat_capacity(N=N, dps=max(t.dps, FLOAT_DPS))
        t.require(r.erratum > 2 * r.exact, f"N={N}: (log N)²/4 = {mpmath.nstr(r.erratum, 6)} vs exact {mpmath.nstr(r.exact, 6)}")
        with mpmath.workdps(t.dps + 5):
            t.compare(r.erratum, 3 * r.leading, f"(log N)²/4 = 3·(log N)²/12 at N={N}")


QUARTER = declare(
    lean_module=LEAN_MODULE,
    lean=("uniformVariance_ne_sq_div_four", "erratum_eq_sq_mean"),
    statement="L²/12 ≠ L²/4 for L ≠ 0; (L/2)² = L²/4 is ⟨x⟩², not the variance (the erratum)",
    point=dict(L=1, dps=DEFAULT_DPS),
    grid=f"sympy; exact C_V(γ=1) vs (log N)²/4 at N ∈ {describe(ERRATUM_N)}",
    form=_quarter_form, evaluate=_quarter_value, check=_quarter_check,
)

# -- gridVariance_eq -------------------------------------------------------------------------------------

EXACT_SIZES = range(1, 15)
EXACT_STEPS = (Fraction(1), Fraction(1, 2), Fraction(-7, 3))


def _grid_form():
    import sympy

    h = sympy.Symbol("h", real=True)
    n = sympy.Symbol("n", integer=True, positive=True)
    k = sympy.Symbol("k", integer=True, nonnegative=True)
    mean = sympy.Sum(k * h, (k, 0, n - 1)) / n
    second = sympy.Sum((k * h) ** 2, (k, 0, n - 1)) / n
    return equation(second - mean**2, h**2 * (n**2 - 1) / 12)


def _grid_value(*, n, h):
    return finite.grid_variance(n, h)


def _grid_check(t: Tally) -> None:
    require_sympy_equal(t, _grid_form(), "Var(0, h, …, (n-1)h) = h²(n²-1)/12")
    for n in EXACT_SIZES:
        for h in EXACT_STEPS:
            t.require(finite.grid_variance(n, h) == h**2 * (n * n - 1) / 12, f"n={n}, h={h}")
            t.require(finite.grid_mean(n, h) == h * (n - 1) / 2, f"mean n={n}, h={h}")


GRID = declare(
    lean_module=LEAN_MODULE,
    lean=("gridVariance_eq", "gridMean_eq", "gridVariance_eq_continuum_sub"),
    statement="n equally spaced points 0, h, …, (n-1)h: mean h(n-1)/2, variance h²(n²-1)/12 = L²/12 - h²/12 for L = nh",
    point=dict(n=5, h=Fraction(1, 2)),
    grid=f"sympy (symbolic n); exact n ∈ {describe(EXACT_SIZES)}, h ∈ {describe(EXACT_STEPS)}",
    form=_grid_form, evaluate=_grid_value, check=_grid_check,
)
