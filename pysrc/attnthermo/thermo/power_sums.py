"""The sums S_k(γ, N, z) = Σ_{d≤N} (log d)^k z^d d^-γ, k = 0, 1, 2, in O(1) time (no loop over d).

Routes (math-notes §4), all evaluated at a working precision ``wp`` chosen by the caller
(use :func:`attnthermo.thermo.precision.certify` around them):

- ``hurwitz``   z = 1, γ ≠ 1:  S_k = (-1)^k [ζ^(k)(γ, 1) - ζ^(k)(γ, N+1)]  (N = ∞: drop the second term);
- ``stieltjes`` z = 1, γ = 1:  S_k = γ_k(1) - γ_k(N+1), generalised Stieltjes constants;
- ``stieltjes_series`` z = 1, γ = 1 + ε, finite N:  S_k = Σ_j (-ε)^j/j! · [γ_{k+j}(1) - γ_{k+j}(N+1)]
  (the series route near γ = 1, used to cross-check the Hurwitz route there);
- ``terms``     the terms themselves in floating point (all of them are ≥ 0): for N ≤ :data:`FEW_TERMS`,
  for γ < 0 and N ≤ :data:`AUTO_DIRECT_TERMS` (ζ^(k)(γ) is slow for γ ≪ 0), and at z = 1 when γ is so
  large that the integral test bounds everything after a few terms (ζ(γ, a) is slow for huge γ);
- ``direct``    z < 1 when at most :data:`AUTO_DIRECT_TERMS` terms are needed: the sum itself, up to N or
  until a rigorous geometric bound on everything after the last term (each ratio of consecutive terms
  is at most ρ < 1 from there on) falls below 10^-wp of the sum — the z^{N+1}Φ tail is never formed;
- ``euler_maclaurin``  z < 1 otherwise (z close to 1, N large): a direct head, the integral in log d
  by Gauss–Legendre and the Bernoulli corrections at both ends (:mod:`attnthermo.thermo.euler_maclaurin`);
- ``lerch``     z < 1, never chosen by ``auto``; an independent cross-check of the two above:
  Σ_{d≤N} z^d d^-s = Li_s(z) - z^{N+1} Φ(z, s, N+1), the Φ tail dropped when a geometric bound proves
  it below the working precision; the s-derivatives by a five-point central difference at raised
  precision (mpmath has no s-derivative of Li or Φ). Seconds per call near z = 1.

Every route returns a :class:`PowerSums`: the sums, S_0 without its first term (``rest``: log Z =
log z + log1p(rest/z) keeps relative digits when the first term dominates) and, on request, the
shifted sum Σ_{d≥2} d·z^d d^-γ (S_0 at γ - 1 without its first term z: the entropy's ⟨d⟩ - 1 =
(shifted - rest)/Z without cancelling against z) — from the same pass where the route has it. Each also
carries ``bound``, what its stopping rule guarantees about the terms it left out (:class:`PowerSums`). Nothing is kept between calls: certify's two evaluations are computed independently.

The Hurwitz route cancels ζ(γ) against ζ(γ, N+1), both ≈ 1/(γ-1): it loses about
(k+1)·|log₁₀|γ-1|| digits, which :func:`digits_lost` reports so the caller can raise ``wp``.

>>> import mpmath
>>> with mpmath.workdps(30):
...     s0, s1, s2 = power_sums(2, 3, 1, wp=30).sums
>>> mpmath.nstr(s0, 12)  # 1 + 1/4 + 1/9
'1.36111111111'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import mpmath

from attnthermo.defaults import FLOAT_DPS
from attnthermo.errors import DomainError
from attnthermo.thermo.euler_maclaurin import fugacity_power_sums
from attnthermo.thermo.params import INF, Count, Real, log_real, one_minus, to_mpf

ROUTES = ("auto", "hurwitz", "stieltjes", "stieltjes_series", "terms", "direct", "euler_maclaurin", "lerch")

# auto sums directly while at most this many terms are needed (beyond, Euler–Maclaurin is faster:
# measured at 40 digits, the two cost the same near 1000–2000 terms)
AUTO_DIRECT_TERMS = 2_000
# the direct route refuses more terms than this (the size of its prime-factor sieve)
DIRECT_MAX_TERMS = 50_000
# up to this N every route sums the terms as they are (cheaper than any closed form)
FEW_TERMS = 64
# mpmath's ζ^(k)(γ) takes seconds below about γ = -100 and does not finish at -1000
HURWITZ_MIN_GAMMA = -100


@dataclass(frozen=True)
class PowerSums:
    """[S_0, …, S_{k_max}] at one working precision; ``rest`` = S_0 - z (the terms d ≥ 2, to their own
    relative digits where the route can: Hurwitz, terms, direct); ``shifted`` = Σ_{d≥2} d·z^d d^-γ when
    asked (same routes keep its relative digits); ``route`` the route that computed them (after any
    fallback); ``bound`` the a-priori bound on the relative error the route's truncation leaves in
    each sum (:data:`TRUNCATION`: 0 when nothing is left out, None when the route has no such bound —
    quadrature, a finite-difference stencil, an asymptotic expansion). Rounding at the working
    precision comes on top; :func:`attnthermo.thermo.precision.certify` decides the digits from two
    evaluations at two precisions either way."""

    sums: tuple[mpmath.mpf, ...]
    rest: mpmath.mpf
    shifted: mpmath.mpf | None
    route: str
    bound: mpmath.mpf | None


def choose_route(gamma: Real, N: Count, z: Real) -> str:
    """The route ``auto`` takes for these parameters."""
    if N is not INF and (N <= FEW_TERMS or (gamma < 0 and N <= AUTO_DIRECT_TERMS)):
        return "terms"
    if gamma > 1 and _terms_needed(gamma, N, z, 40) is not None:
        return "terms"
    if z != 1:
        terms = direct_terms(gamma, N, z)
        if gamma < HURWITZ_MIN_GAMMA and terms <= DIRECT_MAX_TERMS:
            return "terms"  # Euler–Maclaurin does not settle for γ ≪ 0, and z^d d^-γ leaves fixed point
        return "direct" if terms <= AUTO_DIRECT_TERMS else "euler_maclaurin"
    return "stieltjes" if gamma == 1 else "hurwitz"


def direct_terms(gamma: Real, N: Count, z: Real, digits: int = 40) -> int:
    """About how many terms the direct sum needs for ``digits`` digits (N when N is smaller)."""
    with mpmath.workdps(20):
        mu = -log_real(z)
        if mu <= 0:
            return 10**18 if N is INF else N
        # z^M M^{-γ} (log M)² ≤ 10^-digits: the geometric decay, plus the polynomial factor's worth
        estimate = (digits * mpmath.log(10) + (abs(to_mpf(gamma)) + 2) * mpmath.log(digits / mu + 3)) / mu
        needed = int(mpmath.ceil(estimate)) + 1
    return needed if N is INF else min(N, needed)


def digits_lost(gamma: Real, N: Count, z: Real, k_max: int = 2) -> int:
    """Decimal digits the chosen route is expected to lose (a hint for the working precision)."""
    route = choose_route(gamma, N, z)
    if route == "hurwitz" and gamma != 1:
        with mpmath.workdps(20):
            distance = abs(to_mpf(-one_minus(gamma)))  # γ - 1 exactly, then rounded: never 0
            return int((k_max + 1) * max(0, -mpmath.log10(distance))) + 2
    return 0  # the other routes add no cancellation (the Lerch stencil sizes its own precision)


def power_sums(gamma: Real, N: Count, z: Real, *, wp: int, route: str = "auto", k_max: int = 2,
               shifted: bool = False) -> PowerSums:
    """The sums S_0 … S_{k_max} at working precision ``wp`` (uncertified; parameters already validated),
    with Σ_{d≥2} d·z^d d^-γ when ``shifted``."""
    if route not in ROUTES:
        raise DomainError("route", route, f"must be one of {', '.join(ROUTES)}")
    chosen = choose_route(gamma, N, z) if route == "auto" else route
    with mpmath.workdps(wp):
        if N is not INF and N == 1:  # a single state d = 1 with energy log 1 = 0: exact
            zz = to_mpf(z)
            zero = mpmath.mpf(0)
            return PowerSums((zz,) + (zero,) * k_max, zero, zero if shifted else None, "one state", zero)
        used, result = _route(chosen, route, gamma, N, z, k_max, wp)
        sums, rest, by_product = result if isinstance(result, tuple) else (result, None, None)
        if rest is None:
            rest = sums[0] - to_mpf(z)
        bound = _truncation_bound(used, gamma, N, wp)
        if shifted and by_product is None:
            other = power_sums(gamma - 1, N, z, wp=wp, route=route, k_max=0)
            by_product = other.rest
            bound = None if bound is None or other.bound is None else max(bound, other.bound)
        return PowerSums(tuple(sums), rest, by_product if shifted else None, used, bound)


def _truncation_bound(route: str, gamma: Real, N: Count, wp: int) -> mpmath.mpf | None:
    """The relative bound each route's stopping rule guarantees on what it leaves out (see each route)."""
    if route in ("stieltjes",) or (route == "hurwitz" and not _hurwitz_expands(gamma, N)):
        return mpmath.mpf(0)  # closed forms: nothing truncated
    if route == "terms":
        return mpmath.mpf(10) ** -(wp + 5)  # the integral-test or geometric rest, or nothing (to N)
    if route == "direct":
        return mpmath.ldexp(1, -mpmath.mp.prec)  # the geometric rest, below 2^-(prec - 48) of each sum
    if route == "stieltjes_series":
        return mpmath.mpf(10) ** -wp  # the alternating series' geometric rest
    return None  # euler_maclaurin (quadrature), lerch (stencil), Hurwitz's expansion in 1/a


