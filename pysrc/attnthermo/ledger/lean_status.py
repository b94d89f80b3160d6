"""What Lean made of an identity's mirrored theorems, read from a typed manifest (never compiling).

A ledger concern: :mod:`attnthermo.thermo` states and re-checks the identities; whether the Lean
theorems they mirror are proved is read here.

>>> from attnthermo.manifest import Manifest, example_json
>>> from attnthermo.thermo.registry import identity
>>> ident = identity("fisherInformation_eq_heatCapacity_div_sq")
>>> sorted(set(lean_status(ident, Manifest.from_json(example_json())).values()))
['missing']
"""

from __future__ import annotations

from attnthermo.manifest import Manifest
from attnthermo.thermo.identities.identity import Identity


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
