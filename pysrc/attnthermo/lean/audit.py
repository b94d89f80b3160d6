"""The source audit: every token of a library file is read (by :mod:`attnthermo.lean.lexer`)
and anything outside the allow-list is rejected by name, with its file and line.

Allowed: the declaration and scope commands in ``ALLOWED_COMMANDS``: every token that starts a
line, or follows a modifier, an attribute list, a docstring or a line-level ``… in``, must be one
of them (or a continuation such as ``|``, ``where``), and a declaration or scope keyword must
start its line (after modifiers, attributes, a docstring), where the module reader
(:mod:`attnthermo.lean.sources`) looks for them; ``@[…]``/``attribute […]`` with the
attributes in ``ALLOWED_ATTRIBUTES``, docstrings, ``module`` and imports of project modules or
of ``Init`` (``Std``, ``Lean`` and ``Lake`` are refused: the library needs neither, and
``import Lean`` brings the metaprogramming that can add axioms or skip the kernel).
Rejected anywhere, even inside a proof or after ``open X in``: the commands in
``FORBIDDEN_COMMANDS`` (``set_option``, ``include``, ``axiom``, ``elab``, ``macro``,
``notation``, ``run_cmd``, every ``#command`` …) and the names in ``FORBIDDEN_NAMES``
(``sorry``, ``sorryAx``, ``native``, ``native_decide``, ``ofReduceBool``, ``dbg_trace`` …, each
with its reason), matched per component of a dotted or «quoted» identifier; ``decide`` with any
configuration but ``+kernel`` (a configuration can select native evaluation); and every
*problem* of the lexer (:mod:`attnthermo.lean.lexer`: a line-break, control or format character
other than ``\n``, a string Lean could read otherwise when interpolated, a comment opener glued
to a symbol), so that the audit and Lean read the same code.

>>> [f.what for f in source_findings("module\\nimport Lean\\nopen Nat in axiom bad : False\\n", "A.lean", set())]
['import Lean', 'axiom']
"""

from __future__ import annotations

from collections.abc import Iterable

from attnthermo.lean.lexer import Token, lex, outside_strings
from attnthermo.manifest import Finding