def _route(chosen: str, asked: str, gamma: Real, N: Count, z: Real, k_max: int, wp: int):
    """(the route used, its sums — or (sums, rest, shifted) where it has them)."""
    if chosen == "terms":
        result = _terms(gamma, N, z, k_max, wp)
        if result is not None:
            return chosen, result
        _require(asked == "auto", chosen, f"needs more than {DIRECT_MAX_TERMS} terms here")
        chosen = "stieltjes" if gamma == 1 else "hurwitz"
    if chosen == "hurwitz":
        _require(z == 1 and gamma != 1, chosen, "needs z = 1 and gamma != 1")
        if gamma < HURWITZ_MIN_GAMMA:
            raise DomainError("gamma", gamma, f"at z = 1 with N > {AUTO_DIRECT_TERMS}, gamma below {HURWITZ_MIN_GAMMA} "
                                              "is out of reach (mpmath's zeta derivatives do not finish there): "
                                              f"give N <= {AUTO_DIRECT_TERMS} or gamma >= {HURWITZ_MIN_GAMMA}")
        return chosen, _hurwitz(to_mpf(gamma), N, k_max)
    if chosen == "stieltjes":
        _require(z == 1 and gamma == 1 and N is not INF, chosen, "needs z = 1, gamma = 1 and finite N")
        return chosen, [mpmath.stieltjes(k) - mpmath.stieltjes(k, N + 1) for k in range(k_max + 1)]
    if chosen == "stieltjes_series":
        _require(z == 1 and N is not INF, chosen, "needs z = 1 and finite N")
        return chosen, _stieltjes_series(to_mpf(gamma) - 1, N, k_max, wp)
    _require(z != 1 or gamma > 1 or N is not INF, chosen, "diverges at z = 1, gamma <= 1, N infinite")
    if chosen == "direct":
        _require(z < 1, chosen, "needs z < 1 (the terms must decay geometrically)")
        result = _direct(gamma, N, z, k_max)
        if result is not None:
            return chosen, result
        _require(asked == "auto", chosen, f"needs more than {DIRECT_MAX_TERMS} terms here (use euler_maclaurin)")
        chosen = "euler_maclaurin"  # auto's estimate of the terms was short
    if chosen == "euler_maclaurin":
        _require(z < 1, chosen, "needs z < 1 (the integrand must decay)")
        sums, by_product = fugacity_power_sums(gamma, None if N is INF else N, z, k_max, wp)
        return chosen, (sums, None, by_product - to_mpf(z))  # z near 1 here: nothing cancels
    return "lerch", _lerch(to_mpf(gamma), N, to_mpf(z), k_max, wp)


