"""Reading Lean source text: comments, imports, namespaces and declarations with their line ranges.

This is a reader for the shape of the project's library (commands at the start of a line,
``namespace``/``section``/``end`` blocks, ``/-- docstring -/`` before each declaration), not a
Lean parser: the compiler is the judge of correctness, this only says *where* things are.

>>> text = '''module
... public import AttnThermo.Ensemble
... namespace AttnThermo.Demo
... /-- Doubling. Claim: `demo-claim` -/
... theorem two_mul (x : Nat) : 2 * x = x + x := by omega
... end AttnThermo.Demo
... '''
>>> src = parse_source(text, module="AttnThermo.Demo")
>>> src.imports
('AttnThermo.Ensemble',)
>>> thm = src.declarations[0]
>>> thm.name, thm.signature, thm.line, claim_ids(thm.docstring)
('AttnThermo.Demo.two_mul', '(x : Nat) : 2 * x = x + x', 5, ['demo-claim'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from attnthermo.lean.lexer import lex

DECLARATION_KINDS = (
    "theorem", "lemma", "def", "abbrev", "instance", "structure", "class", "inductive",
    "axiom", "opaque", "example",
)
_MODIFIERS = ("private", "protected", "noncomputable", "partial", "unsafe", "nonrec", "public", "meta")

_IDENT = r"[^\W\d][\w'!?₀-₉]*(?:\.[^\W\d][\w'!?₀-₉]*)*"
IDENTIFIER = re.compile(_IDENT)
_ATTRS = r"(?:@\[[^\]]*\]\s*)*"
_DECL = re.compile(
    rf"^[ \t]*{_ATTRS}(?P<mods>(?:(?:{'|'.join(_MODIFIERS)})\s+)*)"
    rf"(?P<kind>{'|'.join(DECLARATION_KINDS)})\b",
    re.M,
)
_NAMESPACE = re.compile(rf"^[ \t]*namespace\s+(?P<name>{_IDENT})", re.M)
_SECTION = re.compile(
    rf"^[ \t]*{_ATTRS}(?:(?:public|private|noncomputable|meta)\s+)*section\b[ \t]*(?P<name>{_IDENT})?",
    re.M,
)
_END = re.compile(rf"^[ \t]*end\b[ \t]*(?P<name>{_IDENT})?[ \t]*$", re.M)
# any other command that ends the previous declaration
_OTHER_COMMAND = re.compile(
    r"^(?:#\w+|open\b|set_option\b|attribute\b|variable\b|universe\b|import\b|public\s+import\b"
    r"|module\b|mutual\b|/--|/-!|@\[)",
    re.M,
)
# a line at column 0 that is not a continuation also ends a declaration (continuation lines are
# indented, except pattern-matching alternatives and a few keywords)
_COLUMN_ZERO = re.compile(r"^(?![\s|)\]}]|where\b|deriving\b|termination_by\b|decreasing_by\b)", re.M)
_IMPORT = re.compile(
    rf"^[ \t]*(?:public\s+|private\s+)?(?:meta\s+)?import\s+(?:all\s+)?(?P<names>{_IDENT}(?:[ \t]+{_IDENT})*)",
    re.M,
)
_OPEN_BRACKETS = {"(": ")", "[": "]", "{": "}", "⟨": "⟩", "⦃": "⦄", "⟦": "⟧"}
_CLOSE_BRACKETS = set(_OPEN_BRACKETS.values())


@dataclass(frozen=True)
class Masked:
    """Source text with comments blanked (``code``), also strings blanked (``bare``), and the
    docstrings found, as ``(start, end, text)``; offsets and line breaks are preserved."""

    code: str
    bare: str
    docstrings: tuple[tuple[int, int, str], ...]


def mask(text: str, where: str = "<source>") -> Masked:
    """Blank out comments (nested ``/- -/`` and ``--``, docstrings) and, in ``bare``, string and
    char literals too, keeping offsets; from the lexer's tokens, so ``'"'`` cannot desynchronise it."""
    lexed = lex(text, where)
    code = list(text)
    bare = list(text)

    def blank(start: int, end: int, *targets: list[str]) -> None:
        for target in targets:
            for k in range(start, end):
                if target[k] != "\n":
                    target[k] = " "

    docs: list[tuple[int, int, str]] = []
    for start, end in lexed.comments:
        blank(start, end, code, bare)
    for token in lexed.tokens:
        if token.kind == "doc":
            if token.text.startswith("/--"):
                docs.append((token.start, token.end, token.text[3:-2].strip()))
            blank(token.start, token.end, code, bare)
        elif token.kind == "string":
            quote = token.text.index('"')
            blank(token.start + quote + 1, token.end - 1, bare)
        elif token.kind == "char":
            blank(token.start + 1, token.end - 1, bare)
    inside = 0  # end of the string being read: code interpolated into s!"…{x}…" stays visible
    for token in lexed.tokens:
        if token.start < inside:
            bare[token.start : token.end] = list(token.text)
        elif token.kind == "string":
            inside = token.end
    return Masked("".join(code), "".join(bare), tuple(docs))


