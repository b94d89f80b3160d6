"""S_k = Σ_{d≤N} (log d)^k z^d d^-s for z < 1 close to 1, by Euler–Maclaurin summation (no loop to N).

With f_k(x) = e^{-μx} x^-s (log x)^k, μ = -log z, and a head of M - 1 terms summed directly,

    Σ_{d=M}^{N} f = ∫_M^N f dx + (f(M) + f(N))/2 + Σ_j B_{2j}/(2j)! · (f^{(2j-1)}(N) - f^{(2j-1)}(M)).

The correction series is asymptotic with terms ~ (2j)!/(2π M)^{2j} (and ~ (μ/2π)^{2j}); M grows
with the working precision so that it falls below 10^-wp before it turns. The pieces:

- the derivatives at an end point come from the Taylor coefficients of f_k there, by the recurrence
  x f_0' = -(μx + s) f_0 differentiated in s (f_k = (-∂_s)^k f_0): O(order) fixed-point operations;
- the integral, in v = log x, by Gauss–Legendre on equal pieces: the integrand exp((1-s)v - μe^v) v^k
  is entire, and e^{-μe^v} does not grow off the axis where |Im v| < π/2 (or anywhere near the axis
  while μe^v ≤ 1/10), so the nodes per piece follow from the Bernstein ellipse that allows, the
  excess of the largest |integrand| on it over the integral paid in digits; the inner loop is fixed
  point and the node tables are computed once per precision;
- the end N: when the integrand is provably negligible beyond some U < N (its log-derivative is
  ≤ -μ/2 there, so ∫_U^∞ ≤ 2 f(U)/μ), the integral stops at U and the N terms are dropped.

Node count, head length and series length all grow with ``wp``, so the two evaluations
:func:`attnthermo.thermo.precision.certify` compares have different truncations: their agreement
is the certificate (as for the Lerch route), not an a priori bound.
"""

from __future__ import annotations

import math
from functools import lru_cache

import mpmath
from mpmath.calculus.quadrature import GaussLegendre
from mpmath.libmp.libelefun import exp_fixed, ln2_fixed

from attnthermo.errors import PrecisionError
from attnthermo.thermo.params import Real, log_real, to_mpf

_GAUSS_LEGENDRE = GaussLegendre(mpmath.mp)  # keeps its node tables (one per degree and precision)
_STRIP = math.pi / 2 * 0.8  # |Im v| < π/2 keeps Re e^v > 0, so e^{-μe^v} does not grow there (with a margin)
_WIDE_STRIP = 3.0  # where μe^{Re v} ≤ 1/10 on the ellipse, e^{-μe^v} stays within e^{±1/10} anyway
_GUARD = 15  # digits beyond the working precision asked of each truncation
_EXTRA_DIGITS = 5  # digits of arithmetic beyond the working precision (plus what z^d amplifies)


def _head_length(wp: int) -> int:
    """M: the terms d < M are summed directly; beyond, the correction series converges to 10^-wp."""
    return int(0.7 * wp) + 10


def fugacity_power_sums(gamma: Real, N: int | None, z: Real, k_max: int, wp: int) -> tuple[list[mpmath.mpf], mpmath.mpf]:
    """([S_0, …, S_{k_max}], Σ_{d≤N} d·z^d d^-γ) at the current precision; ``N`` None means N = ∞.

    The second value is S_0 at γ - 1 (the entropy's ⟨d⟩), from the same nodes and Taylor coefficients
    (x f_0 has coefficients x0 c_n + c_{n-1}). Needs 0 < z < 1. γ and z are read at more digits than
    the current precision: z^d and d^-γ amplify their rounding by d and log d, and the sums reach
    d ~ min(N, wp/μ); the exponentials of arguments up to |1-γ|·log N lose a few digits more.
    """
    with mpmath.workdps(20):
        mu = -log_real(z)  # from 1 - z exactly: z may be 1 - 10^-30
        reach = mpmath.mpf(wp + 30) * mpmath.log(10) / mu
        if N is not None:
            reach = min(reach, N)
        amplified = int(mpmath.log10(reach + 1)) + 1
    with mpmath.workdps(mpmath.mp.dps + _EXTRA_DIGITS + amplified):
        sums, shifted = _sums(to_mpf(gamma), N, -log_real(z), k_max, wp)
    return [+total for total in sums], +shifted