def _require(condition: bool, route: str, reason: str) -> None:
    if not condition:
        raise DomainError("route", route, reason)


def _terms_needed(gamma: Real, N: Count, z: Real, digits: int) -> int | None:
    """For γ > 1: the first D (≥ 3) after which the integral test bounds the rest of every S_k below
    10^-digits of its smallest possible value (log 2)^k 2^-γ z² — or N when that is smaller; None when
    neither is within :data:`AUTO_DIRECT_TERMS`."""
    with mpmath.workdps(FLOAT_DPS):  # the bound is at least D^{1-γ}/2^-γ ≥ AUTO_DIRECT_TERMS^{1-γ}: hopeless below
        if (to_mpf(gamma) - 1) * mpmath.log(AUTO_DIRECT_TERMS) < digits * mpmath.log(10) and \
                (N is INF or N > AUTO_DIRECT_TERMS):
            return None
    D = 3
    while D <= AUTO_DIRECT_TERMS:
        if N is not INF and N <= D:
            return N
        if _integral_tail_small(gamma, D, z, 2, digits):
            return D
        D *= 2
    return None


def _integral_tail_small(gamma: Real, D: int, z: Real, k_max: int, digits: int) -> bool:
    """Σ_{d>D} (log d)^k z^d d^-γ ≤ ∫_D^∞ (log x)^k x^-γ dx = D^{1-γ} Σ_i k!/(k-i)! (log D)^{k-i}/(γ-1)^{i+1}
    (z^d ≤ 1; the integrand falls from x = e^{k/γ} ≤ D on) below 10^-digits · (log 2)^k 2^-γ z², for k ≤ k_max."""
    with mpmath.workdps(30):
        g = to_mpf(gamma)
        log_d, excess = mpmath.log(D), g - 1
        if excess <= 0 or k_max / g > log_d:
            return False
        for k in range(k_max + 1):
            polynomial = sum(mpmath.factorial(k) / mpmath.factorial(k - i) * log_d ** (k - i) / excess ** (i + 1)
                             for i in range(k + 1))
            log_bound = (1 - g) * log_d + mpmath.log(polynomial)
            log_smallest = k * mpmath.log(mpmath.log(2)) - g * mpmath.log(2) + 2 * log_real(z)
            if log_bound - log_smallest > -digits * mpmath.log(10):
                return False
    return True


