"""The registry of identities: every identity of :mod:`attnthermo.thermo.identities`, in the
Lean library's module order, with its Lean status read from a manifest (never from Lean sources,
never compiling; importing this module loads no Lean tooling).

>>> ident = identity("fisherInformation_eq_heatCapacity_div_sq")
>>> ident.lean_theorems[0]
'AttnThermo.Fisher.fisherInformation_eq_heatCapacity_div_sq'
>>> from attnthermo.manifest import Manifest, example_json
>>> sorted(set(lean_status(ident, Manifest.from_json(example_json())).values()))
['missing']
"""

from __future__ import annotations

from attnthermo.errors import DomainError
from attnthermo.manifest import Manifest
from attnthermo.thermo.identities import analysis, derivation, ensemble, fisher, fugacity, log_uniform, rope_pade
from attnthermo.thermo.identities.identity import Identity, IdentityCheck

__all__ = ["Identity", "IdentityCheck", "identities", "identity", "lean_statements", "lean_status"]

_MODULES = (ensemble, derivation, fisher, fugacity, log_uniform, rope_pade, analysis)
_REGISTRY: dict[str, Identity] = {i.name: i for module in _MODULES for i in module.IDENTITIES}


def identity(name: str) -> Identity:
    """The identity called ``name`` (the Lean theorem's last component, or its own name)."""
    if name not in _REGISTRY:
        raise DomainError("name", name, f"no such identity; known: {', '.join(sorted(_REGISTRY))}")
    return _REGISTRY[name]


def identities() -> list[Identity]:
    """Every identity, in the Lean library's module order."""
    return list(_REGISTRY.values())


def lean_status(ident: Identity, manifest: Manifest | None) -> dict[str, str]:
    """{theorem: "proved" | "failed" | "blocked" | "drift" | "missing"} from ``manifest``, or
    "unknown" for each when there is no manifest."""
    if manifest is None:
        return {name: "unknown" for name in ident.lean_theorems}
    return {name: manifest.status(name) for name in ident.lean_theorems}


def lean_statements(ident: Identity, manifest: Manifest | None) -> dict[str, str | None]:
    """{theorem: Lean's statement as the manifest records it} (None where absent)."""
    found = {} if manifest is None else manifest.theorems
    return {name: found[name].statement if name in found else None for name in ident.lean_theorems}
