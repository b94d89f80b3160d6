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


@pytest.mark.parametrize("literal", ["'\\''", "'\\\\'", "'\\n'", "'\\x41'", "'\\u03bb'", "'a'"])
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


@pytest.mark.parametrize("prefix", ["s!", "m!", "f!", "dbg_trace ", "throwError ", "panic! ", "toString ", ""])
def test_the_code_in_every_string_is_lexed(prefix: str) -> None:
    """Whether Lean reads a string as interpolated depends on the syntax around it: every one is lexed."""
    lexed = lex(f'def s : String := {prefix}"value {{(sorry : Nat)}} here {{by exact (sorry : _)}}"')
    assert [t.line for t in lexed.tokens if t.text == "sorry"] == [1, 1] and lexed.problems == ()


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


# ---------------------------------------------------------------- where Lean and the lexer could disagree

EXOTIC = ["\r", "\f", "\v", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\u200b", "\u202e", "\ufeff",
          "\x00", "\x7f", "\t", "\u00a0"]


@pytest.mark.parametrize("char", EXOTIC)
def test_every_other_line_break_control_or_format_character_is_a_problem(char: str) -> None:
    text = f"theorem a : True := trivial\n-- note{char}axiom bad : False\ntheorem b : True := trivial\n"
    lexed = lex(text, "A.lean")
    assert [(line, what) for line, what, _ in lexed.problems] == [(2, f"U+{ord(char):04X}")]
    assert "only \\n may end a line" in lexed.problems[0][2]
    assert [t.line for t in lexed.tokens if t.text == "theorem"] == [1, 3]  # lines are counted at \n only


def test_crlf_is_a_problem_on_every_line() -> None:
    lexed = lex("theorem a : True := trivial\r\ntheorem b : True := trivial\r\n")
    assert [(line, what) for line, what, _ in lexed.problems] == [(1, "U+000D"), (2, "U+000D")]


def test_the_character_after_a_plain_comment_opener_is_skipped_as_lean_does() -> None:
    # Lean reads `/-/` as an opener whose `/` is skipped: the `/-` after it does not nest
    assert idents("/-/- -/ axiom bad : False") == ["axiom", "bad", "False"]


def test_a_docstring_body_starts_after_its_opener() -> None:
    # `/--/` opens a docstring (it does not close at once): the string below is inside it for Lean
    assert "axiom" in idents('/--/ " -/ axiom bad : False -- "')


def test_literals_right_after_a_quoted_name_start_as_in_lean() -> None:
    assert "axiom" in idents('def «x»r"\\" axiom bad : False -- "')
    tokens = tokenize("def «x»'\"' axiom bad : False -- \"")
    assert [t.text for t in tokens if t.kind == "char"] == ["'\"'"] and "axiom" in [t.text for t in tokens]


def test_a_comment_opener_glued_to_a_symbol_is_a_problem() -> None:
    lexed = lex("def f := do\n  let x <-- sorry\n  pure x\n")
    assert [(line, what) for line, what, _ in lexed.problems] == [(2, "glued --")]
    assert lex("theorem t : a - -b = a + b -- fine\n/-- doc -/ def x := (1)--x\n").problems == ()


def test_identifiers_use_leans_letters_and_ascii_digits() -> None:
    assert "sorry" in idents("theorem t : x¹sorry")  # `¹` is no digit in Lean: it ends the identifier
    assert idents("def αβ₁ := ℓ") == ["def", "αβ₁", "ℓ"]


@pytest.mark.parametrize("text", ['def s := s!"{"}"}"', 'def s := "{"', 'def s := s!"{s!"{x}"}"', 'def s := "a {x"'])
def test_a_string_lean_could_read_otherwise_when_interpolated_is_a_problem(text: str) -> None:
    assert [what for _, what, _ in lex(text).problems] == ["ambiguous string"]


def test_escaped_braces_and_nested_code_in_strings() -> None:
    assert lex('def s := s!"\\{ literal } {(1 : Nat)}"').problems == ()
    lexed = lex('def s := s!"{ -- sorry \n  (by exact (sorry : _)) }"')
    assert [t.text for t in lexed.tokens if t.text == "sorry"] == ["sorry"] and lexed.problems == ()


@pytest.mark.parametrize("numeral", ["0x1", "0b1", "0o7", "0xFF_FF"])
def test_a_numeral_ends_where_lean_ends_it(numeral: str) -> None:
    tokens = tokenize(f"theorem t : f {numeral}sorry")
    assert [t.text for t in tokens if t.kind == "number"] == [numeral] and tokens[-1].text == "sorry"


def test_a_name_literal_is_an_identifier_even_before_a_quote() -> None:
    tokens = tokenize('def n := `r"\\" axiom bad : False -- "')
    assert [t.text for t in tokens if t.kind == "ident"][:3] == ["def", "n", "r"]
    assert [t.text for t in tokens if t.kind == "string"] == ['"\\" axiom bad : False -- "']
