"""Edge inputs of the O(1) numerics: tiny values to relative digits, γ and z a hair from 1, extreme γ and
z, and no state kept between evaluations. References are independent: Arb balls (python-flint) summed
term by term with a rigorous tail bound, exact integer sums, or closed forms."""

from __future__ import annotations

import math
import time
from fractions import Fraction

import mpmath
import pytest

from attnthermo.errors import DomainError
from attnthermo.thermo import ensemble
from attnthermo.thermo import power_sums as routes

flint = pytest.importorskip("flint", reason="python-flint (the test extra) gives the rigorous Arb references")
arb = flint.arb


def arb_thermo(gamma: int, z: Fraction, terms: int, tail: float) -> dict[str, object]:
    """log Z and H = -Σ p log p on d ≤ ``terms`` in Arb, every quantity widened by ``tail`` (a bound on
    what the terms beyond contribute, relative to the value; the caller proves it for its case)."""
    flint.ctx.prec = 1200
    zz = arb(z.numerator) / z.denominator
    w = [zz**d * arb(d) ** -gamma for d in range(1, terms + 1)]
    Z = sum(w[1:], w[0])
    H = sum((-(wd / Z) * (wd / Z).log() for wd in w[1:]), -(w[0] / Z) * (w[0] / Z).log())
    log_Z = sum(w[1:], arb(0)) / zz
    log_Z = zz.log() + log_Z.log1p()
    widen = lambda x: x + arb(0, abs(x).upper() * tail)  # noqa: E731
    return {"log_Z": widen(log_Z), "H": widen(H), "Z": widen(Z)}


def agrees(value: mpmath.mpf, ball, digits: int) -> bool:
    """|value - ball| ≤ 10^-digits · |ball|, with the ball's radius counted against us."""
    flint.ctx.prec = 1200
    difference = abs(arb(mpmath.nstr(value, digits + 5, min_fixed=1, max_fixed=0)) - ball)
    return bool(difference.upper() <= (abs(ball) * arb(10) ** -digits).lower())


def test_free_energy_and_entropy_at_large_gamma_to_relative_digits():
    """γ = 200, N = ∞: Z - 1 ≈ 2^-200; F = -log Z/γ ≈ -3.1e-63 (was 0.0) and H ≈ 8.7e-59 (was 7e-3 off)."""
    # the terms beyond d = 60 add at most 60^-199/199 < 10^-350 of Z - 1 (integral test)
    ref = arb_thermo(200, Fraction(1), 60, 1e-280)
    F = ensemble.free_energy(gamma=200, N=math.inf, dps=20)
    H = ensemble.entropy(gamma=200, N=math.inf, dps=20)
    assert agrees(F, -ref["log_Z"] / 200, 19) and agrees(H, ref["H"], 19), (F, H)


def test_tiny_fugacity_to_relative_digits():
    """z = 10^-100: Z ≈ z (was an OverflowError), H ≈ 2^-3/2 z (log 1/z): every digit relative."""
    z = Fraction(1, 10**100)
    ref = arb_thermo(3, z, 6, 1e-400)  # the terms beyond d = 6 add at most z^6/(1-z) of Z - z
    assert agrees(ensemble.partition(gamma=3, N=math.inf, z=z, dps=25), ref["Z"], 24)
    assert agrees(ensemble.entropy(gamma=3, N=math.inf, z=z, dps=25), ref["H"], 24)
    assert agrees(ensemble.free_energy(gamma=3, N=math.inf, z=z, dps=25), -ref["log_Z"] / 3, 24)


@pytest.mark.parametrize("gamma", ["1.0000000000000000000001", "0.9999999999999999999999"])
def test_gamma_a_hair_from_one_at_finite_N(gamma):
    """|γ - 1| = 10^-22 with N = 10^12 (was 'cannot convert inf or nan to int'): C_V moves by ~10^-20 only."""
    at_one = ensemble.heat_capacity(gamma=1, N=10**12, dps=15)
    near = ensemble.heat_capacity(gamma=gamma, N=10**12, dps=15)
    with mpmath.workdps(30):
        assert abs(near - at_one) <= mpmath.mpf(10) ** -14 * at_one


def test_gamma_a_hair_above_one_at_infinite_N():
    """γ = 1 + ε, N = ∞: Var(log d) = (log ζ)'' = 1/ε² + O(1), so C_V = (1+ε)²/ε² (1 + O(ε²)) = 10^44 (1 + 2·10^-22)."""
    value = ensemble.heat_capacity(gamma="1.0000000000000000000001", N=math.inf, dps=15)
    with mpmath.workdps(30):
        assert abs(value / mpmath.mpf(10) ** 44 - 1) <= mpmath.mpf(10) ** -14


