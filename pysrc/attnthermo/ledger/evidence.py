"""Gathering evidence now: the Lean manifest, the identity checks and the measurements.

Each stage reads the previous stage's output only: the Lean checker's manifest (re-validated
against the sources on disk), the identity registry's ``check()`` results, the measurement's
JSON. Identity checks are cached under ``cache_dir("ledger", "identities")`` by a key made of
the thermo package's sources, the versions of mpmath/sympy/attnthermo, the identity and the
precision: change any and the check re-runs.
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path
from typing import Callable

from attnthermo.paths import PACKAGE_DIR, cache_dir

Progress = Callable[[str], None]


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def manifest_sha256(manifest: dict) -> str:
    """A stable hash of a manifest (canonical JSON)."""
    return hashlib.sha256(json.dumps(manifest, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def version_of(package: str) -> str | None:
    """The installed version of a distribution, or None."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


# ------------------------------------------------------------------------------------ Lean


def run_lean_check(root: Path | None, progress: Progress) -> dict:
    """Run (or reuse the cache of) ``attnthermo lean check``; ToolchainError propagates."""
    from attnthermo.lean import check

    return check(root, jobs=2, progress=progress)


def stale_modules(manifest: dict) -> dict[str, str]:
    """Modules whose manifest entry no longer matches its source on disk (module -> why)."""
    root = Path(manifest.get("root", ""))
    stale = {}
    for name, module in manifest.get("modules", {}).items():
        path = root / module.get("file", "")
        if not path.is_file():
            stale[name] = f"source {path} is gone: the manifest cannot be re-validated"
        elif sha256_file(path) != module.get("source_sha256"):
            stale[name] = f"source {module.get('file')} changed since the manifest was written"
    return stale


# ------------------------------------------------------------------------------- identities


def _thermo_key(name: str, dps: int) -> str:
    digest = hashlib.sha256()
    thermo = PACKAGE_DIR / "thermo"
    for path in sorted(thermo.rglob("*.py")):
        digest.update(str(path.relative_to(thermo)).encode() + b"\0" + path.read_bytes())
    for package in ("attnthermo", "mpmath", "sympy"):
        digest.update(f"{package}={version_of(package)}".encode())
    digest.update(f"{name}@{dps}".encode())
    return digest.hexdigest()


def check_identity(name: str, dps: int) -> dict:
    """Run one registry identity's check now (or reuse a cache whose key still validates): the
    IdentityCheck's JSON plus ``cached``, or ``{"error": why}``."""
    cache = cache_dir("ledger", "identities") / f"{name}-{dps}.json"
    key = _thermo_key(name, dps)
    if cache.is_file():
        stored = json.loads(cache.read_text(encoding="utf-8"))
        if stored.get("key") == key:
            return {**stored["result"], "cached": True}
    from attnthermo.thermo.registry import identity

    try:
        ident = identity(name)
    except (KeyError, ValueError) as exc:
        return {"error": f"no identity {name!r} in the registry ({exc})"}
    try:
        check = ident.check(dps=dps)
    except Exception as exc:  # a broken check is recorded against its claims, not fatal to the audit
        return {"error": f"the check raised {type(exc).__name__}: {exc}"}
    result = {**check.to_json(), "lean_theorems": list(ident.lean_theorems), "no_lean_reason": ident.no_lean_reason}
    cache.write_text(json.dumps({"key": key, "result": result}, ensure_ascii=False), encoding="utf-8")
    return {**result, "cached": False}
