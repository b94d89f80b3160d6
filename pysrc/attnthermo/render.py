"""Presentation, in one place: how numbers, long texts and statuses are shown to people.

The thermo command line, the claim view and the ledger's report all show values through these
functions, so a number or a status reads the same wherever it appears.

>>> with_ci(0.88712345, 0.86655, 0.91122)
'0.887 [0.867, 0.911]'
>>> truncate("a long statement", 8)
'a long …'
>>> mark("holds"), mark("drift"), mark("no such status")
('✔', '✘', '?')
"""

from __future__ import annotations

import math
from typing import Any

SCREEN = 160  # characters of a long form (a sympy expression) on one screen line
NOTE_ROOM = 30  # characters a truncated text leaves for its note

# receipt statuses (ledger.receipts.STATUSES) and Lean theorem statuses (manifest.THEOREM_STATUSES)
MARKS = {"holds": "✔", "fails": "✘", "inconclusive": "◐", "window-dependent": "⇄", "error": "⚠", "unavailable": "∅",
         "recorded": "📎", "proved": "✔", "failed": "✘", "blocked": "✘", "drift": "✘", "missing": "∅", "unknown": "?"}


def mark(status: str) -> str:
    """The one-character mark of a receipt or theorem status ("?" for any other)."""
    return MARKS.get(status, "?")


def format_value(value: Any, digits: int) -> str:
    """An mpmath number to ``digits`` significant digits; anything else (Fraction, int, sympy) as it prints."""
    import mpmath

    return mpmath.nstr(value, digits) if isinstance(value, mpmath.mpf) else str(value)


def truncate(text: str, width: int, note: str = "") -> str:
    """``text`` when it fits in ``width`` characters; else its start, "…" and ``note`` (``{length}``
    in it is the full length), the start leaving :data:`NOTE_ROOM` characters for a note."""
    if len(text) <= width:
        return text
    keep = width - NOTE_ROOM if note else width - 1
    return text[:keep] + "…" + note.format(length=len(text))


def decimals_for(low: float | None, high: float | None) -> int:
    """Decimals a value needs beside its CI [low, high]: one digit past the CI width's first.

    >>> decimals_for(0.867, 0.911), decimals_for(0.2, 3.1), decimals_for(None, None)
    (3, 1, 4)
    """
    if low is None or high is None or not high > low:
        return 4
    return max(0, 1 - math.floor(math.log10(high - low)))


def with_ci(value: float | None, low: float | None, high: float | None) -> str:
    """``0.887 [0.867, 0.911]``: the value and its CI rounded to what the CI supports ("—" for none)."""
    if value is None:
        return "—"
    d = decimals_for(low, high)
    if low is None or high is None:
        return f"{value:.{d}f}"
    return f"{value:.{d}f} [{low:.{d}f}, {high:.{d}f}]"


def short(value: Any) -> str:
    """A number to 4 significant digits, a list of them in brackets, anything else as it prints.

    >>> short([0.123456, 2, "x"])
    '[0.1235, 2, x]'
    """
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(short(v) for v in value) + "]"
    return str(value)
