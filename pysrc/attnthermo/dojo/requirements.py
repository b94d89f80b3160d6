"""What LeanDojo tracing needs on this machine, and which of it is present.

LeanDojo traces a Lean project by cloning a git commit, building it with the project's own
native toolchain (``lake build``) and running its ``ExtractData.lean`` over the sources; it
asks the GitHub API which Lean commit the ``lean-toolchain`` names. So it needs: the
``lean_dojo`` package, native ``elan``/``lean``/``lake``, git >= 2.25, the project committed
in a git repository, and network access to GitHub. :func:`requirements` checks each cheaply
(one connection attempt, short timeouts, nothing downloaded) and says how to get what is missing.

>>> report = requirements(network_timeout=1.0)
>>> {"lean_dojo", "elan", "lean", "lake", "git", "network"} <= {item.name for item in report.items}
True
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import math
import os
import re
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from attnthermo import paths
from attnthermo.errors import DomainError

#: The lean-dojo release the ``dojo`` extra pins, and the one this adapter was written against.
PINNED_LEAN_DOJO = "4.20.0"
#: LeanDojo refuses older git (it checks at import time).
MIN_GIT = (2, 25, 0)
#: Host LeanDojo talks to (GitHub API for the Lean commit, git clones, toolchain downloads).
GITHUB_HOST = "github.com"

_VERSION_TIMEOUT_S = 30.0
_PIP_FIX = (
    f'pip install "attnthermo[dojo]" (pins lean-dojo=={PINNED_LEAN_DOJO}; it needs '
    "Python 3.9-3.12 and pulls about 50 packages, ray among them)"
)
_ELAN_FIX = (
    "install elan (https://github.com/leanprover/elan); it provides lean and lake and "
    "selects the version named in lean-toolchain"
)


@dataclass(frozen=True)
class Requirement:
    """One thing LeanDojo tracing needs: whether it is there, what was found, how to get it."""

    name: str
    ok: bool
    detail: str
    fix: str
    required: bool = True

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "ok": self.ok,
            "required": self.required,
            "detail": self.detail,
            "fix": self.fix,
        }


@dataclass(frozen=True)
class RequirementsReport:
    """Every requirement checked for one project root."""

    root: Path
    items: tuple[Requirement, ...]
    lean_dojo_version: str | None
    commit: str | None

    @property
    def missing(self) -> tuple[Requirement, ...]:
        """Required items that are absent or broken."""
        return tuple(item for item in self.items if item.required and not item.ok)

    @property
    def ok(self) -> bool:
        return not self.missing

    def item(self, name: str) -> Requirement:
        for item in self.items:
            if item.name == name:
                return item
        raise KeyError(f"no requirement named {name!r}")

    def describe(self) -> str:
        """One line per requirement, then the fix for each missing one."""
        lines = [f"LeanDojo requirements for {self.root}:"]
        for item in self.items:
            mark = "ok" if item.ok else ("MISSING" if item.required else "absent (optional)")
            lines.append(f"  {item.name:<20} {mark:<18} {item.detail}")
        return "\n".join(lines)

    def describe_missing(self) -> str:
        """Each missing requirement with what was found and how to get it."""
        return "\n".join(f"- {item.name}: {item.detail}. Fix: {item.fix}" for item in self.missing)

    def to_dict(self) -> dict:
        return {
            "root": str(self.root),
            "ok": self.ok,
            "lean_dojo_version": self.lean_dojo_version,
            "commit": self.commit,
            "items": [item.to_dict() for item in self.items],
        }


def resolve_root(root: str | os.PathLike | None) -> Path:
    """The Lean project to trace: ``root`` itself (checked), or the one found from the working directory."""
    if root is None:
        return paths.project_root()
    path = Path(root).expanduser().resolve()
    if not ((path / "lakefile.lean").is_file() or (path / "lakefile.toml").is_file()):
        raise DomainError("root", str(root), "not a Lean project: no lakefile.lean or lakefile.toml there")
    return path


def lean_dojo_version() -> str | None:
    """Version of the installed ``lean_dojo`` package, or None when it cannot be imported.

    Looked up without importing it: importing lean_dojo runs git and configures logging.
    """
    importlib.invalidate_caches()
    if importlib.util.find_spec("lean_dojo") is None:
        return None
    try:
        return importlib.metadata.version("lean-dojo")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _lean_dojo_requirement() -> tuple[Requirement, str | None]:
    version = lean_dojo_version()
    if version is not None:
        return Requirement("lean_dojo", True, f"lean-dojo {version}", _PIP_FIX), version
    fix = _PIP_FIX
    if sys.version_info >= (3, 13):
        fix = (
            f"lean-dojo {PINNED_LEAN_DOJO} requires Python < 3.13 and this is Python "
            f"{sys.version_info.major}.{sys.version_info.minor}: use a Python 3.9-3.12 "
            f"environment, then {_PIP_FIX}"
        )
    return Requirement("lean_dojo", False, "the lean_dojo package is not importable", fix), None


def _run_version(executable: str, cwd: Path) -> tuple[bool, str]:
    """Run ``executable --version``; (worked, first line of output or the failure)."""
    try:
        done = subprocess.run(
            [executable, "--version"],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=_VERSION_TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        return False, f"`{executable} --version` did not answer within {_VERSION_TIMEOUT_S:.0f} s"
    except OSError as exc:
        return False, f"`{executable} --version` could not run: {exc}"
    output = (done.stdout.strip() or done.stderr.strip()).splitlines()
    first = output[0] if output else ""
    if done.returncode != 0:
        return False, f"`{executable} --version` exited {done.returncode}: {first}"
    return True, first


def _tool_requirement(name: str, fix: str, cwd: Path) -> Requirement:
    executable = shutil.which(name)
    if executable is None:
        return Requirement(name, False, f"`{name}` is not on PATH", fix)
    worked, line = _run_version(executable, cwd)
    return Requirement(name, worked, f"{line} ({executable})" if worked else line, fix)


def _git_version(line: str) -> tuple[int, ...] | None:
    match = re.search(r"git version (\d+)\.(\d+)\.(\d+)", line)
    return tuple(int(part) for part in match.groups()) if match else None


def _git_requirement(cwd: Path) -> Requirement:
    fix = "install git >= 2.25 (e.g. apt-get install git)"
    item = _tool_requirement("git", fix, cwd)
    if not item.ok:
        return item
    version = _git_version(item.detail)
    if version is None or version < MIN_GIT:
        wanted = ".".join(map(str, MIN_GIT))
        return Requirement("git", False, f"{item.detail}: LeanDojo needs git >= {wanted}", fix)
    return item


def _git(root: Path, *args: str) -> tuple[int, str]:
    done = subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, timeout=_VERSION_TIMEOUT_S
    )
    return done.returncode, (done.stdout.strip() or done.stderr.strip())


def _repository_requirements(root: Path, have_git: bool) -> tuple[list[Requirement], str | None]:
    """The git repository LeanDojo clones: a commit at ``root``, its state, its remote."""
    repo_fix = (
        "run from a git checkout of the project whose top level holds lakefile.lean "
        "(git clone the attnthermo repository; an installed wheel is not a git repository), "
        "with the Lean sources committed"
    )
    if not have_git:
        return [Requirement("git repository", False, "cannot be checked without git", repo_fix)], None
    code, top = _git(root, "rev-parse", "--show-toplevel")
    if code != 0:
        return [Requirement("git repository", False, f"{root} is not in a git repository", repo_fix)], None
    if Path(top).resolve() != root:
        detail = f"the git top level is {top}, not the Lean project root {root}; LeanDojo expects the lakefile at the repository root"
        return [Requirement("git repository", False, detail, repo_fix)], None
    code, commit = _git(root, "rev-parse", "--verify", "HEAD")
    if code != 0:
        return [Requirement("git repository", False, "the repository has no commit yet", repo_fix)], None
    items = [Requirement("git repository", True, f"{root} at commit {commit}", repo_fix)]
    _, dirty = _git(root, "status", "--porcelain", "--", "lean", "lakefile.lean", "lakefile.toml", "lean-toolchain")
    items.append(
        Requirement(
            "committed sources",
            not dirty,
            "Lean sources match HEAD" if not dirty else "uncommitted Lean changes; LeanDojo traces HEAD, not the working tree",
            "commit the Lean sources to trace them",
            required=False,
        )
    )
    code, remotes = _git(root, "remote", "-v")
    items.append(
        Requirement(
            "git remote",
            code == 0 and bool(remotes),
            remotes.splitlines()[0] if code == 0 and remotes else "no remote; LeanDojo 4.20.0 also accepts the local path",
            "git remote add origin <URL> to trace (and share) a published commit",
            required=False,
        )
    )
    return items, commit


def _network_requirement(timeout: float) -> Requirement:
    fix = (
        "trace on a machine that reaches github.com over HTTPS: LeanDojo resolves the Lean "
        "toolchain's commit through the GitHub API, and elan/lake download the toolchain"
    )
    try:
        with socket.create_connection((GITHUB_HOST, 443), timeout=timeout):
            pass
    except OSError as exc:
        return Requirement("network", False, f"cannot reach {GITHUB_HOST}:443 ({exc})", fix)
    return Requirement("network", True, f"{GITHUB_HOST}:443 reachable", fix)


def _token_requirement() -> Requirement:
    present = bool(os.environ.get("GITHUB_ACCESS_TOKEN"))
    return Requirement(
        "GITHUB_ACCESS_TOKEN",
        present,
        "set" if present else "not set; unauthenticated GitHub API calls are rate-limited",
        "export GITHUB_ACCESS_TOKEN=<a GitHub personal access token>",
        required=False,
    )


def requirements(root: str | os.PathLike | None = None, *, network_timeout: float = 3.0) -> RequirementsReport:
    """Check everything LeanDojo tracing of ``root`` needs; never raises for a missing piece.

    ``network_timeout`` (seconds, > 0) bounds the single connection attempt to GitHub.
    """
    if not (isinstance(network_timeout, (int, float)) and math.isfinite(network_timeout) and network_timeout > 0):
        raise DomainError("network_timeout", network_timeout, "must be a finite number of seconds > 0")
    project = resolve_root(root)
    dojo, version = _lean_dojo_requirement()
    git = _git_requirement(project)
    repository, commit = _repository_requirements(project, git.ok)
    items = [
        dojo,
        _tool_requirement("elan", _ELAN_FIX, project),
        _tool_requirement("lean", _ELAN_FIX, project),
        _tool_requirement("lake", _ELAN_FIX, project),
        git,
        *repository,
        _network_requirement(network_timeout),
        _token_requirement(),
    ]
    return RequirementsReport(project, tuple(items), version, commit)
