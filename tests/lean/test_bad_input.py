"""Bad input gives a clear error before any Lean process starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from attnthermo.cli import main
from attnthermo.errors import DomainError, LeanCheckFailed, ToolchainError
from attnthermo.lean import check
from attnthermo.lean.toolchain import wasm_toolchain


def write(root: Path, rel: str, text: str) -> None:
    path = root / "lean" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


@pytest.fixture
def no_toolchain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache and a PATH with neither npm nor lean: any compile attempt would fail."""
    empty_bin = tmp_path / "empty-bin"
    empty_bin.mkdir()
    monkeypatch.setenv("ATTNTHERMO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("PATH", str(empty_bin))
    monkeypatch.delenv("ATTNTHERMO_LEAN_TOOLCHAIN", raising=False)
    return tmp_path / "project"


def test_missing_module_is_named_with_file_and_line_before_any_compile(no_toolchain: Path) -> None:
    write(no_toolchain, "P/A.lean", "module\n")
    write(no_toolchain, "P/B.lean", "module\npublic import P.A\npublic import P.Missing\n")
    with pytest.raises(LeanCheckFailed) as err:
        check(no_toolchain, progress=None)
    message = str(err.value)
    assert "lean/P/B.lean:3" in message and "P.Missing" in message and "lean/P/Missing.lean" in message
    assert not (no_toolchain.parent / "cache" / "toolchain").exists()


def test_import_cycle_is_reported(no_toolchain: Path) -> None:
    write(no_toolchain, "P/A.lean", "module\nimport P.B\n")
    write(no_toolchain, "P/B.lean", "module\nimport P.A\n")
    with pytest.raises(LeanCheckFailed, match="import cycle between Lean modules: P.A -> P.B -> P.A"):
        check(no_toolchain, progress=None)


def test_npm_missing_is_a_toolchain_error_that_says_how_to_fix(no_toolchain: Path) -> None:
    with pytest.raises(ToolchainError) as err:
        wasm_toolchain()
    message = str(err.value)
    assert "npm is missing" in message and "apt-get install npm" in message


def test_npm_missing_through_the_command_line(no_toolchain: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(no_toolchain, "P/A.lean", "module\n")
    assert main(["lean", "check", "--root", str(no_toolchain)]) == 1
    assert "npm is missing" in capsys.readouterr().err


def test_bad_jobs_and_root(no_toolchain: Path) -> None:
    with pytest.raises(DomainError, match="jobs"):
        check(no_toolchain, jobs=0)
    with pytest.raises(DomainError, match="root"):
        check(no_toolchain / "nowhere", progress=None)


def test_unknown_toolchain_choice(no_toolchain: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(no_toolchain, "P/A.lean", "module\n")
    monkeypatch.setenv("ATTNTHERMO_LEAN_TOOLCHAIN", "java")
    with pytest.raises(ToolchainError, match="ATTNTHERMO_LEAN_TOOLCHAIN='java'"):
        check(no_toolchain, progress=None)
