"""The Lean lexer: comments, docstrings, strings, char and raw-string literals, quoted names."""

from __future__ import annotations

import pytest

from attnthermo.errors import LeanCheckFailed
from attnthermo.lean.lexer import lex, tokenize
from attnthermo.lean.sources import mask


def idents(text: str) -> list[str]:
    return [t.name for t in tokenize(text) if t.kind == "ident"]


def test_nested_comments_and_docstrings_hide_nothing_after_them() -> None:
    text = "/- a /- nested sorry -/ still comment -/ x\n/-- doc sorry -/ y -- sorry\nz"
    assert idents(text) == ["x", "y", "z"]
    docs = [t.text for t in tokenize(text) if t.kind == "doc"]
    assert docs == ["/-- doc sorry -/"]


def test_char_literal_quote_does_not_open_a_string() -> None:
    text = "def c : Char := '\"'\ntheorem t : True := by sorry\ndef d := \"a\\\"b\" ++ \"c\""
    assert "sorry" in idents(text)
    tokens = tokenize(text)
    assert [t.text for t in tokens if t.kind == "char"] == ["'\"'"]
    sorry = next(t for t in tokens if t.text == "sorry")
    assert sorry.line == 2
    assert [t.text for t in tokens if t.kind == "string"] == ['"a\\"b"', '"c"']


@pytest.mark.parametrize("literal", ["'\\''", "'\\\\'", "'\\n'", "'\\x41'", "'\\u{3bb}'", "'a'"])
def test_char_escapes(literal: str) -> None:
    tokens = tokenize(f"def c := {literal} -- {literal}\ndef e := sorry")
    assert [t.text for t in tokens if t.kind == "char"] == [literal]
    assert tokens[-1].text == "sorry"


def test_primes_in_identifiers_are_not_char_literals() -> None:
    assert idents("theorem h' : x' = y'' := rfl") == ["theorem", "h'", "x'", "y''", "rfl"]


def test_raw_strings_hide_quotes_and_hashes() -> None:
    text = 'def s := r#"a "quote" -- here"# ++ r"plain"\ntheorem t : True := sorry'
    tokens = tokenize(text)
    assert [t.text for t in tokens if t.kind == "string"] == ['r#"a "quote" -- here"#', 'r"plain"']
    assert idents(text) == ["def", "s", "theorem", "t", "True", "sorry"]


def test_raw_string_with_hash_ends_at_its_own_terminator() -> None:
    tokens = tokenize('def s := r#"x"y"# sorry')
    assert [t.text for t in tokens if t.kind == "string"] == ['r#"x"y"#']
    assert tokens[-1].text == "sorry"


def test_quoted_identifiers_resolve_to_their_name() -> None:
    tokens = [t for t in tokenize("theorem t : False := «sorryAx» _ false ∧ Lean.«ofReduceNat»") if t.kind == "ident"]
    names = [t.name for t in tokens]
    assert "sorryAx" in names and names[-1] == "Lean.ofReduceNat"


def test_interpolated_string_code_is_lexed() -> None:
    assert "sorry" in idents('def s : String := s!"value {(sorry : Nat)} here"')
    assert "sorry" not in idents('def s : String := "value {(sorry : Nat)} here"')


def test_hash_commands_and_lines() -> None:
    tokens = tokenize("theorem a : True := trivial\n\n#exit\n#eval 1")
    assert [(t.text, t.line) for t in tokens if t.kind == "hash"] == [("#exit", 3), ("#eval", 4)]


def test_unterminated_things_name_file_and_line() -> None:
    with pytest.raises(LeanCheckFailed, match=r"A\.lean:2: unterminated comment"):
        lex("x\n/- open", "A.lean")
    with pytest.raises(LeanCheckFailed, match=r"A\.lean:1: unterminated string"):
        lex('def s := "abc', "A.lean")


def test_mask_uses_the_lexer() -> None:
    text = "def c := '\"' -- \"\ntheorem t : True := sorry"
    masked = mask(text)
    assert "sorry" in masked.bare and len(masked.bare) == len(text)
