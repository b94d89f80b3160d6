"""Optional LeanDojo adapter: trace the Lean library with LeanDojo, or say exactly what is missing.

- :func:`requirements` -- what LeanDojo tracing needs here, present or missing, with fixes;
- :func:`known_incompatibilities` -- what the installed (or pinned) LeanDojo cannot handle;
- :func:`trace` -- theorems and their premises as plain records, written to JSON;
- :func:`theorems_from_manifest` -- the same theorem records from ``attnthermo lean check``'s
  manifest, without LeanDojo and without premises.

Nothing else in attnthermo needs this package; ``pip install "attnthermo[dojo]"`` adds lean-dojo.
See docs/leandojo.md for what LeanDojo 4.20.0 supports and why it does not trace this library.
"""

from __future__ import annotations

from attnthermo.dojo.compatibility import Incompatibility, known_incompatibilities
from attnthermo.dojo.errors import DojoIncompatible, DojoUnavailable
from attnthermo.dojo.manifest import theorems_from_manifest
from attnthermo.dojo.records import THEOREM_KEYS
from attnthermo.dojo.requirements import Requirement, RequirementsReport, requirements
from attnthermo.dojo.tracing import trace

__all__ = [
    "DojoIncompatible",
    "DojoUnavailable",
    "Incompatibility",
    "Requirement",
    "RequirementsReport",
    "THEOREM_KEYS",
    "known_incompatibilities",
    "requirements",
    "theorems_from_manifest",
    "trace",
]
