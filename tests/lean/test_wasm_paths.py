"""The wasm Lean sees only /tmp and /home: its files go where it can see them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from attnthermo.lean.buildpaths import wasm_can_see, wasm_visible_dir


def test_visibility_rule() -> None:
    assert wasm_can_see(Path("/tmp/x/y")) and wasm_can_see(Path("/home/u"))
    assert not wasm_can_see(Path("/work/main")) and not wasm_can_see(Path("/root/.cache"))
    assert not wasm_can_see(Path("/tmpfoo"))


def test_visible_cache_is_used_as_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATTNTHERMO_CACHE_DIR", str(tmp_path / "cache"))
    if not wasm_can_see(tmp_path):
        pytest.fail(f"pytest's tmp_path {tmp_path} is expected under /tmp")
    assert wasm_visible_dir("lean-build", "abc") == tmp_path / "cache" / "lean-build" / "abc"


def test_invisible_cache_falls_back_to_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hidden = Path("/root/attnthermo-test-cache") if os.getuid() == 0 else Path.cwd() / ".invisible-cache"
    monkeypatch.setenv("ATTNTHERMO_CACHE_DIR", str(hidden))
    try:
        path = wasm_visible_dir("lean-build", "abc")
        assert path == Path("/tmp", f"attnthermo-{os.getuid()}", "lean-build", "abc") and path.is_dir()
    finally:
        import shutil

        shutil.rmtree(hidden, ignore_errors=True)