def test_fugacity_a_hair_below_one():
    """1 - z = 10^-22 (was a ZeroDivisionError): Li_{3/2}(z) against Arb's polylog."""
    flint.ctx.prec = 300
    z = 1 - Fraction(1, 10**22)
    reference = flint.acb(arb(z.numerator) / z.denominator).polylog(arb(3) / 2).real
    value = ensemble.partition(gamma=Fraction(3, 2), N=math.inf, z=z, dps=20)
    assert agrees(value, reference, 19)


@pytest.mark.parametrize("gamma,N", [(-10**6, 10), (-1000, 2000)])
def test_very_negative_gamma_is_summed_not_hung(gamma, N):
    """γ = -10^6 (N = 10), γ = -1000 (N = 2000) hung in ζ'(γ); Z = Σ d^|γ| is an exact integer here."""
    start = time.perf_counter()
    value = ensemble.partition(gamma=gamma, N=N, dps=20)
    assert time.perf_counter() - start < 30
    exact = sum(d ** -gamma for d in range(1, N + 1))
    with mpmath.workdps(40):
        assert abs(value / mpmath.mpf(exact) - 1) <= mpmath.mpf(10) ** -19


def test_very_negative_gamma_beyond_the_terms_is_a_clear_error():
    start = time.perf_counter()
    with pytest.raises(DomainError, match="gamma=-1000") as error:
        ensemble.partition(gamma=-1000, N=10**6, dps=20)
    assert "\n" not in str(error.value) and time.perf_counter() - start < 5


def test_huge_gamma_is_fast_and_right():
    """γ = 10^400 (took 18 s): Z = 1 to every digit asked, and F = -log(1 + 2^-γ + …)/γ to relative digits."""
    gamma = 10**400
    start = time.perf_counter()
    assert ensemble.partition(gamma=gamma, N=10, dps=30) == 1
    F = ensemble.free_energy(gamma=gamma, N=math.inf, dps=20)
    assert time.perf_counter() - start < 10
    with mpmath.workdps(30):
        expected = -mpmath.ldexp(1, -gamma) / gamma  # 3^-γ/2^-γ = (2/3)^γ is far below 10^-30
        assert abs(F / expected - 1) <= mpmath.mpf(10) ** -19


def test_entropy_computes_its_sums_once_per_precision(monkeypatch):
    """The shifted sum Σ d·w_d comes from the same pass (no hand-over between calls), and certify's two
    evaluations are two computations at two precisions, not one reused."""
    calls = []
    real = routes._direct_fixed

    def spy(gamma, N, z, k_max, prec):
        calls.append((gamma, prec))
        return real(gamma, N, z, k_max, prec)

    monkeypatch.setattr(routes, "_direct_fixed", spy)
    ensemble.entropy(gamma=Fraction(3, 2), N=10**6, z=Fraction(9, 10), dps=30)
    assert len(calls) == 2 and len({prec for _, prec in calls}) == 2, calls
    assert {gamma for gamma, _ in calls} == {Fraction(3, 2)}  # never a second pass at γ - 1


def test_power_sums_module_keeps_no_state():
    """No module-level containers a call could leave values in for the next one."""
    containers = [name for name, value in vars(routes).items()
                  if isinstance(value, (dict, list, set)) and not name.startswith("__")]
    assert containers == [], containers


def test_very_negative_gamma_with_fugacity_below_one():
    """γ = -1000, z = 1/2, N = ∞ hung (Euler–Maclaurin), then the fixed-point sum lost z^d: the weights
    peak near d = 1000/log 2; against the plain sum to d = 12000 (the rest is below 10^-1000 of it)."""
    start = time.perf_counter()
    value = ensemble.partition(gamma=-1000, N=math.inf, z=Fraction(1, 2), dps=20)
    assert time.perf_counter() - start < 30
    with mpmath.workdps(40):
        reference = mpmath.fsum(mpmath.ldexp(mpmath.mpf(d) ** 1000, -d) for d in range(1, 12_001))
        assert abs(value / reference - 1) <= mpmath.mpf(10) ** -19


def test_huge_gamma_with_fugacity_below_one():
    """γ = 10^400, z = 1/2: Z = z to every digit, F = -log(z)/γ."""
    F = ensemble.free_energy(gamma=10**400, N=math.inf, z=Fraction(1, 2), dps=20)
    with mpmath.workdps(30):
        assert abs(F / (mpmath.log(2) / mpmath.mpf(10) ** 400) - 1) <= mpmath.mpf(10) ** -19
