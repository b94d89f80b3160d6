"""Identities of ``AttnThermo.RopePade``: RoPE wavelengths λ_i = 2π θ^{2i/d_h} (c stands for 2π,
q = θ^{2/d_h} in Lean), the slowest one against 2πθ, the middle one 2π√θ, and the γ_Padé algebra:
the [1,1] Padé error, the circular horizon, the sign change past T√2 = 2θ. Every γ_Padé here is
:func:`attnthermo.thermo.pade.pade_gamma`, the one implementation (its sympy form included).
"""

from __future__ import annotations

import warnings
from fractions import Fraction

import mpmath

from attnthermo.defaults import DEFAULT_DPS
from attnthermo.thermo import pade, rope
from attnthermo.thermo.checks import Tally, require_sympy_equal
from attnthermo.thermo.identities.identity import declare, describe, equation

LEAN_MODULE = "AttnThermo.RopePade"

ROPE_GRID = ((500, 16), (10_000, 64), (10_000, 128), (1_000_000, 128), (500_000, 80))


def _positive(*names: str):
    import sympy

    return sympy.symbols(" ".join(names), positive=True, seq=True)


# -- slowestWavelength_lt ------------------------------------------------------------------------------

EXACT_WAVELENGTHS = ((6, 2, 3), (Fraction(1, 2), Fraction(3, 2), 1), (7, 10, 5))


def _slowest_form():
    import sympy

    theta, c = _positive("theta c")
    d_h = sympy.Symbol("d_h", integer=True, positive=True)
    q = theta ** (sympy.Integer(2) / d_h)
    return sympy.StrictLessThan(c * q ** (d_h / 2 - 1), c * theta, evaluate=False)


def _slowest_value(*, theta, d_head, dps):
    return rope.slowest_wavelength(theta=theta, d_head=d_head, dps=dps).exact


def _slowest_check(t: Tally) -> None:
    import sympy

    form = _slowest_form()
    theta, c = _positive("theta c")
    d_h = sympy.Symbol("d_h", integer=True, positive=True)
    ratio = sympy.simplify(sympy.powsimp(form.lhs / form.rhs, force=True))
    t.require(sympy.simplify(ratio - theta ** (-sympy.Integer(2) / d_h)) == 0, "sympy: λ_max/(cθ) = θ^(-2/d_h) < 1 for θ > 1")
    for theta, dh in ROPE_GRID:
        s = rope.slowest_wavelength(theta=theta, d_head=dh, dps=t.dps)
        t.require(s.exact < s.bound, f"θ={theta}, d_h={dh}: λ_max < 2πθ")
        with mpmath.workdps(t.dps + 5):
            t.compare(s.ratio, mpmath.mpf(theta) ** (mpmath.mpf(-2) / dh), f"ratio θ^(-2/d_h) at θ={theta}, d_h={dh}")
        ws = rope.wavelengths(theta=theta, d_head=dh, dps=t.dps)
        t.require(all(a < b for a, b in zip(ws, ws[1:])), f"wavelengths increase (θ={theta}, d_h={dh})")
    for c, q, m in EXACT_WAVELENGTHS:
        t.require(rope.wavelength(c, q, m - 1) < c * Fraction(q) ** m, f"exact c={c}, q={q}, m={m}")


SLOWEST = declare(
    lean_module=LEAN_MODULE, lean=("slowestWavelength_lt", "wavelength_strictMono"),
    statement="λ_max = 2π θ^{1-2/d_h} < 2πθ: T_max = 2πθ is an upper bound, not the slowest wavelength; "
              "wavelengths increase with the pair index",
    point=dict(theta=10_000, d_head=64, dps=DEFAULT_DPS),
    grid=f"(θ, d_h) ∈ {describe(ROPE_GRID)}; exact c q^(m-1) < c q^m at (c, q, m) ∈ {describe(EXACT_WAVELENGTHS)}",
    form=_slowest_form, evaluate=_slowest_value, check=_slowest_check,
)

# -- middleWavelength_sq -------------------------------------------------------------------------------

EXACT_MIDDLE = ((2, 3), (Fraction(3, 2), 4))


def _middle_form():
    import sympy

    (q,) = _positive("q")
    k = sympy.Symbol("k", integer=True, nonnegative=True)
    return equation(sympy.Pow(q**k, 2, evaluate=False), q ** (2 * k))


def _middle_value(*, theta, dps):
    return rope.t_cross(theta=theta, dps=dps)


