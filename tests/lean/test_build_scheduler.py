"""The checker's scheduling, caching and status logic, driven by a fake `lean` (seconds, not minutes).

The real compiler runs in test_library.py and test_tampered.py; here a stand-in script plays
Lean: the wasm path (one process for the whole library), the native path (one per module, in
dependency order), blocking, statuses, the value bridge, and caches that cannot be forged.
"""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

import pytest

import attnthermo.lean.checker as checker
from attnthermo.lean.cache import state_path
from attnthermo.lean.toolchain import Toolchain

FAKE = Path(__file__).with_name("fake_lean.py")


def fake_toolchain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> Path:
    log = tmp_path / "lean.log"
    monkeypatch.setenv("FAKE_LEAN_LOG", str(log))
    monkeypatch.setenv("FAKE_LEAN_SECONDS", "0.3")
    monkeypatch.setenv("ATTNTHERMO_CACHE_DIR", str(tmp_path / "cache"))
    toolchain = Toolchain(kind, "4.28.0 (fake)", (sys.executable, str(FAKE)))
    monkeypatch.setattr(checker, "find_toolchain", lambda _progress=None: toolchain)
    # the fake writes the facts as JSON beside its fake .olean (the real reader: test_olean.py)
    # (only for oleans under this test's folder: Lean checks of the real trees run on other threads)
    real = checker.read_facts

    def facts(olean: Path, search: list[Path]) -> dict:
        if Path(olean).is_relative_to(tmp_path):
            return json.loads(Path(f"{olean}.private").read_text())
        return real(olean, search)

    monkeypatch.setattr(checker, "read_facts", facts)
    return log