MODIFIERS = frozenset({"noncomputable", "private", "protected", "public", "nonrec", "local", "scoped"})
ALLOWED_COMMANDS = MODIFIERS | frozenset({
    "theorem", "def", "abbrev", "instance", "structure", "class", "inductive", "example",
    "namespace", "section", "end", "open", "attribute", "universe", "variable", "mutual", "deriving",
    "module", "import",
})
# what may start a line inside a command (pattern alternatives, closing brackets, `where` …)
CONTINUATIONS = frozenset({"|", ")", "]", "}", "⟩", ":=", "where", "with", "termination_by", "decreasing_by"})
FORBIDDEN_COMMANDS = frozenset({
    "set_option", "include", "omit", "axiom", "opaque", "partial", "unsafe", "meta",
    "elab", "elab_rules", "macro", "macro_rules", "syntax", "notation", "infix", "infixl",
    "infixr", "prefix", "postfix", "declare_syntax_cat", "run_cmd", "run_elab", "run_meta",
    "initialize", "builtin_initialize", "register_simp_attr", "register_option",
    # commands of Lean 4.28's Init and builtin parsers that define syntax expansions (a macro can
    # build any identifier from strings: `binder_predicate` is in Init), close or alias scopes
    # (`end_local_scope`; `export` adds a global alias that outlives the module's section in the
    # one check file), or register options, simprocs, attributes, hints and tactics
    "binder_predicate", "declare_simp_like_tactic", "declare_config_elab", "declare_command_config_elab",
    "end_local_scope", "export", "with_weak_namespace", "seal", "unseal", "unif_hint", "init_quot",
    "simproc", "dsimproc", "simproc_decl", "dsimproc_decl", "simproc_pattern", "builtin_simproc",
    "builtin_dsimproc", "builtin_simproc_decl", "builtin_dsimproc_decl", "builtin_simproc_pattern",
    "grind_pattern", "grind_propagator", "builtin_grind_propagator", "register_grind_attr", "reset_grind_attrs",
    "register_builtin_option", "register_linter_set", "register_label_attr", "register_tactic_tag",
    "tactic_extension", "add_decl_doc", "recommended_spelling", "docs_to_verso", "set_library_suggestions",
})
_SORRY = "admits a goal without proof (sorryAx)"
_NATIVE = "evaluates with compiled code instead of the kernel (the axiom Lean.ofReduceBool)"
_COMPILED = "makes the compiled code of a definition differ from what the kernel checks"
_UNSAFE = "runs or reinterprets code outside what the kernel checks"
_TRACE = "debug tracing runs compiled code, and its interpolated string is code"
_META = "metaprogramming: elaborator, kernel or compiler internals can add declarations unchecked"
FORBIDDEN_NAMES: dict[str, str] = {
    "sorry": _SORRY, "sorryAx": _SORRY, "admit": _SORRY, "stop": "the tactic `stop` admits the rest of a proof (sorry)",
    "native": _NATIVE + "; `decide +native`, `(native := true)`, `{ native := true }` all name it",
    "native_decide": _NATIVE, "nativeDecide": _NATIVE, "bv_decide": _NATIVE, "bv_check": _NATIVE,
    "ofReduceBool": _NATIVE, "ofReduceNat": _NATIVE, "reduceBool": _NATIVE, "reduceNat": _NATIVE,
    "trustCompiler": "the axiom that trusts the compiler", "DecideConfig": "a `decide` configuration can select " + _NATIVE,
    "implemented_by": _COMPILED, "implementedBy": _COMPILED, "extern": _COMPILED, "csimp": _COMPILED,
    "unsafe": _UNSAFE, "unsafeCast": _UNSAFE, "unsafeBaseIO": _UNSAFE, "unsafeIO": _UNSAFE, "unsafeEIO": _UNSAFE,
    "dbg_trace": _TRACE, "dbgTrace": _TRACE, "dbgTraceIfShared": _TRACE, "dbg_trace_if_shared": _TRACE,
    "dbgTraceVal": _TRACE,
    "skipKernelTC": "an option that skips the kernel's type check", "Elab": _META, "Meta": _META, "Kernel": _META,
    "Compiler": _META, "run_tac": _META, "by_elab": _META,
}
# the tactics configured by `DecideConfig`, and the options that keep the kernel as the judge
# (`+kernel`: the kernel alone reduces the instance; `decide!` is an older spelling of it)
DECIDE_TACTICS = frozenset({"decide", "decide!"})
ALLOWED_DECIDE_OPTIONS = frozenset({"+kernel"})
ALLOWED_ATTRIBUTES = frozenset({
    "expose", "simp", "grind", "reducible", "irreducible", "semireducible", "instance", "inline",
    "specialize", "ext", "match_pattern", "default_instance", "induction_eliminator",
    "cases_eliminator", "inherit_doc", "deprecated", "refl", "symm", "congr", "coe", "local", "scoped",
})
ALLOWED_IMPORT_ROOTS = ("Init",)


def _attribute_names(tokens: list[Token], open_at: int) -> tuple[list[Token], int]:
    """The attribute-name tokens of the ``[ … ]`` opening at index ``open_at`` and the index after it."""
    names: list[Token] = []
    depth, expect_name, i = 0, True, open_at
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind == "symbol" and tok.text in ("[", "@["):
            depth += 1
        elif tok.kind == "symbol" and tok.text == "]":
            depth -= 1
            if depth == 0:
                return names, i + 1
        elif depth == 1 and tok.kind == "symbol" and tok.text == ",":
            expect_name = True
        elif depth == 1 and expect_name and tok.kind == "ident":
            if tok.text not in ("local", "scoped"):
                names.append(tok)
                expect_name = False
        elif depth == 1 and expect_name and tok.kind == "symbol" and tok.text == "-":
            pass  # attribute [-simp] erases
        i += 1
    return names, i


