"""Which axioms a proof may rest on, and reading native Lean's ``#print axioms``.

Allowed: ``propext``, ``Classical.choice``, ``Quot.sound``. Anything else (``sorryAx``,
``Lean.ofReduceBool``, ``Lean.ofReduceNat``, ``Lean.trustCompiler``, an axiom the library
declares, any other) fails the theorem. Wasm Lean refuses ``#print axioms``; there the axioms
come from the closure walk over the ``.olean`` the check wrote (:mod:`attnthermo.lean.closure`).

>>> parse_print_axioms("'A.t' depends on axioms: [propext, sorryAx]\\n'A.u' does not depend on any axioms")
{'A.t': ['propext', 'sorryAx'], 'A.u': []}
>>> disallowed_axioms(['propext', 'sorryAx'])
['sorryAx']
"""

from __future__ import annotations

import re

ALLOWED_AXIOMS = ("propext", "Classical.choice", "Quot.sound")

_DEPENDS = re.compile(r"'(?P<name>[^']+)' depends on axioms: \[(?P<axioms>[^\]]*)\]")
_NO_AXIOMS = re.compile(r"'(?P<name>[^']+)' does not depend on any axioms")


def parse_print_axioms(text: str) -> dict[str, list[str]]:
    """Parse ``#print axioms`` output into ``{theorem: [axioms]}``."""
    result: dict[str, list[str]] = {}
    for match in _DEPENDS.finditer(text):
        result[match.group("name")] = [a.strip() for a in match.group("axioms").split(",") if a.strip()]
    for match in _NO_AXIOMS.finditer(text):
        result[match.group("name")] = []
    return result


def disallowed_axioms(axioms: list[str]) -> list[str]:
    """The axioms of a list that are not in ``ALLOWED_AXIOMS`` (sorted)."""
    return sorted(a for a in axioms if a not in ALLOWED_AXIOMS)
