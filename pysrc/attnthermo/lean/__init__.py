"""Checking the Lean library: source audit, one Lean run, pinned statements, manifest.

``check(root=None, *, json_path=None, jobs=2, progress=print) -> Manifest`` audits and
elaborates the project's modules (cached by what decides the result) and returns the manifest
described in DEVELOPERS.md; ``pin(root=None)`` rewrites bridge/pinned-statements.toml from a
check's output; ``load_manifest(path)`` / ``cached_manifest(root=None)`` read a manifest back
(from the ground-floor :mod:`attnthermo.manifest` and :mod:`attnthermo.lean.manifest_file`,
neither of which loads the compiler).
Names are loaded lazily: importing this package starts nothing.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "check": "attnthermo.lean.checker",
    "pin": "attnthermo.lean.checker",
    "load_manifest": "attnthermo.manifest",
    "cached_manifest": "attnthermo.lean.manifest_file",
    "Manifest": "attnthermo.manifest",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'attnthermo.lean' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
