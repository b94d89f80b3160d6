"""Forgeries found by an adversarial review of the source audit (issue 17, classes 1 and 3), each
refused by name at its line with no Lean process: char literals the lexer read otherwise than
Lean (so that code after them was hidden), and commands outside the allow-list.
"""

from __future__ import annotations

import pytest

from attnthermo.lean.audit import source_findings
from attnthermo.lean.lexer import tokenize

PROJECT = {"P.A", "P.B"}
HEAD = "module\npublic import P.A\n@[expose] public section\nnamespace P.B\n"  # the body starts on line 5


def findings(body: str) -> list[tuple[str, int]]:
    return [(f.what, f.line) for f in source_findings(HEAD + body + "end P.B\n", "lean/P/B.lean", PROJECT)]


@pytest.mark.parametrize(("text", "chars"), [
    ("'\\u03bb' x '}'", ["'\\u03bb'", "'}'"]),  # \u takes exactly four hex digits, as in Lean
    ("'\\u{3bb}' axiom '}'", ["'}'"]),  # Lean: an invalid escape, no char literal
    ("'\\x41' '\\xZZ' sorry", ["'\\x41'"]),
    ("'\n' x", ["'\n'"]),  # a line break is one character of a char literal
    ("''' x", []),  # Lean: `''` starts no char literal
])
def test_char_literals_are_read_as_lean_reads_them(text: str, chars: list[str]) -> None:
    assert [t.text for t in tokenize(text) if t.kind == "char"] == chars


def test_a_unicode_escape_does_not_hide_the_code_up_to_the_next_brace_quote() -> None:
    body = "def c : Char := '\\u03bb'\naxiom forged : 1 = 2\ndef s : String := \"}'\" -- \"\n"
    assert findings(body) == [("axiom", 6)]


def test_a_char_literal_holding_a_line_break_does_not_shift_the_quotes() -> None:
    """Lean (checked with the wasm toolchain) reads `g '⏎' '"'` and then the axiom; the old lexer read
    `'⏎` as a stray quote and `' '` as a char, so the axiom sat inside a string from `"'` on."""
    body = ("def g (_c _d : Char) : Nat := 0\ndef d : Nat := g '\n' '\"'\n"
            "axiom forged : 1 = 2\ndef e : String := \"x\" -- \"\n")
    assert findings(body) == [("line break in char", 6), ("axiom", 8)]


def test_a_letter_lean_does_not_read_in_identifiers_splits_them() -> None:
    assert findings("def xⱼsorry : Nat := 1\n") == [("sorry", 5)]


@pytest.mark.parametrize(("body", "expected"), [
    ("declare_uint_theorems UInt8 8\n", [("declare_uint_theorems", 5)]),  # not on the allow-list, any spelling
    ("@[simp] gen_thing x\n", [("gen_thing", 5)]),
    ("/-- doc -/ private some_cmd x\n", [("some_cmd", 5)]),
    ("open Nat in\nsome_cmd x\n", [("some_cmd", 6)]),
    ("open Nat in some_cmd x\n", [("some_cmd", 5)]),
    ("attribute [local simp] Nat.add_comm in some_cmd x\n", [("some_cmd", 5)]),
    ("theorem t : True := trivial binder_predicate x \" ⋘ \" y:term => `($x = $y)\n", [("binder_predicate", 5)]),
    ("local binder_predicate x \" ⋘ \" y:term => `($x = $y)\n", [("binder_predicate", 5)]),
    ("theorem t : True := trivial\nexport Nat (succ)\n", [("export", 6)]),
    ("theorem t : True := trivial end_local_scope\n", [("end_local_scope", 5)]),
    ("theorem t : True := trivial unif_hint (x : Nat) where x =?= 1 ⊢ x =?= 1\n", [("unif_hint", 5)]),
])
def test_commands_outside_the_allow_list_are_refused(body: str, expected: list) -> None:
    assert findings(body) == expected


def test_continuation_lines_and_loops_are_not_commands() -> None:
    body = ("def f : Nat → Nat\n| 0 => 1\n| n + 1 => f n\ntermination_by n => n\n"
            "def g : Nat := Id.run do\n  for x in [1] do\n    pure ()\n  return 1\n"
            "structure S where\n  x : Nat\nderiving Repr\n")
    assert findings(body) == []