def source_findings(text: str, relpath: str, project_modules: Iterable[str]) -> list[Finding]:
    """Everything in ``text`` (file ``relpath``) that the library may not use, in source order."""
    project = set(project_modules)
    found: list[Finding] = []

    def flag(tok: Token, what: str, detail: str) -> None:
        found.append(Finding(what=what, file=relpath, line=tok.line, detail=detail))

    lexed = lex(text, relpath)
    tokens = list(lexed.tokens)
    commands = outside_strings(tokens)  # a string's `{…}` is a term at most, never a command or scope
    found += [Finding(what=what, file=relpath, line=line, detail=why) for line, what, why in lexed.problems]
    found += [Finding(what="unmatched end", file=relpath, line=tok.line,
                      detail="`end` with no namespace, section or mutual block of this file open: in the one "
                             "check file it would close the scope that keeps this module's `open`s and local "
                             "instances its own") for tok in _unmatched_ends(commands)]
    for tok in _unlisted_commands(text, commands):
        flag(tok, tok.text, f"`{tok.text}` starts a command (a line, or follows a modifier, attribute, docstring or "
             f"`… in`) and is not on the allow-list: {', '.join(sorted(ALLOWED_COMMANDS - MODIFIERS))}")
    for tok in _mid_line_declarations(commands):
        flag(tok, f"mid-line {tok.text}", f"`{tok.text}` after other code on its line: the module reader "
             "(sources.py) names declarations and scopes only at the start of a line (after modifiers, attributes "
             "or a docstring), so the checker would not check it, or would name what follows wrongly; start a line")
    code = {tok.start for tok in commands}
    judged: set[int] = set()  # attribute names and refused import targets, already reported
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind == "ident" and tok.text in DECIDE_TACTICS:
            for option in _decide_options(tokens, i):
                if option not in ALLOWED_DECIDE_OPTIONS:
                    flag(tok, "decide config", f"`{tok.text} {option}`: only {', '.join(sorted(ALLOWED_DECIDE_OPTIONS))} "
                         "is allowed (a configuration can select native evaluation instead of the kernel)")
        if tok.kind == "hash":
            flag(tok, tok.text, f"`{tok.text}` is a command the library may not contain")
        elif tok.start in code and (tok.kind == "symbol" and tok.text == "@[" or (
            tok.kind == "symbol" and tok.text == "[" and i > 0 and tokens[i - 1].text == "attribute"
        )):
            # the names are judged against the attribute lists; every other token in the brackets is
            # still read below (a `@[` that never closes must not hide the rest of the file)
            for name in _attribute_names(tokens, i)[0]:
                judged.add(name.start)
                if name.name in FORBIDDEN_NAMES or name.name in FORBIDDEN_COMMANDS:
                    flag(name, name.name, f"attribute `{name.name}` is forbidden")
                elif name.name not in ALLOWED_ATTRIBUTES:
                    flag(name, f"@[{name.name}]", f"attribute `{name.name}` is not on the allow-list")
        elif tok.start in code and tok.kind == "ident" and tok.text == "import":
            j = i + 1
            while j < len(tokens) and tokens[j].kind == "ident" and tokens[j].text == "all":
                j += 1
            while j < len(tokens) and tokens[j].kind == "ident" and tokens[j].line == tok.line:
                target = tokens[j].name
                if target not in project and target.split(".")[0] not in ALLOWED_IMPORT_ROOTS:
                    flag(tokens[j], f"import {target}",
                         f"imports {target}: only project modules and {', '.join(ALLOWED_IMPORT_ROOTS)} may be imported")
                    judged.add(tokens[j].start)
                j += 1
        elif tok.kind == "ident" and tok.text in FORBIDDEN_COMMANDS and tok.start not in judged:
            flag(tok, tok.text, f"`{tok.text}` is forbidden in the library")
        elif tok.kind == "ident" and tok.start not in judged:
            for part in tok.parts:
                if part in FORBIDDEN_NAMES:
                    flag(tok, part, f"`{tok.text}` uses `{part}`: {FORBIDDEN_NAMES[part]}")
        i += 1
    return sorted(found, key=lambda f: f.line)


