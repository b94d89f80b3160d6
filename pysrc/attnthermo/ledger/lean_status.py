"""What Lean made of an identity's mirrored theorems, read from a manifest (never compiling).

A ledger concern: :mod:`attnthermo.thermo` states and re-checks the identities; whether the Lean
theorems they mirror are proved is read here, through :mod:`attnthermo.lean_manifest`, the one
adapter every manifest read goes through.

>>> from attnthermo.thermo.registry import identity
>>> ident = identity("fisherInformation_eq_heatCapacity_div_sq")
>>> sorted(set(lean_status(ident, {"theorems": {}}).values()))
['missing']
"""

from __future__ import annotations

from attnthermo import lean_manifest
from attnthermo.thermo.identities.identity import Identity


def lean_status(ident: Identity, manifest: dict | None) -> dict[str, str]:
    """{theorem: "proved" | "failed" | "blocked" | "drift" | "missing"} from ``manifest``, or
    "unknown" for each when there is no manifest."""
    if manifest is None:
        return {name: "unknown" for name in ident.lean_theorems}
    return {name: lean_manifest.theorem_status(manifest, name) for name in ident.lean_theorems}


def lean_statements(ident: Identity, manifest: dict | None) -> dict[str, str | None]:
    """{theorem: Lean's statement as the manifest records it} (None where absent)."""
    return {name: None if manifest is None else lean_manifest.theorem_statement(manifest, name)
            for name in ident.lean_theorems}
