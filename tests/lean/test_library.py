"""The real Lean library checks clean; the manifest follows the schema in DEVELOPERS.md."""

from __future__ import annotations

import time
import tomllib
from pathlib import Path

import pytest

from attnthermo.lean import check
from attnthermo.lean.project import load_project

pytestmark = pytest.mark.lean


def pinned_names(repo_root: Path) -> list[str]:
    return sorted(tomllib.loads((repo_root / "bridge" / "pinned-statements.toml").read_text())["theorems"])


def test_every_pinned_theorem_is_proved(lean_manifest: dict, repo_root: Path) -> None:
    names = pinned_names(repo_root)
    assert len(names) >= 20, "bridge/pinned-statements.toml pins too few theorems"
    not_proved = {n: lean_manifest["theorems"].get(n, {"status": "missing"}) for n in names}
    not_proved = {n: (t["status"], t.get("reason")) for n, t in not_proved.items() if t["status"] != "proved"}
    assert not not_proved
    assert all(lean_manifest["theorems"][n]["pinned"] == "match" for n in names)


def test_manifest_is_clean_and_lists_every_theorem(lean_manifest: dict, repo_root: Path) -> None:
    assert lean_manifest["ok"], lean_manifest["failures"]
    assert lean_manifest["failures"] == []
    in_sources = {
        d.name for m in load_project(repo_root).order for d in m.source.declarations if d.kind == "theorem"
    }
    assert set(lean_manifest["theorems"]) == in_sources
    expected_modules = {"AttnThermo.Ensemble", "AttnThermo.Fisher", "AttnThermo.LogUniform", "AttnThermo.RopePade"}
    assert expected_modules <= set(lean_manifest["modules"])
    assert all(m["status"] == "ok" for m in lean_manifest["modules"].values())


def test_manifest_schema(lean_manifest: dict, repo_root: Path) -> None:
    m = lean_manifest
    assert m["schema_version"] == 1
    assert Path(m["root"]) == repo_root.resolve()
    assert m["toolchain"]["kind"] in ("wasm", "native") and m["toolchain"]["version"].startswith("4.28")
    assert m["flags"] == ["-DwarningAsError=true"]
    assert m["axiom_audit"] == ("source" if m["toolchain"]["kind"] == "wasm" else "print-axioms")
    assert m["allowed_axioms"] == ["propext", "Classical.choice", "Quot.sound"]
    assert len(m["pinned_sha256"]) == 64
    fisher = m["modules"]["AttnThermo.Fisher"]
    assert fisher["file"] == "lean/AttnThermo/Fisher.lean"
    assert "AttnThermo.Ensemble" in fisher["imports"]
    assert len(fisher["source_sha256"]) == 64 and len(fisher["key"]) == 64
    theorem = m["theorems"]["AttnThermo.Fisher.fisherInformation_eq_heatCapacity_div_sq"]
    assert theorem["module"] == "AttnThermo.Fisher" and theorem["kind"] == "theorem"
    assert theorem["file"] == "lean/AttnThermo/Fisher.lean" and theorem["line"] > 1
    source_line = (repo_root / theorem["file"]).read_text().splitlines()[theorem["line"] - 1]
    assert "fisherInformation_eq_heatCapacity_div_sq" in source_line
    assert "fisher-equals-cv-over-gamma-sq" in theorem["claims"]
    assert theorem["axioms"]["ok"] and theorem["axioms"]["found"] == []
    assert theorem["docstring"] and theorem["statement"]


def test_witness_links_name_existing_theorems(lean_manifest: dict) -> None:
    links = {w for t in lean_manifest["theorems"].values() for w in t["witnesses"]}
    assert links, "no Non-vacuity witnesses found in the library"
    assert links <= set(lean_manifest["theorems"])


def test_second_run_reuses_the_cache(lean_manifest: dict, repo_root: Path) -> None:
    start = time.monotonic()
    again = check(repo_root, progress=None)
    assert time.monotonic() - start < 60
    assert all(m["cached"] for m in again["modules"].values())
    assert {n: t["status"] for n, t in again["theorems"].items()} == {
        n: t["status"] for n, t in lean_manifest["theorems"].items()
    }
