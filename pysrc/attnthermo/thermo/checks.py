"""Bookkeeping for identity re-checks: relative errors against a tolerance, plus named conditions.

>>> t = Tally(dps=20); t.compare(1, 1, "one"); t.require(True, "holds"); t.outcome().ok
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

import mpmath


@dataclass(frozen=True)
class Outcome:
    ok: bool
    max_error: float
    points: int
    detail: str


@dataclass
class Tally:
    """Collects comparisons at ``dps`` digits: a point fails when its relative error exceeds 10^-(dps-3)."""

    dps: int
    max_error: mpmath.mpf = field(default_factory=lambda: mpmath.mpf(0))
    points: int = 0
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def tolerance(self) -> mpmath.mpf:
        return mpmath.mpf(10) ** (-(self.dps - 3))

    def compare(self, value, reference, label: str, *, scale=None) -> None:
        """Relative error of ``value`` against ``reference`` (absolute below ``scale``, default 1e-300)."""
        with mpmath.workdps(self.dps + 10):
            value, reference = mpmath.mpmathify(_plain(value)), mpmath.mpmathify(_plain(reference))
            denominator = max(abs(reference), mpmath.mpf(scale) if scale is not None else mpmath.mpf("1e-300"))
            error = abs(value - reference) / denominator
        self.points += 1
        self.max_error = max(self.max_error, error)
        if error > self.tolerance:
            self.failures.append(f"{label}: {mpmath.nstr(value, 15)} vs {mpmath.nstr(reference, 15)} "
                                 f"(relative error {mpmath.nstr(error, 3)})")

    def require(self, condition: bool, label: str) -> None:
        """A condition that must hold (an inequality, a sign, an exact equality)."""
        self.points += 1
        if not condition:
            self.failures.append(f"{label}: does not hold")

    def note(self, text: str) -> None:
        self.notes.append(text)

    def outcome(self) -> Outcome:
        parts = self.failures[:10] or [f"{self.points} points within 1e-{self.dps - 3}"]
        return Outcome(not self.failures, float(self.max_error), self.points, "; ".join(parts + self.notes))


def _plain(value):
    from fractions import Fraction

    if isinstance(value, Fraction):
        return mpmath.mpf(value.numerator) / value.denominator
    if isinstance(value, bool):
        return int(value)
    return value


def simplifies_to_zero(expr) -> bool:
    """True when sympy proves ``expr == 0`` (False means "not shown", not "false")."""
    import sympy

    for attempt in (sympy.simplify, lambda e: sympy.simplify(sympy.expand(sympy.powsimp(e, force=True)))):
        if attempt(expr) == 0:
            return True
    return False


def require_sympy_equal(tally: Tally, relation, label: str) -> None:
    """Require sympy to show that the two sides of ``relation`` (a ``sympy.Eq``, unevaluated
    derivatives and integrals allowed) are equal."""
    tally.require(simplifies_to_zero((relation.lhs - relation.rhs).doit()), f"sympy: {label}")
