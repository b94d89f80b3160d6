"""γ_Padé and the horizon (math-notes §7): the [1,1] Padé approximant of e^{-x} at x = T√2/θ.

One implementation, the mirror of Lean's ``AttnThermo.RopePade.padeGamma θ T s = (2θ - T s)/(2θ + T s)``
(``s`` stands for √2), used by the measurement, the ledger and the sympy forms alike. The type of
the result follows the inputs:

- floats (ints allowed beside them; a measurement): a float, with s = ``math.sqrt(2)``;
- exact rationals (int, Fraction, "3/4") with a rational ``sqrt2=`` stand-in, as the Lean theorems
  take it: an exact Fraction;
- a sympy expression anywhere: a sympy expression, with s = ``sympy.sqrt(2)`` (no domain checks:
  a symbol has no sign);
- otherwise mpmath numbers, with s = mpmath's √2 at the working precision.

Outside the formula's meaningful range the value is still returned, with an
:class:`OutsideMeaningfulRange` warning (a ``UserWarning``): γ_Padé < 0 once T√2 > 2θ, and
d_horizon ≤ 0 unless -1 < γ < 1. ``T`` is whatever length the caller supplies (trained context
or largest measured distance): the formula cannot tell them apart, so say which one you used.

>>> pade_exp("1/2")
Fraction(3, 5)
>>> pade_gamma(10, 5, sqrt2="3/2")
Fraction(5, 11)
>>> round(pade_gamma(10000.0, 2048), 3)
0.747
"""

from __future__ import annotations

import math
import warnings
from fractions import Fraction

import mpmath

from attnthermo.errors import DomainError
from attnthermo.thermo.finite import as_fraction


class OutsideMeaningfulRange(UserWarning):
    """A formula evaluated where its result no longer means what it is used for."""


def _is_symbolic(*values: object) -> bool:
    return any(type(v).__module__.startswith("sympy") for v in values)


def _number(value: object, name: str):
    if isinstance(value, float):
        if not math.isfinite(value):
            raise DomainError(name, value, "must be finite")
        return value
    if isinstance(value, mpmath.mpf):
        if not mpmath.isfinite(value):
            raise DomainError(name, value, "must be finite")
        return value
    return as_fraction(value, name)


def _common(values: tuple, sqrt2: object) -> tuple:
    """The inputs and s in one arithmetic: Fractions, floats, or mpmath numbers."""
    raw = tuple(v for v, _ in values) + (() if sqrt2 is None else (sqrt2,))
    numbers = tuple(_number(v, n) for v, n in values)
    given = None if sqrt2 is None else _number(sqrt2, "sqrt2")
    every = numbers + (() if given is None else (given,))
    if any(isinstance(v, float) for v in raw) and all(isinstance(v, (float, int)) for v in raw):
        return tuple(float(v) for v in numbers) + (math.sqrt(2.0) if given is None else float(given),)
    if given is not None and all(isinstance(v, Fraction) for v in every):
        return numbers + (given,)
    s = mpmath.sqrt(2) if given is None else given
    return tuple(mpmath.mpf(v.numerator) / v.denominator if isinstance(v, Fraction) else mpmath.mpf(v)
                 for v in numbers + (s,))


def pade_exp(x: object):
    """(2 - x)/(2 + x), the [1,1] Padé approximant of e^{-x} (Lean ``padeExp``); x ≠ -2."""
    if _is_symbolic(x):
        return (2 - x) / (2 + x)
    v = _number(x, "x")
    if v == -2:
        raise DomainError("x", x, "the Padé approximant (2-x)/(2+x) has a pole at x = -2")
    return (2 - v) / (2 + v)


def pade_gamma(theta: object, T: object, sqrt2: object = None):
    """γ_Padé = (2θ - T·s)/(2θ + T·s), s = √2 (Lean ``padeGamma``); warns when negative."""
    if _is_symbolic(theta, T, sqrt2):
        import sympy

        s = sympy.sqrt(2) if sqrt2 is None else sqrt2
        return (2 * theta - T * s) / (2 * theta + T * s)
    th, t, s = _common(((theta, "theta"), (T, "T")), sqrt2)
    if th <= 0:
        raise DomainError("theta", theta, "the RoPE base must be positive")
    if t < 0:
        raise DomainError("T", T, "the context length must be non-negative")
    if s <= 0:
        raise DomainError("sqrt2", sqrt2, "the stand-in for √2 must be positive")
    value = (2 * th - t * s) / (2 * th + t * s)
    if value < 0:
        warnings.warn(
            f"gamma_Pade = {value} < 0: T·√2 > 2θ puts x = T√2/θ past the Padé root x = 2, "
            "where (2-x)/(2+x) no longer approximates e^-x > 0",
            OutsideMeaningfulRange, stacklevel=2,
        )
    return value


def horizon(theta: object, gamma: object, sqrt2: object = None):
    """d_horizon = θ(1 - γ)·s/(1 + γ) (Lean ``horizon``); γ = -1 is a DomainError, and the
    result is positive only for -1 < γ < 1 (otherwise returned with a warning)."""
    if _is_symbolic(theta, gamma, sqrt2):
        import sympy

        s = sympy.sqrt(2) if sqrt2 is None else sqrt2
        return theta * (1 - gamma) * s / (1 + gamma)
    th, g, s = _common(((theta, "theta"), (gamma, "gamma")), sqrt2)
    if g == -1:
        raise DomainError("gamma", gamma, "d_horizon = θ(1-γ)√2/(1+γ) has a pole at gamma = -1")
    if th <= 0:
        raise DomainError("theta", theta, "the RoPE base must be positive")
    value = th * (1 - g) * s / (1 + g)
    if not -1 < g < 1:
        warnings.warn(
            f"d_horizon = {value} at gamma = {g}: the horizon is a positive distance only for -1 < gamma < 1",
            OutsideMeaningfulRange, stacklevel=2,
        )
    return value
