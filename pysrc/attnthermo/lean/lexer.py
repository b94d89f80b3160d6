"""A lexer for Lean 4 source: the tokens the source audit and the module reader work on.

Comments (``--`` and nested ``/- -/``) produce no token; docstrings (``/-- -/``, ``/-! -/``) are
``doc`` tokens; strings (with escapes), raw strings (``r"…"``, ``r#"…"#``), char literals
(``'"'``, ``'\\''``), numbers, identifiers (dotted, ``«quoted»`` parts), ``#commands`` and
symbols are tokens with their offsets and 1-based line.

The lexer follows Lean's own tokenizer where the two could otherwise disagree on what is code:
only ``\n`` ends a ``--`` comment and a line (every other line-break, control or format
character is a *problem*, see :func:`character_problems`); the character after a plain ``/-``
and the ``/--``/``/-!`` of a docstring are not read as comment delimiters; identifier letters
are Lean's (ASCII, Greek but λ Π Σ, Coptic, letter-like symbols, subscripts), digits ASCII; a
``'`` or ``r"`` after a «quoted» name starts a literal; a char literal holds one character or
one escape (``\\x`` with 2 hex digits, ``\\u`` with 4) and ``''`` starts none, as in Lean (a
line break in a char literal or a «quoted» name is a problem). A name holding a letter printed like an ASCII one
(Greek Ο, ο, Κ …, Coptic ϲ, the Kelvin sign; any non-ASCII letter in a «quoted» part) is a
problem: it would look like another name. A comment opener glued to a symbol
(``<--``: Lean may read the token ``<-``) is a problem. The ``{…}`` parts of *every* string
are lexed as code, because whether Lean reads a string as interpolated (``s!``, ``f!``,
``dbg_trace``, ``throwError`` …) depends on the parser, not the lexer: a string whose end
would differ between the two readings, or whose ``{`` does not close as code, is a problem.
Problems are reported with their line in :attr:`Lexed.problems`; the source audit refuses them.

>>> [(t.kind, t.text) for t in tokenize("theorem t : '\\"' = c := by sorry -- x")]
[('ident', 'theorem'), ('ident', 't'), ('symbol', ':'), ('char', '\\'"\\''), ('symbol', '='), ('ident', 'c'), ('symbol', ':='), ('ident', 'by'), ('ident', 'sorry')]
>>> Token("ident", "Lean.«ofReduceBool»", 0, 1, 1).parts
('Lean', 'ofReduceBool')
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from attnthermo.errors import LeanCheckFailed

_SUBSCRIPTS = set("₀₁₂₃₄₅₆₇₈₉ₐₑₒₓₔₕₖₗₘₙₚₛₜᵢᵣᵤᵥᵦᵧᵨᵩᵪ")  # Lean's isSubScriptAlnum
_TWO_CHAR_SYMBOLS = (":=", "@[", "=>", "<;>", "..")
_WHITESPACE = " \n"  # Lean's whitespace is " \t\r\n"; tabs and CR are problems (see character_problems)
_DIGITS = "0123456789"
# letters Lean accepts in identifiers that print like an ASCII letter: a name spelled with one
# looks like another name (a pinned theorem's) in every report
_CONFUSABLE = set("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοϲϳϹϒ\u212a\u212b")  # Greek, Coptic, KELVIN SIGN, ANGSTROM SIGN
_HEX = "0123456789abcdefABCDEF"


@dataclass(frozen=True)
class Token:
    """One token: ``kind`` (ident, number, string, char, doc, hash, symbol), its exact text,
    offsets into the source and the line it starts on."""

    kind: str
    text: str
    start: int
    end: int
    line: int

    @property
    def parts(self) -> tuple[str, ...]:
        """The components of a dotted identifier, guillemets removed."""
        parts: list[str] = []
        current, quoted = "", False
        for ch in self.text:
            if ch == "«":
                quoted = True
            elif ch == "»":
                quoted = False
            elif ch == "." and not quoted:
                parts.append(current)
                current = ""
            else:
                current += ch
        parts.append(current)
        return tuple(parts)

    @property
    def name(self) -> str:
        """The identifier as Lean resolves it (guillemets removed)."""
        return ".".join(self.parts)


def _letter(ch: str) -> bool:
    """Lean's ``isIdFirst``: ASCII letters, ``_`` and ``isLetterLike``."""
    c = ord(ch)
    return ("a" <= ch <= "z" or "A" <= ch <= "Z" or ch == "_"
            or (0x3B1 <= c <= 0x3C9 and c != 0x3BB) or (0x391 <= c <= 0x3A9 and c not in (0x3A0, 0x3A3))
            or 0x3CA <= c <= 0x3FB or 0x1F00 <= c <= 0x1FFE or 0x2100 <= c <= 0x214F or 0x1D49C <= c <= 0x1D59F)


