"""What an identity is: a statement, the Lean theorems it mirrors, its sympy form, an evaluator at
a documented point and a re-check over a grid — plus the typed result of that re-check.

Each identity is declared in the module named after its Lean module
(:mod:`attnthermo.thermo.identities.fisher` mirrors ``AttnThermo.Fisher``…), next to the three
functions it is made of, and names the Lean theorems it mirrors there, once: its own name is the
first one's. It names no claims: the claims it supports are derived from those theorems' Lean
docstring tags (``Claim: `id` ``; :mod:`attnthermo.ledger.links`).

>>> check = IdentityCheck(name="x", ok=True, dps=30, points=3, max_error=0.0, detail="3 points")
>>> IdentityCheck.from_json(check.to_json()) == check
True
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Callable

from attnthermo.defaults import DEFAULT_DPS
from attnthermo.errors import DomainError
from attnthermo.thermo.checks import Tally
from attnthermo.thermo.params import as_dps

CHECK_SCHEMA_VERSION = 1


@dataclass(frozen=True)
class IdentityCheck:
    """The re-check of one identity at ``dps`` digits: ``ok`` when every point agreed."""

    name: str
    ok: bool
    dps: int
    points: int
    max_error: float
    detail: str
    schema_version: int = CHECK_SCHEMA_VERSION

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "IdentityCheck":
        """Read back what :meth:`to_json` wrote; DomainError for another schema version."""
        if data.get("schema_version") != CHECK_SCHEMA_VERSION:
            raise DomainError("identity check schema_version", data.get("schema_version"),
                              f"this attnthermo reads version {CHECK_SCHEMA_VERSION}")
        return cls(**{k: data[k] for k in ("name", "ok", "dps", "points", "max_error", "detail")})


@dataclass(frozen=True)
class Identity:
    """One identity. ``name`` is the last component of the first Lean theorem it mirrors (one grep
    finds Lean, Python and ledger), or its own name when core Lean cannot state it."""

    name: str
    statement: str
    lean_module: str | None
    lean_theorems: tuple[str, ...]
    no_lean_reason: str | None
    point: dict[str, Any]
    grid: str
    _form: Callable[[], Any] = field(repr=False)
    _evaluate: Callable[..., Any] = field(repr=False)
    _check: Callable[[Tally], None] = field(repr=False)

    def sympy_form(self) -> Any:
        """The identity as a sympy relation with both sides kept (``sympy.Eq``, or ``Lt``/``Ne``)."""
        return self._form()

    def evaluate(self, **params: Any) -> Any:
        """The quantity at ``params`` (defaults: the documented :attr:`point`); ``dps`` is checked
        first (None: the current ``mpmath.mp.dps``)."""
        unknown = set(params) - set(self.point)
        if unknown:
            raise DomainError(", ".join(sorted(unknown)), params, f"not a parameter of {self.name} "
                              f"(it takes {', '.join(self.point) or 'none'})")
        values = {**self.point, **params}
        if "dps" in values:
            values["dps"] = as_dps(values["dps"])
        return self._evaluate(**validated(values))

    def check(self, dps: int | None = DEFAULT_DPS) -> IdentityCheck:
        """Re-check over :attr:`grid` (brute force, exact rationals, symbolic) at ``dps`` digits."""
        digits = as_dps(dps)
        tally = Tally(digits)
        self._check(tally)
        outcome = tally.outcome()
        return IdentityCheck(name=self.name, ok=outcome.ok, dps=digits, points=outcome.points,
                             max_error=float(outcome.max_error), detail=outcome.detail)


def validated(values: dict[str, Any]) -> dict[str, Any]:
    """The parameters checked as the public numerics check them: (γ, N, z) together as an ensemble
    (:class:`~attnthermo.thermo.ensemble.EnsembleParameters`: the sum must converge), N alone as a
    count (an integer ≥ 1 or inf). DomainError naming the parameter otherwise."""
    from attnthermo.thermo.ensemble import EnsembleParameters
    from attnthermo.thermo.params import as_count

    checked = dict(values)
    if {"gamma", "N", "z"} <= checked.keys():
        p = EnsembleParameters.validate(checked["gamma"], checked["N"], checked["z"])
        checked.update(gamma=p.gamma, N=p.N, z=p.z)
    elif "N" in checked:
        checked["N"] = as_count(checked["N"], "N")
    return checked


def declare(*, statement: str, lean_module: str | None, lean: tuple[str, ...] = (), name: str | None = None,
            no_lean_reason: str | None = None, point: dict[str, Any], grid: str, form: Callable[[], Any],
            evaluate: Callable[..., Any], check: Callable[[Tally], None]) -> Identity:
    """An :class:`Identity`: either ``lean`` (theorem names inside ``lean_module``; the identity is
    called after the first) or a ``name`` with the ``no_lean_reason`` core Lean cannot state it."""
    if bool(lean) == bool(no_lean_reason):
        raise DomainError("lean", lean, f"{name or 'an identity'}: give Lean theorems or the reason there are "
                          "none, not both")
    if lean and name is not None:
        raise DomainError("name", name, f"an identity mirroring Lean is called after its first theorem ({lean[0]})")
    if not lean and not name:
        raise DomainError("name", name, "an identity without a Lean theorem needs a name")
    return Identity(name=lean[0] if lean else str(name), statement=statement, lean_module=lean_module,
                    lean_theorems=tuple(f"{lean_module}.{t}" for t in lean), no_lean_reason=no_lean_reason,
                    point=dict(point), grid=grid, _form=form, _evaluate=evaluate, _check=check)


def equation(lhs, rhs):
    """``sympy.Eq(lhs, rhs)`` with both sides kept (not evaluated to True)."""
    import sympy

    return sympy.Eq(lhs, rhs, evaluate=False)


def describe(points) -> str:
    """A grid written from the data the check iterates over (never typed twice).

    >>> describe(range(1, 4)), describe([(1, 2), 3])
    ('1..3', '{(1, 2), 3}')
    """
    if isinstance(points, range):
        return f"{points.start}..{points.stop - 1}"
    return "{" + ", ".join("(" + ", ".join(map(str, p)) + ")" if isinstance(p, tuple) else str(p)
                           for p in points) + "}"
