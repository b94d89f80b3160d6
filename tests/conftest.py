"""Shared fixtures: paths to the repository and to ../shared (tests may read it; the product may not).

../shared (the claims list and math notes the project was built from) sits beside the clone in CI
only: tests that read it skip, with the reason, when it is absent — unless
ATTNTHERMO_REQUIRE_SHARED=1 (set by .ci/run), which makes them mandatory. ATTNTHERMO_SHARED_DIR
points at it elsewhere (a worktree that does not sit beside it).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ATTNTHERMO_SHARED_DIR") or REPO.parent / "shared")

# The Lean cache's HMAC secret: tests never read or write the user's (~/.config/attnthermo). One
# folder per user under the temporary folder, kept across sessions so that a session can reuse
# the Lean results sealed by the previous one; outside every cache folder, as the checker requires.
os.environ["ATTNTHERMO_SECRET_DIR"] = str(Path(tempfile.gettempdir(), f"attnthermo-test-secret-{os.getuid()}"))


# Tests never write the user's cache (~/.cache/attnthermo: models, measurements, Lean builds and
# toolchain): a cache folder of the tests' own, kept across sessions like the secret above (it is
# costly to rebuild), or $ATTNTHERMO_TEST_CACHE_DIR. Subprocesses inherit it.
os.environ["ATTNTHERMO_CACHE_DIR"] = os.environ.get("ATTNTHERMO_TEST_CACHE_DIR") or str(
    Path(tempfile.gettempdir(), f"attnthermo-test-cache-{os.getuid()}"))

# Tests never write the user's "last audit" pointer (what `attnthermo claim(s)` reads): a session-wide
# temporary one for module-scoped fixtures and subprocesses, and a fresh one per test.
os.environ["ATTNTHERMO_LAST_AUDIT"] = str(Path(__import__("tempfile").mkdtemp(prefix="attnthermo-tests-")) / "last-audit.json")


# The secret the background Lean checks were started with; a test (or doctest) that changes it
# without restoring it makes every later check read their results under another secret. (The cache
# folder may change for a whole test module: tests/atlas keeps its own.)
_SESSION_SECRET_DIR = os.environ["ATTNTHERMO_SECRET_DIR"]


@pytest.fixture(autouse=True)
def _session_secret_kept():
    now = os.environ.get("ATTNTHERMO_SECRET_DIR")
    assert now == _SESSION_SECRET_DIR, f"an earlier test or doctest set ATTNTHERMO_SECRET_DIR={now!r} and did not restore it"
    yield


@pytest.fixture(autouse=True)
def _own_last_audit_pointer(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("ATTNTHERMO_LAST_AUDIT", str(tmp_path_factory.mktemp("last-audit") / "last-audit.json"))


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        reason = f"../shared is missing beside the repository ({SHARED}): it holds the claims list and math notes"
        if os.environ.get("ATTNTHERMO_REQUIRE_SHARED") == "1":
            pytest.fail(reason + "; ATTNTHERMO_REQUIRE_SHARED=1 makes these tests mandatory")
        pytest.skip(reason + " (set ATTNTHERMO_REQUIRE_SHARED=1 to make this a failure)")
    return SHARED


# --- Lean manifests (owned by the Lean checker, attnthermo.lean) -------------------------------
# The real library and two tampered copies are checked in a background pool as soon as collection
# shows that a selected test needs them, so the Lean compiles (minutes each) overlap the Python
# tests. All checks share one semaphore: never more than two Lean processes at once overall.
# The copies are separate so that one cannot mask the other: Lean writes no .olean when it
# reports an error, so the forgeries only the .olean shows (``forged``) sit in a copy where
# everything elaborates, apart from the refusals and errors of ``tampered``.

import time  # noqa: E402
import threading  # noqa: E402
from concurrent.futures import Future, ThreadPoolExecutor  # noqa: E402
from dataclasses import dataclass  # noqa: E402

_LEAN_FIXTURES = ("lean_manifest", "tampered_manifest", "tampered_tree", "forged_manifest", "forged_tree")
_lean_runs: dict[str, Future] = {}


@dataclass(frozen=True)
class TamperedTree:
    """A copy of the Lean project plus tampering (names of what was done, for the assertions).

    - ``lexer``: a module holding the forgeries the source audit must refuse without Lean
      (``expected_findings``: what and line), with an importer ``lexer_user`` that is blocked;
    - ``probe``: a clean module whose definition ``changed_definition`` has a body other than the
      pinned one while the statement of ``changed_user`` matches its pin, and a theorem
      ``vacuous`` whose elaborated statement assumes False;
    - ``broken``: a module with a false statement ``false_theorem`` and a syntax error at
      ``syntax_error_line``, its clean theorem ``collateral`` and its importer ``broken_user``;
    - ``weakened``: a pinned theorem of the real library given an extra hypothesis (its
      elaborated statement drifts from the pin; its proof still checks).
    """

    root: Path
    lexer: str
    lexer_user: str
    expected_findings: tuple[tuple[str, str, int], ...]  # (theorem or "", what, line)
    probe: str
    changed_definition: str
    changed_user: str
    vacuous: str
    broken: str
    false_theorem: str
    collateral: str
    broken_user: str
    syntax_error_line: int
    weakened: str | None


_LEXER_FORGERIES = """module
import Lean
@[expose] public section
namespace AttnThermo.TamperLexer
set_option warningAsError false in
theorem forgedSorryAx : 1 = 2 := sorryAx _ false
theorem beforeExit : True := trivial
#exit
open Nat in axiom bad : False
instance : Inhabited False := ⟨bad⟩
def quote : Char := '"'
theorem hiddenSorry : 1 = 2 := by sorry
set_option linter.unusedSectionVars false
variable (h : False)
include h
theorem hiddenFalse (n : Nat) : n = n := rfl
elab "forge" : command => pure ()
run_cmd pure ()
theorem reduced : 2 + 2 = 4 := Lean.ofReduceNat _ _ rfl
notation "BAD" => bad
end AttnThermo.TamperLexer
"""
_EXPECTED_FINDINGS = (
    ("", "import Lean", 2), ("forgedSorryAx", "set_option", 5), ("forgedSorryAx", "sorryAx", 6),
    ("", "#exit", 8), ("", "axiom", 9), ("hiddenSorry", "sorry", 12), ("hiddenFalse", "set_option", 13),
    ("hiddenFalse", "include", 15), ("", "elab", 17), ("", "run_cmd", 18), ("reduced", "ofReduceNat", 19),
    ("", "notation", 20),
)
_PROBE = """module
@[expose] public section
namespace AttnThermo.TamperProbe
/-- Pinned with body `n + 1`; the body here differs, the statements below do not. -/
def changedBody (n : Nat) : Nat := n + 2
/-- Its statement matches the pin and its proof still checks. -/
theorem changedBody_pos (n : Nat) : 0 < changedBody n := by
  unfold changedBody
  omega