def _confusable(ident: str) -> list[str]:
    """The letters of ``ident`` that print like an ASCII letter: those of ``_CONFUSABLE``, and in a
    «quoted» part every non-ASCII letter an unquoted name could not hold (Cyrillic а, е, о …)."""
    found, quoted = [], False
    for ch in ident:
        if ch in "«»":
            quoted = ch == "«"
        elif ch in _CONFUSABLE or (quoted and not ch.isascii() and unicodedata.category(ch).startswith("L")
                                   and not _letter(ch)):
            found.append(ch)
    return found


def _ident_rest(ch: str) -> bool:
    return _letter(ch) or ch in _DIGITS or ch in "'!?" or ch in _SUBSCRIPTS


_CONTROL_NAMES = {"\t": "CHARACTER TABULATION", "\r": "CARRIAGE RETURN", "\f": "FORM FEED", "\v": "LINE TABULATION",
                  "\x1c": "FILE SEPARATOR", "\x1d": "GROUP SEPARATOR", "\x1e": "RECORD SEPARATOR",
                  "\x85": "NEXT LINE", "\x00": "NULL"}


def _allowed_character(ch: str) -> bool:
    """Whether a library file may hold ``ch``: ``\n`` and every character that is not a control
    (Cc), format (Cf), line or paragraph separator (Zl, Zp) or space other than " " (Zs)."""
    return ch == "\n" or ch == " " or unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp", "Zs")


def character_problems(text: str) -> list[tuple[int, str, str]]:
    """``(line, what, why)`` for each line-break, control or format character other than ``\n``
    (one entry per character and line; lines counted by ``\n`` as Lean counts them).

    >>> [(line, what) for line, what, _ in character_problems("a -- x\\u2028axiom b\\nc\\r\\n")]
    [(1, 'U+2028'), (2, 'U+000D')]
    """
    found: list[tuple[int, str, str]] = []
    seen: set[tuple[int, str]] = set()
    line = 1
    for ch in text:
        if ch == "\n":
            line += 1
        elif not _allowed_character(ch) and (line, ch) not in seen:
            seen.add((line, ch))
            code = f"U+{ord(ch):04X}"
            name = unicodedata.name(ch, _CONTROL_NAMES.get(ch, "control character"))
            why = ("Lean refuses tabs, and a tab is invisible in review" if ch == "\t" else
                   "Python, editors and Lean disagree on whether it ends a line or a `--` comment")
            found.append((line, code, f"{name} ({code}): {why}; only \\n may end a line in a library file"))
    return found