def _middle_check(t: Tally) -> None:
    require_sympy_equal(t, _middle_form(), "(q^k)² = q^(2k)")
    for theta, dh in ROPE_GRID:
        if dh % 4 == 0:
            t.compare(rope.rope_wavelength(theta=theta, d_head=dh, i=dh // 4, dps=t.dps),
                      rope.t_cross(theta=theta, dps=t.dps), f"λ_(d_h/4) = 2π√θ at θ={theta}, d_h={dh}")
    for q, k in EXACT_MIDDLE:
        t.require(rope.wavelength(1, q, k) ** 2 == Fraction(q) ** (2 * k), f"exact q={q}, k={k}")


MIDDLE = declare(
    lean_module=LEAN_MODULE, lean=("middleWavelength_sq",),
    statement="the middle pair i = d_h/4 has wavelength 2π√θ = T_cross ((q^k)² = θ when θ = q^(2k))",
    point=dict(theta=10_000, dps=DEFAULT_DPS),
    grid=f"(θ, d_h) ∈ {describe(ROPE_GRID)} with 4 | d_h; exact (q, k) ∈ {describe(EXACT_MIDDLE)}",
    form=_middle_form, evaluate=_middle_value, check=_middle_check,
)

# -- padeExp_sub_taylor --------------------------------------------------------------------------------

EXACT_X = tuple(Fraction(j, 7) for j in range(-30, 31) if j != -14)


def _taylor_form():
    import sympy

    x = sympy.Symbol("x", real=True)
    return equation(pade.pade_exp(x) - (1 - x + x**2 / 2), -x**3 / (2 * (2 + x)))


def _taylor_value(*, x):
    return pade.pade_exp(x)


def _taylor_check(t: Tally) -> None:
    require_sympy_equal(t, _taylor_form(), "(2-x)/(2+x) - (1-x+x²/2) = -x³/(2(2+x))")
    for x in EXACT_X:
        t.require(pade.pade_exp(x) - (1 - x + x**2 / 2) == -x**3 / (2 * (2 + x)), f"exact x={x}")


TAYLOR = declare(
    lean_module=LEAN_MODULE, lean=("padeExp_sub_taylor",),
    statement="(2-x)/(2+x) - (1 - x + x²/2) = -x³/(2(2+x))  (x ≠ -2)",
    point=dict(x=Fraction(1, 2)),
    grid=f"sympy; exact x = j/7 for j = -30..30, j ≠ -14 ({len(EXACT_X)} points)",
    form=_taylor_form, evaluate=_taylor_value, check=_taylor_check,
)

# -- horizon_padeGamma ---------------------------------------------------------------------------------

HORIZON_POINTS = ((10_000, 4096), (500_000, 8192), (Fraction(7, 3), Fraction(1, 5)))
RATIONAL_S = Fraction(3, 2)


def _horizon_form():
    theta, T, s = _positive("theta T s")
    return equation(pade.horizon(theta, pade.pade_gamma(theta, T, s), s), T * s**2 / 2)


def _horizon_value(*, theta, T, dps):
    """d_horizon at γ = γ_Padé(θ, T) with s = √2: equals T (the circularity)."""
    with mpmath.workdps(dps + 10):
        value = pade.horizon(theta, pade.pade_gamma(theta, T), mpmath.sqrt(2))
    with mpmath.workdps(dps):
        return +value


def _horizon_check(t: Tally) -> None:
    require_sympy_equal(t, _horizon_form(), "horizon(θ, γ_Padé(θ,T,s), s) = T s²/2")
    for theta, T in HORIZON_POINTS:
        t.require(pade.horizon(theta, pade.pade_gamma(theta, T, RATIONAL_S), RATIONAL_S) == Fraction(T) * RATIONAL_S**2 / 2,
                  f"exact θ={theta}, T={T}, s={RATIONAL_S}")
        t.compare(_horizon_value(theta=theta, T=T, dps=t.dps), Fraction(T), f"√2: horizon at γ_Padé returns T={T}")


HORIZON = declare(
    lean_module=LEAN_MODULE, lean=("horizon_padeGamma", "horizon_padeGamma_eq"),
    statement="horizon(θ, γ_Padé(θ, T, s), s) = T·s²/2, so with s = √2 it returns T (circular)",
    point=dict(theta=10_000, T=4096, dps=DEFAULT_DPS),
    grid=f"sympy; exact at s = {RATIONAL_S} and mpmath √2 for (θ, T) ∈ {describe(HORIZON_POINTS)}",
    form=_horizon_form, evaluate=_horizon_value, check=_horizon_check,
)

# -- padeGamma_neg_of_lt -------------------------------------------------------------------------------

NEGATIVE_POINTS = ((10_000, 20_000), (10_000, 14_143), (500, 10**6))
POSITIVE_POINTS = ((10_000, 14_142), (10_000, 4096))


def _negative_form():
    import sympy

    theta, T, s = _positive("theta T s")
    # where T s > 2θ: put T s = 2θ + e with e > 0
    (e,) = _positive("e")
    return sympy.StrictLessThan(pade.pade_gamma(theta, (2 * theta + e) / s, s), 0, evaluate=False)


def _negative_value(*, theta, T, dps):
    with mpmath.workdps(dps + 10):
        value = pade.pade_gamma(mpmath.mpf(theta), mpmath.mpf(T))
    with mpmath.workdps(dps):
        return +value


def _negative_check(t: Tally) -> None:
    import sympy

    form = _negative_form()
    t.require(sympy.simplify(form.lhs).is_negative is True, "sympy: γ_Padé(θ, T, s) < 0 whenever T s > 2θ > 0")
    for theta, T in NEGATIVE_POINTS:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            value = pade.pade_gamma(theta, T)
        t.require(value < 0, f"γ_Padé(θ={theta}, T={T}) < 0 once T > √2θ")
        t.require(any(issubclass(w.category, pade.OutsideMeaningfulRange) for w in caught), f"warned at θ={theta}, T={T}")
    for theta, T in POSITIVE_POINTS:
        with warnings.catch_warnings():
            warnings.simplefilter("error", pade.OutsideMeaningfulRange)
            t.require(pade.pade_gamma(theta, T) > 0, f"γ_Padé(θ={theta}, T={T}) > 0 below √2θ, no warning")


NEGATIVE = declare(
    lean_module=LEAN_MODULE, lean=("padeGamma_neg_of_lt",),
    statement="θ > 0 and T·√2 > 2θ ⇒ γ_Padé < 0: the formula leaves its meaningful range",
    point=dict(theta=10_000, T=4096, dps=DEFAULT_DPS),
    grid=f"(θ, T) ∈ {describe(NEGATIVE_POINTS)} negative with a warning; {describe(POSITIVE_POINTS)} positive, no warning",
    form=_negative_form, evaluate=_negative_value, check=_negative_check,
)
