"""Exact rational mirror (the Lean value bridge's Python side), RoPE and Padé."""

from fractions import Fraction

import mpmath

from attnthermo.thermo import finite, pade, rope, tails


def test_exact_mirror_returns_fractions():
    E, w = ["0", "1/2", "3"], ["1", "2", "1/3"]
    Z = finite.partition_sum(E, w)
    assert Z == Fraction(10, 3)
    assert finite.energy_moment(E, w, 2) == Fraction(0 + 2 * 1 / 4) + Fraction(9, 3)
    assert finite.energy_variance(E, w) == finite.mean_sq_deviation(E, w) == finite.fisher_information(E, w)
    assert finite.heat_capacity(E, w, "2") == 4 * finite.energy_variance(E, w)
    assert finite.grid_mean(5, "1/2") == 1 and finite.grid_variance(5, "1/2") == Fraction(1, 2)
    assert finite.truncated_polylog(2, 3, "1/2") == Fraction(1, 2) + Fraction(1, 16) + Fraction(1, 72)
    assert finite.fugacity_op(2, 3, "1/2") == finite.truncated_polylog(1, 3, "1/2")
    assert isinstance(pade.pade_gamma("10", "5", "3/2"), Fraction)
    assert pade.horizon(10, pade.pade_gamma(10, 5, "3/2"), "3/2") == 5 * Fraction(9, 4) / 2
    assert rope.wavelength(6, 2, 3) == 48


def test_rope_numbers_from_math_notes():
    s = rope.slowest_wavelength(theta=10_000, d_head=64, dps=15)
    assert int(s.exact) == 47_117 and int(s.bound) == 62_831
    assert mpmath.almosteq(rope.rope_wavelength(theta=10_000, d_head=64, i=16, dps=20), rope.t_cross(theta=10_000, dps=20))


def test_n_active_overcount_and_zero_points():
    for d in (10, 100, 1000, 10_000, 40_000):
        a = rope.n_active(d=d, theta=10_000, d_head=64)
        assert 0 < a.overcount <= 1, d
    past = rope.n_active(d=50_000, theta=10_000, d_head=64)  # between λ_max ≈ 47117 and 2πθ ≈ 62832
    assert past.exact == 0 and past.continuous > 0


def test_pade_matches_exp_to_third_order():
    x = Fraction(1, 10)
    assert pade.pade_exp(x) - (1 - x + x**2 / 2) == -x**3 / (2 * (2 + x))


def test_tail_bounds_two_sided():
    for gamma in ("-1.5", "0.5", "1", "2"):
        p = tails.partial_sum(gamma=gamma, D=10**9, dps=20)
        assert p.lower <= p.exact <= p.upper
    t = tails.tail(gamma="1.5", D=10**9, dps=20)
    assert t.lower <= t.exact <= t.upper


def test_one_pade_gamma_for_floats_rationals_and_sympy():
    import math

    import sympy

    assert isinstance(pade.pade_gamma(10_000.0, 4096.0), float)
    assert pade.pade_gamma(10_000.0, 4096) == (20_000 - 4096 * math.sqrt(2)) / (20_000 + 4096 * math.sqrt(2))
    assert isinstance(pade.pade_gamma(10_000, 4096, "7/5"), Fraction)
    theta, T = sympy.symbols("theta T", positive=True)
    symbolic = pade.pade_gamma(theta, T)
    assert sympy.simplify(symbolic - (2 * theta - T * sympy.sqrt(2)) / (2 * theta + T * sympy.sqrt(2))) == 0
    exact = symbolic.subs({theta: 10_000, T: 4096})
    assert abs(float(exact) - pade.pade_gamma(10_000.0, 4096.0)) < 1e-15
    with mpmath.workdps(40):
        assert mpmath.almosteq(pade.pade_gamma(10_000, 4096), mpmath.mpf(sympy.N(exact, 45)), 1e-38)