def _sums(s: mpmath.mpf, N: int | None, mu: mpmath.mpf, k_max: int, wp: int) -> tuple[list[mpmath.mpf], mpmath.mpf]:
    M = _head_length(wp)
    if N is not None and N < M + 2:
        return _head(s, mu, N + 1, k_max)
    tolerance = mpmath.mpf(10) ** -(wp + _GUARD)
    sums, shifted = _head(s, mu, M, k_max)
    scale = min(sums)  # every S_k ≥ its head > 0, and the shifted sum ≥ S_0
    cutoff = max(_negligible_beyond(s, mu, M, k_max, tolerance * scale),
                 _negligible_beyond(s - 1, mu, M, 0, tolerance * scale))
    upper = N if N is not None and N <= cutoff else None
    integral, shifted_integral = _integral(s, mu, mpmath.mpf(M), mpmath.mpf(upper if upper is not None else cutoff),
                                           k_max, wp)
    sums = [a + b for a, b in zip(sums, integral)]
    shifted += shifted_integral
    for point, sign in ((M, -1), (upper, +1)):
        if point is None:
            continue
        halves, corrections = _end_terms(s, mu, point, k_max, wp, [tolerance * t for t in sums + [shifted]])
        sums = [t + h + sign * c for t, h, c in zip(sums, halves, corrections)]
        shifted += halves[-1] + sign * corrections[-1]
    return sums, shifted