def _terms(gamma: Real, N: Count, z: Real, k_max: int, wp: int):
    """(sums, rest, shifted) summed term by term in floating point (every term ≥ 0, so the relative
    error is at most a few ulps per term): for γ > 1 up to the D where the integral test bounds
    the rest below 10^-(wp+5) of each sum (or N); otherwise up to N. None beyond DIRECT_MAX_TERMS.
    The exponents γ·log d and d·log z are formed with the digits of |γ| and d on top."""
    last = None
    if gamma > 1:
        D = 3
        while D <= DIRECT_MAX_TERMS and last is None:
            if N is not INF and N <= D:
                last = N
            elif _integral_tail_small(gamma, D, z, k_max, wp + 5):
                last = D
            D *= 2
    elif N is not INF and N <= DIRECT_MAX_TERMS:
        last = N
    geometric = last is None and z < 1  # then up to the geometric bound on the rest
    if geometric:
        last = DIRECT_MAX_TERMS
    if last is None:
        return None
    with mpmath.workdps(20):
        magnitude = max(0, int(mpmath.log10(abs(to_mpf(gamma)) + 1)))
    with mpmath.workdps(wp + magnitude + len(str(last)) + 5):
        s, log_z = to_mpf(gamma), log_real(z)
        sums, shifted = [mpmath.mpf(0)] * (k_max + 1), mpmath.mpf(0)
        tolerance, growth = mpmath.mpf(10) ** -(wp + 5), max(mpmath.mpf(0), -s)
        for d in range(2, last + 1):
            log_d = mpmath.log(d)
            term = first = mpmath.exp(d * log_z - s * log_d)
            shifted += d * term
            for k in range(k_max + 1):
                sums[k] += term
                term *= log_d
            if geometric and d % 8 == 0 and _geometric_rest_small(first, d, log_d, z, growth, k_max, sums,
                                                                  shifted, tolerance):
                break
        else:
            if geometric:
                return None
        rest = sums[0]
        sums[0] = to_mpf(z) + rest
    with mpmath.workdps(wp):
        return [+v for v in sums], +rest, +shifted


