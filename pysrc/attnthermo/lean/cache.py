"""Sealed cache entries: a Lean result is reused only when it was written by this checker for
exactly the inputs of this run.

An entry holds its cache key (sha256 of what decides the result: the generated check file or
module source, dependencies, toolchain, flags) and an HMAC-SHA256 of its whole content under a
random secret (mode 0600) kept OUTSIDE every cache folder, so that a cache restored by CI, or
written by anyone who can write the cache, cannot carry or forge a seal: the secret lives in
``$ATTNTHERMO_SECRET_DIR``, else ``$XDG_CONFIG_HOME/attnthermo``, else ``~/.config/attnthermo``
(:func:`secret_path`; a secret folder inside the cache folder is refused). On reading, the key
is recomputed from the current inputs and the HMAC re-verified, and every file the entry vouches
for (an ``.olean``, by the caller) is re-hashed; any mismatch discards the entry, says why, and
Lean runs again. The checker also re-validates what a cached result says against the sources
(:mod:`attnthermo.lean.statements`) and can ignore the cache altogether (``fresh``).

>>> import os, tempfile, pathlib
>>> build, secret = pathlib.Path(tempfile.mkdtemp()) / "b", os.urandom(32)
>>> seal(build, "m", {"key": "k1", "status": "ok"}, secret)
>>> unseal(build, "m", "k1", secret=secret)["status"], unseal(build, "m", "k2", secret=secret)
('ok', None)
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

from attnthermo.errors import DomainError
from attnthermo.paths import cache_dir

SECRET_FILE = "lean-cache-secret"
SECRET_DIR_ENV = "ATTNTHERMO_SECRET_DIR"


def secret_path() -> Path:
    """Where the HMAC secret lives: ``$ATTNTHERMO_SECRET_DIR``, else ``$XDG_CONFIG_HOME/attnthermo``,
    else ``~/.config/attnthermo`` (never inside the cache folder, which CI caches save and restore)."""
    configured = os.environ.get(SECRET_DIR_ENV)
    if configured:
        folder, parameter = Path(configured), SECRET_DIR_ENV
    else:
        folder = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "attnthermo"
        parameter = "XDG_CONFIG_HOME"
    folder, cache = folder.resolve(), cache_dir().resolve()
    if folder == cache or cache in folder.parents:
        raise DomainError(parameter, str(folder), f"lies inside the cache folder {cache}: a saved cache would carry "
                          f"the secret that seals it; set {SECRET_DIR_ENV} to a folder outside it")
    return folder / SECRET_FILE


def load_secret() -> bytes:
    """The HMAC secret at :func:`secret_path`, created on first use. Parallel builds may race to create it: each writes a
    complete candidate to its own file and links it into place (atomic, fails if one exists), so
    every reader sees one whole secret and the first writer's wins."""
    path = secret_path()
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        candidate = path.with_name(f"{SECRET_FILE}.{os.getpid()}.{threading.get_ident()}")
        fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(os.urandom(32))
        try:
            os.link(candidate, path)
        except FileExistsError:
            pass
        finally:
            candidate.unlink()
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        raise DomainError(SECRET_DIR_ENV, str(path), "the Lean cache's secret is readable by others: "
                          f"`chmod 600 {path}` (or delete it; the next check then runs Lean again)")
    return path.read_bytes()


def _mac(payload: dict, secret: bytes | None) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
    return hmac.new(load_secret() if secret is None else secret, canonical, hashlib.sha256).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def state_path(build: Path, name: str) -> Path:
    return build / "state" / f"{name}.json"


def discard(build: Path, name: str) -> None:
    """Remove entry ``name`` (a result found not to match the sources it claims to be of)."""
    state_path(build, name).unlink(missing_ok=True)


def seal(build: Path, name: str, payload: dict, secret: bytes | None = None) -> None:
    """Write ``payload`` (which must hold its ``key``) as the sealed entry ``name``, sealed with
    ``secret`` (default: :func:`load_secret` now)."""
    path = state_path(build, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"payload": payload, "mac": _mac(payload, secret)}, indent=1, ensure_ascii=False))
    tmp.replace(path)


def unseal(build: Path, name: str, key: str, say: Callable[[str], None] | None = None,
           secret: bytes | None = None) -> dict | None:
    """The payload of entry ``name`` if it is intact (sealed with ``secret``, default
    :func:`load_secret` now) and was sealed for ``key``, else None (``say`` is told why an existing
    entry was refused)."""
    path = state_path(build, name)
    if not path.is_file():
        return None
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
        payload, mac = entry["payload"], entry["mac"]
    except (json.JSONDecodeError, KeyError, TypeError):
        payload, mac = None, None
    if not isinstance(payload, dict) or not isinstance(mac, str) or not hmac.compare_digest(mac, _mac(payload, secret)):
        if say:
            say(f"cache: {path} fails its integrity check (edited, corrupt, or sealed under another secret): discarded, re-checking")
        return None
    if payload.get("key") != key:
        return None
    return payload
