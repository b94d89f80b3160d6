"""Checking the Lean library: toolchain, compile, axiom audit, pinned statements, manifest.

``check(root=None, *, json_path=None, jobs=2, progress=print) -> dict`` compiles the project's
modules (cached by source, dependencies, toolchain and flags), audits axioms and returns the
manifest described in DEVELOPERS.md; ``pin(root=None)`` rewrites bridge/pinned-statements.toml;
``load_manifest(path)`` / ``cached_manifest(root=None)`` read a manifest back.
"""

from __future__ import annotations

from pathlib import Path

from attnthermo.lean.checker import check
from attnthermo.lean.manifest_file import cached_manifest, load_manifest
from attnthermo.lean.pinned import write_pinned
from attnthermo.lean.project import load_project
from attnthermo.paths import project_root

__all__ = ["cached_manifest", "check", "load_manifest", "pin"]


def pin(root: Path | str | None = None) -> Path:
    """Rewrite ``bridge/pinned-statements.toml`` from the current sources; returns its path."""
    return write_pinned(load_project(Path(root) if root is not None else project_root()))
