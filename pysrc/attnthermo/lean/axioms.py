"""What a proof rests on, read from Lean's own output.

Native Lean: ``#print axioms`` (parsed by :func:`parse_print_axioms`; anything beyond
``ALLOWED_AXIOMS`` fails). Wasm Lean refuses ``#print axioms``, but ``#print`` of a theorem
prints its proof term: :func:`term_findings` scans it for the constants that mean "not checked
by the kernel" (``sorryAx``, printed ``sorry``; ``ofReduceBool``/``ofReduceNat``;
``trustCompiler``) and for the project's own axioms.

>>> parse_print_axioms("'A.t' depends on axioms: [propext, sorryAx]\\n'A.u' does not depend on any axioms")
{'A.t': ['propext', 'sorryAx'], 'A.u': []}
>>> term_findings("theorem A.t : 1 = 1 := Lean.ofReduceBool _ _ (sorry)", set())
['ofReduceBool', 'sorryAx']
"""

from __future__ import annotations

import re

from attnthermo.errors import LeanCheckFailed
from attnthermo.lean.lexer import tokenize

ALLOWED_AXIOMS = ("propext", "Classical.choice", "Quot.sound")
UNCHECKED_CONSTANTS = {"sorryAx": "sorryAx", "sorry": "sorryAx", "ofReduceBool": "ofReduceBool",
                       "ofReduceNat": "ofReduceNat", "trustCompiler": "trustCompiler"}

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
    """The axioms of a ``#print axioms`` answer that are not in ``ALLOWED_AXIOMS``."""
    return sorted(a for a in axioms if a not in ALLOWED_AXIOMS)


def term_findings(printed: str, project_axioms: set[str]) -> list[str]:
    """Unchecked constants and project axioms named in a printed term (sorted, unique)."""
    found: set[str] = set()
    try:
        tokens = tokenize(printed)
    except LeanCheckFailed:  # printed terms are not source; an odd one is read word by word
        words = re.findall(r"[\w.«»']+", printed)
        found |= {UNCHECKED_CONSTANTS[p] for w in words for p in w.split(".") if p in UNCHECKED_CONSTANTS}
        return sorted(found | {f"axiom {w}" for w in words if w in project_axioms})
    for tok in tokens:
        if tok.kind != "ident":
            continue
        found |= {UNCHECKED_CONSTANTS[p] for p in tok.parts if p in UNCHECKED_CONSTANTS}
        if tok.name in project_axioms:
            found.add(f"axiom {tok.name}")
    return sorted(found)
