"""Theorem records from the attnthermo Lean manifest: the LeanDojo record shape without LeanDojo.

The manifest (``attnthermo lean check``, the schema of :mod:`attnthermo.manifest`) knows each theorem's name, file,
line and statement, but not which constants its proof uses, so ``premises`` is ``None`` and
``source`` says the records are not LeanDojo data.

>>> manifest = {"schema_version": 3, "theorems": {"AttnThermo.Ensemble.z_pos": {
...     "module": "AttnThermo.Ensemble", "file": "lean/AttnThermo/Ensemble.lean", "line": 7,
...     "kind": "theorem", "statement": "theorem z_pos : 0 < z", "status": "proved"}}}
>>> [(r["full_name"], r["premises"]) for r in theorems_from_manifest(manifest)]
[('AttnThermo.Ensemble.z_pos', None)]
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from attnthermo.dojo.records import MANIFEST, theorem_record
from attnthermo.errors import DomainError
from attnthermo.manifest import SCHEMA_VERSION as SUPPORTED_SCHEMA
from attnthermo.manifest import Manifest, load_manifest

_FIELDS = ("file", "line", "statement")


def _load(manifest: Manifest | Mapping[str, Any] | str | os.PathLike) -> Mapping[str, Any]:
    if isinstance(manifest, Manifest):
        return manifest.to_json()
    if isinstance(manifest, Mapping):
        return manifest
    if isinstance(manifest, (str, os.PathLike)):
        return load_manifest(manifest).to_json()
    raise DomainError("manifest", manifest, "must be a manifest, its JSON dict or the path of a manifest JSON file")


def theorems_from_manifest(manifest: Manifest | Mapping[str, Any] | str | os.PathLike) -> list[dict[str, Any]]:
    """One record per theorem of ``manifest`` (typed, its JSON dict or a JSON path), ordered by file and line."""
    data = _load(manifest)
    version = data.get("schema_version")
    if version != SUPPORTED_SCHEMA:
        raise DomainError("manifest", f"schema_version={version!r}", f"only schema_version {SUPPORTED_SCHEMA} is understood")
    theorems = data.get("theorems")
    if not isinstance(theorems, Mapping):
        raise DomainError("manifest", "theorems", "must be an object mapping full Lean names to theorem entries")
    records = []
    for full_name, entry in theorems.items():
        if not isinstance(entry, Mapping):
            raise DomainError("manifest", f"theorems[{full_name!r}]", "must be an object")
        absent = [field for field in _FIELDS if field not in entry]
        if absent:
            raise DomainError("manifest", f"theorems[{full_name!r}]", f"lacks {', '.join(absent)}")
        records.append(
            theorem_record(
                full_name=full_name,
                file=entry["file"],
                line=entry["line"],
                statement=entry["statement"],
                premises=None,
                source=MANIFEST,
            )
        )
    records.sort(key=lambda record: (record["file"], record["line"], record["full_name"]))
    return records
