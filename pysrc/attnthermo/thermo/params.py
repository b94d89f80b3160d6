"""Validation of the numeric parameters (γ, N, z, dps): exact where the input is exact, loud otherwise.

Reals are kept exact as :class:`fractions.Fraction` when the input is an int, a float, a
Fraction or a decimal string, so that ``gamma="1.0000000000000000000001"`` keeps every digit;
mpmath numbers are kept as they are. They become mpmath numbers only at a working precision.

>>> as_real("1.5", "gamma")
Fraction(3, 2)
>>> as_count(10**12, "N")
1000000000000
"""

from __future__ import annotations

import math
import operator
from fractions import Fraction
from typing import Union

import mpmath

from attnthermo.defaults import MAX_DPS, MAX_DPS_COST
from attnthermo.errors import DomainError

Real = Union[Fraction, mpmath.mpf]


class _Infinity:
    """The one infinite N (``math.inf`` or ``mpmath.inf`` on input)."""

    def __repr__(self) -> str:
        return "inf"


INF = _Infinity()
Count = Union[int, _Infinity]


def as_real(value: object, name: str) -> Real:
    """A finite real parameter, exact when possible; DomainError naming ``name`` otherwise."""
    if isinstance(value, bool):
        raise DomainError(name, value, "must be a real number, not a bool")
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise DomainError(name, value, "must be finite (NaN and infinities are not allowed)")
        return Fraction(value)
    if isinstance(value, mpmath.mpf):
        if not mpmath.isfinite(value):
            raise DomainError(name, value, "must be finite (NaN and infinities are not allowed)")
        return value
    if isinstance(value, str):
        try:
            return Fraction(value.strip())
        except (ValueError, ZeroDivisionError):
            pass
        try:
            parsed = mpmath.mpf(value)
        except (ValueError, TypeError):
            raise DomainError(name, value, "is not a number") from None
        raise DomainError(name, value, f"must be finite (got {parsed})")
    if isinstance(value, mpmath.mpc) or isinstance(value, complex):
        raise DomainError(name, value, "must be real, not complex")
    try:
        converted = float(value)  # numpy scalars, Decimal, sympy numbers
    except (TypeError, ValueError):
        raise DomainError(name, value, "must be a real number") from None
    if not math.isfinite(converted):
        raise DomainError(name, value, "must be finite (NaN and infinities are not allowed)")
    ratio = getattr(value, "as_integer_ratio", None)
    return Fraction(*ratio()) if ratio else Fraction(converted)


def is_infinite(value: object) -> bool:
    """True for math.inf, mpmath.inf, the string 'inf' and :data:`INF`."""
    if value is INF:
        return True
    if isinstance(value, str):
        return value.strip().lower() in {"inf", "+inf", "infinity", "oo"}
    try:
        return bool(mpmath.isinf(value)) and value > 0
    except (TypeError, ValueError):
        return False


def _negative_or_nan(value: object) -> bool:
    """-inf or NaN in any spelling (float, mpmath, string)."""
    if isinstance(value, str):
        return value.strip().lower() in {"-inf", "-infinity", "-oo", "nan"}
    try:
        return bool(mpmath.isnan(value)) or (bool(mpmath.isinf(value)) and value < 0)
    except (TypeError, ValueError):
        return False


def as_count(value: object, name: str = "N", *, allow_infinite: bool = True, minimum: int = 1) -> Count:
    """A positive integer (or :data:`INF`); integer-valued floats such as ``1e12`` are accepted."""
    allowed = f"an integer >= {minimum}" + (" or +inf (math.inf, 'inf': the infinite sum, where it converges)"
                                             if allow_infinite else "")
    if isinstance(value, bool):
        raise DomainError(name, value, f"must be {allowed}, not a bool")
    if _negative_or_nan(value):
        raise DomainError(name, value, f"must be {allowed}")
    if is_infinite(value):
        if not allow_infinite:
            raise DomainError(name, value, f"must be finite here ({allowed})")
        return INF
    if isinstance(value, int):
        count = value
    else:
        real = as_real(value, name)
        if real != int(real):
            raise DomainError(name, value, "must be an integer (the number of states d = 1..N)")
        count = int(real)
    if count < minimum:
        raise DomainError(name, value, f"must be {allowed}")
    return count


def as_fugacity(value: object, name: str = "z") -> Real:
    """The fugacity z with 0 < z ≤ 1."""
    z = as_real(value, name)
    if z <= 0:
        raise DomainError(name, value, "fugacity must be positive (0 < z <= 1)")
    if z > 1:
        raise DomainError(name, value, "fugacity above 1 makes the weights z^d d^-gamma grow without bound (need 0 < z <= 1)")
    return z


def as_dps(value: object = None, name: str = "dps") -> int:
    """Significant decimal digits: a positive integer up to :data:`~attnthermo.defaults.MAX_DPS`,
    or None for the current ``mpmath.mp.dps`` (mpmath's convention). Checked before anything else.

    >>> as_dps(None) == mpmath.mp.dps
    True
    """
    if value is None:
        return int(mpmath.mp.dps)
    try:
        if isinstance(value, bool):
            raise TypeError
        value = operator.index(value)
    except TypeError:
        raise DomainError(name, value, "must be a positive integer number of decimal digits "
                                       "(or None for the current mpmath.mp.dps)") from None
    if value < 1:
        raise DomainError(name, value, "must be at least 1 (a number of significant decimal digits)")
    if value > MAX_DPS:
        raise DomainError(name, value, f"must be at most {MAX_DPS} ({MAX_DPS_COST})")
    return value


def one_minus(value: Real) -> Real:
    """1 - value without rounding (γ - 1 and 1 - z near 0 keep every digit the input had).

    >>> one_minus(Fraction("0.9999999999999999999999"))
    Fraction(1, 10000000000000000000000)
    """
    if isinstance(value, Fraction):
        return 1 - value
    return mpmath.fsub(1, value, exact=True)


def guarded_dps(dps: int, extra: int) -> int:
    """``dps + extra`` digits for an inner evaluation; a DomainError naming the caller's ``dps`` (not
    the inner one) when that passes :data:`~attnthermo.defaults.MAX_DPS`.

    >>> guarded_dps(30, 5)
    35
    """
    if dps + extra > MAX_DPS:
        raise DomainError("dps", dps, f"must be at most {MAX_DPS - extra} here (this evaluation works at dps + {extra} "
                                      f"digits, and at most {MAX_DPS} are allowed: {MAX_DPS_COST})")
    return dps + extra


def log_real(value: Real) -> mpmath.mpf:
    """log of a positive parameter at the current precision, to relative digits also next to 1 (from
    1 - value exactly: z = 1 - 10^-30 has log z ≈ -10^-30, not 0).

    >>> import mpmath; mpmath.nstr(log_real(Fraction(1) - Fraction(1, 10**30)), 5)
    '-1.0e-30'
    """
    if value > Fraction(1, 2):
        return mpmath.log1p(-to_mpf(one_minus(value)))
    return mpmath.log(to_mpf(value))


def to_mpf(value: Real) -> mpmath.mpf:
    """The parameter as an mpmath number at the current working precision."""
    if isinstance(value, Fraction):
        return mpmath.mpf(value.numerator) / value.denominator
    return +mpmath.mpf(value)
