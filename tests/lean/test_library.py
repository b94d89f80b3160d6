"""The real Lean library checks clean in one Lean process; the manifest follows DEVELOPERS.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from attnthermo.lean import check
from attnthermo.lean.pinned import load_pins
from attnthermo.lean.project import load_project

pytestmark = pytest.mark.lean


def test_every_pinned_theorem_and_definition_matches_what_lean_printed(lean_manifest, repo_root: Path) -> None:
    pins = load_pins(repo_root)
    assert len(pins.theorems) >= 20, "bridge/pinned-statements.toml pins too few theorems"
    assert pins.definitions, "bridge/pinned-statements.toml pins no definition"
    not_proved = {n: (lean_manifest.status(n), getattr(lean_manifest.theorems.get(n), "reason", None))
                  for n in pins.theorems if lean_manifest.status(n) != "proved"}
    assert not not_proved
    assert all(lean_manifest.theorems[n].pinned == "match" for n in pins.theorems)
    assert all(lean_manifest.definitions[n].pinned == "match" for n in pins.definitions)


def test_manifest_is_clean_and_lists_every_theorem(lean_manifest, repo_root: Path) -> None:
    assert lean_manifest.ok, lean_manifest.failures
    project = load_project(repo_root)
    in_sources = {d.name for m in project.order for d in m.source.declarations if d.kind == "theorem"}
    assert set(lean_manifest.theorems) == in_sources
    assert set(lean_manifest.modules) == {m.name for m in project.order}
    assert all(m.status == "ok" and m.findings == [] for m in lean_manifest.modules.values())


def test_one_lean_process_for_the_whole_library(lean_manifest) -> None:
    if lean_manifest.toolchain.kind != "wasm":
        pytest.skip("native toolchain: one process per module (lake-style), by design")
    assert lean_manifest.check.processes <= 1  # 0 when the session found it cached


def test_manifest_schema(lean_manifest, repo_root: Path) -> None:
    m = lean_manifest
    assert m.schema_version == 3
    assert Path(m.root) == repo_root.resolve()
    assert m.toolchain.kind in ("wasm", "native") and m.toolchain.version.startswith("4.28")
    assert m.flags[:2] == ["-DwarningAsError=true", "-DmaxErrors=1000000"]
    # wasm Lean on worker threads peaked at 19.7 GB on this library (out of memory in CI): one thread
    assert ("-DElab.async=false" in m.flags) == (m.toolchain.kind == "wasm")
    assert m.axiom_audit == ("olean-closure" if m.toolchain.kind == "wasm" else "print-axioms")
    assert len(m.pinned_sha256) == 64
    counts = m.counts
    assert counts.headline + counts.witnesses + counts.supporting == len(m.theorems)
    assert counts.headline > 0 and counts.witnesses > 0
    for name, theorem in m.theorems.items():
        source_line = (repo_root / theorem.file).read_text().splitlines()[theorem.line - 1]
        assert name.rsplit(".", 1)[1] in source_line
        assert theorem.statement and theorem.axiom_audit.ok and theorem.axiom_audit.found == []
        assert set(theorem.axioms) <= {"propext", "Classical.choice", "Quot.sound"} and theorem.axioms == sorted(theorem.axioms)
        assert (theorem.role == "headline") == bool(theorem.claims)


def test_axiom_closure_of_the_library(lean_manifest) -> None:
    theorems = lean_manifest.theorems.values()
    with_propext = [t for t in theorems if "propext" in t.axioms]
    assert with_propext, "no theorem of the library lists propext (simp and grind proofs use it)"
    for theorem in with_propext:
        path = theorem.axiom_audit.paths["propext"]
        assert path[0] == theorem.name and path[-1] == "propext"
    if lean_manifest.toolchain.kind == "wasm":
        assert all(t.digest is not None and len(t.digest) == 64 for t in theorems)
        assert lean_manifest.constants and all(c.pinned == "match" for c in lean_manifest.constants.values())
        assert all(d.pinned == "match" for d in lean_manifest.declarations.values())


def test_witness_links_name_existing_theorems(lean_manifest) -> None:
    links = {w for t in lean_manifest.theorems.values() for w in t.witnesses}
    assert links, "no Non-vacuity witnesses found in the library"
    assert links <= set(lean_manifest.theorems)


def test_cached_recheck_runs_no_lean(lean_manifest, repo_root: Path) -> None:
    build = Path(lean_manifest.check.file).parent.parent  # the build folder the first check used
    again = check(repo_root, progress=None, build_dir=build)  # the secret and toolchain of this thread
    assert again.check.cached and again.check.processes == 0
    assert {n: t.status for n, t in again.theorems.items()} == {n: t.status for n, t in lean_manifest.theorems.items()}