def normalise(text: str) -> str:
    """Collapse runs of whitespace to one space (the form statements are compared in).

    >>> normalise("  (x : Nat) :\\n    x = x ")
    '(x : Nat) : x = x'
    """
    return " ".join(text.split())


@dataclass(frozen=True)
class Declaration:
    """One declaration: full name, kind, lines ``line..end_line`` (1-based, docstring included
    in ``first_line``), the signature (theorems: text between name and the first top-level
    ``:=``, whitespace-normalised), its docstring and the identifiers its text mentions."""

    name: str
    kind: str
    line: int
    first_line: int
    end_line: int
    signature: str
    docstring: str
    private: bool
    identifiers: frozenset[str]
    body_start: int = field(repr=False)
    start: int = field(repr=False)
    end: int = field(repr=False)


@dataclass(frozen=True)
class LeanSource:
    """A parsed Lean file: its module name, imports, whether it is a ``module`` file, and its
    declarations in source order."""

    module: str
    imports: tuple[str, ...]
    import_lines: dict[str, int]
    is_module: bool
    declarations: tuple[Declaration, ...]
    masked: Masked = field(repr=False)

    def declaration_at(self, line: int) -> Declaration | None:
        """The declaration whose line range contains ``line`` (1-based), if any."""
        for decl in self.declarations:
            if decl.first_line <= line <= decl.end_line:
                return decl
        return None


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _signature_end(code: str, start: int, stop: int) -> int:
    """Offset of the first top-level ``:=`` (or ``|`` at a line start, or ``where``) in code[start:stop]."""
    depth, i = 0, start
    while i < stop:
        ch = code[i]
        if ch in _OPEN_BRACKETS:
            depth += 1
        elif ch in _CLOSE_BRACKETS:
            depth = max(depth - 1, 0)
        elif depth == 0:
            if code.startswith(":=", i):
                return i
            if ch == "|" and code[code.rfind("\n", 0, i) + 1 : i].strip() == "":
                return i
            if code.startswith("where", i) and not (code[i - 1].isalnum() or code[i - 1] == "_") and (
                i + 5 >= stop or not (code[i + 5].isalnum() or code[i + 5] == "_")
            ):
                return i
        i += 1
    return stop


