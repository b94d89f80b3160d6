"""The one place thermo and the ledger read a Lean manifest through (schema in DEVELOPERS.md).

Files are read by the one typed reader on the ground floor (:mod:`attnthermo.manifest`, which
imports none of the compiler or toolchain modules); the questions below work on a typed
``Manifest`` and on its JSON dict alike, so thermo and the ledger never reach into its fields.

>>> m = {"theorems": {"A.t": {"status": "proved", "statement": "1 = 1", "claims": ["c"], "kind": "theorem"}}}
>>> theorem_status(m, "A.t"), theorem_status(m, "A.u"), claim_tags(m)
('proved', 'missing', {'A.t': ('c',)})
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

Manifest = dict


@dataclass(frozen=True)
class TheoremRecord:
    """One theorem as the manifest records it."""

    name: str
    module: str
    file: str
    line: int
    kind: str
    statement: str
    signature: str
    claims: tuple[str, ...]
    status: str
    reason: str | None
    pinned: str
    axioms_ok: bool
    axioms_found: tuple[str, ...]


def theorem(manifest: Manifest, name: str) -> TheoremRecord | None:
    """The manifest's record of theorem ``name`` (None when it is not listed)."""
    entry = _entry(manifest, name)
    if entry is None:
        return None
    audit = entry.get("axiom_audit") or {}  # schema 3: `axioms` is the list, `axiom_audit` the verdict
    return TheoremRecord(
        name=name, module=str(entry.get("module")), file=str(entry.get("file")), line=int(entry.get("line") or 0),
        kind=str(entry.get("kind", "theorem")), statement=str(entry.get("statement") or ""),
        signature=str(entry.get("signature") or entry.get("statement") or ""), claims=tuple(entry.get("claims") or ()),
        status=str(entry.get("status")), reason=entry.get("reason"), pinned=str(entry.get("pinned")),
        axioms_ok=bool(audit.get("ok")), axioms_found=tuple(map(str, audit.get("found") or ())))


def project_root(manifest: Manifest) -> str:
    """The Lean project the manifest was written for."""
    return str(manifest.get("root", ""))


def load(path: str | Path) -> Manifest:
    """The manifest written to ``path`` by ``attnthermo lean check --json``, read by the one typed
    reader (:func:`attnthermo.manifest.load_manifest`); DomainError naming the file and field."""
    from attnthermo.manifest import load_manifest

    return load_manifest(path)


def cached(root: str | Path | None = None) -> Manifest | None:
    """The manifest of the last ``attnthermo lean check`` of ``root`` (default: this project), or None.
    Never compiles."""
    from attnthermo.lean.manifest_file import cached_manifest

    return cached_manifest(root)


def _entry(manifest: Manifest, theorem: str) -> dict[str, Any] | None:
    return manifest.get("theorems", {}).get(theorem)


def theorem_status(manifest: Manifest, theorem: str) -> str:
    """"proved", "failed", "blocked", "drift", or "missing" when the manifest does not list it."""
    entry = _entry(manifest, theorem)
    return "missing" if entry is None else str(entry.get("status"))


def theorem_statement(manifest: Manifest, theorem: str) -> str | None:
    """Lean's statement of the theorem as the manifest records it (elaborated where the checker could)."""
    entry = _entry(manifest, theorem)
    return None if entry is None else entry.get("statement")


def theorem_reason(manifest: Manifest, theorem: str) -> str | None:
    """Why a theorem is not proved (None when it is, or is missing)."""
    entry = _entry(manifest, theorem)
    return None if entry is None else entry.get("reason")


def theorem_location(manifest: Manifest, theorem: str) -> tuple[str, int] | None:
    """(file relative to the project root, line) of the theorem."""
    entry = _entry(manifest, theorem)
    return None if entry is None else (str(entry.get("file")), int(entry.get("line") or 0))


def claim_tags(manifest: Manifest) -> dict[str, tuple[str, ...]]:
    """{theorem: claim ids its docstring names (``Claim: `id` ``)} for every theorem, tagged or not."""
    return {name: tuple(entry.get("claims") or ()) for name, entry in manifest.get("theorems", {}).items()
            if entry.get("kind", "theorem") == "theorem"}


def toolchain_version(manifest: Manifest) -> str | None:
    return (manifest.get("toolchain") or {}).get("version")


def lean_run(manifest: Manifest) -> dict[str, Any]:
    """How Lean's answer was obtained: ``cached`` (from the sealed cache, re-validated against the
    sources, True; by a Lean run now, False; unknown, None) and ``processes`` (Lean runs started).

    >>> lean_run({"check": {"cached": True, "processes": 0}}), lean_run({})
    ({'cached': True, 'processes': 0}, {'cached': None, 'processes': None})
    """
    run = manifest.get("check") or {}
    return {"cached": run.get("cached"), "processes": run.get("processes")}

