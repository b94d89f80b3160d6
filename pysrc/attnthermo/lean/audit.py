"""The axiom audit: which theorems may rest on something beyond propext, Classical.choice, Quot.sound.

The wasm Lean refuses ``#print axioms``, so there the audit reads the source (comments and
strings blanked): ``axiom`` declarations and the escape hatches below, per declaration, then
propagated along references: a theorem is flagged if it, or a project declaration it mentions
(transitively, across modules), uses one. Name resolution is conservative: an identifier
matches every project declaration whose full name ends with it. With a native toolchain the
audit is Lean's own ``#print axioms``, parsed by :func:`parse_print_axioms`.

>>> parse_print_axioms("'A.t' depends on axioms: [propext, sorryAx]\\n'A.u' does not depend on any axioms")
{'A.t': ['propext', 'sorryAx'], 'A.u': []}
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from attnthermo.lean.sources import Declaration, LeanSource

ALLOWED_AXIOMS = ("propext", "Classical.choice", "Quot.sound")

# name reported -> pattern searched in comment- and string-free source
ESCAPE_HATCHES = {
    "sorry": r"\bsorry\b",
    "admit": r"\badmit\b",
    "native_decide": r"\bnative_decide\b",
    "+native": r"\+native\b",
    "ofReduceBool": r"\bofReduceBool\b",
    "trustCompiler": r"\btrustCompiler\b",
    "unsafe": r"\bunsafe\b",
    "@[extern]": r"\bextern\b",
    "implemented_by": r"\bimplemented_by\b",
    "debug.skipKernelTC": r"\bskipKernelTC\b",
}
_HATCHES = {name: re.compile(pattern) for name, pattern in ESCAPE_HATCHES.items()}


def direct_findings(decl: Declaration, bare: str) -> list[str]:
    """What a declaration itself uses: ``axiom Name`` for an axiom, and each escape hatch."""
    found = [f"axiom {decl.name}"] if decl.kind == "axiom" else []
    text = bare[decl.start : decl.end]
    found += [name for name, pattern in _HATCHES.items() if pattern.search(text)]
    return found


def module_findings(source: LeanSource) -> list[str]:
    """Escape hatches outside every declaration (``attribute [extern]``, ``set_option``)."""
    bare = list(source.masked.bare)
    for decl in source.declarations:
        bare[decl.start : decl.end] = " " * (decl.end - decl.start)
    text = "".join(bare)
    return [name for name, pattern in _HATCHES.items() if pattern.search(text)]


def source_audit(sources: Iterable[LeanSource]) -> dict[str, dict]:
    """Audit every theorem of the given sources: ``{theorem: {"audit", "ok", "found"}}``."""
    sources = list(sources)
    decls: dict[str, Declaration] = {}
    own: dict[str, list[str]] = {}
    owner: dict[str, LeanSource] = {}
    for source in sources:
        for decl in source.declarations:
            if decl.kind == "example":
                continue
            decls[decl.name] = decl
            owner[decl.name] = source
            own[decl.name] = direct_findings(decl, source.masked.bare)
    by_suffix: dict[str, set[str]] = {}
    for name in decls:
        parts = name.split(".")
        for i in range(len(parts)):
            by_suffix.setdefault(".".join(parts[i:]), set()).add(name)

    def references(decl: Declaration) -> set[str]:
        found: set[str] = set()
        for ident in decl.identifiers:
            parts = ident.split(".")
            for k in range(len(parts), 0, -1):
                found |= by_suffix.get(".".join(parts[:k]), set())
        found.discard(decl.name)
        return found

    edges = {name: references(decl) for name, decl in decls.items()}
    module_level = {id(s): module_findings(s) for s in sources}
    report: dict[str, dict] = {}
    for name, decl in decls.items():
        if decl.kind != "theorem":
            continue
        found = [*own[name], *(f"{item} (module-level)" for item in module_level[id(owner[name])])]
        seen, stack = {name}, list(edges[name])
        while stack:
            other = stack.pop()
            if other in seen:
                continue
            seen.add(other)
            found += [item if item.startswith("axiom ") else f"{item} in {other}" for item in own[other]]
            stack.extend(edges[other])
        report[name] = {"audit": "source", "ok": not found, "found": sorted(set(found))}
    return report


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


def print_axioms_verdict(axioms: list[str]) -> dict:
    """The audit entry for a theorem whose ``#print axioms`` listed ``axioms``."""
    found = sorted(a for a in axioms if a not in ALLOWED_AXIOMS)
    return {"audit": "print-axioms", "ok": not found, "found": found, "axioms": sorted(axioms)}
