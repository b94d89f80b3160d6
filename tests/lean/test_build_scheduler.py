"""The checker's scheduling, caching and status logic, driven by a fake `lean` (seconds, not minutes).

The real compiler runs in test_library.py and test_tampered.py; here a stand-in script plays
Lean so that dependency order, blocking, concurrency limits and cache reuse are checked fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import attnthermo.lean.checker as checker
from attnthermo.lean.toolchain import Toolchain

FAKE = Path(__file__).with_name("fake_lean.py")


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    log = tmp_path / "lean.log"
    monkeypatch.setenv("FAKE_LEAN_LOG", str(log))
    monkeypatch.setenv("FAKE_LEAN_SECONDS", "0.3")
    monkeypatch.setenv("ATTNTHERMO_CACHE_DIR", str(tmp_path / "cache"))
    toolchain = Toolchain("wasm", "4.28.0-pre (fake)", (sys.executable, str(FAKE)))
    monkeypatch.setattr(checker, "find_toolchain", lambda _progress=None: toolchain)
    return log


def module(name: str, imports: list[str], body: str) -> str:
    head = "module\n" + "".join(f"public import {i}\n" for i in imports)
    return f"{head}namespace {name}\n{body}\nend {name}\n"


def make_project(root: Path, broken: bool = False) -> Path:
    files = {
        "Q/A.lean": module("Q.A", [], "/-- a. Claim: `c-a` -/\ntheorem a1 : True := trivial"),
        "Q/B.lean": module("Q.B", [], "theorem b1 : True := trivial\ntheorem b2 : True := by\n  " + ("FAIL" if broken else "trivial")),
        "Q/C.lean": module("Q.C", ["Q.A", "Q.B"], "theorem c1 : True := trivial"),
        "Q/D.lean": module("Q.D", ["Q.C"], "theorem d1 : True := trivial"),
    }
    for rel, text in files.items():
        path = root / "lean" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    (root / "bridge").mkdir(exist_ok=True)
    (root / "bridge" / "values.toml").write_text(
        '[[value]]\nid = "half"\nlean = "(1 : Rat)/2"\npython = "fractions:Fraction"\nargs = {}\n'
        '[[value]]\nid = "neg"\nlean = "(-3 : Rat)/4"\n'
    )
    (root / "bridge" / "pinned-statements.toml").write_text(
        '[theorems]\n"Q.A.a1" = ": True"\n"Q.B.b1" = ": False"\n"Q.Gone.g" = ": True"\n'
    )
    return root


def test_order_concurrency_statuses_and_values(tmp_path: Path, fake: Path) -> None:
    lines: list[str] = []
    manifest = checker.check(make_project(tmp_path / "p"), jobs=2, progress=lines.append)
    log = fake.read_text().splitlines()
    starts = [l.split()[1] for l in log if l.startswith("start")]
    assert sorted(starts[:2]) == ["Q/A.lean", "Q/B.lean"]  # independent modules start together
    assert starts[2:] == ["Q/C.lean", "Q/D.lean", "AttnThermoValueBridge.lean"]
    running = max_running(log)
    assert running == 2
    assert sum(1 for l in lines if l.startswith("[")) == 4  # one progress line per module
    assert manifest["modules"]["Q.D"]["status"] == "ok"
    assert manifest["values"]["half"]["result"] == "1/2"
    assert manifest["values"]["neg"]["result"] == "-3/4"
    th = manifest["theorems"]
    assert th["Q.A.a1"]["status"] == "proved" and th["Q.A.a1"]["claims"] == ["c-a"]
    assert th["Q.B.b1"]["status"] == "drift"
    assert th["Q.C.c1"]["pinned"] == "unpinned" and th["Q.C.c1"]["status"] == "proved"
    assert manifest["pinned_missing"] == ["Q.Gone.g"]
    assert not manifest["ok"]


def test_jobs_one_never_overlaps(tmp_path: Path, fake: Path) -> None:
    checker.check(make_project(tmp_path / "p"), jobs=1, progress=None)
    assert max_running(fake.read_text().splitlines()) == 1


def test_failure_blocks_importers_and_is_cached_until_the_source_changes(tmp_path: Path, fake: Path) -> None:
    root = make_project(tmp_path / "p", broken=True)
    manifest = checker.check(root, progress=None)
    mods, th = manifest["modules"], manifest["theorems"]
    assert mods["Q.B"]["status"] == "failed"
    assert th["Q.B.b2"]["status"] == "failed" and "unsolved goals" in th["Q.B.b2"]["reason"]
    assert th["Q.B.b1"]["status"] == "blocked" and "did not compile clean" in th["Q.B.b1"]["reason"]
    assert mods["Q.C"]["status"] == mods["Q.D"]["status"] == "blocked"
    assert mods["Q.D"]["blocked_by"] == ["Q.B"]
    assert th["Q.D.d1"]["status"] == "blocked" and "Q.B" in th["Q.D.d1"]["reason"]
    assert manifest["values_status"] == "blocked"
    compiled = {l.split()[1] for l in fake.read_text().splitlines()}
    assert compiled == {"Q/A.lean", "Q/B.lean"}

    fake.write_text("")
    again = checker.check(root, progress=None)
    assert fake.read_text() == ""  # nothing recompiled: the failure is cached
    assert again["modules"]["Q.B"]["cached"] and again["theorems"]["Q.B.b2"]["status"] == "failed"

    path = root / "lean" / "Q" / "B.lean"
    path.write_text(path.read_text().replace("FAIL", "trivial"))
    fixed = checker.check(root, progress=None)
    recompiled = [l.split()[1] for l in fake.read_text().splitlines() if l.startswith("start")]
    assert recompiled == ["Q/B.lean", "Q/C.lean", "Q/D.lean", "AttnThermoValueBridge.lean"]  # A stays cached
    assert fixed["modules"]["Q.A"]["cached"] and fixed["modules"]["Q.D"]["status"] == "ok"


def test_manifest_written_to_json_path(tmp_path: Path, fake: Path) -> None:
    import json

    target = tmp_path / "out" / "manifest.json"
    manifest = checker.check(make_project(tmp_path / "p"), json_path=target, progress=None)
    assert json.loads(target.read_text()) == manifest


def max_running(log: list[str]) -> int:
    running = peak = 0
    for line in log:
        running += 1 if line.startswith("start") else -1
        peak = max(peak, running)
    return peak


def test_concurrent_checks_of_one_root_compile_each_module_once(tmp_path: Path, fake: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    root = make_project(tmp_path / "p")
    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(lambda _: checker.check(root, progress=None), range(2))
    starts = [l.split()[1] for l in fake.read_text().splitlines() if l.startswith("start")]
    assert sorted(starts) == sorted(["Q/A.lean", "Q/B.lean", "Q/C.lean", "Q/D.lean", "AttnThermoValueBridge.lean"])
    assert {first["modules"]["Q.D"]["cached"], second["modules"]["Q.D"]["cached"]} == {False, True}