def _geometric_rest_small(first, d, log_d, z, growth, k_max, sums, shifted, tolerance) -> bool:
    """From d on each ratio of consecutive terms is at most ρ = z (1+1/d)^{max(0,-γ)} (1 + 1/(d log d))^k
    (one more factor 1+1/d for the shifted sum), so the rest is ≤ t_d ρ/(1-ρ): True when that is below
    ``tolerance`` of every sum."""
    rho = to_mpf(z) * (1 + mpmath.mpf(1) / d) ** growth * (1 + 1 / (d * log_d)) ** k_max
    rho_shifted = rho * (1 + mpmath.mpf(1) / d)
    if rho_shifted >= 1:
        return False
    terms = [first * log_d**k for k in range(k_max + 1)]
    return all(t * rho / (1 - rho) <= tolerance * total for t, total in zip(terms, sums)) and \
        d * first * rho_shifted / (1 - rho_shifted) <= tolerance * shifted


def _hurwitz(s: mpmath.mpf, N: Count, k_max: int):
    """(sums, rest): S_0's rest from ζ(s, 2), so that it keeps relative digits for large s."""
    # mpmath's ζ(s, a) costs O(a) for s < 0: there the Euler–Maclaurin expansion in 1/a is used
    large_negative = _hurwitz_expands(s, N)
    tails = _hurwitz_large_a(s, N + 1, k_max) if large_negative else None
    sums = []
    for k in range(k_max + 1):
        head = mpmath.zeta(s, 2, k)  # the term d = 1 is 1 for k = 0 and 0 (log 1 = 0) beyond
        if N is INF:
            tail = 0
        else:
            tail = tails[k] if large_negative else mpmath.zeta(s, N + 1, k)
        sums.append((-1) ** k * (head - tail))
    rest = sums[0]
    sums[0] = 1 + rest
    return sums, rest, None


EULER_MACLAURIN_FROM = 1000


def _hurwitz_expands(s: Real, N: Count) -> bool:
    """Whether the Hurwitz route takes ζ(s, N+1) from its expansion in 1/a (s < 0, large N)."""
    return N is not INF and s < 0 and N + 1 > EULER_MACLAURIN_FROM


def _euler_maclaurin(s: mpmath.mpf, a: int) -> mpmath.mpf:
    """ζ(s, a) = a^{1-s}/(s-1) + a^{-s}/2 + Σ_j B_{2j}/(2j)! (s)_{2j-1} a^{-s-2j+1}, at the current precision."""
    a = mpmath.mpf(a)
    total = a ** (1 - s) / (s - 1) + a ** (-s) / 2
    tolerance = mpmath.eps * abs(total)
    rising = s  # (s)_{2j-1}
    power = a ** (-s - 1)
    previous = mpmath.inf
    for j in range(1, 10 * mpmath.mp.dps + 50):
        term = mpmath.bernoulli(2 * j) / mpmath.factorial(2 * j) * rising * power
        total += term
        if term == 0 or abs(term) <= tolerance:
            return total
        if abs(term) > previous:
            break
        previous = abs(term)
        rising *= (s + 2 * j - 1) * (s + 2 * j)
        power /= a * a
    raise DomainError("N", int(a) - 1, "the Euler–Maclaurin expansion of the Hurwitz tail did not converge")


def _hurwitz_large_a(s: mpmath.mpf, a: int, k_max: int) -> list[mpmath.mpf]:
    """ζ^(k)(s, a), k = 0..k_max, by differentiating the expansion in s (mpmath.diff at raised precision)."""
    with mpmath.workdps(mpmath.mp.dps + 20):
        values = mpmath.diffs(lambda x: _euler_maclaurin(x, a), s, k_max)
        return [+v for v in values]


def _stieltjes_series(eps: mpmath.mpf, N: int, k_max: int, wp: int) -> list[mpmath.mpf]:
    """Σ_j (-ε)^j/j! T_{k+j}(N) with T_m(N) = γ_m(1) - γ_m(N+1) = Σ_{d≤N} (log d)^m / d."""
    log_n = mpmath.log(N)
    if abs(eps) * log_n >= 0.5:
        raise DomainError("gamma", 1 + eps, "the Stieltjes series route needs |gamma - 1|·log N < 1/2")
    cache: dict[int, mpmath.mpf] = {}

    def t(m: int) -> mpmath.mpf:
        if m not in cache:
            cache[m] = mpmath.stieltjes(m) - mpmath.stieltjes(m, N + 1)
        return cache[m]

    tolerance = mpmath.mpf(10) ** (-wp)
    sums = []
    for k in range(k_max + 1):
        total, j, factor = mpmath.mpf(0), 0, mpmath.mpf(1)
        while True:
            term = factor * t(k + j)
            total += term
            # T_m(N) ≤ (log N)^{m+1}: the remaining terms are bounded by a geometric series of ratio |ε| log N ≤ 1/2
            bound = abs(factor) * abs(eps) * log_n ** (k + j + 2) / (j + 1) * 2
            if eps == 0 or bound <= tolerance * abs(total):
                break
            j += 1
            factor *= -eps / j
        sums.append(total)
    return sums