def _unlisted_commands(text: str, tokens: list[Token]) -> list[Token]:
    """The tokens at a command position that are neither allowed commands nor continuations (nor
    refused elsewhere by name). A command position: the first token of a line at column 0, the
    token after a modifier, an attribute list or a docstring at a command position, and the token
    after the ``in`` of a line starting with ``open``, ``attribute``, ``variable`` or ``universe``.
    Lean also reads a command written mid-line; those are refused by name (``FORBIDDEN_COMMANDS``)."""
    unlisted: list[Token] = []
    line_start = {0} | {k + 1 for k, ch in enumerate(text) if ch == "\n"}
    at_command, in_line = False, -1  # in_line: the line whose `in` makes a command position
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.start in line_start:
            at_command = True
            in_line = tok.line if tok.text in _IN_COMBINATORS else -1
        elif tok.kind == "ident" and tok.text == "in" and tok.line == in_line:
            at_command, in_line = True, -1
            i += 1
            continue
        if at_command and (tok.kind == "doc" or (tok.kind == "ident" and tok.text in MODIFIERS)):
            i += 1
            continue
        if at_command and tok.kind == "symbol" and tok.text == "@[":
            i = _attribute_names(tokens, i)[1]
            continue
        if at_command and tok.kind != "hash" and not (
                tok.text in ALLOWED_COMMANDS or tok.text in CONTINUATIONS or tok.text in FORBIDDEN_COMMANDS):
            unlisted.append(tok)
        at_command = False
        i += 1
    return unlisted


_IN_COMBINATORS = frozenset({"open", "attribute", "variable", "universe"})
LINE_START_COMMANDS = frozenset({"theorem", "def", "abbrev", "instance", "structure", "class", "inductive",
                                 "example", "namespace", "section", "end", "mutual"})


def _mid_line_declarations(tokens: list[Token]) -> list[Token]:
    """Declaration and scope keywords preceded on their line by anything but modifiers, attribute
    lists, a docstring (or ``class`` before ``inductive``/``abbrev``, ``deriving`` before
    ``instance``); the attribute name ``instance`` inside ``[…]`` is not one."""
    found: list[Token] = []
    line, clean, depth, previous = 0, True, 0, ""
    for tok in tokens:
        if tok.line != line:
            line, clean, previous = tok.line, True, ""
        if tok.kind == "symbol" and tok.text in ("@[", "["):
            depth += 1
        elif tok.kind == "symbol" and tok.text == "]" and depth:
            depth -= 1
        elif depth == 0 and tok.kind == "ident" and tok.text in LINE_START_COMMANDS:
            after = (previous, tok.text) in (("class", "inductive"), ("class", "abbrev"), ("deriving", "instance"))
            if not clean and not after:
                found.append(tok)
        elif depth == 0 and not (tok.kind == "doc" or tok.text in MODIFIERS):
            clean = False
        if depth == 0 and tok.kind == "ident" and tok.text in LINE_START_COMMANDS:
            clean = False
        previous = tok.text if depth == 0 else previous
    return found


def _unmatched_ends(tokens: list[Token]) -> list[Token]:
    """The ``end`` commands that close no ``namespace``, ``section`` or ``mutual`` of the file."""
    depth, unmatched = 0, []
    for tok in tokens:
        if tok.kind == "ident" and tok.text in ("namespace", "section", "mutual"):
            depth += 1
        elif tok.kind == "ident" and tok.text == "end":
            if depth == 0:
                unmatched.append(tok)
            depth = max(depth - 1, 0)
    return unmatched


def _decide_options(tokens: list[Token], at: int) -> list[str]:
    """Every configuration item written after the ``decide`` at index ``at``: ``+x``/``-x`` glued
    to its name, ``(x := …)`` (``config`` included); empty for a plain ``decide``."""
    options: list[str] = []
    k = at + 1
    while k + 1 < len(tokens):
        sign, name = tokens[k], tokens[k + 1]
        if sign.kind == "symbol" and sign.text in ("+", "-") and name.kind == "ident" and sign.end == name.start:
            options.append(sign.text + name.name)
            k += 2
        elif sign.text == "(" and name.kind == "ident" and k + 2 < len(tokens) and tokens[k + 2].text == ":=":
            options.append(f"({name.name} := …)")
            depth = 0
            while k < len(tokens):
                depth += {"(": 1, ")": -1}.get(tokens[k].text, 0) if tokens[k].kind == "symbol" else 0
                k += 1
                if depth == 0:
                    break
        else:
            break
    return options
