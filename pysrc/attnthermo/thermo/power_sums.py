"""The sums S_k(γ, N, z) = Σ_{d≤N} (log d)^k z^d d^-γ, k = 0, 1, 2, in O(1) time (no loop over d).

Routes (math-notes §4), all evaluated at a working precision ``wp`` chosen by the caller
(use :func:`attnthermo.thermo.precision.certify` around them):

- ``hurwitz``   z = 1, γ ≠ 1:  S_k = (-1)^k [ζ^(k)(γ, 1) - ζ^(k)(γ, N+1)]  (N = ∞: drop the second term);
- ``stieltjes`` z = 1, γ = 1:  S_k = γ_k(1) - γ_k(N+1), generalised Stieltjes constants;
- ``stieltjes_series`` z = 1, γ = 1 + ε, finite N:  S_k = Σ_j (-ε)^j/j! · [γ_{k+j}(1) - γ_{k+j}(N+1)]
  (the series route near γ = 1, used to cross-check the Hurwitz route there);
- ``direct``    z < 1 when at most :data:`AUTO_DIRECT_TERMS` terms are needed: the sum itself, up to N or
  until a rigorous geometric bound on everything after the last term (each ratio of consecutive terms
  is at most ρ < 1 from there on) falls below 10^-wp of the sum — the z^{N+1}Φ tail is never formed;
- ``euler_maclaurin``  z < 1 otherwise (z close to 1, N large): a direct head, the integral in log d
  by Gauss–Legendre and the Bernoulli corrections at both ends (:mod:`attnthermo.thermo.euler_maclaurin`);
- ``lerch``     z < 1, never chosen by ``auto``; an independent cross-check of the two above:
  Σ_{d≤N} z^d d^-s = Li_s(z) - z^{N+1} Φ(z, s, N+1), the Φ tail dropped when a geometric bound proves
  it below the working precision; the s-derivatives by a five-point central difference at raised
  precision (mpmath has no s-derivative of Li or Φ). Seconds per call near z = 1.

The Hurwitz route cancels ζ(γ) against ζ(γ, N+1), both ≈ 1/(γ-1): it loses about
(k+1)·|log₁₀|γ-1|| digits, which :func:`digits_lost` reports so the caller can raise ``wp``.

>>> import mpmath
>>> with mpmath.workdps(30):
...     s0, s1, s2 = power_sums(2, 3, 1, wp=30)
>>> mpmath.nstr(s0, 12)  # 1 + 1/4 + 1/9
'1.36111111111'
"""

from __future__ import annotations

from functools import lru_cache

import mpmath

from attnthermo.errors import DomainError
from attnthermo.thermo.euler_maclaurin import fugacity_power_sums
from attnthermo.thermo.params import INF, Count, Real, to_mpf

ROUTES = ("auto", "hurwitz", "stieltjes", "stieltjes_series", "direct", "euler_maclaurin", "lerch")

# auto sums directly while at most this many terms are needed (beyond, Euler–Maclaurin is faster:
# measured at 40 digits, the two cost the same near 1000–2000 terms)
AUTO_DIRECT_TERMS = 2_000
# the direct route refuses more terms than this (the size of its prime-factor sieve)
DIRECT_MAX_TERMS = 50_000


def choose_route(gamma: Real, N: Count, z: Real) -> str:
    """The route ``auto`` takes for these parameters."""
    if z != 1:
        return "direct" if direct_terms(gamma, N, z) <= AUTO_DIRECT_TERMS else "euler_maclaurin"
    return "stieltjes" if gamma == 1 else "hurwitz"


def direct_terms(gamma: Real, N: Count, z: Real, digits: int = 40) -> int:
    """About how many terms the direct sum needs for ``digits`` digits (N when N is smaller)."""
    with mpmath.workdps(20):
        mu = -mpmath.log(to_mpf(z))
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
            distance = abs(to_mpf(gamma) - 1)
            return int((k_max + 1) * max(0, -mpmath.log10(distance))) + 2
    return 0  # the other routes add no cancellation (the Lerch stencil sizes its own precision)