def _lerch(s: mpmath.mpf, N: Count, z: mpmath.mpf, k_max: int, wp: int) -> list[mpmath.mpf]:
    """Derivatives in s of F(s) = Li_s(z) - z^{N+1} Φ(z, s, N+1) by a five-point stencil."""
    if k_max > 2:
        raise DomainError("k_max", k_max, "the Lerch route provides S_0, S_1, S_2 only")
    # the stencil's truncation error is ~ (h·log d_typ)^4 relative; d_typ ≤ min(N, 1/(1-z)) scale
    with mpmath.workdps(30):
        typical = mpmath.log(1 / (1 - z)) + 2 if N is INF else min(mpmath.log(N), mpmath.log(1 / (1 - z)) + 2 * abs(s) + 2)
        spread = max(0, int(mpmath.log10(typical + 1))) + 1
    step_digits = wp // 4 + spread + 2
    # 2·step digits for the round-off of f''; near an integer s, Li and Φ lose about one step more
    near_integer = abs(s - mpmath.nint(s)) < mpmath.mpf(10) ** -2
    inner = wp + (3 if near_integer else 2) * step_digits + 10
    with_tail = N is not INF and not _tail_negligible(s, N, z, k_max, inner + step_digits)
    with mpmath.workdps(inner):
        h = mpmath.mpf(10) ** (-step_digits)
        zz = +z

        def F(x: mpmath.mpf) -> mpmath.mpf:
            value = mpmath.polylog(x, zz)
            if with_tail:
                value -= zz ** (N + 1) * mpmath.lerchphi(zz, x, N + 1)
            return value

        fm2, fm1, f0, fp1, fp2 = (F(s + j * h) for j in (-2, -1, 0, 1, 2))
        d1 = (fm2 - 8 * fm1 + 8 * fp1 - fp2) / (12 * h)
        d2 = (-fm2 + 16 * fm1 - 30 * f0 + 16 * fp1 - fp2) / (12 * h * h)
        values = [f0, -d1, d2][: k_max + 1]
    with mpmath.workdps(wp):
        return [+v for v in values]


def _tail_negligible(s: mpmath.mpf, N: int, z: mpmath.mpf, k_max: int, digits: int) -> bool:
    """True when Σ_{d>N} (log d)^k z^d d^-s is provably below 10^-digits of S_k for every k ≤ k_max:
    the geometric bound t_{N+1}/(1 - ρ) (ratios of later terms ≤ ρ, as in :func:`_direct_fixed`)
    against the lower bounds S_0 ≥ z and S_k ≥ (log 2)^k 2^-s z² (all terms are positive)."""
    with mpmath.workdps(30):
        d = mpmath.mpf(N + 1)
        rho = z * (1 + 1 / d) ** max(mpmath.mpf(0), -s) * (1 + 1 / (d * mpmath.log(d))) ** k_max
        if rho >= 1:
            return False
        scale = mpmath.mpf(10) ** -digits
        for k in range(k_max + 1):
            bound = mpmath.log(d) ** k * mpmath.exp(-s * mpmath.log(d) + (N + 1) * mpmath.log(z)) / (1 - rho)
            lower = z if k == 0 else mpmath.log(2) ** k * mpmath.mpf(2) ** -s * z**2
            if bound > scale * lower:
                return False
    return True


@lru_cache(maxsize=1)
def _smallest_prime_factors(limit: int) -> list[int]:
    """spf[d] for d ≤ limit (a sieve): log d and d^-s of a composite come from its factors."""
    spf = list(range(limit + 1))
    for p in range(2, int(limit**0.5) + 1):
        if spf[p] == p:
            for multiple in range(p * p, limit + 1, p):
                if spf[multiple] == multiple:
                    spf[multiple] = p
    return spf


