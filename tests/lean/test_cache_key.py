"""The cache key changes exactly when what decides a module's result changes."""

from __future__ import annotations

from attnthermo.lean.build import cache_key
from attnthermo.lean.toolchain import Toolchain

WASM = Toolchain("wasm", "4.28.0-pre (38f3c0c4)", ("node", "lean.js"), detail={"sha256": {"lean.wasm": "aa"}})


def key(**overrides) -> str:
    args = {"source_sha256": "s1", "dependency_keys": {"P.A": "k1"}, "toolchain": WASM} | overrides
    return cache_key(**args)


def test_key_is_stable_and_order_independent() -> None:
    assert key() == key()
    assert key(dependency_keys={"P.A": "k1", "P.B": "k2"}) == key(dependency_keys={"P.B": "k2", "P.A": "k1"})


def test_key_changes_with_source_dependencies_and_toolchain() -> None:
    assert key(source_sha256="s2") != key()
    assert key(dependency_keys={"P.A": "k2"}) != key()
    assert key(dependency_keys={}) != key()
    native = Toolchain("native", "4.28.0", ("lean",))
    assert key(toolchain=native) != key()
    other_wasm = Toolchain("wasm", WASM.version, WASM.command, detail={"sha256": {"lean.wasm": "bb"}})
    assert key(toolchain=other_wasm) != key()


def test_key_changes_with_flags(monkeypatch) -> None:
    import attnthermo.lean.compiler as compiler

    before = key()
    monkeypatch.setattr(compiler, "FLAGS", ("-DwarningAsError=false",))
    assert key() != before
