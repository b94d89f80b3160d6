"""RoPE scales (math-notes §6): wavelengths λ_i = 2π θ^{2i/d_h}, the slowest one versus 2πθ,
the crossover 2π√θ, and the exact n_active(d) versus the book's continuous formula.

``wavelength(c, q, i) = c·q^i`` mirrors the Lean definition (c stands for 2π, q = θ^{2/d_h});
the other functions are the user-facing forms in θ and d_h.

>>> wavelength(6, 2, 3)
Fraction(48, 1)
>>> s = slowest_wavelength(theta=10_000, d_head=64, dps=10); mpmath.nstr(s.exact, 8), mpmath.nstr(s.bound, 8)
('47117.243', '62831.853')
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import mpmath

from attnthermo.errors import DomainError
from attnthermo.thermo.finite import as_fraction, as_natural
from attnthermo.thermo.params import as_dps, as_real, to_mpf


def wavelength(c: object, q: object, i: object) -> Fraction:
    """c·q^i, exact (Lean ``wavelength``)."""
    return as_fraction(c, "c") * as_fraction(q, "q") ** as_natural(i, "i")


def _theta(theta: object) -> mpmath.mpf:
    value = as_real(theta, "theta")
    if value <= 1:
        raise DomainError("theta", theta, "the RoPE base must exceed 1")
    return to_mpf(value)


def _head(d_head: object) -> int:
    if isinstance(d_head, bool) or not isinstance(d_head, int) or d_head < 2 or d_head % 2:
        raise DomainError("d_head", d_head, "must be an even integer >= 2 (RoPE rotates pairs)")
    return d_head


def rope_wavelength(*, theta: object, d_head: object, i: object, dps: int | None = None) -> mpmath.mpf:
    """λ_i = 2π θ^{2i/d_h} for pair i = 0 … d_h/2 - 1."""
    digits = as_dps(dps)
    h, index = _head(d_head), as_natural(i, "i")
    if index >= h // 2:
        raise DomainError("i", i, f"pair index must be below d_head/2 = {h // 2}")
    with mpmath.workdps(digits + 10):
        value = 2 * mpmath.pi * _theta(theta) ** (mpmath.mpf(2 * index) / h)
    with mpmath.workdps(digits):
        return +value


def wavelengths(*, theta: object, d_head: object, dps: int | None = None) -> list[mpmath.mpf]:
    """All λ_i, increasing."""
    dps = as_dps(dps)
    return [rope_wavelength(theta=theta, d_head=d_head, i=i, dps=dps) for i in range(_head(d_head) // 2)]


@dataclass(frozen=True)
class SlowestWavelength:
    exact: mpmath.mpf  # 2π θ^{1 - 2/d_h}
    bound: mpmath.mpf  # 2πθ, the book's T_max
    ratio: mpmath.mpf  # exact / bound = θ^{-2/d_h} < 1


def slowest_wavelength(*, theta: object, d_head: object, dps: int | None = None) -> SlowestWavelength:
    """The slowest pair's wavelength, strictly below 2πθ (Lean ``slowestWavelength_lt``)."""
    dps = as_dps(dps)
    h = _head(d_head)
    exact = rope_wavelength(theta=theta, d_head=h, i=h // 2 - 1, dps=dps)
    with mpmath.workdps(dps + 10):
        bound = 2 * mpmath.pi * _theta(theta)
        ratio = exact / bound
    with mpmath.workdps(dps):
        return SlowestWavelength(exact, +bound, +ratio)


def t_cross(*, theta: object, dps: int | None = None) -> mpmath.mpf:
    """2π√θ, the wavelength of the middle pair i = d_h/4 (Lean ``middleWavelength_sq``)."""
    dps = as_dps(dps)
    with mpmath.workdps(dps + 10):
        value = 2 * mpmath.pi * mpmath.sqrt(_theta(theta))
    with mpmath.workdps(dps):
        return +value


@dataclass(frozen=True)
class ActivePairs:
    exact: int  # #{i : λ_i > d}
    continuous: mpmath.mpf  # (d_h/2)(1 - log_θ(d/2π)), the book's formula
    overcount: mpmath.mpf  # continuous - exact


def n_active(*, d: object, theta: object, d_head: object, dps: int | None = None) -> ActivePairs:
    """Pairs whose wavelength exceeds distance d: the exact count beside the continuous formula.

    For 2π ≤ d < 2πθ the continuous form over-counts by a fraction in (0, 1]; it reaches 0 at
    d = 2πθ, whereas the exact count is 0 from the slowest wavelength on.

    >>> a = n_active(d=1000, theta=10_000, d_head=64, dps=10); a.exact, mpmath.nstr(a.overcount, 5)
    (14, '0.38544')
    """
    digits = as_dps(dps)
    h = _head(d_head)
    distance = as_real(d, "d")
    if distance <= 0:
        raise DomainError("d", d, "the distance must be positive")
    with mpmath.workdps(digits + 20):
        th, dm = _theta(theta), to_mpf(distance)
        two_pi = 2 * mpmath.pi
        exact = sum(1 for i in range(h // 2) if two_pi * th ** (mpmath.mpf(2 * i) / h) > dm)
        continuous = (mpmath.mpf(h) / 2) * (1 - mpmath.log(dm / two_pi) / mpmath.log(th))
    with mpmath.workdps(digits):
        return ActivePairs(exact, +continuous, continuous - exact)