class _Lexer:
    def __init__(self, text: str, where: str) -> None:
        self.text = text
        self.where = where
        self.tokens: list[Token] = []
        self.comments: list[tuple[int, int]] = []
        self.problems: list[tuple[int, str, str]] = []
        self._line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def line_of(self, offset: int) -> int:
        lo, hi = 0, len(self._line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self._line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1

    def fail(self, offset: int, what: str) -> None:
        raise LeanCheckFailed(f"{self.where}:{self.line_of(offset)}: {what}")

    def problem(self, offset: int, what: str, why: str) -> None:
        self.problems.append((self.line_of(offset), what, why))

    def emit(self, kind: str, start: int, end: int) -> None:
        self.tokens.append(Token(kind, self.text[start:end], start, end, self.line_of(start)))

    def run(self, start: int = 0, stop: int | None = None, until_brace: bool = False) -> int:
        """Lex ``text[start:stop]``; with ``until_brace``, stop at the ``}`` that closes the code
        of an interpolation and return its offset (-1 when there is none before ``stop``)."""
        text, n = self.text, len(self.text) if stop is None else stop
        i, depth = start, 0
        while i < n:
            ch = text[i]
            if ch in _WHITESPACE:
                i += 1
            elif text.startswith("--", i) or (text.startswith("/-", i) and not text.startswith("/--", i)
                                              and not text.startswith("/-!", i)):
                self._glued_opener(i)
                if ch == "-":
                    end = text.find("\n", i)
                    end = n if end < 0 or end > n else end
                else:  # Lean skips the character after a plain `/-` before looking for delimiters
                    end = self._block_comment_end(i, i + 3, n)
                self.comments.append((i, end))
                i = end
            elif text.startswith("/--", i) or text.startswith("/-!", i):
                self._glued_opener(i)
                end = self._block_comment_end(i, i + 3, n)
                self.emit("doc", i, end)
                i = end
            elif ch == "`" and i + 1 < n and (_letter(text[i + 1]) or text[i + 1] == "«"):
                self.emit("symbol", i, i + 1)  # a name literal: `r"x"` after it is the name `r`, not a raw string
                i = self._identifier(i + 1, n)
            elif ch == '"':
                i = self._string(i, n)
            elif ch == "r" and self._raw_string_start(i, n):
                i = self._raw_string(i, n)
            elif ch == "'" and self._char_end(i, n) is not None:
                end = self._char_end(i, n)
                if text[i + 1] == "\n":
                    self.problem(i, "line break in char", "a char literal holding a line break (Lean reads it as "
                                 "one; most readers do not): write '\\n'")
                self.emit("char", i, end)
                i = end
            elif ch in _DIGITS:
                j = i + 1
                if ch == "0" and j < n and text[j] in "xXbBoO":
                    digits = {"x": _HEX, "b": "01", "o": "01234567"}[text[j].lower()]
                    j += 1
                    while j < n and (text[j] in digits or text[j] == "_"):  # as Lean: `0x1sorry` is `0x1` `sorry`
                        j += 1
                else:
                    while j < n and (text[j] in _DIGITS or text[j] == "_"):
                        j += 1
                    if j + 1 < n and text[j] == "." and text[j + 1] in _DIGITS:
                        j += 1
                        while j < n and text[j] in _DIGITS:
                            j += 1
                self.emit("number", i, j)
                i = j
            elif _letter(ch) or ch == "«":
                i = self._identifier(i, n)
            elif ch == "#" and i + 1 < n and _letter(text[i + 1]):
                j = i + 1
                while j < n and _ident_rest(text[j]):
                    j += 1
                self.emit("hash", i, j)
                i = j
            else:
                two = next((s for s in _TWO_CHAR_SYMBOLS if text.startswith(s, i)), None)
                end = i + len(two) if two else i + 1
                if until_brace and ch == "{":
                    depth += 1
                elif until_brace and ch == "}":
                    if depth == 0:
                        return i
                    depth -= 1
                self.emit("symbol", i, end)
                i = end
        return -1

    def _glued_opener(self, i: int) -> None:
        """A comment opener right after a symbol character: Lean may read the two as one token
        (``<--`` is ``<-`` then ``-``), so where the comment starts is not certain."""
        before = self.text[i - 1] if i > 0 else "\n"
        if before in _WHITESPACE or before in ")]}⟩»" or _ident_rest(before):
            return
        opener = self.text[i:i + 2]
        self.problem(i, f"glued {opener}", f"`{before}{opener}`: a comment opener right after the symbol `{before}` "
                     "(Lean may read them as one token, and then no comment starts); put a space before it")

    def _block_comment_end(self, i: int, j: int, n: int) -> int:
        """End of the comment opened at ``i`` whose body Lean starts reading at ``j``."""
        depth = 1
        while j < n and depth:
            if self.text.startswith("/-", j):
                depth, j = depth + 1, j + 2
            elif self.text.startswith("-/", j):
                depth, j = depth - 1, j + 2
            else:
                j += 1
        if depth:
            self.fail(i, "unterminated comment (/- without its -/)")
        return j

    def _string_end(self, i: int, n: int) -> int:
        j = i + 1
        while j < n and self.text[j] != '"':
            j += 2 if self.text[j] == "\\" else 1
        if j >= n:
            self.fail(i, 'unterminated string literal (" without its closing ")')
        return j + 1

    def _string(self, i: int, n: int) -> int:
        """Lex the string at ``i``: Lean reads it plainly or as an interpolated string, depending on
        the syntax around it. Both readings must end it at the same place; the code of its
        ``{…}`` parts is lexed (as Lean reads it when interpolated) and its tokens kept."""
        end = self._string_end(i, n)
        self.emit("string", i, end)
        if "{" not in self.text[i:end]:
            return end
        inner = _Lexer(self.text, self.where)
        inner._line_starts = self._line_starts
        try:
            interpolated_end = inner._interpolated_end(i, n)
        except LeanCheckFailed:
            interpolated_end = -1
        if interpolated_end != end:
            self.problem(i, "ambiguous string", "a string literal whose `{…}` parts do not read as code ending inside "
                         "it: Lean reads it differently when it is interpolated (s!, f!, dbg_trace …); write a "
                         "literal brace as \\x7b")
        else:
            self.tokens += inner.tokens
            self.comments += inner.comments
            self.problems += inner.problems
        return end

    def _interpolated_end(self, i: int, n: int) -> int:
        """Where an interpolated string starting at ``i`` ends (Lean's ``interpolatedStr``: ``\\``
        escapes, ``{`` opens code that ends at its closing ``}``); -1 when it does not end."""
        j = i + 1
        while j < n:
            ch = self.text[j]
            if ch == "\\":
                j += 2
            elif ch == '"':
                return j + 1
            elif ch == "{":
                close = self.run(j + 1, n, until_brace=True)
                if close < 0:
                    return -1
                j = close + 1
            else:
                j += 1
        return -1

    def _raw_string_start(self, i: int, n: int) -> bool:
        j = i + 1
        while j < n and self.text[j] == "#":
            j += 1
        return j < n and self.text[j] == '"'

    def _raw_string(self, i: int, n: int) -> int:
        j = i + 1
        while self.text[j] == "#":
            j += 1
        hashes = j - i - 1
        close = '"' + "#" * hashes
        end = self.text.find(close, j + 1)
        if end < 0 or end + len(close) > n:
            self.fail(i, f"unterminated raw string (r{'#' * hashes}\" without its {close})")
        self.emit("string", i, end + len(close))
        return end + len(close)

    def _char_end(self, i: int, n: int) -> int | None:
        """End of a char literal starting at ``i``, read as Lean's ``charLitFnAux`` reads it: one
        character (a line break too) or one escape (``\\\\ \\" \\' \\r \\n \\t``, ``\\x`` and exactly 2 hex
        digits, ``\\u`` and exactly 4), then ``'``; None where Lean reads no char literal (``''``) or
        reports an error. A prime inside an identifier is lexed with it, so any ``'`` reaching here
        starts a token, as in Lean (also right after a «quoted» name)."""
        text = self.text
        j = i + 1
        if j >= n or text[j] == "'":  # Lean: `''` starts no char literal
            return None
        if text[j] == "\\":
            esc = text[j + 1] if j + 1 < n else ""
            digits = {"x": 2, "u": 4}.get(esc, 0)
            if esc and esc in "\\\"'rnt":
                j += 2
            elif digits and all(ch in _HEX for ch in text[j + 2:j + 2 + digits]) and j + 2 + digits <= n:
                j += 2 + digits
            else:
                return None
        else:
            j += 1
        return j + 1 if j < n and text[j] == "'" else None

    def _identifier(self, i: int, n: int) -> int:
        text, j = self.text, i
        while True:
            if j < n and text[j] == "«":
                close = text.find("»", j)
                if close < 0:
                    self.fail(j, "unterminated «quoted identifier»")
                if "\n" in text[j:close]:
                    self.problem(j, "line break in name", "a «quoted» name spanning lines: every copy of it (the `end` "
                                 "that closes its namespace in the check file …) shifts the line numbers after it")
                j = close + 1
            elif j < n and _letter(text[j]):
                j += 1
                while j < n and _ident_rest(text[j]):
                    j += 1
            else:
                break
            if j + 1 < n and text[j] == "." and (_letter(text[j + 1]) or text[j + 1] == "«"):
                j += 1
                continue
            break
        look_alike = sorted({f"{ch} (U+{ord(ch):04X})" for ch in _confusable(text[i:j])})
        if look_alike:
            self.problem(i, "confusable letter", f"`{text[i:j]}` holds {', '.join(look_alike)}, printed like an ASCII "
                         "letter: the name looks like another one; spell it in ASCII")
        self.emit("ident", i, j)
        return j


@dataclass(frozen=True)
class Lexed:
    """A file's tokens, the spans of its comments (docstrings are tokens) and its problems:
    ``(line, what, why)`` for each place where Lean might read the text otherwise than the
    lexer (see the module docstring), in line order."""

    tokens: tuple[Token, ...]
    comments: tuple[tuple[int, int], ...]
    problems: tuple[tuple[int, str, str], ...] = ()


def lex(text: str, where: str = "<source>") -> Lexed:
    """Tokens, comment spans and problems of ``text``; LeanCheckFailed naming ``where:line`` for
    an unterminated comment, string or quoted identifier."""
    lexer = _Lexer(text, where)
    lexer.run()
    tokens = sorted(lexer.tokens, key=lambda t: t.start)
    problems = sorted(character_problems(text) + lexer.problems)
    return Lexed(tuple(tokens), tuple(sorted(lexer.comments)), tuple(problems))


def outside_strings(tokens: tuple[Token, ...] | list[Token]) -> list[Token]:
    """The tokens (sorted by offset) that are not code read inside a string's ``{…}``: Lean reads
    those as a term only if the string is interpolated, never as a command, so scopes and commands
    are counted without them (``"⏎{section}"`` opens no section).

    >>> [t.text for t in outside_strings(tokenize('def s := "{end}"'))]
    ['def', 's', ':=', '"{end}"']
    """
    kept: list[Token] = []
    inside = 0
    for tok in tokens:
        if tok.start < inside:
            continue
        kept.append(tok)
        if tok.kind == "string":
            inside = tok.end
    return kept


def tokenize(text: str, where: str = "<source>") -> list[Token]:
    """The tokens of ``text`` (comments dropped)."""
    return list(lex(text, where).tokens)
