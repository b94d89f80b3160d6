"""Each route's sums carry the bound its stopping rule guarantees on what it leaves out: measured
against an independent evaluation, the error stays within that bound plus rounding; routes with no
a-priori bound say None, closed forms 0; the route reported is the one that ran."""

import math
from fractions import Fraction

import mpmath
import pytest

from attnthermo.thermo.params import INF
from attnthermo.thermo.power_sums import power_sums
from attnthermo.thermo.reference import brute_force_sums

WP = 30
ROUNDING = mpmath.mpf(10) ** -(WP - 3)  # a few units in the last of the working digits


def _within_bound(result, reference) -> None:
    assert result.bound is not None
    with mpmath.workdps(WP + 40):
        for k, (value, exact) in enumerate(zip(result.sums, reference)):
            assert abs(value - exact) <= (result.bound + ROUNDING) * abs(exact), (result.route, k, value, exact)


def _hurwitz(gamma, k_max=2):
    """S_k at N = ∞, z = 1 from ζ^(k)(γ, 2) at 70 digits (an independent closed form; d = 1 adds 1 to S_0)."""
    with mpmath.workdps(70):
        return [(k == 0) + (-1) ** k * mpmath.zeta(mpmath.mpf(gamma), 2, k) for k in range(k_max + 1)]


@pytest.mark.parametrize("gamma, N, z, route, reference", [
    (30, INF, 1, "terms", lambda: _hurwitz(30)),  # the integral test bounds the rest after 48 terms
    (Fraction(3, 2), INF, Fraction(1, 2), "direct", lambda: power_sums(Fraction(3, 2), INF, Fraction(1, 2),
                                                                        wp=70, route="lerch").sums),
    (1 + Fraction(1, 1000), 1000, 1, "stieltjes_series", lambda: brute_force_sums(1 + Fraction(1, 1000), 1000, 1, dps=60)),
    (2, 100, 1, "hurwitz", lambda: brute_force_sums(2, 100, 1, dps=60)),
    (1, 50, 1, "stieltjes", lambda: brute_force_sums(1, 50, 1, dps=60)),
])
def test_the_error_stays_within_the_reported_bound(gamma, N, z, route, reference):
    result = power_sums(gamma, N, z, wp=WP, route=route)
    assert result.route == route
    _within_bound(result, reference())


def test_closed_forms_truncate_nothing_and_stencils_and_quadrature_have_no_bound():
    assert power_sums(2, 100, 1, wp=WP, route="hurwitz").bound == 0
    assert power_sums(1, 50, 1, wp=WP, route="stieltjes").bound == 0
    assert power_sums(Fraction(3, 2), INF, Fraction(1, 2), wp=WP, route="lerch").bound is None
    assert power_sums(Fraction(3, 2), 10**6, Fraction(999, 1000), wp=WP, route="euler_maclaurin").bound is None
    assert power_sums(2, 1, 1, wp=WP).bound == 0  # a single state


def test_the_shifted_sum_keeps_the_looser_bound_of_its_two_passes():
    """Where the route has no shifted sum of its own it is S_0 at γ - 1 by another call: the bound
    is the larger of the two (None when either has none)."""
    closed = power_sums(3, 10**6, 1, wp=WP, shifted=True)  # Hurwitz at γ and at γ - 1
    assert closed.route == "hurwitz" and closed.bound == 0
    with mpmath.workdps(WP + 20):
        exact = mpmath.zeta(2, 2) - mpmath.zeta(2, 10**6 + 1)
        assert abs(closed.shifted - exact) <= ROUNDING * exact
    stencil = power_sums(Fraction(3, 2), INF, Fraction(1, 2), wp=WP, route="lerch", shifted=True)
    assert stencil.shifted is not None and stencil.bound is None


def test_the_route_reported_is_the_fallback_that_ran():
    """auto asks for the terms; beyond their reach it falls back to the closed form and says so."""
    result = power_sums(Fraction(11, 10), 10**9, 1, wp=WP)
    assert result.route == "hurwitz" and result.bound == 0
    assert not math.isnan(float(result.sums[0]))