def power_sums(gamma: Real, N: Count, z: Real, *, wp: int, route: str = "auto", k_max: int = 2) -> list[mpmath.mpf]:
    """[S_0, …, S_{k_max}] at working precision ``wp`` (uncertified; parameters already validated)."""
    if route not in ROUTES:
        raise DomainError("route", route, f"must be one of {', '.join(ROUTES)}")
    if N is not INF and N == 1:  # a single state d = 1 with energy log 1 = 0: exact
        with mpmath.workdps(wp):
            return [to_mpf(z)] + [mpmath.mpf(0)] * k_max
    chosen = choose_route(gamma, N, z) if route == "auto" else route
    with mpmath.workdps(wp):
        if chosen == "hurwitz":
            _require(z == 1 and gamma != 1, chosen, "needs z = 1 and gamma != 1")
            return _hurwitz(to_mpf(gamma), N, k_max)
        if chosen == "stieltjes":
            _require(z == 1 and gamma == 1 and N is not INF, chosen, "needs z = 1, gamma = 1 and finite N")
            return [mpmath.stieltjes(k) - mpmath.stieltjes(k, N + 1) for k in range(k_max + 1)]
        if chosen == "stieltjes_series":
            _require(z == 1 and N is not INF, chosen, "needs z = 1 and finite N")
            return _stieltjes_series(to_mpf(gamma) - 1, N, k_max, wp)
        _require(z != 1 or gamma > 1 or N is not INF, chosen, "diverges at z = 1, gamma <= 1, N infinite")
        if chosen == "direct":
            _require(z < 1, chosen, "needs z < 1 (the terms must decay geometrically)")
            sums = _direct(gamma, N, z, k_max)
            if sums is not None:
                return sums
            _require(route == "auto", chosen, f"needs more than {DIRECT_MAX_TERMS} terms here (use euler_maclaurin)")
            chosen = "euler_maclaurin"  # auto's estimate of the terms was short
        if chosen == "euler_maclaurin":
            _require(z < 1, chosen, "needs z < 1 (the integrand must decay)")
            return _euler_maclaurin_sums(gamma, N, z, k_max, wp)
        return _lerch(to_mpf(gamma), N, to_mpf(z), k_max, wp)


def _require(condition: bool, route: str, reason: str) -> None:
    if not condition:
        raise DomainError("route", route, reason)


def _hurwitz(s: mpmath.mpf, N: Count, k_max: int) -> list[mpmath.mpf]:
    # mpmath's ζ(s, a) costs O(a) for s < 0: there the Euler–Maclaurin expansion in 1/a is used
    large_negative = N is not INF and s < 0 and N + 1 > EULER_MACLAURIN_FROM
    tails = _hurwitz_large_a(s, N + 1, k_max) if large_negative else None
    sums = []
    for k in range(k_max + 1):
        head = mpmath.zeta(s, 1, k)
        if N is INF:
            tail = 0
        else:
            tail = tails[k] if large_negative else mpmath.zeta(s, N + 1, k)
        sums.append((-1) ** k * (head - tail))
    return sums


EULER_MACLAURIN_FROM = 1000


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


# Σ d·z^d d^-γ from the Euler–Maclaurin pass at γ, kept as S_0 at γ - 1: (γ - 1, N, z, wp) -> value
_SHIFTED_SUMS: dict[tuple, mpmath.mpf] = {}


def _euler_maclaurin_sums(gamma: Real, N: Count, z: Real, k_max: int, wp: int) -> list[mpmath.mpf]:
    """The Euler–Maclaurin route; its by-product Σ d·w_d is kept for the entropy's call at γ - 1."""
    key = (gamma, N, z, wp)
    if k_max == 0 and key in _SHIFTED_SUMS:
        return [_SHIFTED_SUMS.pop(key)]
    sums, shifted = fugacity_power_sums(gamma, None if N is INF else N, z, k_max, wp)
    if len(_SHIFTED_SUMS) > 256:  # a hand-over within one call, not a store
        _SHIFTED_SUMS.clear()
    _SHIFTED_SUMS[(gamma - 1, N, z, wp)] = shifted
    return sums


