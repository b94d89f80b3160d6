"""Where the checker keeps a project's build outputs (kept apart from the compiler so that
reading a cached manifest needs nothing that runs Lean).

The wasm Lean sees only ``/tmp`` and ``/home`` of the host file system (its NODEFS mounts), so
its build folder is :func:`wasm_visible_dir`: the cache folder when that is under ``/tmp`` or
``/home``, else ``/tmp/attnthermo-<uid>/``.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from attnthermo.paths import cache_dir

WASM_VISIBLE_ROOTS = (Path("/tmp"), Path("/home"))


def wasm_can_see(path: Path) -> bool:
    """Whether the wasm Lean can open ``path`` (it lies under /tmp or /home)."""
    resolved = Path(path).resolve()
    return any(resolved == root or root in resolved.parents for root in WASM_VISIBLE_ROOTS)


def wasm_visible_dir(*parts: str) -> Path:
    """``cache_dir(*parts)`` if the wasm Lean can see it, else the same parts under /tmp/attnthermo-<uid>."""
    cached = cache_dir(*parts)
    if wasm_can_see(cached):
        return cached
    path = Path("/tmp", f"attnthermo-{os.getuid()}", *parts)
    path.mkdir(parents=True, exist_ok=True)
    return path


def build_dir_for(root: Path | str, kind: str = "wasm") -> Path:
    """The cache folder holding a project root's build outputs (one per root path and toolchain kind)."""
    digest = hashlib.sha256(str(Path(root).resolve()).encode()).hexdigest()[:16]
    return wasm_visible_dir("lean-build", digest) if kind == "wasm" else cache_dir("lean-build", kind, digest)