def _end_terms(s: mpmath.mpf, mu: mpmath.mpf, point: int, k_max: int, wp: int,
               tolerances: list[mpmath.mpf]) -> tuple[list[mpmath.mpf], list[mpmath.mpf]]:
    """At the end x0: f(x0)/2 and Σ_j B_{2j}/(2j)! f^{(2j-1)}(x0) for f_0 … f_{k_max} and x·f_0.

    The Taylor coefficients come scaled, ĝ_n = c_n x0^n / f_0(x0), as fixed-point integers, so
    B_{2j}/(2j)! f^{(2j-1)} = B_{2j}/(2j) · f_0 · ĝ_{2j-1} / x0^{2j-1}; x·f_0 has ĝ'_n = ĝ_n + ĝ_{n-1}
    (times x0). The order starts from :func:`_series_order` and doubles, up to a cap, until each
    series has two consecutive terms below its tolerance."""
    x0 = mpmath.mpf(point)
    f0 = mpmath.exp(-mu * x0 - s * mpmath.log(x0))
    scales = [f0] * (k_max + 1) + [f0 * x0]
    bits = mpmath.mp.prec + int(math.log2(point)) + 30
    order = _series_order(s, mu, point, wp)
    while True:
        rows = _scaled_taylor(s, mu, x0, k_max, order, bits)
        rows.append([g + (rows[0][n - 1] if n else 0) for n, g in enumerate(rows[0])])
        weights, weight, inverse_square = [], 1 / x0, 1 / (x0 * x0)
        for j in range(1, order // 2):
            weights.append(mpmath.bernoulli(2 * j) / (2 * j) * weight)
            weight *= inverse_square
        corrections = [_corrections(row, weights, scale * mpmath.ldexp(1, -bits), tolerance)
                       for row, scale, tolerance in zip(rows, scales, tolerances)]
        if None not in corrections:
            halves = [scale * mpmath.ldexp(row[0], -bits) / 2 for row, scale in zip(rows, scales)]
            return halves, corrections
        if order >= 8 * wp + 200:
            raise PrecisionError(f"the Euler–Maclaurin corrections at d = {point} did not fall below "
                                 f"10^-{wp} within {order} Taylor coefficients (ask for fewer digits)")
        order *= 2


def _head(s: mpmath.mpf, mu: mpmath.mpf, M: int, k_max: int) -> tuple[list[mpmath.mpf], mpmath.mpf]:
    """The terms d < M summed directly: [Σ f_k(d)], Σ d·f_0(d)."""
    sums, shifted = [mpmath.mpf(0)] * (k_max + 1), mpmath.mpf(0)
    for d in range(1, M):
        log_d = mpmath.log(d)
        term = mpmath.exp(-mu * d - s * log_d)
        shifted += d * term
        for k in range(k_max + 1):
            sums[k] += term
            term *= log_d
    return sums, shifted


def _negligible_beyond(s: mpmath.mpf, mu: mpmath.mpf, M: int, k_max: int, bound: mpmath.mpf) -> mpmath.mpf:
    """U with ∫_U^∞ f_k ≤ bound for every k ≤ k_max: from U ≥ 2(max(0, -s) + k_max)/μ on, the
    log-derivative -μ - s/x + k/(x log x) is ≤ -μ/2, so the tail is ≤ 2 f_k(U)/μ (and log U > 1)."""
    with mpmath.workdps(20):
        U = mpmath.mpf(max(2 * M, int(2 * (max(0, -s) + k_max + 1) / mu) + 1))
        while 2 * mpmath.exp(-mu * U - s * mpmath.log(U)) * mpmath.log(U) ** k_max / mu > bound:
            U *= 2
    return U


def _integral(s: mpmath.mpf, mu: mpmath.mpf, a: mpmath.mpf, b: mpmath.mpf, k_max: int,
              wp: int) -> tuple[list[mpmath.mpf], mpmath.mpf]:
    """∫_a^b f_k dx = ∫ exp((1-s)v - μe^v) v^k dv over [log a, log b], and ∫_a^b x f_0 dx at the
    same nodes, by Gauss–Legendre on equal pieces: wide ellipses where μe^v stays ≤ 1/10 on them
    (e^{-μe^v} can hardly grow off the axis there), ellipses inside |Im v| < π/2 beyond."""
    va, vb = mpmath.log(a), mpmath.log(b)
    sf, muf = float(s), float(mu)
    flat_until = math.log(0.1 / muf)
    vc = min(float(vb), flat_until)
    for _ in range(8):  # the wide pieces' ellipses must end where μe^v is still ≤ 1/10
        wide = None
        if vc - float(va) >= 1:
            wide = _layout(vc - float(va), wp, _WIDE_STRIP, _excess_digits(float(va), vc, sf, muf, _WIDE_STRIP))
        if wide is None or vc + wide[2] <= flat_until:
            break
        vc = flat_until - wide[2]
    else:
        wide = None
    regions = []
    start = va
    if wide is not None:
        start = vb if vc >= float(vb) else mpmath.mpf(vc)  # never past b (a float boundary could be)
        regions.append((va, start, wide[:2]))
    if vb > start:
        narrow = _layout(float(vb - start), wp, _STRIP, _excess_digits(float(start), float(vb), sf, muf, _STRIP))
        regions.append((start, vb, narrow[:2]))
    sums, shifted = [mpmath.mpf(0)] * (k_max + 1), mpmath.mpf(0)
    for start, stop, (pieces, degree) in regions:
        part, part_shifted = _pieces(s, mu, start, stop, pieces, degree, k_max)
        sums = [x + y for x, y in zip(sums, part)]
        shifted += part_shifted
    return sums, shifted


def _excess_digits(lo: float, hi: float, s: float, mu: float, strip: float):
    """Digits by which the quadrature bound on [lo, hi] exceeds the integral there, as a function of
    the ellipses' reach r: the bound is the largest |integrand| on them (|e^{-μe^v}| ≤ e^{-cos(strip)·μe^u}
    inside the strip; ≤ e^{1/10} on wide ellipses), the integral is at least the largest value on the
    axis times min(length, 1/D)/e, D the steepest log-slope there. One digit more for v^k."""
    a = 1 - s

    def largest(low: float, high: float, c: float) -> float:  # max of a·u - c·μe^u on [low, high]
        u = min(max(math.log(a / (c * mu)), low), high) if c > 0 and a > 0 else (high if a > 0 else low)
        return a * u - c * mu * math.exp(u)

    on_axis = largest(lo, hi, 1.0)
    slope = abs(a) + mu * math.exp(hi) + 1
    width = min(hi - lo, 1 / slope) / math.e

    def digits(reach: float) -> float:
        if strip == _WIDE_STRIP:
            bound = max(a * (lo - reach), a * (hi + reach)) + 0.1
        else:
            bound = largest(lo - reach, hi + reach, math.cos(strip))
        return (bound - on_axis + math.log(2.2 * (hi - lo) / width)) / math.log(10) + 1

    return digits


def _pieces(s: mpmath.mpf, mu: mpmath.mpf, va: mpmath.mpf, vb: mpmath.mpf, pieces: int, degree: int,
            k_max: int) -> tuple[list[mpmath.mpf], mpmath.mpf]:
    """Gauss–Legendre of the given degree on ``pieces`` equal pieces of [va, vb]. Every piece has the
    same nodes relative to its middle, so e^v and e^{(1-s)v} factor into a per-piece and a per-node
    part: one fixed-point exp per node and piece, scaled by the piece's e^{(1-s)·middle - μ x_left}."""
    half = (vb - va) / (2 * pieces)
    bits = mpmath.mp.prec + 30

    def fixed(value: mpmath.mpf) -> int:
        return int(mpmath.ldexp(value, bits))

    ln2 = ln2_fixed(bits)
    half_fixed, growth_fixed = fixed(half), fixed((1 - s) * half)
    nodes = []
    for t, weight in _fixed_nodes(degree, bits):
        offset = (half_fixed * t) >> bits
        nodes.append((offset, exp_fixed(offset, bits, ln2), (growth_fixed * t) >> bits, weight))
    to_left_end = mpmath.exp(-half)
    mu_fixed, left_end = fixed(mu), fixed(to_left_end)
    sums, shifted = [mpmath.mpf(0)] * (k_max + 1), mpmath.mpf(0)
    for piece in range(pieces):
        middle = va + half * (2 * piece + 1)
        e_middle = mpmath.exp(middle)
        x_left = e_middle * to_left_end
        e_fixed, middle_fixed = fixed(e_middle), fixed(middle)
        x_left_fixed = (e_fixed * left_end) >> bits
        piece_sums, piece_shifted = [0] * (k_max + 1), 0
        for offset, e_offset, growth, weight in nodes:
            x = (e_fixed * e_offset) >> bits
            value = (weight * exp_fixed(growth - ((mu_fixed * (x - x_left_fixed)) >> bits), bits, ln2)) >> bits
            piece_shifted += (value * x) >> bits
            v = middle_fixed + offset
            for k in range(k_max + 1):
                piece_sums[k] += value
                value = (value * v) >> bits
        factor = half * mpmath.exp((1 - s) * middle - mu * x_left)
        for k in range(k_max + 1):
            sums[k] += factor * mpmath.ldexp(piece_sums[k], -bits)
        shifted += factor * mpmath.ldexp(piece_shifted, -bits)
    return sums, shifted


@lru_cache(maxsize=64)
def _fixed_nodes(degree: int, bits: int) -> tuple[tuple[int, int], ...]:
    """Gauss–Legendre nodes and weights on [-1, 1] as fixed-point integers (value · 2^bits)."""
    with mpmath.workprec(bits):
        return tuple((int(mpmath.ldexp(t, bits)), int(mpmath.ldexp(w, bits)))
                     for t, w in _GAUSS_LEGENDRE.get_nodes(-1, 1, degree, bits - 30))


def _layout(length: float, wp: float, strip: float, excess) -> tuple[int, int, float]:
    """(pieces, Gauss–Legendre degree, reach) with the fewest nodes in all. n nodes on a piece of
    half-length h err by ≤ (64/15)·B·ρ^(-2n)/(ρ² - 1) for B the largest |integrand| on the ellipse with
    foci at the piece's ends and semi-minor axis ``strip`` = h·sinh(log ρ), which reaches
    h(cosh(log ρ) - 1) beyond the piece; ``excess(reach)`` says how many digits B exceeds the integral."""
    best = None
    for degree in range(3, 8):  # mpmath's degree m has 3·2^(m-1) nodes: 12 … 192
        n = 3 * 2 ** (degree - 1)

        def enough(h: float) -> bool:
            log_rho = math.asinh(strip / h)
            reach = h * (math.cosh(log_rho) - 1)
            return 2 * n * log_rho / math.log(10) >= wp + _GUARD + excess(reach)

        low, high = 1e-6, 64.0  # the largest h that is enough, by bisection (enough falls with h)
        if not enough(low):
            continue
        for _ in range(24):  # h to within 4·10^-6, from below: still enough
            middle = (low + high) / 2
            low, high = (middle, high) if enough(middle) else (low, middle)
        pieces = max(1, math.ceil(length / (2 * low)))
        h = length / (2 * pieces) if length > 0 else low
        reach = h * (math.cosh(math.asinh(strip / h)) - 1)
        if best is None or pieces * n < best[0]:
            best = (pieces * n, pieces, degree, reach)
    if best is None:
        raise PrecisionError(f"no Gauss–Legendre layout reaches 10^-{wp} here (ask for fewer digits)")
    return best[1], best[2], best[3]


def _series_order(s: mpmath.mpf, mu: mpmath.mpf, x0: int, wp: int) -> int:
    """Taylor order for the corrections at x0: the first 2j with (2j)!·r^{2j}/(2π)^{2j} < 10^-(wp+guard),
    r = 1/x0 + μ (the coefficients grow like r^n), plus room for |s| and the logs; extended if short."""
    r = 1 / x0 + float(mu)
    target = -(wp + _GUARD) * math.log(10)
    j = 1
    while math.lgamma(2 * j + 1) + 2 * j * math.log(r / (2 * math.pi)) > target and j < 4 * wp + 100:
        j += 1
    return 2 * j + 2 * int(abs(float(s))) + 12


def _scaled_taylor(s: mpmath.mpf, mu: mpmath.mpf, x0: mpmath.mpf, k_max: int, order: int,
                   bits: int) -> list[list[int]]:
    """ĝ^k_n = c^k_n x0^n / f_0(x0) for n ≤ order, fixed point (· 2^bits), from x f_0' = -(μx + s) f_0
    differentiated in s: ĝ^k_{n+1} = (-(n + s + μx0) ĝ^k_n + k ĝ^{k-1}_n - μx0 ĝ^k_{n-1}) / (n+1)."""
    log_x0 = mpmath.log(x0)
    rows = [[int(mpmath.ldexp(log_x0**k, bits))] for k in range(k_max + 1)]
    s_fixed, mu_x0 = int(mpmath.ldexp(s, bits)), int(mpmath.ldexp(mu * x0, bits))
    for n in range(order):
        factor = -((n << bits) + s_fixed + mu_x0)
        for k in range(k_max + 1):
            value = (factor * rows[k][n]) >> bits
            if k:
                value += k * rows[k - 1][n]
            if n:
                value -= (mu_x0 * rows[k][n - 1]) >> bits
            rows[k].append(value // (n + 1))
    return rows


def _corrections(row: list[int], weights: list[mpmath.mpf], unit: mpmath.mpf, tolerance: mpmath.mpf) -> mpmath.mpf | None:
    """unit · Σ_j weights_j · row_{2j-1} up to two consecutive terms below tolerance (one alone can be
    small by cancellation, e.g. f'(x0) ≈ 0 at the peak); None when the coefficients run out first."""
    total, small = mpmath.mpf(0), 0
    threshold = tolerance / unit
    for j, weight in enumerate(weights, start=1):  # weights stop before the row does
        term = weight * row[2 * j - 1]
        total += term
        small = small + 1 if abs(term) <= threshold else 0
        if small == 2:
            return total * unit
    return None
