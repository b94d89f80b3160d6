"""The registry of identities: every identity declared in a module of
:mod:`attnthermo.thermo.identities` (found by walking the package: nothing lists the modules or
the identities), modules in name order, identities in declaration order (importing this module
loads no Lean tooling; what Lean made of the mirrored theorems is the ledger's to say,
:mod:`attnthermo.ledger.lean_status`).

>>> ident = identity("fisherInformation_eq_heatCapacity_div_sq")
>>> ident.lean_theorems[0]
'AttnThermo.Fisher.fisherInformation_eq_heatCapacity_div_sq'
"""

from __future__ import annotations

import importlib
import pkgutil

from attnthermo.errors import DomainError
from attnthermo.thermo import identities as _package
from attnthermo.thermo.identities.identity import Identity, IdentityCheck

__all__ = ["Identity", "IdentityCheck", "identities", "identity"]


def _discover() -> dict[str, Identity]:
    """Every :class:`Identity` a module of the identities package declares (imported ones excluded)."""
    found: dict[str, Identity] = {}
    for info in sorted(pkgutil.iter_modules(_package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{_package.__name__}.{info.name}")
        for value in vars(module).values():
            if isinstance(value, Identity) and value._check.__module__ == module.__name__:
                if value.name in found and found[value.name] is not value:
                    raise DomainError("identity", value.name, f"declared twice ({found[value.name]._check.__module__} "
                                      f"and {module.__name__})")
                found[value.name] = value
    return found


_REGISTRY: dict[str, Identity] = _discover()


def identity(name: str) -> Identity:
    """The identity called ``name`` (the Lean theorem's last component, or its own name)."""
    if name not in _REGISTRY:
        raise DomainError("name", name, f"no such identity; known: {', '.join(sorted(_REGISTRY))}")
    return _REGISTRY[name]


def identities() -> list[Identity]:
    """Every identity: modules in name order, identities in declaration order."""
    return list(_REGISTRY.values())

