"""Reading a Lean manifest back: from a file written by ``attnthermo lean check --json``, or the
one the last check cached for a project. The manifest is this package's product, so every other
part of attnthermo reads it through here."""

from __future__ import annotations

import json
from pathlib import Path

from attnthermo.errors import DomainError
from attnthermo.lean.checker import build_dir_for
from attnthermo.paths import project_root


def load_manifest(path: str | Path) -> dict:
    """A schema_version 1 manifest from ``path``; DomainError naming the file if it is not one."""
    source = Path(path)
    if not source.is_file():
        raise DomainError("manifest", str(source),
                          "no such file (write one with `attnthermo lean check --json PATH`)")
    try:
        manifest = json.loads(source.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DomainError("manifest", str(source), f"not valid JSON: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("schema_version") != 1 or "theorems" not in manifest:
        raise DomainError("manifest", str(source), "not a schema_version 1 Lean manifest")
    return manifest


def cached_manifest(root: str | Path | None = None) -> dict | None:
    """The manifest the last ``attnthermo lean check`` wrote for ``root`` (default: this project),
    or None when there is none. Never compiles."""
    try:
        path = build_dir_for(Path(root) if root is not None else project_root()) / "manifest.json"
    except FileNotFoundError:
        return None
    return load_manifest(path) if path.is_file() else None
