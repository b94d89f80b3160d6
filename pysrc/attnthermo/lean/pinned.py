"""Pinned statements: ``bridge/pinned-statements.toml``, what Lean itself printed and built for
the theorems and definitions the rest of the project relies on, reviewed like code.

``[theorems]`` pins each theorem's elaborated type as ``#check @Name`` prints it (so a
hypothesis the source does not show, such as a hidden ``include``d ``False``, changes the pin),
``[definitions]`` pins each project definition as ``#print`` shows it, body included; both are
whitespace-normalised and kept for people. Printing hides instances and coercions, so
``[digests]`` pins the structural digest (:mod:`attnthermo.lean.exprs`) of every theorem's type
and of every definition, instance and inductive type the library's ``.olean`` holds (by Lean's
name, auto-named instances included), and ``[declarations]`` pins, per module, its attribute,
instance, ``local``/``scoped`` and notation-like commands as written (a new or changed one is
drift). ``attnthermo lean pin`` rewrites the file from a check's output; ``attnthermo lean
check`` reports anything that differs from its pin as "drift".

>>> text = render_pinned(Pins({"A.t": "∀ (x : Nat), x = x"}, {"A.f": "def A.f : Nat → Nat :=\\nfun x => x"},
...                           {"A.t": "ab" * 32}, {"A": ["instance : Inhabited T := ⟨t⟩"]}))
>>> pins = parse_pins(text, "pins.toml")
>>> pins.theorems, pins.definitions, pins.declarations
({'A.t': '∀ (x : Nat), x = x'}, {'A.f': 'def A.f : Nat → Nat := fun x => x'}, {'A': ['instance : Inhabited T := ⟨t⟩']})
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from attnthermo.errors import DomainError
from attnthermo.lean.lexer import tokenize
from attnthermo.lean.sources import normalise
from attnthermo.tomlread import tomllib

PINNED_FILE = "bridge/pinned-statements.toml"
PIN_FORMAT = 3
DECLARATION_WORDS = ("attribute", "instance", "local", "scoped", "notation", "infix", "infixl", "infixr",
                     "prefix", "postfix", "macro", "macro_rules", "syntax", "elab", "deriving")

_HEADER = f"""\
# Pinned Lean statements (format {PIN_FORMAT}): what Lean printed for the theorems and definitions
# the rest of attnthermo relies on. Review changes here like code.
# [theorems]: `#check @Name` (the elaborated type, every hypothesis included);
# [definitions]: `#print Name` (the definition with its body). Whitespace-normalised.
# [digests]: sha256 of each theorem's type and each definition/instance/inductive as Lean built it
# (instances and coercions included); [declarations]: each module's attribute/instance/local/
# scoped/notation-like commands as written.
# Regenerate from a check's output with `attnthermo lean pin`; `attnthermo lean check` reports a
# theorem whose statement, or a definition it uses, no longer matches as "drift", never "proved".
format = {PIN_FORMAT}
"""


@dataclass(frozen=True)
class Pins:
    """The pinned ``{theorem: statement}``, ``{definition: printed body}``, ``{Lean constant:
    structural digest}``, ``{module: [declaration commands]}`` and the file's sha256."""

    theorems: dict[str, str] = field(default_factory=dict)
    definitions: dict[str, str] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)
    declarations: dict[str, list[str]] = field(default_factory=dict)
    sha256: str | None = None


def _table(values: dict) -> list[str]:
    return [f"{json.dumps(n, ensure_ascii=False)} = {json.dumps(values[n], ensure_ascii=False)}" for n in sorted(values)]


def render_pinned(pins: Pins) -> str:
    """The TOML text of ``pins`` (its sha256 is ignored)."""
    lines = [_HEADER, "[theorems]", *_table({n: normalise(t) for n, t in pins.theorems.items()})]
    lines += ["", "[definitions]", *_table({n: normalise(t) for n, t in pins.definitions.items()})]
    lines += ["", "[digests]", *_table(pins.digests)]
    lines += ["", "[declarations]", *_table(pins.declarations)]
    return "\n".join(lines) + "\n"


