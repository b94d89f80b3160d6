"""Where a check keeps a project's manifest, and reading the last one back (never compiling).

The manifest's type and its one reader live on the ground floor (:mod:`attnthermo.manifest`,
which knows nothing of build folders); where ``attnthermo lean check`` caches it is the
checker's business, so it is said here, beside the build folders (:mod:`attnthermo.lean.buildpaths`).
"""

from __future__ import annotations

from pathlib import Path

from attnthermo.lean.buildpaths import build_dir_for
from attnthermo.manifest import Manifest, load_manifest
from attnthermo.paths import project_root


def manifest_in(build: Path) -> Path:
    """The manifest file of a check whose build folder is ``build``."""
    return Path(build) / "manifest.json"


def manifest_path(root: str | Path | None = None, kind: str = "wasm") -> Path:
    """Where ``attnthermo lean check`` with a ``kind`` toolchain caches the manifest of ``root``."""
    return manifest_in(build_dir_for(Path(root) if root is not None else project_root(), kind))


def cached_manifest(root: str | Path | None = None) -> Manifest | None:
    """The manifest the last check (either toolchain kind, the newer) wrote for ``root``, or None
    when there is none. Never compiles."""
    try:
        found = [p for p in (manifest_path(root, "wasm"), manifest_path(root, "native")) if p.is_file()]
    except FileNotFoundError:
        return None
    return load_manifest(max(found, key=lambda p: p.stat().st_mtime)) if found else None


__all__ = ["cached_manifest", "load_manifest", "manifest_in", "manifest_path"]
