"""Where attnthermo finds its shipped data and keeps its caches.

The Lean project (``lakefile.lean``, ``lean/``, ``bridge/``) ships inside the wheel under
``attnthermo/_shipped``; in a source checkout it is the repository root. Caches live in
``$ATTNTHERMO_CACHE_DIR`` (default ``~/.cache/attnthermo``); delete that folder to clear them.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _is_lean_project(path: Path) -> bool:
    return (path / "lakefile.lean").is_file() and (path / "lean" / "AttnThermo").is_dir()


def shipped_project_root() -> Path:
    """The Lean project shipped with this installation (wheel data, else the source checkout)."""
    shipped = PACKAGE_DIR / "_shipped"
    if _is_lean_project(shipped):
        return shipped
    checkout = PACKAGE_DIR.parent.parent  # pysrc/attnthermo -> repository root
    if _is_lean_project(checkout):
        return checkout
    raise FileNotFoundError(
        f"no Lean project shipped with attnthermo (looked in {shipped} and {checkout}); "
        "reinstall the package"
    )


def project_root(start: Path | None = None) -> Path:
    """The Lean project containing ``start`` (default: the working directory), else the shipped one."""
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if _is_lean_project(candidate):
            return candidate
    return shipped_project_root()


def cache_dir(*parts: str) -> Path:
    """A cache subdirectory, created on demand."""
    base = Path(os.environ.get("ATTNTHERMO_CACHE_DIR") or Path.home() / ".cache" / "attnthermo")
    path = base.joinpath(*parts)
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_file(name: str) -> Path:
    """A data file shipped inside the package (``attnthermo/data/<name>``)."""
    path = PACKAGE_DIR / "data" / name
    if not path.exists():
        raise FileNotFoundError(f"attnthermo data file missing: {path}")
    return path