def _direct(gamma: Real, N: Count, z: Real, k_max: int) -> tuple[list[mpmath.mpf], mpmath.mpf, mpmath.mpf] | None:
    """(sums, rest, shifted) term by term at the current working precision (None if more than
    :data:`DIRECT_MAX_TERMS` terms would be needed); see :func:`_direct_fixed`."""
    with mpmath.workdps(20):
        small = max(0, int(-mpmath.log(to_mpf(z), 2))) * (k_max + 2)  # the sums can be as small as z^(k+2)
    prec = mpmath.mp.prec + small + 48
    result = _direct_fixed(gamma, N, z, k_max, prec)
    if result is None:
        return None
    (rest, *sums), shifted = result

    def value(total: int) -> mpmath.mpf:
        return mpmath.ldexp(mpmath.mpf(total), -prec)

    return [to_mpf(z) + value(rest)] + [value(t) for t in sums], value(rest), value(shifted)


def _direct_fixed(gamma: Real, N: Count, z: Real, k_max: int, prec: int) -> tuple[tuple[int, ...], int] | None:
    """The sums as fixed-point integers (value · 2^prec), with an error bounded a priori — S_0 without
    its first term z (the rest, kept to its own relative digits) — and in the same pass Σ_{d≥2} d·z^d d^-γ
    (the γ - 1 sum's rest; its ratios carry one more factor (1+1/j) ≤ 1+1/d).

    From d ≥ 2 on, the ratio of consecutive terms t_{j+1}/t_j = z (1+1/j)^{-γ} (log(j+1)/log j)^k
    is at most ρ_d = z (1+1/d)^{max(0,-γ)} (1 + 1/(d log d))^k for every j ≥ d (each factor falls
    with j), so Σ_{j>d} t_j ≤ t_d ρ_d/(1 - ρ_d) whenever ρ_d < 1: the sum stops once that bound
    is below 2^-(prec-48) of each sum. Rounding: each of at most DIRECT_MAX_TERMS terms carries a
    few ulps (2^-prec) from at most log₂ d fixed-point products, far inside the 48 guard bits. log d
    and d^-γ are evaluated only for primes (a composite d = p·m takes log p + log m and p^-γ·m^-γ).
    """
    spf = _smallest_prime_factors(DIRECT_MAX_TERMS)
    target = prec - 48
    with mpmath.workprec(prec + 20):
        s, zz = to_mpf(gamma), to_mpf(z)
        growth = max(0.0, -float(s))
        float_z = float(zz)
        fixed_z = int(mpmath.ldexp(zz, prec))
        logs, powers = [0, 0], [0, 1 << prec]
        sums = [0] * (k_max + 1)  # from d = 2 on: S_0's first term z is added by the caller, log 1 = 0
        shifted = 0  # from d = 2 on, as S_0's rest
        z_power = fixed_z
        last = N if N is not INF else None
        d = 1
        while last is None or d < last:
            d += 1
            if d > DIRECT_MAX_TERMS:
                return None
            p = spf[d]
            if p == d:
                log_p = mpmath.log(d)
                log_d = int(mpmath.ldexp(log_p, prec))
                power = int(mpmath.ldexp(mpmath.exp(-s * log_p), prec))
            else:
                log_d = logs[p] + logs[d // p]
                power = (powers[p] * powers[d // p]) >> prec
            logs.append(log_d)
            powers.append(power)
            z_power = (z_power * fixed_z) >> prec
            first = term = (power * z_power) >> prec
            sums[0] += term
            shifted += d * term
            for k in range(1, k_max + 1):
                term = (term * log_d) >> prec
                sums[k] += term
            if d % 8 == 0:
                log_float = log_d / (1 << prec)  # int / int: no overflow at any prec
                rho = float_z * (1 + 1 / d) ** growth * (1 + 1 / (d * log_float)) ** k_max * (1 + 1e-12)
                rho_shifted = rho * (1 + 1 / d)
                if rho_shifted < 1:
                    factor = int(rho / (1 - rho) * 2**20) + 1
                    terms = [first]
                    for _ in range(k_max):
                        terms.append((terms[-1] * log_d) >> prec)
                    shifted_factor = int(rho_shifted / (1 - rho_shifted) * 2**20) + 1
                    if all(t * factor <= (total << 20) >> target for t, total in zip(terms, sums)) \
                            and d * first * shifted_factor <= (shifted << 20) >> target:
                        break
    return tuple(sums), shifted
