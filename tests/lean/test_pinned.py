"""Pins (format 3): what Lean printed and built, rendered, read back, compared; bad files are clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from attnthermo.errors import DomainError
from attnthermo.lean.pinned import (
    PINNED_FILE, Pins, declaration_commands, load_pins, parse_pins, pin_status, read_pinned, render_pinned,
)
from attnthermo.tomlread import tomllib


def test_render_round_trips_through_toml_with_awkward_characters() -> None:
    theorems = {"A.b": '∀ (s : String := "x\\"y"),\n  s = s', "A.a": "True"}
    definitions = {"A.f": "@[expose] def A.f : Nat → Nat :=\nfun x => x + 1"}
    digests = {"A.b": "a" * 64, "_private.AttnThermoCheck.0.A.g": "b" * 64, "instAddT": "c" * 64}
    declarations = {"A": ['attribute [local instance] A.inst', 'scoped notation "⊕" => f'], "B": []}
    text = render_pinned(Pins(theorems, definitions, digests, declarations))
    pins = parse_pins(text, "x.toml")
    assert pins.theorems == {"A.a": "True", "A.b": '∀ (s : String := "x\\"y"), s = s'}
    assert pins.definitions == {"A.f": "@[expose] def A.f : Nat → Nat := fun x => x + 1"}
    assert pins.digests == digests and pins.declarations == declarations
    assert tomllib.loads(text)["format"] == 3


def test_pin_status_of_lean_text() -> None:
    pinned = {"A.t": "∀ (x : Nat), x + 0 = x"}
    assert pin_status("A.t", "∀ (x : Nat),\n   x + 0 = x", pinned) == "match"
    assert pin_status("A.t", "False → ∀ (x : Nat), x + 0 = x", pinned) == "drift"  # a hidden include
    assert pin_status("A.t", None, pinned) == "drift"  # Lean printed nothing
    assert pin_status("A.u", "True", pinned) == "unpinned"


def test_pin_status_needs_the_structural_digest_too() -> None:
    pinned, digests = {"A.t": "2 + 2 = 4"}, {"A.t": "1" * 64}
    assert pin_status("A.t", "2 + 2 = 4", pinned, "1" * 64, digests) == "match"
    assert pin_status("A.t", "2 + 2 = 4", pinned, "2" * 64, digests) == "drift"  # same text, other instance
    assert pin_status("A.t", "2 + 2 = 4", pinned, "1" * 64, {}) == "drift"  # digest never pinned
    assert pin_status("A.t", "2 + 2 = 4", pinned, "1" * 64, {"_private.M.0.A.t": "1" * 64}, "_private.M.0.A.t") == "match"


def test_declaration_commands_are_the_attribute_instance_and_notation_lines() -> None:
    text = ("module\n@[expose] public section\nnamespace A\n-- attribute in a comment\n"
            "attribute [local instance] Foo.bar  -- trailing\nlocal instance (priority := high) : OfNat T 1 := ⟨t⟩\n"
            "@[simp] theorem t : True := trivial\ntheorem u : True := trivial\nprivate instance : Inhabited T := ⟨t⟩\n"
            "scoped infixl:65 \" ⊕ \" => f\nend A\n")
    assert declaration_commands(text, "A.lean") == [
        "@[ expose ] public section", "attribute [ local instance ] Foo.bar",
        "local instance ( priority := high ) : OfNat T 1 := ⟨ t ⟩", "@[ simp ] theorem t : True := trivial",
        "private instance : Inhabited T := ⟨ t ⟩", 'scoped infixl : 65 " ⊕ " => f',
    ]


def test_missing_file_means_nothing_pinned(tmp_path: Path) -> None:
    pins = load_pins(tmp_path)
    assert pins.theorems == {} and pins.definitions == {} and pins.sha256 is None


def test_read_pinned_gives_the_theorem_pins_of_an_edited_copy(tmp_path: Path) -> None:
    path = tmp_path / "copy.toml"
    path.write_text(render_pinned(Pins({"A.t": "True"})))
    assert read_pinned(path) == {"A.t": "True"}
    with pytest.raises(DomainError, match="no such file"):
        read_pinned(tmp_path / "none.toml")


@pytest.mark.parametrize(
    ("text", "why"),
    [("format = 3\n[theorems]\n'A.t' = 3\n", "map names to strings"),
     ("format = 3\n[declarations]\n'A' = 'x'\n", "map names to lists of strings"),
     ("[theorems]\n'A.t' = 'True'\n", "regenerate with `attnthermo lean pin`"),
     ("format = 2\n[theorems]\n'A.t' = 'True'\n", "format 2: this attnthermo reads format 3"),
     ("format = 3\n[theorems\n", "not valid TOML")],
)
def test_malformed_pinned_file_is_a_clear_error(tmp_path: Path, text: str, why: str) -> None:
    (tmp_path / "bridge").mkdir()
    (tmp_path / PINNED_FILE).write_text(text)
    with pytest.raises(DomainError, match=why):
        load_pins(tmp_path)
