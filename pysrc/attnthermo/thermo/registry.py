"""The registry of identities: one entry per identity, linking its claim ids, the Lean
theorem(s) it mirrors (statements and status read from a Lean manifest, never from Lean
sources), its sympy form, a numeric evaluator and a re-check (the ledger's "identity receipt").

>>> ident = identity("fisherInformation_eq_heatCapacity_div_sq")
>>> ident.lean_theorems[0]
'AttnThermo.Fisher.fisherInformation_eq_heatCapacity_div_sq'
>>> sorted(ident.lean_status({"theorems": {}}).values())
['missing', 'missing', 'missing']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from attnthermo.errors import DomainError
from attnthermo.lean import cached_manifest
from attnthermo.thermo import checks


@dataclass(frozen=True)
class IdentityCheck:
    """The result of re-checking an identity: ``ok`` when every point is within tolerance."""

    ok: bool
    max_error: float
    points: int
    detail: str


@dataclass(frozen=True)
class Identity:
    """One identity. ``name`` is the Lean theorem's last component where one exists."""

    name: str
    statement: str
    claims: tuple[str, ...]
    lean_theorems: tuple[str, ...]
    no_lean_reason: str | None
    parameters: dict[str, Any]
    grid: str
    _sympy: Callable[[], Any] = field(repr=False)
    _evaluate: Callable[..., Any] = field(repr=False)
    _check: Callable[[int], checks.Outcome] = field(repr=False)

    def sympy_expr(self) -> Any:
        """The identity as a sympy expression (``lhs - rhs`` where it is an equation)."""
        return self._sympy()

    def evaluate(self, **params: Any) -> Any:
        """The identity's quantity at ``params`` (defaults: :attr:`parameters`), as mpmath/Fraction."""
        unknown = set(params) - set(self.parameters)
        if unknown:
            raise DomainError(", ".join(sorted(unknown)), params, f"not a parameter of {self.name} "
                              f"(it takes {', '.join(self.parameters) or 'none'})")
        return self._evaluate(**{**self.parameters, **params})

    def check(self, dps: int = 30) -> IdentityCheck:
        """Re-check numerically (brute force, exact rationals, symbolic) over :attr:`grid`."""
        outcome = self._check(dps)
        return IdentityCheck(ok=outcome.ok, max_error=float(outcome.max_error), points=outcome.points,
                             detail=outcome.detail)

    def lean_status(self, manifest: dict | None = None) -> dict[str, str]:
        """{theorem: status} from a manifest ("proved", "failed", "blocked", "drift", "missing"),
        or "unknown" for each when no manifest is given and none is cached."""
        manifest = manifest if manifest is not None else cached_manifest()
        if manifest is None:
            return {name: "unknown" for name in self.lean_theorems}
        theorems = manifest.get("theorems", {})
        return {name: theorems.get(name, {}).get("status", "missing") for name in self.lean_theorems}

    def lean_statements(self, manifest: dict | None = None) -> dict[str, str | None]:
        """{theorem: its statement as the manifest records it} (None where absent)."""
        manifest = manifest if manifest is not None else cached_manifest()
        theorems = (manifest or {}).get("theorems", {})
        return {name: theorems.get(name, {}).get("statement") for name in self.lean_theorems}

    def is_proved(self, manifest: dict | None = None) -> bool | None:
        """True when every mirrored theorem is proved; None without Lean theorems or a manifest."""
        status = self.lean_status(manifest)
        if not status or "unknown" in status.values():
            return None
        return all(value == "proved" for value in status.values())


def _lean(module: str, *names: str) -> tuple[str, ...]:
    return tuple(f"AttnThermo.{module}.{name}" for name in names)


def _build() -> dict[str, Identity]:
    from attnthermo.thermo import catalog

    entries = {}
    for spec in catalog.SPECS:
        entries[spec["name"]] = Identity(
            name=spec["name"], statement=spec["statement"], claims=tuple(spec["claims"]),
            lean_theorems=_lean(spec["module"], *spec["lean"]) if spec.get("lean") else (),
            no_lean_reason=spec.get("no_lean_reason"), parameters=dict(spec.get("parameters", {})),
            grid=spec["grid"], _sympy=spec["sympy"], _evaluate=spec["evaluate"], _check=spec["check"],
        )
    return entries


_REGISTRY: dict[str, Identity] | None = None


def _registry() -> dict[str, Identity]:
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = _build()
    return _REGISTRY


def identity(name: str) -> Identity:
    """The identity called ``name`` (the Lean theorem's last component, or its own name)."""
    registry = _registry()
    if name not in registry:
        raise DomainError("name", name, f"no such identity; known: {', '.join(sorted(registry))}")
    return registry[name]


def identities() -> list[Identity]:
    """Every identity, in registry order."""
    return list(_registry().values())


