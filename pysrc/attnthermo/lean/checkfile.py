"""The one file the wasm Lean elaborates: every module in dependency order, then the commands
whose output the manifest is built from, with a map from each of its lines back to a module
file and line.

Each module's text is kept line for line (lines split at ``\\n`` only, as the lexer and Lean
count them) inside ``section … end`` (its ``module`` header and
imports blanked, its unclosed ``namespace``/``section`` scopes closed), so its ``open``,
``universe``, ``variable`` and local attributes stay its own. After the last module come
``#check @T`` for every theorem (Lean's elaborated statement), ``#print D`` for every
definition (its body) and one ``#eval`` per value-bridge entry. (Proof terms are read from the
``.olean`` the same run writes: :mod:`attnthermo.lean.oleanfacts`.)

>>> from attnthermo.lean.project import Module
>>> from attnthermo.lean.sources import parse_source
>>> text = "module\\npublic import P.A\\n@[expose] public section\\nnamespace P.B\\ntheorem t : True := trivial\\nend P.B\\n"
>>> mod = Module("P.B", "lean/P/B.lean", None, "", parse_source(text, "P.B"), text.encode())
>>> cf = build_check_file([mod], [Command("check", "P.B.t", "#check @P.B.t")])
>>> print(cf.text)
module
<BLANKLINE>
section -- P.B (lean/P/B.lean)
<BLANKLINE>
<BLANKLINE>
@[expose] public section
namespace P.B
theorem t : True := trivial
end P.B
end
end -- P.B
<BLANKLINE>
#check @P.B.t
<BLANKLINE>
>>> cf.locate(8), cf.locate(13)
(('P.B', 'lean/P/B.lean', 5), (None, 'AttnThermoCheck.lean', 13))
>>> cf.commands[13]
Command(kind='check', name='P.B.t', text='#check @P.B.t')
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from attnthermo.errors import LeanCheckFailed
from attnthermo.lean.lexer import Token, lex, outside_strings
from attnthermo.lean.project import Module

CHECK_MODULE = "AttnThermoCheck"
CHECK_FILE = f"{CHECK_MODULE}.lean"


@dataclass(frozen=True)
class Command:
    """One appended command: ``kind`` ("check", "print", "eval"; natively also "axioms" and
    "print-proof" for witnesses), the theorem,
    definition or value id it is about, and its Lean text."""

    kind: str
    name: str
    text: str


@dataclass(frozen=True)
class Span:
    """Generated lines ``first..last`` hold module ``name`` (file ``file``); generated line g is
    its line ``g - offset``; lines after ``last`` up to ``closing`` are the ``end``s added for it."""

    name: str
    file: str
    first: int
    last: int
    closing: int
    offset: int


@dataclass(frozen=True)
class CheckFile:
    """The generated text, the module spans and the appended commands by line."""

    text: str
    spans: tuple[Span, ...]
    commands: dict[int, Command]

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()

    def locate(self, line: int) -> tuple[str | None, str, int]:
        """``(module or None, file, line)`` for a generated line (the ``end``s added after a
        module count as its last line; anything else is a line of the check file itself)."""
        for span in self.spans:
            if span.first <= line <= span.last:
                return span.name, span.file, line - span.offset
            if span.last < line <= span.closing:
                return span.name, span.file, span.last - span.offset
        return None, CHECK_FILE, line


def _imports_and_scopes(tokens: list[Token]) -> tuple[list[tuple[int, int]], list[str], list[str]]:
    """The spans to blank (``module`` and import commands), the ``Init`` imports, and the scopes
    still open at the end of the file (innermost last) as the ``end`` lines that close them."""
    blank: list[tuple[int, int]] = []
    init_imports: list[str] = []
    scopes: list[str] = []
    for i, tok in enumerate(tokens):
        if tok.kind != "ident":
            continue
        if tok.text == "module" and i == 0:
            blank.append((tok.start, tok.end))
        elif tok.text == "import":
            start = tok.start
            k = i - 1
            while k >= 0 and tokens[k].kind == "ident" and tokens[k].text in ("public", "private", "meta") \
                    and tokens[k].line == tok.line:
                start = tokens[k].start
                k -= 1
            j, end = i + 1, tok.end
            while j < len(tokens) and tokens[j].kind == "ident" and tokens[j].line == tok.line:
                if tokens[j].text != "all" and tokens[j].name.split(".")[0] == "Init":
                    init_imports.append(tokens[j].name)
                end = tokens[j].end
                j += 1
            blank.append((start, end))
        elif tok.text == "mutual":
            scopes.append("end")
        elif tok.text in ("namespace", "section"):
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            named = nxt is not None and nxt.kind == "ident" and nxt.line == tok.line
            scopes.append(f"end {nxt.text}" if named else "end")
        elif tok.text == "end" and scopes:
            scopes.pop()
    return blank, init_imports, scopes


def _lines(text: str) -> list[str]:
    """The lines of ``text`` as the lexer and Lean count them: split at ``\\n`` only (never
    ``str.splitlines``, which also breaks at form feeds, U+2028, NEL …, characters a ``--``
    comment runs through; the source audit refuses them, and this keeps them inside their line).

    >>> _lines("a -- x\\x0caxiom b\\nc\\n")
    ['a -- x\\x0caxiom b', 'c']
    """
    lines = text.split("\n")
    return lines[:-1] if lines[-1] == "" else lines


def build_check_file(modules: list[Module], commands: list[Command]) -> CheckFile:
    """Concatenate ``modules`` (in dependency order) and append ``commands``."""
    prepared = []
    init_imports: list[str] = []
    for module in modules:
        text = module.data.decode("utf-8")
        blank, imports, scopes = _imports_and_scopes(outside_strings(lex(text, module.relpath).tokens))
        chars = list(text)
        for start, end in blank:
            for k in range(start, end):
                chars[k] = " "
        body = _lines("".join(chars))
        prepared.append((module, [line.rstrip(" ") for line in body], scopes))
        init_imports += [i for i in imports if i not in init_imports]
    lines = ["module", *(f"import {name}" for name in init_imports), ""]
    spans: list[Span] = []
    for module, body, scopes in prepared:
        lines.append(f"section -- {module.name} ({module.relpath})")
        first = len(lines) + 1
        lines += body
        last = len(lines)
        lines += list(reversed(scopes))
        lines.append(f"end -- {module.name}")
        spans.append(Span(module.name, module.relpath, first, last, len(lines), first - 1))
    lines.append("")
    at: dict[int, Command] = {}
    for command in commands:
        lines.append(command.text)
        at[len(lines)] = command
    broken = next((line for line in lines if "\n" in line), None)
    if broken is not None:  # every message is mapped back by line: one generated line must be one line
        raise LeanCheckFailed(f"{CHECK_FILE}: a generated line holds a line break ({broken!r}); "
                              "the map from its lines back to module lines would be shifted")
    return CheckFile("\n".join(lines) + "\n", tuple(spans), at)
