"""S_k = Σ_{d≤N} (log d)^k z^d d^-s for z < 1 close to 1, by Euler–Maclaurin summation (no loop to N).

With f_k(x) = e^{-μx} x^-s (log x)^k, μ = -log z, and a head of M - 1 terms summed directly,

    Σ_{d=M}^{N} f = ∫_M^N f dx + (f(M) + f(N))/2 + Σ_j B_{2j}/(2j)! · (f^{(2j-1)}(N) - f^{(2j-1)}(M)).

The correction series is asymptotic with terms ~ (2j)!/(2π M)^{2j} (and ~ (μ/2π)^{2j}); M grows
with the working precision so that it falls below 10^-wp before it turns. The pieces:

- the derivatives at an end point come from the Taylor coefficients of f_k there, by the recurrence
  x f_0' = -(μx + s) f_0 differentiated in s (f_k = (-∂_s)^k f_0): O(order) operations, no products;
- the integral, in v = log x, by Gauss–Legendre on equal pieces: the integrand exp((1-s)v - μe^v) v^k
  is entire, and e^{-μe^v} does not grow off the axis where |Im v| < π/2 (or anywhere near the axis
  while μe^v ≤ 1/10), so the nodes per piece follow from the Bernstein ellipse that allows, with
  the growth of e^{(1-s)v} on it paid in digits; the node tables are computed once per precision;
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

_GAUSS_LEGENDRE = GaussLegendre(mpmath.mp)  # keeps its node tables (one per degree and precision)
_STRIP = math.pi / 2 * 0.8  # |Im v| < π/2 keeps Re e^v > 0, so e^{-μe^v} does not grow there (with a margin)
_WIDE_STRIP = 3.0  # where μe^{Re v} ≤ 1/10 on the ellipse, e^{-μe^v} stays within e^{±1/10} anyway
_GUARD = 15  # digits beyond the working precision asked of each truncation


def _head_length(wp: int) -> int:
    """M: the terms d < M are summed directly; beyond, the correction series converges to 10^-wp."""
    return int(0.7 * wp) + 10


def fugacity_power_sums(s: mpmath.mpf, N: int | None, z: mpmath.mpf, k_max: int, wp: int) -> tuple[list[mpmath.mpf], mpmath.mpf]:
    """([S_0, …, S_{k_max}], Σ_{d≤N} d·z^d d^-s) at the current precision; ``N`` None means N = ∞.

    The second value is S_0 at s - 1 (the entropy's ⟨d⟩), from the same nodes and Taylor coefficients
    (x f_0 has coefficients x0 c_n + c_{n-1}). Needs 0 < z < 1.
    """
    mu = -mpmath.log(z)
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
    ends = [(M, -1)] + ([(upper, +1)] if upper is not None else [])
    for point, sign in ends:
        x0 = mpmath.mpf(point)
        order = _series_order(s, mu, point, wp)
        while True:
            coefficients = _taylor(s, mu, x0, k_max, order)
            rows = coefficients + [[x0 * c + (coefficients[0][n - 1] if n else 0) for n, c in enumerate(coefficients[0])]]
            corrections = [_corrections(row, tolerance * total) for row, total in zip(rows, sums + [shifted])]
            if None not in corrections:
                break
            if order >= 8 * wp + 200:
                raise PrecisionError(f"the Euler–Maclaurin corrections at d = {point} did not reach 10^-{wp} "
                                     f"within {order} Taylor coefficients (ask for fewer digits)")
            order *= 2
        for k, row in enumerate(rows):
            change = row[0] / 2 + sign * corrections[k]
            if k <= k_max:
                sums[k] += change
            else:
                shifted += change
    return sums, shifted


def _head(s: mpmath.mpf, mu: mpmath.mpf, M: int, k_max: int) -> tuple[list[mpmath.mpf], mpmath.mpf]:
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
    (e^{-μe^v} can hardly grow off the axis there), ellipses inside |Im v| < π/2 beyond. There the
    bound is e^{(1-s)v}, not the integrand: for s < 1, beyond the peak x = (1-s)/μ, it exceeds the
    integrand's largest value by up to e^{(1-s)(log b - log peak)}, which is paid in digits."""
    va, vb = mpmath.log(a), mpmath.log(b)
    flat_until = math.log(0.1 / float(mu))
    vc = min(float(vb), flat_until)
    for _ in range(8):  # the wide pieces' ellipses must end where μe^v is still ≤ 1/10
        wide = _layout(vc - float(va), float(s), wp, _WIDE_STRIP) if vc - float(va) >= 1 else None
        if wide is None or vc + wide[2] <= flat_until:
            break
        vc = flat_until - wide[2]
    else:
        wide = None
    peak = math.log(max(float(a), (1 - float(s)) / float(mu))) if s < 1 else float(vb)
    above_peak = max(0.0, (1 - float(s)) * (float(vb) - peak) / math.log(10))
    regions = []
    start = va
    if wide is not None:
        start = vb if vc >= float(vb) else mpmath.mpf(vc)  # never past b (a float boundary could be)
        regions.append((va, start, wide[:2]))
    if vb > start:
        regions.append((start, vb, _layout(float(vb - start), float(s), wp + above_peak, _STRIP)[:2]))
    sums, shifted = [mpmath.mpf(0)] * (k_max + 1), mpmath.mpf(0)
    for start, stop, (pieces, degree) in regions:
        if stop > start:
            part, part_shifted = _pieces(s, mu, start, stop, pieces, degree, k_max)
            sums = [x + y for x, y in zip(sums, part)]
            shifted += part_shifted
    return sums, shifted


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
    mu_fixed, left_end = fixed(mu), fixed(mpmath.exp(-half))
    sums, shifted = [mpmath.mpf(0)] * (k_max + 1), mpmath.mpf(0)
    for piece in range(pieces):
        middle = va + half * (2 * piece + 1)
        e_middle, x_left = mpmath.exp(middle), mpmath.exp(va + 2 * half * piece)
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


def _layout(length: float, s: float, wp: float, strip: float) -> tuple[int, int, float]:
    """(pieces, Gauss–Legendre degree, reach) with the fewest nodes in all. n nodes on a piece of
    half-length h err by ~ρ^(-2n)·max over the ellipse with foci at the piece's ends, semi-minor axis
    ``strip`` = h·sinh(log ρ); along its longer axis it reaches h(cosh(log ρ) - 1) beyond the piece,
    where e^{(1-s)v} grows by e^{|1-s|·reach}: paid in digits, with 2 more for v^k and e^{-μe^v}."""
    best = None
    for degree in range(3, 8):  # mpmath's degree m has 3·2^(m-1) nodes: 12 … 192
        n = 3 * 2 ** (degree - 1)

        def enough(h: float) -> bool:
            log_rho = math.asinh(strip / h)
            reach = h * (math.cosh(log_rho) - 1)
            return 2 * n * log_rho / math.log(10) >= wp + _GUARD + 2 + abs(1 - s) * reach / math.log(10)

        low, high = 1e-6, 64.0  # the largest h that is enough, by bisection (enough falls with h)
        if not enough(low):
            continue
        for _ in range(60):
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


def _taylor(s: mpmath.mpf, mu: mpmath.mpf, x0: mpmath.mpf, k_max: int, order: int) -> list[list[mpmath.mpf]]:
    """c[k][n], the Taylor coefficients of f_k at x0 up to ``order``, from x f_0' = -(μx + s) f_0:
    c^k_{n+1} = (-(n + s + μx0) c^k_n + k c^{k-1}_n - μ c^k_{n-1}) / (x0 (n+1))."""
    log_x0 = mpmath.log(x0)
    f0 = mpmath.exp(-mu * x0 - s * log_x0)
    c = [[f0 * log_x0**k] for k in range(k_max + 1)]
    for n in range(order):
        factor = -(n + s + mu * x0)
        for k in range(k_max + 1):
            value = factor * c[k][n]
            if k:
                value += k * c[k - 1][n]
            if n:
                value -= mu * c[k][n - 1]
            c[k].append(value / (x0 * (n + 1)))
    return c


def _corrections(c: list[mpmath.mpf], tolerance: mpmath.mpf) -> mpmath.mpf | None:
    """Σ_j B_{2j}/(2j)! f^{(2j-1)}(x0) = Σ_j B_{2j}/(2j) · c_{2j-1} up to the first term below
    tolerance; None when the coefficients run out first (the caller extends them)."""
    total, previous = mpmath.mpf(0), mpmath.inf
    for j in range(1, len(c) // 2):
        term = mpmath.bernoulli(2 * j) / (2 * j) * c[2 * j - 1]
        total += term
        if abs(term) <= tolerance:
            return total
        if abs(term) > previous:
            raise PrecisionError(f"the Euler–Maclaurin corrections turned before reaching 10^-{mpmath.mp.dps} "
                                 "(ask for fewer digits)")
        previous = abs(term)
    return None
