"""The Lean band on C_V(γ = 1, N), read from the statement Lean printed (never retyped).

``AttnThermo.HarmonicVariance.energyVariance_harmonicStates_bounds`` states, for every log-like
ℓ and N ≥ N_min, ``lo ≤ Var_N - ℓ N ^ 2 / 12 ∧ Var_N - ℓ N ^ 2 / 12 ≤ hi`` with ``lo`` and ``hi``
linear in ``ℓ N``. This module parses those two sides from the manifest's statement into
(slope, constant) pairs: lower[0]·L + lower[1] ≤ C_V(1, N) - L²/12 ≤ upper[0]·L + upper[1].

>>> s = ("∀ {α : Type u_1} (ℓ : Nat → α), AttnThermo.HarmonicVariance.LogLike ℓ → ∀ (N : Nat), "
...      "2 ≤ N → -(47 / 18) ≤ V ℓ N - ℓ N ^ 2 / 12 ∧ V ℓ N - ℓ N ^ 2 / 12 ≤ ℓ N / 6 + 17 / 12")
>>> band = parse_band(s)
>>> band.N_min, band.lower, band.upper
(2, (Fraction(0, 1), Fraction(-47, 18)), (Fraction(1, 6), Fraction(17, 12)))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

import mpmath

from attnthermo.errors import DomainError
from attnthermo.manifest import Manifest

BAND_THEOREM = "AttnThermo.HarmonicVariance.energyVariance_harmonicStates_bounds"

_STATEMENT = re.compile(
    r"∀ \(N : Nat\), (?P<nmin>\d+) ≤ N → (?P<lo>.+?) ≤ (?P<var>.+?) - ℓ N \^ 2 / 12 ∧ "
    r"(?P=var) - ℓ N \^ 2 / 12 ≤ (?P<hi>.+)$"
)
_TOKEN = re.compile(r"\s*(ℓ N|\d+|[-+*/()])")

Linear = tuple[Fraction, Fraction]  # (coefficient of ℓ N, constant)


@dataclass(frozen=True)
class LeanBand:
    """lower[0]·L + lower[1] ≤ C_V(1, N) - L²/12 ≤ upper[0]·L + upper[1] for N ≥ N_min, L = ℓ N."""

    theorem: str
    N_min: int
    lower: Linear
    upper: Linear

    def bounds(self, L: object) -> tuple[object, object]:
        """(lowest, highest) C_V(1, N) the band allows at L = ℓ N: exact for an int or Fraction L,
        at the working precision for an mpmath number."""
        exact = isinstance(L, (int, Fraction))

        def scalar(x: Fraction) -> object:
            return x if exact else mpmath.mpf(x.numerator) / x.denominator

        lead = L * L / (12 if not exact else Fraction(12))
        return (lead + scalar(self.lower[0]) * L + scalar(self.lower[1]),
                lead + scalar(self.upper[0]) * L + scalar(self.upper[1]))

    def to_json(self) -> dict:
        return {"theorem": self.theorem, "N_min": self.N_min,
                "lower": [str(self.lower[0]), str(self.lower[1])],
                "upper": [str(self.upper[0]), str(self.upper[1])]}


def parse_band(statement: str, theorem: str = BAND_THEOREM) -> LeanBand:
    """The band in Lean's printed statement of ``theorem``; DomainError when it is not of that form."""
    match = _STATEMENT.search(" ".join(statement.split()))
    if match is None:
        raise DomainError(f"statement of {theorem}", statement[:200],
                          "is not of the form '∀ (N : Nat), n ≤ N → lo ≤ V - ℓ N ^ 2 / 12 ∧ V - ℓ N ^ 2 / 12 ≤ hi'")
    return LeanBand(theorem, int(match.group("nmin")), _linear(match.group("lo"), theorem),
                    _linear(match.group("hi"), theorem))


def lean_band(manifest: Manifest) -> LeanBand | None:
    """The band of the manifest's ``BAND_THEOREM`` when Lean proved it, else None."""
    if manifest.status(BAND_THEOREM) != "proved":
        return None
    return parse_band(manifest.theorems[BAND_THEOREM].statement or "")


def _linear(text: str, theorem: str) -> Linear:
    """Evaluate a side built from ``ℓ N``, natural numbers, + - * / and parentheses, linear in ``ℓ N``."""
    tokens = _TOKEN.findall(text)
    if "".join(tokens).replace(" ", "") != "".join(text.split()):
        raise DomainError(f"statement of {theorem}", text, "has a side that is not linear in ℓ N")
    position = 0

    def fail(why: str) -> DomainError:
        return DomainError(f"statement of {theorem}", text, why)

    def peek() -> str | None:
        return tokens[position] if position < len(tokens) else None

    def take() -> str:
        nonlocal position
        position += 1
        return tokens[position - 1]

    def atom() -> Linear:
        token = take() if peek() is not None else None
        if token == "ℓ N":
            return (Fraction(1), Fraction(0))
        if token == "-":
            a, b = atom()
            return (-a, -b)
        if token == "(":
            value = expression()
            if peek() != ")":
                raise fail("has an unclosed parenthesis")
            take()
            return value
        if token is not None and token.isdigit():
            return (Fraction(0), Fraction(int(token)))
        raise fail(f"has an unexpected token {token!r}")

    def term() -> Linear:
        value = atom()
        while peek() in ("*", "/"):
            op, right = take(), atom()
            if op == "*" and value[0] and right[0]:
                raise fail("multiplies ℓ N by ℓ N")
            if op == "/" and (right[0] or not right[1]):
                raise fail("divides by ℓ N or by zero")
            if op == "*":
                scale, other = (right[1], value) if not right[0] else (value[1], right)
                value = (other[0] * scale, other[1] * scale)
            else:
                value = (value[0] / right[1], value[1] / right[1])
        return value

    def expression() -> Linear:
        value = term()
        while peek() in ("+", "-"):
            op, right = take(), term()
            sign = 1 if op == "+" else -1
            value = (value[0] + sign * right[0], value[1] + sign * right[1])
        return value

    result = expression()
    if position != len(tokens):
        raise fail(f"has trailing tokens {tokens[position:]}")
    return result
