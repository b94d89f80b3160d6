"""Values computed by Lean's `#eval` equal the Python functions named in bridge/values.toml."""

from __future__ import annotations

import importlib
from fractions import Fraction
from pathlib import Path

import pytest

from attnthermo.tomlread import tomllib

pytestmark = pytest.mark.lean


def as_fraction_args(args: dict) -> dict:
    def convert(value):
        if isinstance(value, list):
            return [convert(v) for v in value]
        return Fraction(str(value))

    return {name: convert(value) for name, value in args.items()}


def entries(repo_root: Path) -> list[dict]:
    return tomllib.loads((repo_root / "bridge" / "values.toml").read_text())["value"]


def test_every_entry_has_an_exact_lean_value(lean_manifest: dict, repo_root: Path) -> None:
    assert lean_manifest.values_status == "ok"
    ids = [e["id"] for e in entries(repo_root)]
    assert len(ids) >= 10
    assert sorted(lean_manifest.values) == sorted(ids)
    for entry_id in ids:
        Fraction(lean_manifest.values[entry_id].result)  # exact "p/q"


def test_lean_values_equal_python(lean_manifest: dict, repo_root: Path) -> None:
    mismatches = {}
    for entry in entries(repo_root):
        module_name, function_name = entry["python"].split(":")
        function = getattr(importlib.import_module(module_name), function_name)
        python_value = Fraction(function(**as_fraction_args(entry.get("args", {}))))
        lean_entry = lean_manifest.values.get(entry["id"])
        assert lean_entry and lean_entry.result, f"no Lean value for {entry['id']}: {lean_entry}"
        lean_value = Fraction(lean_entry.result)
        if python_value != lean_value:
            mismatches[entry["id"]] = (str(lean_value), str(python_value))
    assert not mismatches
