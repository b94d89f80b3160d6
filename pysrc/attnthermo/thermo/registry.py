"""The registry of identities: every identity of :mod:`attnthermo.thermo.identities`, in the
Lean library's module order (importing this module loads no Lean tooling; what Lean made of the
mirrored theorems is the ledger's to say, :mod:`attnthermo.ledger.lean_status`).

>>> ident = identity("fisherInformation_eq_heatCapacity_div_sq")
>>> ident.lean_theorems[0]
'AttnThermo.Fisher.fisherInformation_eq_heatCapacity_div_sq'
"""

from __future__ import annotations

from attnthermo.errors import DomainError
from attnthermo.thermo.identities import analysis, derivation, ensemble, fisher, fugacity, log_uniform, rope_pade
from attnthermo.thermo.identities.identity import Identity, IdentityCheck

__all__ = ["Identity", "IdentityCheck", "identities", "identity"]

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