@pytest.fixture
def native(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return fake_toolchain(tmp_path, monkeypatch, "native")


@pytest.fixture
def wasm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return fake_toolchain(tmp_path, monkeypatch, "wasm")


def module(name: str, imports: list[str], body: str) -> str:
    head = "module\n" + "".join(f"public import {i}\n" for i in imports) + "@[expose] public section\n"
    return f"{head}namespace {name}\n{body}\nend {name}\n"


PINS = ('format = 3\n[theorems]\n"Q.A.a1" = "True"\n"Q.B.b1" = "False"\n"Q.Gone.g" = "True"\n'
        '[definitions]\n"Q.A.aDef" = "def Q.A.aDef : Nat := 2"\n'
        '[digests]\n"Q.A.a1" = "d-Q.A.a1"\n"Q.B.b1" = "d-Q.B.b1"\n"Q.A.aDef" = "d-Q.A.aDef"\n'
        '"fake.instance" = "d-fake.instance"\n')


def make_project(root: Path, broken: bool = False, extra: dict[str, str] | None = None) -> Path:
    files = {
        "Q/A.lean": module("Q.A", [], "/-- a. Claim: `c-a` -/\ntheorem a1 : True := trivial\ndef aDef : Nat := 1\n"
                           "/-- Non-vacuity: `Q.A.a1` -/\ntheorem a1_witness : True := trivial"),
        "Q/B.lean": module("Q.B", [], "theorem b1 : True := trivial\ntheorem b2 : True := by\n  " + ("FAIL" if broken else "trivial")),
        "Q/C.lean": module("Q.C", ["Q.A", "Q.B"], "theorem c1 : True := trivial"),
        "Q/D.lean": module("Q.D", ["Q.C"], "theorem d1 : True := trivial\ndef half : Rat := 1 / 2"),
        **(extra or {}),
    }
    for rel, text in files.items():
        path = root / "lean" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    (root / "bridge").mkdir(exist_ok=True)
    (root / "bridge" / "values.toml").write_text(
        '[[value]]\nid = "half"\nlean = "(1 : Rat)/2"\npython = "fractions:Fraction"\nargs = {}\n'
        '[[value]]\nid = "neg"\nlean = "(-3 : Rat)/4"\n'
        '[[value]]\nid = "uses-d"\nlean = "Q.D.half"\n'
    )
    (root / "bridge" / "pinned-statements.toml").write_text(PINS)
    return root


def starts(log: Path) -> list[str]:
    return [line.split()[1] for line in log.read_text().splitlines() if line.startswith("start")]


# ------------------------------------------------------------------------------------ wasm


def test_wasm_checks_the_whole_library_in_one_process(tmp_path: Path, wasm: Path) -> None:
    lines: list[str] = []
    manifest = checker.check(make_project(tmp_path / "p"), progress=lines.append)
    assert starts(wasm) == ["AttnThermoCheck.lean"]
    assert manifest.check.processes == 1 and not manifest.check.cached
    text = Path(manifest.check.file).read_text()
    assert text.index("namespace Q.A") < text.index("namespace Q.C") < text.index("namespace Q.D")
    assert "#check @Q.D.d1" in text and "#print Q.A.aDef" in text and "#eval ((1 : Rat)/2)" in text
    th = manifest.theorems
    assert th["Q.A.a1"].status == "proved" and th["Q.A.a1"].claims == ["c-a"] and th["Q.A.a1"].role == "headline"
    assert th["Q.A.a1_witness"].role == "witness" and th["Q.C.c1"].role == "supporting"
    assert th["Q.B.b1"].status == "drift" and "pinned `False`, Lean `True`" in th["Q.B.b1"].reason
    assert th["Q.C.c1"].pinned == "unpinned" and th["Q.C.c1"].status == "proved"
    assert manifest.definitions["Q.A.aDef"].pinned == "drift"
    assert any("definition Q.A.aDef [drift]" in f for f in manifest.failures)
    assert manifest.pinned_missing == ["Q.Gone.g"]
    assert manifest.values["half"].result == "1/2" and manifest.values["neg"].result == "-3/4"
    assert (manifest.counts.headline, manifest.counts.witnesses, manifest.counts.supporting) == (1, 1, 4)
    assert any("still elaborating" in l or "Lean" in l for l in lines)
    assert not manifest.ok


def test_wasm_failure_is_mapped_to_its_module_and_line_and_blocks_importers(tmp_path: Path, wasm: Path) -> None:
    manifest = checker.check(make_project(tmp_path / "p", broken=True), progress=None)
    b = manifest.modules["Q.B"]
    assert b.status == "failed"
    assert [(m.file, m.line) for m in b.messages if m.severity == "error"] == [("lean/Q/B.lean", 6)]
    th = manifest.theorems
    assert th["Q.B.b2"].status == "failed" and "lean/Q/B.lean:6: error: unsolved goals" in th["Q.B.b2"].reason
    assert th["Q.B.b1"].status == "blocked" and "did not check clean" in th["Q.B.b1"].reason
    assert manifest.modules["Q.D"].status == "blocked" and manifest.modules["Q.D"].blocked_by == ["Q.B"]
    assert th["Q.D.d1"].status == "blocked"
    assert manifest.values["uses-d"].result is None and "Q.D" in manifest.values["uses-d"].error
    assert manifest.values["half"].result == "1/2"  # needs no project module
    assert manifest.values_status == "blocked"
    assert starts(wasm) == ["AttnThermoCheck.lean"]


def test_wasm_refused_module_is_not_elaborated_and_its_importers_are_blocked(tmp_path: Path, wasm: Path) -> None:
    extra = {"Q/E.lean": module("Q.E", [], "set_option warningAsError false in\ntheorem e1 : True := trivial"),
             "Q/F.lean": module("Q.F", ["Q.E"], "theorem f1 : True := trivial")}
    manifest = checker.check(make_project(tmp_path / "p", extra=extra), progress=None)
    text = Path(manifest.check.file).read_text()
    assert "Q.E" not in text.replace("-- Q.E", "") and "namespace Q.F" not in text
    e = manifest.modules["Q.E"]
    assert e.status == "failed" and [(f.what, f.line) for f in e.findings] == [("set_option", 4)]
    assert manifest.theorems["Q.E.e1"].status == "failed" and "lean/Q/E.lean:4" in manifest.theorems["Q.E.e1"].reason
    assert manifest.modules["Q.F"].status == "blocked" and manifest.theorems["Q.F.f1"].status == "blocked"
    assert "source audit: lean/Q/E.lean:4: `set_option` is forbidden in the library" in manifest.failures


def test_wasm_theorem_without_check_output_is_missing_not_proved(tmp_path: Path, wasm: Path) -> None:
    extra = {"Q/G.lean": module("Q.G", [], "theorem g1 : True := trivial\ntheorem sorried : True := trivial")}
    root = make_project(tmp_path / "p", extra=extra)
    manifest = checker.check(root, progress=None)
    assert manifest.theorems["Q.G.g1"].status == "proved"
    sorried = manifest.theorems["Q.G.sorried"]
    assert sorried.status == "failed" and sorried.axioms == ["sorryAx"]
    assert sorried.axiom_audit.found == ["sorryAx (via Q.G.sorried → sorryAx)"] and "sorryAx" in sorried.reason


def test_headline_needs_a_pin_and_an_applying_witness(tmp_path: Path, wasm: Path) -> None:
    extra = {"Q/H.lean": module("Q.H", [], "/-- Claim: `c-h` -/\ntheorem h1 : True := trivial\n"
                                "/-- Claim: `c-u` -/\ntheorem unpinned : True := trivial\n"
                                "/-- Claim: `c-w` -/\ntheorem w1 : True := trivial\ntheorem w1_witness : True := trivial")}
    root = make_project(tmp_path / "p", extra=extra)
    pins = root / "bridge" / "pinned-statements.toml"
    pins.write_text(pins.read_text().replace('[definitions]', '"Q.H.h1" = "True"\n"Q.H.w1" = "True"\n[definitions]')
                    + '"Q.H.h1" = "d-Q.H.h1"\n"Q.H.w1" = "d-Q.H.w1"\n')
    manifest = checker.check(root, progress=None)
    h1, unpinned, w1 = (manifest.theorems[f"Q.H.{n}"] for n in ("h1", "unpinned", "w1"))
    assert h1.pinned == "match" and h1.status == "failed" and "no witness applies it" in h1.reason
    assert unpinned.status == "failed" and "headline theorem not pinned" in unpinned.reason
    assert w1.status == "proved" and manifest.theorems["Q.A.a1"].status == "proved"
    assert not manifest.ok and any(f.startswith("Q.H.h1 [failed]: no witness") for f in manifest.failures)


def test_every_constant_and_declaration_command_is_pinned(tmp_path: Path, wasm: Path) -> None:
    extra = {"Q/I.lean": module("Q.I", [], "attribute [local simp] Nat.add_comm\ntheorem i1 : True := trivial\n"
                                "def newDef : Nat := 3")}
    root = make_project(tmp_path / "p", extra=extra)
    pins = root / "bridge" / "pinned-statements.toml"
    pins.write_text(pins.read_text().replace('"fake.instance" = "d-fake.instance"\n', '"fake.instance" = "d-other"\n'))
    manifest = checker.check(root, progress=None)
    assert manifest.constants["fake.instance"].pinned == "drift"
    expose = "@[ expose ] public section"
    assert manifest.declarations["Q.I"].commands == [expose, "attribute [ local simp ] Nat.add_comm"]
    assert manifest.declarations["Q.I"].pinned == "unpinned" and manifest.declarations["Q.C"].commands == [expose]
    assert any(f.startswith("constant fake.instance [drift]") for f in manifest.failures)
    assert manifest.definitions["Q.I.newDef"].pinned == "unpinned"  # a new definition is not silently accepted
    assert any(f.startswith("constant Q.I.newDef [unpinned]") for f in manifest.failures)
    assert any(f.startswith("module Q.I [unpinned]") and "attribute [ local simp ]" in f for f in manifest.failures)
    lines = "".join(f'"Q.{m}" = ["{expose}"]\n' for m in "ABCD")
    pins.write_text(pins.read_text().replace('"d-other"', '"d-fake.instance"\n"Q.I.newDef" = "d-Q.I.newDef"')
                    + "[declarations]\n" + lines
                    + f'"Q.I" = ["{expose}", "attribute [ local simp ] Nat.add_comm"]\n')
    again = checker.check(root, progress=None)
    assert again.constants["fake.instance"].pinned == "match"
    assert {n: d.pinned for n, d in again.declarations.items()} == dict.fromkeys(("Q.A", "Q.B", "Q.C", "Q.D", "Q.I"), "match")
    assert not any(f.startswith(("constant ", "module ")) for f in again.failures)


def test_wasm_cache_is_reused_and_cannot_be_forged(tmp_path: Path, wasm: Path) -> None:
    root = make_project(tmp_path / "p", broken=True)
    first = checker.check(root, progress=None)
    wasm.write_text("")
    again = checker.check(root, progress=None)
    assert starts(wasm) == [] and again.check.cached and again.theorems["Q.B.b2"].status == "failed"

    state = state_path(Path(first.check.file).parent.parent, "check")
    entry = json.loads(state.read_text())
    entry["payload"]["messages"] = [m for m in entry["payload"]["messages"] if m["severity"] != "error"]
    state.write_text(json.dumps(entry))  # a forged "clean" result with the right key
    notes: list[str] = []
    forged = checker.check(root, progress=notes.append)
    assert starts(wasm) == ["AttnThermoCheck.lean"]  # re-checked, not trusted
    assert any("fails its integrity check" in n for n in notes)
    assert forged.theorems["Q.B.b2"].status == "failed"

    wasm.write_text("")
    path = root / "lean" / "Q" / "B.lean"
    path.write_text(path.read_text().replace("FAIL", "trivial"))
    fixed = checker.check(root, progress=None)
    assert starts(wasm) == ["AttnThermoCheck.lean"] and fixed.modules["Q.D"].status == "ok"


def test_manifest_written_to_json_path(tmp_path: Path, wasm: Path) -> None:
    from attnthermo.manifest import load_manifest

    target = tmp_path / "out" / "manifest.json"
    manifest = checker.check(make_project(tmp_path / "p"), json_path=target, progress=None)
    assert load_manifest(target) == manifest


def test_pin_writes_what_lean_printed_then_everything_matches(tmp_path: Path, wasm: Path) -> None:
    from attnthermo.lean.pinned import load_pins

    root = make_project(tmp_path / "p")
    checker.pin(root)
    pins = load_pins(root)
    assert pins.theorems["Q.A.a1"] == "True" and pins.definitions["Q.A.aDef"] == "def Q.A.aDef : Nat := 1"
    manifest = checker.check(root, progress=None)
    assert manifest.ok, manifest.failures
    assert starts(wasm) == ["AttnThermoCheck.lean"]  # pinning and re-checking reused the one run


# ------------------------------------------------------------------------------------ native


def test_native_order_concurrency_and_statuses(tmp_path: Path, native: Path) -> None:
    lines: list[str] = []
    manifest = checker.check(make_project(tmp_path / "p"), jobs=2, progress=lines.append)
    order = starts(native)
    assert sorted(order[:2]) == ["Q/A.lean", "Q/B.lean"]  # independent modules start together
    assert order[2:] == ["Q/C.lean", "Q/D.lean", "AttnThermoCheck.lean"]
    assert max_running(native.read_text().splitlines()) == 2
    assert sum(1 for l in lines if l.startswith("[")) == 4  # one progress line per module
    assert manifest.axiom_audit == "print-axioms" and manifest.theorems["Q.A.a1"].axioms == []
    assert manifest.theorems["Q.A.a1"].status == "proved" and manifest.theorems["Q.B.b1"].status == "drift"
    assert manifest.values["neg"].result == "-3/4"


def test_native_jobs_one_never_overlaps(tmp_path: Path, native: Path) -> None:
    checker.check(make_project(tmp_path / "p"), jobs=1, progress=None)
    assert max_running(native.read_text().splitlines()) == 1


def test_native_failure_blocks_importers_and_a_replaced_olean_is_not_trusted(tmp_path: Path, native: Path) -> None:
    root = make_project(tmp_path / "p", broken=True)
    manifest = checker.check(root, progress=None)
    assert manifest.modules["Q.B"].status == "failed" and manifest.modules["Q.D"].blocked_by == ["Q.B"]
    assert set(starts(native)) == {"Q/A.lean", "Q/B.lean", "AttnThermoCheck.lean"}

    native.write_text("")
    olean = next((Path(manifest.check.file).parent.parent / "olean").rglob("A.olean"))
    olean.write_text("an olean built from something else")
    notes: list[str] = []
    again = checker.check(root, progress=notes.append)
    assert "Q/A.lean" in starts(native) and "Q/B.lean" not in starts(native)  # B's failure stays cached
    assert any("not the file that was built" in n for n in notes)
    assert again.theorems["Q.B.b2"].status == "failed"


def max_running(log: list[str]) -> int:
    running = peak = 0
    for line in log:
        running += 1 if line.startswith("start") else -1
        peak = max(peak, running)
    return peak


def test_concurrent_checks_of_one_root_run_lean_once(tmp_path: Path, wasm: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    root = make_project(tmp_path / "p")
    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(lambda _: checker.check(root, progress=None), range(2))
    assert starts(wasm) == ["AttnThermoCheck.lean"]
    assert {first.check.cached, second.check.cached} == {False, True}


def test_parallel_first_seals_share_one_whole_secret(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds running in parallel seal their first entries at once: none fails, all share one secret."""
    from concurrent.futures import ThreadPoolExecutor

    from attnthermo.lean.cache import SECRET_FILE, secret_path, seal, unseal

    monkeypatch.setenv("ATTNTHERMO_SECRET_DIR", str(tmp_path / "secret"))
    build = tmp_path / "native" / "key"
    barrier = threading.Barrier(8)

    def first_seal(i: int) -> None:
        barrier.wait()
        seal(build, f"m{i}", {"key": f"k{i}", "status": "ok"})

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(first_seal, range(8)))
    assert secret_path() == tmp_path / "secret" / SECRET_FILE and len(secret_path().read_bytes()) == 32
    assert [p.name for p in secret_path().parent.iterdir()] == [SECRET_FILE]
    assert all(unseal(build, f"m{i}", f"k{i}")["status"] == "ok" for i in range(8))
