"""Shared fixtures: paths to the repository and to ../shared (tests may read it; the product may not).

../shared (the claims list and math notes the project was built from) sits beside the clone in CI
only: tests that read it skip, with the reason, when it is absent — unless
ATTNTHERMO_REQUIRE_SHARED=1 (set by .ci/run), which makes them mandatory. ATTNTHERMO_SHARED_DIR
points at it elsewhere (a worktree that does not sit beside it).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ATTNTHERMO_SHARED_DIR") or REPO.parent / "shared")


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
# The real library and ONE tampered copy are checked in a background pool as soon as collection
# shows that a selected test needs them, so the Lean compiles (minutes each) overlap the Python
# tests. Both checks share one semaphore: never more than two Lean processes at once overall.

import time  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
from concurrent.futures import Future, ThreadPoolExecutor  # noqa: E402
from dataclasses import dataclass  # noqa: E402

_LEAN_FIXTURES = ("lean_manifest", "tampered_manifest", "tampered_tree")
_lean_runs: dict[str, Future] = {}


@dataclass(frozen=True)
class TamperedTree:
    """A copy of the Lean project with five known defects (names of the theorems involved)."""

    root: Path
    sorried: str  # Ensemble theorem whose proof became `sorry` (so Fisher is blocked)
    weakened: str  # LogUniform theorem with an extra hypothesis (drift: proof still checks)
    axiom_name: str  # axiom added to LogUniform
    axiom_users: tuple[str, ...]  # theorems using it directly, then transitively
    false_theorem: str  # false statement added to RopePade (compile error)
    syntax_error_line: int  # line of the syntax error appended to RopePade


def _make_tampered_tree(dest: Path) -> TamperedTree:
    import shutil
    import tomllib

    from attnthermo.lean.project import load_project

    for part in ("lean", "bridge"):
        shutil.copytree(REPO / part, dest / part)
    for part in ("lakefile.lean", "lean-toolchain"):
        shutil.copyfile(REPO / part, dest / part)
    pinned = tomllib.loads((REPO / "bridge" / "pinned-statements.toml").read_text())["theorems"]
    project = load_project(dest)
    referenced = {i for m in project.order for d in m.source.declarations for i in d.identifiers}

    def theorems(module: str) -> list:
        return [d for d in project.modules[module].source.declarations if d.kind == "theorem" and d.name in pinned]

    ens = project.modules["AttnThermo.Ensemble"].path
    sorried = theorems("AttnThermo.Ensemble")[0]
    text = ens.read_text()
    ens.write_text(text[: sorried.body_start] + ":= by\n  sorry\n\n" + text[sorried.end :])

    log = project.modules["AttnThermo.LogUniform"].path
    leaves = [
        d for d in theorems("AttnThermo.LogUniform")
        if not any(i == d.name.rsplit(".", 1)[1] or d.name.endswith("." + i) or i.endswith("." + d.name.rsplit(".", 1)[1])
                   for i in referenced)
    ]
    weakened = leaves[-1]
    local = weakened.name.rsplit(".", 1)[1]
    text = log.read_text()
    head = text.index(f"theorem {local}", weakened.start) + len(f"theorem {local}")
    text = text[:head] + " (_tampered : True)" + text[head:]
    log.write_text(
        text
        + "\nnamespace AttnThermo.LogUniform\n\n/-- Tampered: an extra axiom. -/\n"
        + "axiom tamperedAxiom : (2 : Nat) + 2 = 5\n\n"
        + "/-- Tampered: uses the axiom. -/\ntheorem usesTamperedAxiom : (2 : Nat) + 2 = 5 := tamperedAxiom\n\n"
        + "/-- Tampered: uses the axiom through another theorem. -/\n"
        + "theorem usesTamperedAxiomTransitively : (2 : Nat) + 2 = 5 ∧ True := ⟨usesTamperedAxiom, trivial⟩\n\n"
        + "end AttnThermo.LogUniform\n"
    )

    rope = project.modules["AttnThermo.RopePade"].path
    text = rope.read_text().rstrip("\n") + (
        "\n\nnamespace AttnThermo.RopePade\n\n/-- Tampered: a false statement. -/\n"
        "theorem tamperedFalse (n : Nat) : n + 1 = n := by\n  omega\n\nend AttnThermo.RopePade\n\n"
    )
    syntax_line = text.count("\n") + 1
    rope.write_text(text + "this line is not Lean ((\n")
    return TamperedTree(
        root=dest,
        sorried=sorried.name,
        weakened=weakened.name,
        axiom_name="AttnThermo.LogUniform.tamperedAxiom",
        axiom_users=("AttnThermo.LogUniform.usesTamperedAxiom", "AttnThermo.LogUniform.usesTamperedAxiomTransitively"),
        false_theorem="AttnThermo.RopePade.tamperedFalse",
        syntax_error_line=syntax_line,
    )


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

    slots = threading.BoundedSemaphore(2)
    pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="lean-check")
    if "lean_manifest" in wanted:  # the real tree first: it gets the first two Lean slots
        _lean_runs["lean_manifest"] = pool.submit(check, REPO, jobs=2, progress=_lean_progress("real"), slots=slots)
    if wanted & {"tampered_manifest", "tampered_tree"}:
        def tampered() -> tuple[TamperedTree, dict]:
            tree = _make_tampered_tree(Path(tempfile.mkdtemp(prefix="attnthermo-tampered-")))
            return tree, check(tree.root, jobs=2, progress=_lean_progress("tampered"), slots=slots)

        _lean_runs["tampered"] = pool.submit(tampered)
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
    """The manifest of the tampered copy (sorry, drift, extra axiom, false statement, syntax error)."""
    return _lean_run("tampered")[1]