def parse_source(text: str, module: str) -> LeanSource:
    """Parse a Lean file's text; ``module`` is its module name (from its path)."""
    masked = mask(text, module)
    code = masked.code
    stripped = code.lstrip()
    is_module = re.match(r"module\b", stripped) is not None
    imports: list[str] = []
    import_lines: dict[str, int] = {}
    for match in _IMPORT.finditer(code):
        for name in match.group("names").split():
            if name not in import_lines:
                imports.append(name)
                import_lines[name] = _line_of(code, match.start())

    events: list[tuple[int, str, re.Match[str]]] = []
    for kind, pattern in (("decl", _DECL), ("namespace", _NAMESPACE), ("section", _SECTION), ("end", _END)):
        events.extend((m.start(), kind, m) for m in pattern.finditer(code))
    boundaries = sorted(
        {pos for pos, _, _ in events}
        | {m.start() for m in _OTHER_COMMAND.finditer(code)}
        | {m.start() for m in _COLUMN_ZERO.finditer(code) if m.start() < len(code)}
    )
    events.sort(key=lambda e: e[0])

    def next_boundary(after: int) -> int:
        for pos in boundaries:
            if pos > after:
                return pos
        return len(code)

    scopes: list[tuple[str, str]] = []  # (kind, name); namespaces contribute their name
    declarations: list[Declaration] = []
    for pos, kind, match in events:
        if kind == "namespace":
            scopes.append(("namespace", match.group("name")))
        elif kind == "section":
            scopes.append(("section", match.group("name") or ""))
        elif kind == "end":
            if scopes:
                scopes.pop()
        else:
            prefix = ".".join(name for k, name in scopes if k == "namespace")
            decl_kind = match.group("kind")
            private = "private" in match.group("mods").split()
            after_kw = match.end()
            end = next_boundary(match.start("kind"))
            name_match = re.compile(r"\s*(" + _IDENT + r")").match(code, after_kw)
            if decl_kind in ("example", "instance") and (
                name_match is None or code[name_match.start(1) - 1] not in " \t\n"
                or name_match.group(1) in ("where",)
            ):
                name_match = None
            if name_match is None or decl_kind == "example":
                raw, name_end = f"_{decl_kind}_{_line_of(code, pos)}", after_kw
            else:
                raw, name_end = name_match.group(1), name_match.end()
            if raw.startswith("_root_."):
                full = raw.removeprefix("_root_.")
            else:
                full = f"{prefix}.{raw}" if prefix else raw
            sig_end = _signature_end(masked.bare, name_end, end)
            docstring, first = "", pos
            for d_start, d_end, d_text in masked.docstrings:
                if d_end <= pos and code[d_end:pos].strip() == "":
                    docstring, first = d_text, d_start
            body_end = len(code[:end].rstrip())
            declarations.append(
                Declaration(
                    name=full,
                    kind=decl_kind,
                    line=_line_of(code, match.start("kind")),
                    first_line=_line_of(code, first),
                    end_line=_line_of(code, max(body_end - 1, pos)),
                    signature=normalise(code[name_end:sig_end]),
                    docstring=docstring,
                    private=private,
                    identifiers=frozenset(IDENTIFIER.findall(masked.bare[pos:end])) - {raw, full},
                    body_start=sig_end,
                    start=pos,
                    end=end,
                )
            )
    return LeanSource(module, tuple(imports), import_lines, is_module, tuple(declarations), masked)


# ``Claim: `id` `` or ``Claim: `id` (qualifier)``: the qualifier (which part of the claim the theorem
# covers) is read by :func:`claim_tags`, never by :func:`claim_ids`
_CLAIM = re.compile(r"Claims?:\s*((?:`[^`\n]+`[\s,;]*(?:and\s+)?)+)(?:\(([^()`\n]+)\))?")
_WITNESS = re.compile(r"Non-vacuity:\s*((?:`[^`\n]+`[\s,;]*(?:and\s+)?)+)")


def _tagged_ids(pattern: re.Pattern[str], docstring: str) -> list[str]:
    found: list[str] = []
    for match in pattern.finditer(docstring):
        for ident in re.findall(r"`([^`\n]+)`", match.group(1)):
            if ident.strip() not in found:
                found.append(ident.strip())
    return found


def claim_ids(docstring: str) -> list[str]:
    """Claim ids named in a docstring as ``Claim: `id` `` (several allowed).

    >>> claim_ids("Fisher. Claim: `a-b` and Claim: `c`")
    ['a-b', 'c']
    """
    return _tagged_ids(_CLAIM, docstring)


def claim_tags(docstring: str) -> list[tuple[str, str | None]]:
    """Each ``Claim:`` tag as (claim id, its parenthesised qualifier or None), in docstring order;
    the ids are those of :func:`claim_ids`.

    >>> claim_tags("Claim: `a` (algebraic core) Claim: `b`")
    [('a', 'algebraic core'), ('b', None)]
    """
    found: list[tuple[str, str | None]] = []
    for match in _CLAIM.finditer(docstring):
        qualifier = match.group(2).strip() if match.group(2) else None
        for ident in re.findall(r"`([^`\n]+)`", match.group(1)):
            if (ident.strip(), qualifier) not in found:
                found.append((ident.strip(), qualifier))
    return found


def witness_links(docstring: str) -> list[str]:
    """Full theorem names a witness instantiates, named as ``Non-vacuity: `Full.Name` ``.

    >>> witness_links("Rat instance. Non-vacuity: `AttnThermo.X.thm`")
    ['AttnThermo.X.thm']
    """
    return _tagged_ids(_WITNESS, docstring)
