"""Pinned statements: rendering, reading back, match/drift/unpinned, and `attnthermo lean pin`."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from attnthermo.cli import main
from attnthermo.errors import DomainError
from attnthermo.lean.pinned import PINNED_FILE, load_pinned, pin_status, render_pinned


def make_tree(root: Path, statement: str) -> Path:
    (root / "lean" / "P").mkdir(parents=True)
    (root / "lean" / "P" / "A.lean").write_text(
        f"module\nnamespace P.A\n/-- doc -/\ntheorem t {statement} := by\n  omega\nexample : True := trivial\nend P.A\n"
    )
    return root


def test_render_round_trips_through_toml_with_awkward_characters() -> None:
    statements = {"A.b": '(s : String := "x\\"y") :\n  ∀ x : α, x = x', "A.a": ": True"}
    loaded = tomllib.loads(render_pinned(statements))["theorems"]
    assert loaded == {"A.a": ": True", "A.b": '(s : String := "x\\"y") : ∀ x : α, x = x'}


def test_pin_status() -> None:
    pinned = {"A.t": "(x : Nat) : x + 0 = x"}
    assert pin_status("A.t", "(x : Nat) :\n   x + 0 = x", pinned) == "match"
    assert pin_status("A.t", "(x : Nat) (h : True) : x + 0 = x", pinned) == "drift"
    assert pin_status("A.u", ": True", pinned) == "unpinned"


def test_lean_pin_command_writes_every_theorem_and_only_theorems(tmp_path: Path, capsys) -> None:
    root = make_tree(tmp_path, "(x : Nat) :\n    x + 0 = x")
    assert main(["lean", "pin", "--root", str(root)]) == 0
    assert PINNED_FILE in capsys.readouterr().out
    pinned, digest = load_pinned(root)
    assert pinned == {"P.A.t": "(x : Nat) : x + 0 = x"}
    assert digest is not None and len(digest) == 64


def test_missing_file_means_nothing_pinned(tmp_path: Path) -> None:
    assert load_pinned(tmp_path) == ({}, None)


def test_malformed_pinned_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "bridge").mkdir()
    (tmp_path / PINNED_FILE).write_text("[theorems]\n'A.t' = 3\n")
    with pytest.raises(DomainError, match="signature strings"):
        load_pinned(tmp_path)
