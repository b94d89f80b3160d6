"""A lexer for Lean 4 source: the tokens the source audit and the module reader work on.

Comments (``--`` and nested ``/- -/``) produce no token; docstrings (``/-- -/``, ``/-! -/``) are
``doc`` tokens; strings (with escapes), raw strings (``r"…"``, ``r#"…"#``), char literals
(``'"'``, ``'\\''``), numbers, identifiers (dotted, ``«quoted»`` parts), ``#commands`` and
symbols are tokens with their offsets and 1-based line. The code inside ``{…}`` of an
interpolated string (``s!"…{x}…"``) is lexed as code, so nothing can hide there.

>>> [(t.kind, t.text) for t in tokenize("theorem t : '\\"' = c := by sorry -- x")]
[('ident', 'theorem'), ('ident', 't'), ('symbol', ':'), ('char', '\\'"\\''), ('symbol', '='), ('ident', 'c'), ('symbol', ':='), ('ident', 'by'), ('ident', 'sorry')]
>>> Token("ident", "Lean.«ofReduceBool»", 0, 1, 1).parts
('Lean', 'ofReduceBool')
"""

from __future__ import annotations

from dataclasses import dataclass

from attnthermo.errors import LeanCheckFailed

_SUBSCRIPTS = set("₀₁₂₃₄₅₆₇₈₉ₐₑₒₓₔₕₖₗₘₙₚₛₜᵢᵣᵤᵥᵦᵧᵨᵩᵪⱼ")
_NOT_LETTERS = set("λΠΣ")
_TWO_CHAR_SYMBOLS = (":=", "@[", "=>", "<;>", "..")


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
    return (ch.isalpha() and ch not in _NOT_LETTERS) or ch == "_" or "\u2100" <= ch <= "\u214f"


def _ident_rest(ch: str) -> bool:
    return _letter(ch) or ch.isdigit() or ch in "'!?" or ch in _SUBSCRIPTS


class _Lexer:
    def __init__(self, text: str, where: str) -> None:
        self.text = text
        self.where = where
        self.tokens: list[Token] = []
        self.comments: list[tuple[int, int]] = []
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

    def emit(self, kind: str, start: int, end: int) -> None:
        self.tokens.append(Token(kind, self.text[start:end], start, end, self.line_of(start)))

    def run(self, start: int = 0, stop: int | None = None) -> None:
        text, n = self.text, len(self.text) if stop is None else stop
        i = start
        while i < n:
            ch = text[i]
            if ch.isspace():
                i += 1
            elif text.startswith("--", i):
                end = text.find("\n", i)
                end = n if end < 0 or end > n else end
                self.comments.append((i, end))
                i = end
            elif text.startswith("/-", i):
                end = self._block_comment_end(i, n)
                if text.startswith("/--", i) or text.startswith("/-!", i):
                    if not text.startswith("/--/", i):
                        self.emit("doc", i, end)
                        i = end
                        continue
                self.comments.append((i, end))
                i = end
            elif ch == '"':
                end = self._string_end(i, n)
                interpolated = bool(self.tokens) and self.tokens[-1].kind == "ident" and self.tokens[-1].text.endswith("!") \
                    and self.tokens[-1].end == i
                self.emit("string", i, end)
                if interpolated:
                    self._interpolations(i + 1, end - 1)
                i = end
            elif ch == "r" and self._raw_string_start(i, n):
                i = self._raw_string(i, n)
            elif ch == "'" and self._char_end(i, n) is not None:
                end = self._char_end(i, n)
                self.emit("char", i, end)
                i = end
            elif ch.isdigit():
                j = i + 1
                if ch == "0" and j < n and text[j] in "xXbBoO":
                    j += 1
                    while j < n and (text[j].isalnum() or text[j] == "_"):
                        j += 1
                else:
                    while j < n and (text[j].isdigit() or text[j] == "_"):
                        j += 1
                    if j + 1 < n and text[j] == "." and text[j + 1].isdigit():
                        j += 1
                        while j < n and text[j].isdigit():
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
                self.emit("symbol", i, end)
                i = end

    def _block_comment_end(self, i: int, n: int) -> int:
        depth, j = 1, i + 2
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

    def _raw_string_start(self, i: int, n: int) -> bool:
        if self.tokens and self.tokens[-1].end == i and self.tokens[-1].kind == "ident":
            return False
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
        """End of a char literal starting at ``i`` (``'a'``, ``'\\n'``, ``'\\x41'``, ``'\\u{3bb}'``)."""
        text = self.text
        if self.tokens and self.tokens[-1].end == i and self.tokens[-1].kind == "ident":
            return None  # a prime inside an identifier is lexed with it; this is a stray one
        j = i + 1
        if j >= n or text[j] == "\n":
            return None
        if text[j] == "\\":
            if j + 1 >= n:
                return None
            esc = text[j + 1]
            if esc == "x":
                j += 4
            elif esc == "u":
                close = text.find("}", j)
                j = close + 1 if close > 0 else n
            else:
                j += 2
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
        self.emit("ident", i, j)
        return j

    def _interpolations(self, start: int, stop: int) -> None:
        text, j = self.text, start
        while j < stop:
            if text[j] == "\\":
                j += 2
            elif text[j] == "{":
                depth, k = 1, j + 1
                while k < stop and depth:
                    depth += {"{": 1, "}": -1}.get(text[k], 0)
                    k += 1
                self.run(j + 1, k - 1)
                j = k
            else:
                j += 1


@dataclass(frozen=True)
class Lexed:
    """A file's tokens and the spans of its comments (docstrings are tokens)."""

    tokens: tuple[Token, ...]
    comments: tuple[tuple[int, int], ...]


def lex(text: str, where: str = "<source>") -> Lexed:
    """Tokens and comment spans of ``text``; LeanCheckFailed naming ``where:line`` for an
    unterminated comment, string or quoted identifier."""
    lexer = _Lexer(text, where)
    lexer.run()
    tokens = sorted(lexer.tokens, key=lambda t: t.start)
    return Lexed(tuple(tokens), tuple(lexer.comments))


def tokenize(text: str, where: str = "<source>") -> list[Token]:
    """The tokens of ``text`` (comments dropped)."""
    return list(lex(text, where).tokens)
