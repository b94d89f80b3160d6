"""attnthermo: the thermodynamics of attention decay, with a kernel-checked Lean core.

Three uses, three subpackages:

- ``attnthermo.lean``        check the Lean library and write its manifest;
- ``attnthermo.thermo``      the identities, symbolically and to any precision;
- ``attnthermo.measurement`` gamma measured on real transformer models;
- ``attnthermo.ledger``      the receipts ledger and the audit built on the three above.

The public names below are loaded lazily so that ``import attnthermo`` stays cheap
(no torch, no sympy until they are used).
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "partition": "attnthermo.thermo.ensemble",
    "mean_energy": "attnthermo.thermo.ensemble",
    "energy_variance": "attnthermo.thermo.ensemble",
    "heat_capacity": "attnthermo.thermo.ensemble",
    "fisher_information": "attnthermo.thermo.ensemble",
    "entropy": "attnthermo.thermo.ensemble",
    "free_energy": "attnthermo.thermo.ensemble",
    "identity": "attnthermo.thermo.registry",
    "identities": "attnthermo.thermo.registry",
    "measure": "attnthermo.measurement.api",
    "run_audit": "attnthermo.ledger.audit",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'attnthermo' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
