"""Every O(1) closed form against the brute-force sum at 30 digits (small N, γ < 1, = 1, > 1, z ≤ 1)."""

from fractions import Fraction

import mpmath
import pytest

from attnthermo.thermo import ensemble
from attnthermo.thermo.power_sums import power_sums
from attnthermo.thermo.reference import brute_force_moments, brute_force_sums

DPS = 30
POINTS = [
    (Fraction(-3, 2), 17, 1), (0, 9, 1), (Fraction(1, 2), 30, 1), (1, 2, 1), (1, 30, 1),
    (Fraction(5, 2), 25, 1), (7, 12, 1), (1, 20, Fraction(1, 2)), (Fraction(-1, 2), 15, Fraction(3, 4)),
    (Fraction(5, 2), 18, Fraction(99, 100)),
]


def close(a, b, digits=DPS - 2):
    with mpmath.workdps(max(DPS, digits) + 10):
        return abs(a - b) <= mpmath.mpf(10) ** -digits * max(abs(b), mpmath.mpf(10) ** -DPS)


@pytest.mark.parametrize("gamma,N,z", POINTS)
def test_power_sums_match_brute_force(gamma, N, z):
    exact = power_sums(gamma, N, z, wp=DPS + 10).sums
    for k, (value, reference) in enumerate(zip(exact, brute_force_sums(gamma, N, z, dps=DPS))):
        assert close(value, reference), (k, value, reference)


@pytest.mark.parametrize("gamma,N,z", POINTS[:8:2] + [POINTS[7]])
def test_thermodynamics_match_brute_force(gamma, N, z):
    reference = brute_force_moments(gamma, N, z, dps=DPS)
    for name in ("partition", "mean_energy", "energy_variance", "fisher_information", "entropy"):
        assert close(getattr(ensemble, name)(gamma=gamma, N=N, z=z, dps=DPS), reference[name]), name
    with mpmath.workdps(DPS + 10):
        g = mpmath.mpf(gamma.numerator) / gamma.denominator if isinstance(gamma, Fraction) else mpmath.mpf(gamma)
        cv = g**2 * reference["energy_variance"]
        free = -mpmath.log(reference["partition"]) / g if g != 0 else None
    assert close(ensemble.heat_capacity(gamma=gamma, N=N, z=z, dps=DPS), cv, DPS - 3) or cv == 0
    if free is not None:
        assert close(ensemble.free_energy(gamma=gamma, N=N, z=z, dps=DPS), free)


def test_infinite_N_is_zeta_and_polylog():
    with mpmath.workdps(DPS + 10):
        zeta2 = mpmath.pi**2 / 6
    assert close(ensemble.partition(gamma=2, N=mpmath.inf, dps=DPS), zeta2)
    with mpmath.workdps(DPS + 10):
        li = mpmath.polylog(mpmath.mpf("0.5"), mpmath.mpf(1) / 3)
    assert close(ensemble.partition(gamma="0.5", N=float("inf"), z=Fraction(1, 3), dps=DPS), li)


def test_entropy_of_geometric_distribution():
    # γ = 0, z = 1/2, N = ∞: p_d = 2^-d, H = 2 log 2
    with mpmath.workdps(DPS + 5):
        expected = 2 * mpmath.log(2)
    assert close(ensemble.entropy(gamma=0, N=float("inf"), z=Fraction(1, 2), dps=DPS), expected)


def test_routes_agree_as_gamma_tends_to_one():
    """Hurwitz (raised precision) vs the Stieltjes series near γ = 1, and both tend to the γ = 1 value."""
    N = 10**6
    at_one = power_sums(1, N, 1, wp=50, route="stieltjes").sums
    for exponent in (3, 6, 10, 20):
        gamma = 1 + Fraction(1, 10**exponent)
        hurwitz = power_sums(gamma, N, 1, wp=40 + 3 * exponent, route="hurwitz").sums
        series = power_sums(gamma, N, 1, wp=50, route="stieltjes_series").sums
        for k in range(3):
            assert close(hurwitz[k], series[k]), (exponent, k)
            with mpmath.workdps(50):
                assert abs(series[k] - at_one[k]) <= 10 * mpmath.mpf(10) ** -exponent * abs(at_one[k]) * mpmath.log(N) ** 2


def test_certified_near_gamma_one_where_plain_hurwitz_fails():
    """At 30 digits the naive Hurwitz route is far off at γ = 1 + 1e-10; the certified value is not."""
    gamma = 1 + Fraction(1, 10**10)
    naive = power_sums(gamma, 10**3, 1, wp=30, route="hurwitz").sums[2]
    good = power_sums(gamma, 10**3, 1, wp=60, route="stieltjes_series").sums[2]
    assert not close(naive, good, 10)
    certified = ensemble.energy_variance(gamma=gamma, N=10**3, dps=30)
    series = power_sums(gamma, 10**3, 1, wp=60, route="stieltjes_series").sums
    with mpmath.workdps(60):
        expected = series[2] / series[0] - (series[1] / series[0]) ** 2
    assert close(certified, expected)


