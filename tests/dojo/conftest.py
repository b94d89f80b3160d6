"""Fixtures for the LeanDojo adapter: a small committed Lean project, a machine without the
toolchain, and a machine where the toolchain and a LeanDojo stand-in are present.

Nothing here touches the network or needs lean-dojo installed: the GitHub connection is
replaced, and "present" tools are small scripts that answer ``--version``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

LEAN_SOURCE = """\
/- Synthetic library file for the adapter's tests. -/
module

public import Init

public section

namespace Syn

/-- Claim: `synthetic-claim` -/
theorem two_eq : (2 : Nat) = 1 + 1 := rfl

end Syn
"""


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid", "-C", str(root), *args],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def lean_project(tmp_path: Path) -> Path:
    """A git-committed Lean project shaped like attnthermo's: srcDir "lean", Lean 4.28, a module file."""
    root = tmp_path / "proj"
    (root / "lean" / "Syn").mkdir(parents=True)
    (root / "lean-toolchain").write_text("leanprover/lean4:v4.28.0\n")
    (root / "lakefile.lean").write_text(
        textwrap.dedent(
            """\
            import Lake
            open Lake DSL

            package syn

            lean_lib Syn where
              srcDir := "lean"
            """
        )
    )
    (root / "lean" / "Syn" / "Basic.lean").write_text(LEAN_SOURCE)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "synthetic project")
    return root


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(address, timeout=None, *args, **kwargs):
        raise OSError(f"network disabled in tests (asked for {address})")

    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def fake_network(monkeypatch: pytest.MonkeyPatch) -> list:
    """GitHub 'reachable': records the addresses asked for instead of connecting."""
    asked: list = []

    class _Connection:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def connect(address, timeout=None, *args, **kwargs):
        asked.append((address, timeout))
        return _Connection()

    monkeypatch.setattr(socket, "create_connection", connect)
    return asked


@pytest.fixture
def bare_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_network) -> None:
    """No tool on PATH, no lean_dojo importable, no network."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setitem(sys.modules, "lean_dojo", None)  # the standard "cannot be imported" marker
    monkeypatch.delenv("GITHUB_ACCESS_TOKEN", raising=False)


FAKE_VERSIONS = {
    "elan": "elan 4.1.2 (58e8d545e 2025-05-26)",
    "lean": "Lean (version 4.28.0, x86_64-unknown-linux-gnu, commit abc, Release)",
    "lake": "Lake version 5.0.0-abc (Lean version 4.28.0)",
}


def _write_fake_lean_dojo(site: Path, body: str) -> None:
    package = site / "lean_dojo"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(body)
    info = site / "lean_dojo-4.20.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: lean-dojo\nVersion: 4.20.0\n")


@pytest.fixture
def equipped_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_network):
    """elan/lean/lake answer --version, GitHub is 'reachable', and a LeanDojo stand-in is importable.

    Returns a function that installs the stand-in's ``__init__.py`` source.
    """
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, line in FAKE_VERSIONS.items():
        script = bin_dir / name
        script.write_text(f"#!/bin/sh\necho '{line}'\n")
        script.chmod(0o755)
    git = shutil.which("git")
    if git is None:
        pytest.fail("git is needed to build the synthetic Lean project")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{Path(git).parent}")
    site = tmp_path / "site"

    def install(body: str) -> Path:
        _write_fake_lean_dojo(site, body)
        monkeypatch.syspath_prepend(str(site))
        return site

    yield install
    for name in [m for m in sys.modules if m == "lean_dojo" or m.startswith("lean_dojo.")]:
        del sys.modules[name]
