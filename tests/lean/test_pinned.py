"""Pins (format 2): what Lean printed, rendered, read back, compared; bad files are clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from attnthermo.errors import DomainError
from attnthermo.lean.pinned import PINNED_FILE, load_pins, parse_pins, pin_status, read_pinned, render_pinned
from attnthermo.tomlread import tomllib


def test_render_round_trips_through_toml_with_awkward_characters() -> None:
    theorems = {"A.b": '∀ (s : String := "x\\"y"),\n  s = s', "A.a": "True"}
    definitions = {"A.f": "@[expose] def A.f : Nat → Nat :=\nfun x => x + 1"}
    pins = parse_pins(render_pinned(theorems, definitions), "x.toml")
    assert pins.theorems == {"A.a": "True", "A.b": '∀ (s : String := "x\\"y"), s = s'}
    assert pins.definitions == {"A.f": "@[expose] def A.f : Nat → Nat := fun x => x + 1"}
    assert tomllib.loads(render_pinned(theorems, definitions))["format"] == 2


def test_pin_status_of_lean_text() -> None:
    pinned = {"A.t": "∀ (x : Nat), x + 0 = x"}
    assert pin_status("A.t", "∀ (x : Nat),\n   x + 0 = x", pinned) == "match"
    assert pin_status("A.t", "False → ∀ (x : Nat), x + 0 = x", pinned) == "drift"  # a hidden include
    assert pin_status("A.t", None, pinned) == "drift"  # Lean printed nothing
    assert pin_status("A.u", "True", pinned) == "unpinned"


def test_missing_file_means_nothing_pinned(tmp_path: Path) -> None:
    pins = load_pins(tmp_path)
    assert pins.theorems == {} and pins.definitions == {} and pins.sha256 is None


def test_read_pinned_gives_the_theorem_pins_of_an_edited_copy(tmp_path: Path) -> None:
    path = tmp_path / "copy.toml"
    path.write_text(render_pinned({"A.t": "True"}, {}))
    assert read_pinned(path) == {"A.t": "True"}
    with pytest.raises(DomainError, match="no such file"):
        read_pinned(tmp_path / "none.toml")


@pytest.mark.parametrize(
    ("text", "why"),
    [("format = 2\n[theorems]\n'A.t' = 3\n", "map Lean names to strings"),
     ("[theorems]\n'A.t' = 'True'\n", "regenerate with `attnthermo lean pin`"),
     ("format = 2\n[theorems\n", "not valid TOML")],
)
def test_malformed_pinned_file_is_a_clear_error(tmp_path: Path, text: str, why: str) -> None:
    (tmp_path / "bridge").mkdir()
    (tmp_path / PINNED_FILE).write_text(text)
    with pytest.raises(DomainError, match=why):
        load_pins(tmp_path)
