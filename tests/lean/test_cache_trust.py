"""The Lean cache cannot vouch for itself: where its secret lives, forged and stale entries,
re-validation against the sources, ``--fresh``, and the receipt saying when Lean's answer was cached.

Driven by the fake `lean` of test_build_scheduler.py (seconds, not minutes).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
from pathlib import Path

import pytest

import attnthermo.lean.checker as checker
from attnthermo.errors import DomainError
from attnthermo.lean.cache import SECRET_FILE, secret_path, seal, state_path, unseal


def _scheduler_helpers():
    """The fake-toolchain project helpers of test_build_scheduler.py (tests are not a package)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("_attnthermo_scheduler_helpers",
                                                  Path(__file__).with_name("test_build_scheduler.py"))
    helpers = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = helpers
    spec.loader.exec_module(helpers)
    return helpers


_helpers = _scheduler_helpers()
fake_toolchain, make_project, module, starts = _helpers.fake_toolchain, _helpers.make_project, _helpers.module, _helpers.starts


@pytest.fixture
def wasm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ATTNTHERMO_SECRET_DIR", str(tmp_path / "secret"))
    return fake_toolchain(tmp_path, monkeypatch, "wasm")


@pytest.fixture
def native(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ATTNTHERMO_SECRET_DIR", str(tmp_path / "secret"))
    return fake_toolchain(tmp_path, monkeypatch, "native")


def test_the_secret_is_created_0600_outside_the_build_and_cache_folders(tmp_path: Path, wasm: Path) -> None:
    manifest = checker.check(make_project(tmp_path / "p"), progress=None)
    build = Path(manifest.check.file).parent.parent
    secret = secret_path()
    assert secret == tmp_path / "secret" / SECRET_FILE and secret.is_file()
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    cache = Path(os.environ["ATTNTHERMO_CACHE_DIR"]).resolve()
    assert cache not in secret.resolve().parents and build.resolve() not in secret.resolve().parents
    assert not any(p.name.startswith((SECRET_FILE, ".state-secret")) for p in cache.rglob("*"))


def test_tests_never_use_the_users_cache() -> None:
    """tests/conftest.py points the cache folder at one of the tests' own."""
    from attnthermo.paths import cache_dir

    assert Path.home() / ".cache" not in cache_dir().resolve().parents
    assert os.environ.get("ATTNTHERMO_TEST_CACHE_DIR") or cache_dir().name.startswith("attnthermo-test-cache-")


def test_tests_never_use_the_users_secret() -> None:
    """tests/conftest.py points the secret at a folder of the tests' own."""
    assert secret_path().parent == Path(os.environ["ATTNTHERMO_SECRET_DIR"])
    assert secret_path().parent.name.startswith("attnthermo-test-secret-")
    assert Path.home() / ".config" not in secret_path().parents


@pytest.mark.parametrize("kind", ["wasm", "native"])
def test_a_check_seals_with_the_secret_it_started_with(tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch,
                                                       request: pytest.FixtureRequest) -> None:
    """A check in another thread keeps the secret it was given, whatever the environment says
    later; a check under another secret cannot read its results and runs Lean again."""
    log = request.getfixturevalue(kind)
    root = make_project(tmp_path / "p")
    given = os.urandom(32)
    assert checker.check(root, progress=None, secret=given).check.processes >= 1
    monkeypatch.setenv("ATTNTHERMO_SECRET_DIR", str(tmp_path / "another-secret"))
    assert checker.check(root, progress=None, secret=given).check.processes == 0
    log.write_text("")
    assert checker.check(root, progress=None).check.processes >= 1  # the environment's secret: not the same
    assert starts(log)


def test_a_secret_others_can_read_is_refused(tmp_path: Path, wasm: Path) -> None:
    seal(tmp_path / "b", "m", {"key": "k"})
    secret_path().chmod(0o644)
    with pytest.raises(DomainError, match="readable by others: `chmod 600"):
        unseal(tmp_path / "b", "m", "k")


def test_a_secret_folder_inside_the_cache_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATTNTHERMO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("ATTNTHERMO_SECRET_DIR", str(tmp_path / "cache" / "lean-build"))
    with pytest.raises(DomainError, match="ATTNTHERMO_SECRET_DIR.*inside the cache folder"):
        seal(tmp_path / "cache" / "lean-build" / "x", "m", {"key": "k"})


def test_the_default_secret_folder_is_the_users_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ATTNTHERMO_SECRET_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("ATTNTHERMO_CACHE_DIR", str(tmp_path / "cache"))
    assert secret_path() == tmp_path / "config" / "attnthermo" / SECRET_FILE  # only the path: nothing written


def test_an_entry_resealed_with_a_secret_kept_in_the_cache_is_refused(tmp_path: Path, wasm: Path) -> None:
    """Whoever can write the cache could read or plant the secret the old layout kept beside the
    build folders, and re-seal a forged result with it: that seal no longer verifies."""
    root = make_project(tmp_path / "p", broken=True)
    first = checker.check(root, progress=None)
    assert first.theorems["Q.B.b2"].status == "failed"
    build = Path(first.check.file).parent.parent
    old_secret = build.parent / ".state-secret"
    old_secret.write_bytes(os.urandom(32))
    state = state_path(build, "check")
    payload = json.loads(state.read_text())["payload"]
    payload["messages"] = [m for m in payload["messages"] if m["severity"] != "error"]  # a forged "clean" result
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
    mac = hmac.new(old_secret.read_bytes(), canonical, hashlib.sha256).hexdigest()
    state.write_text(json.dumps({"payload": payload, "mac": mac}))
    wasm.write_text("")
    notes: list[str] = []
    again = checker.check(root, progress=notes.append)
    assert any("fails its integrity check" in n for n in notes)
    assert starts(wasm) == ["AttnThermoCheck.lean"] and again.theorems["Q.B.b2"].status == "failed"


def _reseal_check_output(build: Path, name: str, statement: str) -> None:
    """Rewrite the cached `#check @name` answer and seal it with the real secret (a leaked secret)."""
    payload = unseal(build, "check", json.loads(state_path(build, "check").read_text())["payload"]["key"])
    for message in payload["messages"]:
        if message["text"].startswith(f"@{name} :"):
            message["text"] = f"@{name} : {statement}"
    seal(build, "check", payload)


@pytest.mark.parametrize("kind", ["wasm", "native"])
def test_a_cached_statement_the_source_cannot_have_discards_the_cache(tmp_path: Path, kind: str,
                                                                        request: pytest.FixtureRequest) -> None:
    log = request.getfixturevalue(kind)
    extra = {"Q/N.lean": module("Q.N", [], "theorem quarter : True ∧ 4 = 4 := ⟨trivial, rfl⟩")}
    root = make_project(tmp_path / "p", extra=extra)
    first = checker.check(root, progress=None)
    assert first.theorems["Q.N.quarter"].statement == "True"  # what the fake Lean prints
    build = Path(first.check.file).parent.parent
    _reseal_check_output(build, "Q.N.quarter", "True ∧ 12 = 12")
    log.write_text("")
    notes: list[str] = []
    again = checker.check(root, progress=notes.append)
    assert any("does not match the sources" in n and "Q.N.quarter" in n and "lacks 4" in n for n in notes), notes
    assert starts(log) == ["AttnThermoCheck.lean"] and not again.check.cached and again.check.processes == 1


def test_a_cached_statement_matching_its_source_is_reused(tmp_path: Path, wasm: Path) -> None:
    root = make_project(tmp_path / "p")
    checker.check(root, progress=None)
    wasm.write_text("")
    notes: list[str] = []
    again = checker.check(root, progress=notes.append)
    assert starts(wasm) == [] and again.check.cached and not any("does not match" in n for n in notes)


@pytest.mark.parametrize("kind", ["wasm", "native"])
def test_fresh_uses_no_cached_result(tmp_path: Path, kind: str, request: pytest.FixtureRequest) -> None:
    log = request.getfixturevalue(kind)
    root = make_project(tmp_path / "p")
    checker.check(root, progress=None)
    log.write_text("")
    assert checker.check(root, progress=None).check.cached and starts(log) == []
    fresh = checker.check(root, progress=None, fresh=True)
    assert not fresh.check.cached and fresh.check.processes >= 1
    expected = ["AttnThermoCheck.lean"] + (["Q/A.lean", "Q/B.lean", "Q/C.lean", "Q/D.lean"] if kind == "native" else [])
    assert sorted(starts(log)) == sorted(expected)


def test_cli_fresh_flags(tmp_path: Path, wasm: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from attnthermo.cli import main

    root = make_project(tmp_path / "p")
    main(["lean", "check", "--root", str(root)])
    wasm.write_text("")
    main(["lean", "check", "--root", str(root)])
    assert starts(wasm) == [] and "sealed cache, re-validated" in capsys.readouterr().out
    main(["lean", "check", "--root", str(root), "--fresh"])
    assert starts(wasm) == ["AttnThermoCheck.lean"]


def test_audit_fresh_refuses_a_supplied_manifest(tmp_path: Path) -> None:
    from attnthermo.ledger.audit import run_audit

    with pytest.raises(DomainError, match="fresh"):
        run_audit(manifest={"theorems": {}}, fresh=True, out_dir=tmp_path, plots=False, progress=False)


@pytest.mark.parametrize(("cached", "says"), [(True, "from the sealed cache"), (False, "checked by Lean now (1 process(es))")])
def test_the_lean_receipt_says_where_leans_answer_came_from(cached: bool, says: str, tmp_path: Path) -> None:
    from attnthermo.ledger.claims import Receipt
    from attnthermo.ledger.receipts import Evidence, check_receipt
    from attnthermo.ledger.report import _receipt_md

    from attnthermo.manifest import Manifest, example_json

    skeleton = example_json()
    theorem = {**skeleton["theorems"]["P.A.t"], "name": "A.t", "module": "A", "file": "lean/A.lean", "statement": "True"}
    manifest = Manifest.from_json({**skeleton, "root": str(tmp_path), "theorems": {"A.t": theorem},
                                   "check": {**skeleton["check"], "cached": cached, "processes": 0 if cached else 1}})
    receipt = Receipt(kind="lean", relation="supports", theorems=("A.t",), covers="statement",
                      covers_why="the statement itself")
    result = check_receipt(receipt, Evidence(manifest=manifest))
    assert result.status == "holds" and says in result.detail and result.data["lean_cached"] is cached
    assert ("[cached]" in _receipt_md(result, tmp_path, {})) is cached