def test_cost_is_flat_in_N():
    import time

    def cost(N):
        start = time.perf_counter()
        ensemble.energy_variance(gamma=Fraction(3, 2), N=N, dps=DPS)
        return time.perf_counter() - start

    cost(10**3)
    assert cost(10**12) < 5 * cost(10**3) + 0.5


@pytest.mark.parametrize("gamma,N,z", [(Fraction(3, 2), 10**6, Fraction(9, 10)), (Fraction(-1, 2), 10**9, Fraction(1, 2)),
                                       (1, 5000, Fraction(99, 100)), (Fraction(7, 100), 2, Fraction(99, 100)),
                                       (Fraction(3, 2), 10**6, Fraction(99, 100))])  # Lerch drops its negligible tail here
def test_direct_route_for_z_below_one_matches_lerch(gamma, N, z):
    """The direct sum with its geometric tail bound against the Lerch-Φ route (independent formulas)."""
    direct = power_sums(gamma, N, z, wp=DPS + 10, route="direct").sums
    lerch = power_sums(gamma, N, z, wp=DPS + 10, route="lerch").sums
    for k, (a, b) in enumerate(zip(direct, lerch)):
        assert close(a, b), (k, a, b)


@pytest.mark.parametrize("gamma,N,z,wp", [
    (Fraction(3, 2), 10**6, Fraction(99, 100), DPS + 10),    # the N end negligible: the integral stops early
    (1, 30_000, Fraction(9999, 10000), DPS + 10),            # z^N ≈ 0.05: both ends carry corrections
    (Fraction(-7, 2), 10**12, Fraction(995, 1000), DPS + 10),  # weights grow before they decay
    (Fraction(7, 100), 40_000, Fraction(999, 1000), 70),
])
def test_euler_maclaurin_route_matches_direct_and_lerch(gamma, N, z, wp):
    """Euler–Maclaurin (integral + Bernoulli corrections) against the direct sum and Lerch Φ: three formulas."""
    from attnthermo.thermo.power_sums import choose_route

    assert choose_route(gamma, N, z) == "euler_maclaurin"
    em = power_sums(gamma, N, z, wp=wp, route="euler_maclaurin").sums
    direct = power_sums(gamma, N, z, wp=wp, route="direct").sums
    lerch = power_sums(gamma, N, z, wp=wp, route="lerch").sums
    for k, (a, b, c) in enumerate(zip(em, direct, lerch)):
        assert close(a, b, wp - 3) and close(a, c, wp - 12), (k, a, b, c)  # Lerch's stencil is the looser one


@pytest.mark.parametrize("gamma,N,z", [
    (Fraction(1, 2), 4000, Fraction(9999, 10000)),       # wide-ellipse pieces, then narrow ones up to N
    (Fraction(-1, 3), 20_000, 1 - Fraction(1, 10**7)),  # μN ≪ 1: wide pieces all the way to N
])
def test_euler_maclaurin_route_matches_brute_force_where_both_ends_matter(gamma, N, z):
    """A finite N with z^N not small, against the term-by-term sum: the N-end corrections are needed."""
    em = power_sums(gamma, N, z, wp=DPS + 10, route="euler_maclaurin").sums
    for k, (value, reference) in enumerate(zip(em, brute_force_sums(gamma, N, z, dps=DPS + 10))):
        assert close(value, reference, DPS + 7), (k, value, reference)


def test_euler_maclaurin_pass_yields_the_shifted_sum():
    """Σ_{d≥2} d·z^d d^-γ from the Euler–Maclaurin pass at γ (asked for with shifted=True) is S_0 - z at γ - 1."""
    gamma, N, z = Fraction(3, 2), 4000, Fraction(9999, 10000)
    result = power_sums(gamma, N, z, wp=DPS + 10, route="euler_maclaurin", shifted=True)
    with mpmath.workdps(DPS + 10):
        shifted = result.shifted + mpmath.mpf(z.numerator) / z.denominator
    assert close(shifted, brute_force_sums(gamma - 1, N, z, dps=DPS + 10, k_max=0)[0], DPS + 7)


def test_euler_maclaurin_route_at_infinite_N():
    """N = ∞, z < 1: S_0 = Li_γ(z)."""
    em = power_sums(Fraction(5, 4), mpmath.inf, Fraction(9995, 10000), wp=DPS + 10, route="euler_maclaurin").sums
    with mpmath.workdps(DPS + 20):
        assert close(em[0], mpmath.polylog(mpmath.mpf(5) / 4, mpmath.mpf(9995) / 10000), DPS + 7)


def test_direct_pass_yields_the_shifted_sum():
    """Σ_{d≥2} d·z^d d^-γ comes out of the same direct pass as the γ-sums; it equals S_0 - z at γ - 1 (Lerch route)."""
    gamma, N, z = Fraction(3, 2), 10**6, Fraction(9, 10)
    result = power_sums(gamma, N, z, wp=DPS + 10, route="direct", shifted=True)
    lerch = power_sums(gamma - 1, N, z, wp=DPS + 10, k_max=0, route="lerch").rest
    assert result.route == "direct" and close(result.shifted, lerch)