# the direct sums computed so far: (γ, N, z, k_max) -> (prec, fixed-point sums); one certify call
# evaluates at two precisions, and the first computes enough bits for both
_DIRECT_SUMS: dict[tuple, tuple[int, tuple[int, ...] | None]] = {}
_DIRECT_HEADROOM = 104  # bits above the asking precision: covers certify's next step (≥ 10 digits)


def _direct(gamma: Real, N: Count, z: Real, k_max: int) -> list[mpmath.mpf] | None:
    """Σ_{d≤N} (log d)^k z^d d^-γ term by term, at the current working precision (None if more
    than :data:`DIRECT_MAX_TERMS` terms would be needed); see :func:`_direct_fixed`."""
    with mpmath.workdps(20):
        small = max(0, int(-mpmath.log(to_mpf(z), 2))) * (k_max + 2)  # the sums can be as small as z^(k+2)
    needed = mpmath.mp.prec + small + 48
    key = (gamma, N, z, k_max)
    stored = _DIRECT_SUMS.get(key)
    if stored is None or stored[0] < needed:
        if len(_DIRECT_SUMS) > 256:  # a memo for the two evaluations of one call, not a store
            _DIRECT_SUMS.clear()
        prec = needed + _DIRECT_HEADROOM
        result = _direct_fixed(gamma, N, z, k_max, prec)
        stored = _DIRECT_SUMS[key] = (prec, None if result is None else result[0])
        if result is not None and k_max > 0:  # Σ d·z^d d^-γ = S_0 at γ - 1, for the entropy's ⟨d⟩
            _DIRECT_SUMS.setdefault((gamma - 1, N, z, 0), (prec, (result[1],)))
    prec, fixed = stored
    return None if fixed is None else [mpmath.ldexp(mpmath.mpf(total), -prec) for total in fixed]


def clear_direct_sums() -> None:
    """Forget the direct and shifted sums computed so far (benchmarks time a cold evaluation)."""
    _DIRECT_SUMS.clear()
    _SHIFTED_SUMS.clear()


def _direct_fixed(gamma: Real, N: Count, z: Real, k_max: int, prec: int) -> tuple[tuple[int, ...], int] | None:
    """The sums as fixed-point integers (value · 2^prec), with an error bounded a priori, and in the
    same pass Σ d·z^d d^-γ (the γ - 1 sum; its ratios carry one more factor (1+1/j) ≤ 1+1/d).

    From d ≥ 2 on, the ratio of consecutive terms t_{j+1}/t_j = z (1+1/j)^{-γ} (log(j+1)/log j)^k
    is at most ρ_d = z (1+1/d)^{max(0,-γ)} (1 + 1/(d log d))^k for every j ≥ d (each factor falls
    with j), so Σ_{j>d} t_j ≤ t_d ρ_d/(1 - ρ_d) whenever ρ_d < 1: the sum stops once that bound
    is below 2^-(prec-48) of each sum. Rounding: each of at most DIRECT_MAX_TERMS terms carries a
    few ulps (2^-prec) from at most log₂ d fixed-point products, far inside the 48 guard bits. log d
    and d^-γ are evaluated only for primes (a composite d = p·m takes log p + log m and p^-γ·m^-γ).
    :func:`_direct` computes it once with headroom above the asking precision, so certify's second,
    finer evaluation reuses it: the error bound is a priori here, not from two evaluations agreeing.
    """
    spf = _smallest_prime_factors(DIRECT_MAX_TERMS)
    target = prec - 48
    with mpmath.workprec(prec + 20):
        s, zz = to_mpf(gamma), to_mpf(z)
        growth = max(0.0, -float(s))
        float_z = float(zz)
        fixed_z = int(mpmath.ldexp(zz, prec))
        logs, powers = [0, 0], [0, 1 << prec]
        sums = [fixed_z] + [0] * k_max  # d = 1: log 1 = 0
        shifted = fixed_z
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
                log_float = log_d / 2.0**prec
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