/-- What a hidden `include` of `h : False` makes of a theorem. -/
theorem assumesFalse (h : False) (n : Nat) : n = n + 1 := h.elim
end AttnThermo.TamperProbe
"""
_PROBE_PINS = {
    "AttnThermo.TamperProbe.changedBody_pos": "∀ (n : Nat), 0 < AttnThermo.TamperProbe.changedBody n",
    "AttnThermo.TamperProbe.assumesFalse": "False → ∀ (n : Nat), n = n + 1",
}
_PROBE_DEFINITION_PINS = {
    "AttnThermo.TamperProbe.changedBody": "@[expose] def AttnThermo.TamperProbe.changedBody : Nat → Nat := fun n => n + 1",
}
_BROKEN = """module
@[expose] public section
namespace AttnThermo.TamperBroken
/-- Clean, but in a module that does not compile. -/
theorem collateral : True := trivial
/-- A false statement. -/
theorem falseStatement (n : Nat) : n + 1 = n := by
  omega
end AttnThermo.TamperBroken

theorem syntaxError : True := ((
"""


def _make_tampered_tree(dest: Path) -> TamperedTree:
    import shutil

    from attnthermo.lean.audit import source_findings
    from attnthermo.lean.pinned import Pins, load_pins, write_pins
    from attnthermo.lean.project import load_project
    from attnthermo.lean.sources import claim_ids

    for part in ("lean", "bridge"):
        shutil.copytree(REPO / part, dest / part)
    for part in ("lakefile.lean", "lean-toolchain"):
        shutil.copyfile(REPO / part, dest / part)
    project = load_project(dest)
    pins = load_pins(dest)
    clean = [m for m in project.order if not source_findings(m.data.decode(), m.relpath, project.modules)]
    referenced = {i for m in project.order for d in m.source.declarations for i in d.identifiers}
    weakened = None
    for module in reversed(clean):
        leaves = [d for d in module.source.declarations if d.kind == "theorem" and d.name in pins.theorems
                  and not any(d.name == i or d.name.endswith("." + i) for i in referenced)]
        if leaves:  # prefer a theorem a claim rests on, so the ledger's tamper test sees a claim move
            decl = sorted(leaves, key=lambda d: bool(claim_ids(d.docstring)))[-1]
            local = decl.name.rsplit(".", 1)[1]
            text = module.path.read_text()
            head = text.index(f"theorem {local}", decl.start) + len(f"theorem {local}")
            module.path.write_text(text[:head] + " (_tampered : True)" + text[head:])
            weakened = decl.name
            break

    files = {
        "TamperLexer": _LEXER_FORGERIES,
        "TamperLexerUser": "module\npublic import AttnThermo.TamperLexer\nnamespace AttnThermo.TamperLexerUser\n"
                           "theorem user : True := trivial\nend AttnThermo.TamperLexerUser\n",
        "TamperProbe": _PROBE,
        "TamperBroken": _BROKEN,
        "TamperBrokenUser": "module\npublic import AttnThermo.TamperBroken\nnamespace AttnThermo.TamperBrokenUser\n"
                            "theorem user : True := trivial\nend AttnThermo.TamperBrokenUser\n",
    }
    for name, text in files.items():
        (dest / "lean" / "AttnThermo" / f"{name}.lean").write_text(text)
    write_pins(dest, Pins({**pins.theorems, **_PROBE_PINS}, {**pins.definitions, **_PROBE_DEFINITION_PINS},
                          pins.digests, pins.declarations))
    return TamperedTree(
        root=dest, lexer="AttnThermo.TamperLexer", lexer_user="AttnThermo.TamperLexerUser",
        expected_findings=_EXPECTED_FINDINGS, probe="AttnThermo.TamperProbe",
        changed_definition="AttnThermo.TamperProbe.changedBody", changed_user="AttnThermo.TamperProbe.changedBody_pos",
        vacuous="AttnThermo.TamperProbe.assumesFalse", broken="AttnThermo.TamperBroken",
        false_theorem="AttnThermo.TamperBroken.falseStatement", collateral="AttnThermo.TamperBroken.collateral",
        broken_user="AttnThermo.TamperBrokenUser", syntax_error_line=_BROKEN.splitlines().index("theorem syntaxError : True := ((") + 1,
        weakened=weakened,
    )


@dataclass(frozen=True)
class ForgedTree:
    """A copy of the Lean project plus forgeries that elaborate cleanly and only Lean's output
    (the .olean) shows, in module ``module``:

    - ``plain``/``plain_again``: the same statement twice (same digest), ``forged``: the same
      printed statement under a local high-priority instance making ``+`` multiplication (pinned
      with ``plain``'s digest); ``plain_def``/``forged_def`` likewise for a definition body;
    - ``vacuous_headline``: a headline theorem with the hypothesis ``T = T + 1``, pinned, no witness;
    - ``unpinned_headline``: a new headline theorem with no pin;
    - ``sneaky``: reaches ``Lean.ofReduceBool`` through ``sneaky_aux``; the check runs with a source
      audit that misses the ``reduceBool``/``native_decide`` spellings (``slipped``), as if a
      spelling had slipped through, so only the axiom closure can name it.
    """

    root: Path
    module: str
    plain: str
    plain_again: str
    forged: str
    plain_def: str
    forged_def: str
    vacuous_headline: str
    unpinned_headline: str
    sneaky: str
    sneaky_aux: str
    slipped: tuple[str, ...]


_FORGED_NS = "AttnThermo.TamperMeaning"
_FORGED = f"""module
@[expose] public section
namespace {_FORGED_NS}
/-- Control: no instance in scope. -/
theorem plainSum : (2 : Nat) + 2 = 4 := rfl
/-- Control: the same source, so the same digest. -/
theorem plainSumAgain : (2 : Nat) + 2 = 4 := rfl
/-- Control: doubling. -/
noncomputable def plainDouble (n : Nat) : Nat := n + n
section
noncomputable local instance (priority := high) timesAsPlus : HAdd Nat Nat Nat := ⟨fun a b => a * b⟩
/-- Prints as `2 + 2 = 4`; here `+` is multiplication. -/
theorem forgedSum : (2 : Nat) + 2 = 4 := rfl
/-- Prints as `n + n`; here it is `n * n`. -/
noncomputable def forgedDouble (n : Nat) : Nat := n + n
end
/-- A hypothesis no `T` satisfies. Claim: `tamper-vacuous` -/
theorem vacuousHeadline (T : Nat) (h : T = T + 1) : T = 7 := by omega
/-- Claim: `tamper-unpinned` -/
theorem unpinnedHeadline : True := trivial
/-- Trusts compiled code. -/
theorem sneakyAux (h : Lean.reduceBool true = true) : true = true := Lean.ofReduceBool true true h
/-- Reaches it only through `sneakyAux`. -/
theorem sneaky (h : Lean.reduceBool true = true) : true = true := sneakyAux h
end {_FORGED_NS}
"""
_SLIPPED = ("native_decide", "ofReduceBool", "reduceBool", "+native")


def _audit_with_a_gap(text: str, relpath: str, modules) -> list:
    """The source audit, but its forbidden names miss ``_SLIPPED`` (a spelling that slipped through)."""
    from attnthermo.lean.audit import source_findings

    return [f for f in source_findings(text, relpath, modules) if f.what not in _SLIPPED]


def _make_forged_tree(dest: Path) -> ForgedTree:
    import shutil

    for part in ("lean", "bridge"):
        shutil.copytree(REPO / part, dest / part)
    for part in ("lakefile.lean", "lean-toolchain"):
        shutil.copyfile(REPO / part, dest / part)
    (dest / "lean" / "AttnThermo" / "TamperMeaning.lean").write_text(_FORGED)
    name = lambda local: f"{_FORGED_NS}.{local}"  # noqa: E731
    return ForgedTree(dest, _FORGED_NS, name("plainSum"), name("plainSumAgain"), name("forgedSum"),
                      name("plainDouble"), name("forgedDouble"), name("vacuousHeadline"), name("unpinnedHeadline"),
                      name("sneaky"), name("sneakyAux"), _SLIPPED)


def _check_forged(tree: ForgedTree, **kwargs):
    """Check the forged tree, then pin its forgeries as a reviewer would have pinned the honest
    versions (the printed text Lean shows; the digest of the control twin) and re-check (cached)."""
    from attnthermo.lean import check
    from attnthermo.lean.pinned import Pins, load_pins, write_pins

    first = check(tree.root, source_audit=_audit_with_a_gap, **kwargs)
    t, d = first.theorems, first.definitions
    pins = load_pins(tree.root)
    theorems = {**pins.theorems, **{n: t[n].statement for n in (tree.plain, tree.forged, tree.vacuous_headline)}}
    definitions = {**pins.definitions, **{n: d[n].printed for n in (tree.plain_def, tree.forged_def)}}
    digests = {**pins.digests, tree.plain: t[tree.plain].digest, tree.forged: t[tree.plain].digest,
               tree.vacuous_headline: t[tree.vacuous_headline].digest, tree.plain_def: d[tree.plain_def].digest,
               tree.forged_def: d[tree.plain_def].digest}
    write_pins(tree.root, Pins(theorems, definitions, digests, pins.declarations))
    return first, check(tree.root, source_audit=_audit_with_a_gap, **kwargs)


def _lean_progress(tag: str):
    """Progress of a background check, appended to a log file (pytest captures stderr)."""
    from attnthermo.paths import cache_dir

    log = cache_dir("lean-build") / "pytest-progress.log"

    def say(message: str) -> None:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{time.strftime('%H:%M:%S')} [{tag}] {message}\n")

    return say


def pytest_report_header(config: pytest.Config) -> str:
    from attnthermo.paths import cache_dir

    return f"Lean checks started by tests log their progress to {cache_dir('lean-build') / 'pytest-progress.log'}"


def _needs_lean(item: pytest.Item) -> bool:
    return any(name in getattr(item, "fixturenames", ()) for name in _LEAN_FIXTURES)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the tests that wait for a Lean manifest last, so the Python tests overlap the compiles."""
    items.sort(key=_needs_lean)  # stable: each group keeps its order


def pytest_collection_finish(session: pytest.Session) -> None:
    wanted = {n for item in session.items for n in _LEAN_FIXTURES if n in getattr(item, "fixturenames", ())}
    if not wanted or _lean_runs or session.config.option.collectonly:
        return
    from attnthermo.lean import check
    from attnthermo.lean.buildpaths import build_dir_for
    from attnthermo.lean.cache import load_secret
    from attnthermo.lean.toolchain import find_toolchain

    import os

    # Lean processes at once for the two background checks (each peaks near 3.6 GB, one thread); 1 on a busy machine
    slots = threading.BoundedSemaphore(int(os.environ.get("ATTNTHERMO_TEST_LEAN_SLOTS", "2")))
    pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="lean-check")
    # fixed now, before tests start changing PATH, the cache folder and the secret folder in the main thread
    toolchain, secret = find_toolchain(), load_secret()
    tampered_root = Path(tempfile.mkdtemp(prefix="attnthermo-tampered-"))
    builds = {root: build_dir_for(root, toolchain.kind) for root in (REPO, tampered_root)}
    if "lean_manifest" in wanted:  # the real tree first: it gets the first Lean slot
        _lean_runs["lean_manifest"] = pool.submit(check, REPO, jobs=2, progress=_lean_progress("real"), slots=slots,
                                                  toolchain=toolchain, build_dir=builds[REPO], secret=secret)
    if wanted & {"tampered_manifest", "tampered_tree"}:
        def tampered() -> tuple[TamperedTree, dict]:
            tree = _make_tampered_tree(tampered_root)
            return tree, check(tree.root, jobs=2, progress=tampered_progress, slots=slots,
                               toolchain=toolchain, build_dir=builds[tampered_root], secret=secret)

        tampered_progress = _lean_progress("tampered")
        _lean_runs["tampered"] = pool.submit(tampered)
    if wanted & {"forged_manifest", "forged_tree"}:
        forged_root = Path(tempfile.mkdtemp(prefix="attnthermo-forged-"))
        forged_build = build_dir_for(forged_root, toolchain.kind)  # now, before tests move the cache folder
        forged_progress = _lean_progress("forged")

        def forged() -> tuple[ForgedTree, dict, dict]:
            tree = _make_forged_tree(forged_root)
            first, second = _check_forged(tree, jobs=2, progress=forged_progress, slots=slots,
                                          toolchain=toolchain, build_dir=forged_build, secret=secret)
            return tree, first, second

        _lean_runs["forged"] = pool.submit(forged)
    pool.shutdown(wait=False)


def _lean_run(name: str):
    future = _lean_runs.get(name)
    if future is None:
        pytest.fail(f"the background Lean check {name!r} was not started (pytest_collection_finish)")
    return future.result()


@pytest.fixture(scope="session")
def lean_manifest() -> dict:
    """The manifest of `attnthermo lean check` on the repository's Lean library (checked once)."""
    return _lean_run("lean_manifest")


@pytest.fixture(scope="session")
def tampered_tree() -> TamperedTree:
    """The tampered copy of the Lean project and what was done to it."""
    return _lean_run("tampered")[0]


@pytest.fixture(scope="session")
def tampered_manifest() -> dict:
    """The manifest of the tampered copy (see TamperedTree)."""
    return _lean_run("tampered")[1]


@pytest.fixture(scope="session")
def forged_tree() -> ForgedTree:
    """The copy with forgeries only the .olean shows, and what was done to it."""
    return _lean_run("forged")[0]


@pytest.fixture(scope="session")
def forged_manifest() -> dict:
    """The manifest of the forged copy after its forgeries were pinned as their honest twins (see ForgedTree)."""
    return _lean_run("forged")[2]


@pytest.fixture
def forward_passes(monkeypatch) -> list[int]:
    """The prompts of each forward-pass call (measurement.run.run_prompts) made during the test."""
    from attnthermo.measurement import run

    counted: list[int] = []
    real = run.run_prompts

    def counting(model, prompt_ids, *args):
        counted.append(len(prompt_ids))
        return real(model, prompt_ids, *args)

    monkeypatch.setattr(run, "run_prompts", counting)
    return counted