def parse_pins(text: str, where: str) -> Pins:
    """The pins in ``text`` (from file ``where``); DomainError naming the file when malformed."""
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DomainError(PINNED_FILE, where, f"is not valid TOML: {exc}") from exc
    if table.get("format") != PIN_FORMAT:
        raise DomainError(PINNED_FILE, where, f"format {table.get('format')!r}: this attnthermo reads format "
                          f"{PIN_FORMAT} (printed statements, structural digests and declarations); "
                          "regenerate with `attnthermo lean pin`")
    out: dict[str, dict] = {}
    for section in ("theorems", "definitions", "digests", "declarations"):
        part = table.get(section, {})
        if section == "declarations":
            good = isinstance(part, dict) and all(isinstance(v, list) and all(isinstance(x, str) for x in v)
                                                  for v in part.values())
        else:
            good = isinstance(part, dict) and all(isinstance(v, str) for v in part.values())
        if not good:
            kind = "lists of strings" if section == "declarations" else "strings"
            raise DomainError(PINNED_FILE, where, f"[{section}] must map names to {kind}")
        out[section] = part if section in ("digests", "declarations") else {n: normalise(t) for n, t in part.items()}
    return Pins(out["theorems"], out["definitions"], out["digests"], out["declarations"],
                hashlib.sha256(text.encode()).hexdigest())


def load_pins(root: Path) -> Pins:
    """The project's pins (empty when the file does not exist)."""
    path = Path(root) / PINNED_FILE
    return parse_pins(path.read_text(encoding="utf-8"), str(path)) if path.is_file() else Pins()


def read_pinned(path: str | Path) -> dict[str, str]:
    """The pinned ``{theorem: statement}`` of a pins file (or an edited copy of one)."""
    path = Path(path)
    if not path.is_file():
        raise DomainError(PINNED_FILE, str(path), "no such file")
    return parse_pins(path.read_text(encoding="utf-8"), str(path)).theorems


def pin_status(name: str, printed: str | None, pinned: dict[str, str], digest: str | None = None,
               digests: dict[str, str] | None = None, lean_name: str | None = None) -> str:
    """``match``, ``drift`` or ``unpinned`` for one theorem or definition: its printed text, and
    (when the check read a ``digest`` from the olean) its structural digest pinned under
    ``lean_name`` (default ``name``), must both match.

    >>> pin_status("A.t", "∀ (x : Nat),\\n  x = x", {"A.t": "∀ (x : Nat), x = x"})
    'match'
    >>> pin_status("A.t", "False → ∀ (x : Nat), x = x", {"A.t": "∀ (x : Nat), x = x"})
    'drift'
    >>> pin_status("A.t", "∀ (x : Nat), x = x", {"A.t": "∀ (x : Nat), x = x"}, "1" * 64, {"A.t": "2" * 64})
    'drift'
    """
    if name not in pinned:
        return "unpinned"
    if printed is None or normalise(printed) != pinned[name]:
        return "drift"
    if digest is not None and (digests or {}).get(lean_name or name) != digest:
        return "drift"
    return "match"


def declaration_commands(text: str, where: str) -> list[str]:
    """The commands of a Lean source that pin as declarations: those starting with an attribute
    (``@[…]``) or one of ``DECLARATION_WORDS``, as their first line's tokens (comments dropped)."""
    tokens = tokenize(text, where)
    by_line: dict[int, list[str]] = {}
    for tok in tokens:
        by_line.setdefault(tok.line, []).append(tok.text)
    found = []
    for line in sorted(by_line):
        words = by_line[line]
        first = words[0]
        if first in DECLARATION_WORDS or first.startswith("@["):
            found.append(" ".join(words))
        elif first in ("private", "protected", "public", "noncomputable") and len(words) > 1 \
                and words[1] in DECLARATION_WORDS:
            found.append(" ".join(words))
    return found


def write_pins(root: Path, pins: Pins) -> Path:
    """Rewrite the project's pins file; returns its path."""
    path = Path(root) / PINNED_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_pinned(pins), encoding="utf-8")
    return path
