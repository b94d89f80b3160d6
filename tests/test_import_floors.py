"""Arrows run downhill: the package's import graph (read from the sources with ast, lazy imports
inside functions included) has no import from a floor above the importing module's own, and the
ledger reaches Lean only through its adapters.

Floors, lowest first. A module may import its own part of the package (its subpackage or module)
and any part on a lower floor; parts on one floor do not import each other. Every subsystem's
``cli.py`` is the command line, the top floor, whatever package it sits in.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "pysrc" / "attnthermo"
CLI = "<command line>"

FLOORS = (
    ("attnthermo", "errors"),  # the package itself: __version__ and lazy exports only
    ("paths", "defaults", "atomic", "tomlread", "render"),
    ("manifest",),  # the typed manifest: nothing of the checker
    ("thermo", "lean"),  # the identities; the checker that writes the manifest
    ("measurement",),  # measurements (read thermo's γ_Padé)
    ("lean_band", "dojo"),
    ("ledger",),
    ("atlas",),  # measures with the ledger's decay-fit protocol
    (CLI,),
)

# modules of the ledger that may import attnthermo.lean: the rest go through these adapters
LEAN_ADAPTERS = {
    "attnthermo.ledger.pins": "the pin file (lean.pinned)",
    "attnthermo.ledger.evidence": "runs the Lean check (lean.check)",
    "attnthermo.ledger.links": "reads the Lean sources' Claim: tags (lean.project, lean.sources)",
}


def module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def part_of(module: str) -> str:
    """The part of the package a module belongs to: its top-level subpackage or module (the command
    line for every ``cli`` module)."""
    parts = module.split(".")
    if parts[-1] in ("cli", "__main__"):
        return CLI
    return parts[1] if len(parts) > 1 else parts[0]


def imports_of(path: Path, package: Path) -> list[tuple[int, str]]:
    """(line, module) of every attnthermo import in the file, wherever it stands; ``from a import b``
    counts as an import of ``a.b`` when that is a module of the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = module_name(path, package).split(".")
    package_of_file = here if path.name == "__init__.py" else here[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package_of_file[:len(package_of_file) - node.level + 1] + ([base] if base else []))
            for alias in node.names:
                target = f"{base}.{alias.name}"
                submodule = package.parent.joinpath(*target.split("."))
                found.append((node.lineno, target if submodule.with_suffix(".py").is_file() or submodule.is_dir() else base))
    return [(line, name) for line, name in found if name == "attnthermo" or name.startswith("attnthermo.")]


def upward_imports(package: Path, floors: tuple[tuple[str, ...], ...]) -> list[str]:
    """Every import from a floor above the importing module's own (or a sibling part on the same
    floor), and every part of the package without a floor, one line each."""
    floor = {part: level for level, parts in enumerate(floors) for part in parts}
    problems = []
    for path in sorted(package.rglob("*.py")):
        source = module_name(path, package)
        mine = part_of(source)
        if mine not in floor:
            problems.append(f"{path.relative_to(package.parent)}: part {mine!r} has no floor")
            continue
        for line, target in imports_of(path, package):
            theirs = part_of(target)
            if theirs == mine:
                continue
            if theirs not in floor:
                problems.append(f"{path.relative_to(package.parent)}:{line}: imports {target}, whose part {theirs!r} has no floor")
            elif floor[theirs] >= floor[mine]:
                problems.append(f"{path.relative_to(package.parent)}:{line}: {source} (floor {floor[mine]}, {mine}) imports "
                                f"{target} (floor {floor[theirs]}, {theirs})")
    return problems


def test_no_module_imports_from_a_floor_above_its_own():
    assert upward_imports(PACKAGE, FLOORS) == []


def test_the_ledger_reaches_lean_only_through_its_adapters():
    bypassing = [f"{module_name(path, PACKAGE)}:{line} imports {target}"
                 for path in sorted((PACKAGE / "ledger").rglob("*.py"))
                 if module_name(path, PACKAGE) not in LEAN_ADAPTERS and part_of(module_name(path, PACKAGE)) != CLI
                 for line, target in imports_of(path, PACKAGE)
                 if target == "attnthermo.lean" or target.startswith("attnthermo.lean.")]
    assert bypassing == []


@pytest.fixture
def copy(tmp_path):
    target = tmp_path / "attnthermo"
    shutil.copytree(PACKAGE, target, ignore=shutil.ignore_patterns("*.pyc", "__pycache__", "data", "npm"))
    return target


@pytest.mark.parametrize("module, planted, expected", [
    # the ground-floor manifest asking the checker for a build folder (a lazy import inside a function)
    ("manifest.py", "\n\ndef _planted():\n    from attnthermo.lean.buildpaths import build_dir_for\n",
     "attnthermo.manifest (floor 2, manifest) imports attnthermo.lean.buildpaths (floor 3, lean)"),
    # thermo reading Lean status from the ledger again
    ("thermo/registry.py", "\nfrom attnthermo.ledger import lean_status\n",
     "attnthermo.thermo.registry (floor 3, thermo) imports attnthermo.ledger.lean_status (floor 6, ledger)"),
    # a sibling on the same floor, by a relative import
    ("lean/values.py", "\nfrom ..thermo import pade\n",
     "attnthermo.lean.values (floor 3, lean) imports attnthermo.thermo.pade (floor 3, thermo)"),
])
def test_the_checker_catches_a_planted_upward_import(copy, module, planted, expected):
    assert upward_imports(copy, FLOORS) == []
    path = copy / module
    path.write_text(path.read_text(encoding="utf-8") + planted, encoding="utf-8")
    problems = upward_imports(copy, FLOORS)
    assert len(problems) == 1 and expected in problems[0], problems


def test_a_part_without_a_floor_is_reported(copy):
    (copy / "newpart.py").write_text("from attnthermo.errors import DomainError\n", encoding="utf-8")
    assert upward_imports(copy, FLOORS) == ["attnthermo/newpart.py: part 'newpart' has no floor"]


def test_a_command_line_module_may_import_any_floor():
    assert part_of("attnthermo.thermo.cli") == part_of("attnthermo.cli") == CLI
    assert ("attnthermo.ledger.lean_status" in {t for _, t in imports_of(PACKAGE / "thermo" / "cli.py", PACKAGE)})
