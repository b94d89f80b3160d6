"""Certified digits: evaluate at two working precisions and accept only when they agree.

A value is returned at ``dps`` digits only if the evaluations at two working precisions
``wp`` and ``wp + step`` agree to ``dps + 1`` digits relative to the value (significant digits,
however small the value); otherwise the working precision is raised, up to a cap, and then
:class:`PrecisionError` is raised. The two evaluations share nothing but the formula.

>>> import mpmath
>>> mpmath.nstr(certify(lambda wp: mpmath.pi, 20, what="pi"), 20)
'3.1415926535897932385'
"""

from __future__ import annotations

from typing import Callable

import mpmath

from attnthermo.errors import PrecisionError

GUARD_DIGITS = 10


def certify(
    evaluate: Callable[[int], mpmath.mpf],
    dps: int,
    *,
    what: str,
    extra: int = 0,
    max_wp: int | None = None,
) -> mpmath.mpf:
    """``evaluate(wp)`` at two precisions; the agreed value rounded to ``dps`` digits.

    ``extra`` is a hint of digits the route is known to lose (e.g. near γ = 1).
    """
    wp = dps + GUARD_DIGITS + max(0, int(extra))
    step = max(GUARD_DIGITS, dps // 2)
    cap = max_wp if max_wp is not None else 8 * dps + 4 * max(0, int(extra)) + 200
    tolerance = mpmath.mpf(10) ** (-(dps + 1))
    with mpmath.workdps(wp):
        previous = _at(evaluate, wp)
    while True:
        fine = _at(evaluate, wp + step)
        with mpmath.workdps(wp + step):
            scale = abs(fine)
            difference = abs(fine - previous)
            if (scale == 0 and difference == 0) or (scale > 0 and difference <= tolerance * scale):
                with mpmath.workdps(dps):
                    return +fine
        if wp + step >= cap:
            with mpmath.workdps(wp + step):
                agreed = -mpmath.log10(difference / scale) if scale > 0 and difference > 0 else 0
            raise PrecisionError(
                f"{what}: cannot certify {dps} significant digits (evaluations at {wp} and {wp + step} working "
                f"digits agree to only {mpmath.nstr(agreed, 3)} relative digits; cap {cap}; a value that is exactly "
                "0 has no relative digits). Ask for fewer digits or a parameter further from the problematic region."
            )
        wp, previous = wp + step, fine
        step *= 2


def _at(evaluate: Callable[[int], mpmath.mpf], wp: int) -> mpmath.mpf:
    with mpmath.workdps(wp):
        return evaluate(wp)