@pytest.mark.parametrize("name", ["infο_eq", "Κ_bound", "«infо_eq»", "P.B.ϲheck", "\u212aelvin"])
def test_names_printed_like_other_names_are_refused(name: str) -> None:
    assert findings(f"theorem {name} : True := trivial\n") == [("confusable letter", 5)]


def test_greek_names_that_print_as_themselves_pass() -> None:
    assert findings("theorem hγ (θ μ : Nat) (α : Type) : True := trivial\ntheorem «a b» : True := trivial\n") == []


@pytest.mark.parametrize(("body", "expected"), [
    ("open Nat in theorem t : True := trivial\n", [("mid-line theorem", 5)]),
    ("theorem a : True := trivial end P.B namespace P.C\ntheorem h : True := trivial\nend P.C\nnamespace P.B\n",
     [("mid-line end", 5), ("mid-line namespace", 5)]),
    ("def x := 1 def y := 2\n", [("mid-line def", 5)]),
])
def test_declarations_and_scopes_the_module_reader_would_not_see_are_refused(body: str, expected: list) -> None:
    assert findings(body) == expected


def test_declarations_after_modifiers_attributes_and_docstrings_start_their_line() -> None:
    body = ("/-- d -/ @[simp] private theorem t : 1 = 1 := rfl\nclass inductive K | a\nderiving instance Repr for K\n"
            "attribute [local instance] Nat.instDecidableEqNat\n@[instance] def i : Inhabited Nat := ⟨0⟩\n")
    assert findings(body) == []


def test_a_quoted_name_spanning_lines_is_refused() -> None:
    """Left open, its namespace is closed in the check file by a generated `end «…»` spanning as many
    lines: every later message would be mapped to the wrong module and line."""
    assert findings("namespace «Q\n\n\n»\ntheorem t : True := trivial\nend «Q\n\n\n»\n") == [
        ("line break in name", 5), ("line break in name", 10)]


def test_the_check_file_never_holds_a_generated_line_break() -> None:
    from attnthermo.errors import LeanCheckFailed
    from attnthermo.lean.checkfile import build_check_file
    from attnthermo.lean.project import Module
    from attnthermo.lean.sources import parse_source

    text = "module\nnamespace «P.A\n\n»\ntheorem t : True := trivial\n"
    module = Module("P.A", "lean/P/A.lean", None, "", parse_source(text, "P.A"), text.encode())
    with pytest.raises(LeanCheckFailed, match="generated line holds a line break"):
        build_check_file([module], [])


def test_scope_words_inside_a_string_neither_open_nor_close_a_scope() -> None:
    """`"⏎{section}"` is text to Lean (a term at most if interpolated), but was counted as a section
    by the audit and the check file: it balanced a real `end` that closed the module's wrapper
    section, so `open Nat` and a local instance after it held for every later module."""
    body = ('def s1 : String := "\n{section}"\nend P.B\nend\nend\nopen Nat\n'
            "attribute [local instance] Nat.instDecidableEqNat\nsection\n@[expose] public section\nnamespace P.B\n"
            'def s2 : String := "\n{end}"\n')
    assert findings(body) == [("unmatched end", 9)]


@pytest.mark.parametrize("opener", ['"{@[}"', '"{attribute [}"', '"{import}" Init.Data'])
def test_an_attribute_or_import_opener_inside_a_string_hides_nothing(opener: str) -> None:
    """The attribute reader skipped every token up to the closing `]` (to the end of the file when
    there was none), and a `@[` read inside a plain string opened it."""
    body = (f"def s : String := {opener}\ninstance : Inhabited Nat := ⟨0⟩\naxiom forged : 1 = 2\n"
            "theorem t : 1 = 2 := by native_decide\n")
    assert findings(body) == [("axiom", 7), ("native_decide", 8)]


def test_every_token_inside_an_attribute_list_is_still_read() -> None:
    assert findings("@[simp sorry] theorem t : True := trivial\n") == [("sorry", 5)]
