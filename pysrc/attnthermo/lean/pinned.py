"""Pinned statements: ``bridge/pinned-statements.toml``, what Lean itself printed for the
theorems the rest of the project relies on, reviewed like code.

``[theorems]`` pins each theorem's elaborated type as ``#check @Name`` prints it (so a
hypothesis the source does not show, such as a hidden ``include``d ``False``, changes the pin),
``[definitions]`` pins each project definition as ``#print`` shows it, body included (so a
changed definition under an unchanged statement is caught). Both are whitespace-normalised.
``attnthermo lean pin`` rewrites the file from a check's output; ``attnthermo lean check``
reports a theorem whose statement, or a definition it uses, differs from its pin as "drift".

>>> text = render_pinned({"A.t": "∀ (x : Nat), x = x"}, {"A.f": "def A.f : Nat → Nat :=\\nfun x => x"})
>>> pins = parse_pins(text, "pins.toml")
>>> pins.theorems, pins.definitions
({'A.t': '∀ (x : Nat), x = x'}, {'A.f': 'def A.f : Nat → Nat := fun x => x'})
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from attnthermo.errors import DomainError
from attnthermo.lean.sources import normalise
from attnthermo.tomlread import tomllib

PINNED_FILE = "bridge/pinned-statements.toml"
PIN_FORMAT = 2

_HEADER = f"""\
# Pinned Lean statements (format {PIN_FORMAT}): what Lean printed for the theorems and definitions
# the rest of attnthermo relies on. Review changes here like code.
# [theorems]: `#check @Name` (the elaborated type, every hypothesis included);
# [definitions]: `#print Name` (the definition with its body). Whitespace-normalised.
# Regenerate from a check's output with `attnthermo lean pin`; `attnthermo lean check` reports a
# theorem whose statement, or a definition it uses, no longer matches as "drift", never "proved".
format = {PIN_FORMAT}
"""


@dataclass(frozen=True)
class Pins:
    """The pinned ``{theorem: statement}`` and ``{definition: printed body}`` and the file's sha256."""

    theorems: dict[str, str] = field(default_factory=dict)
    definitions: dict[str, str] = field(default_factory=dict)
    sha256: str | None = None


def render_pinned(theorems: dict[str, str], definitions: dict[str, str]) -> str:
    """The TOML text pinning the given statements and definition bodies."""
    lines = [_HEADER, "[theorems]"]
    lines += [f"{json.dumps(n, ensure_ascii=False)} = {json.dumps(normalise(theorems[n]), ensure_ascii=False)}"
              for n in sorted(theorems)]
    lines += ["", "[definitions]"]
    lines += [f"{json.dumps(n, ensure_ascii=False)} = {json.dumps(normalise(definitions[n]), ensure_ascii=False)}"
              for n in sorted(definitions)]
    return "\n".join(lines) + "\n"


def parse_pins(text: str, where: str) -> Pins:
    """The pins in ``text`` (from file ``where``); DomainError naming the file when malformed."""
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DomainError(PINNED_FILE, where, f"is not valid TOML: {exc}") from exc
    if table.get("format") != PIN_FORMAT:
        raise DomainError(PINNED_FILE, where, f"format {table.get('format')!r}: this attnthermo reads format "
                          f"{PIN_FORMAT} (Lean's printed statements); regenerate with `attnthermo lean pin`")
    out: dict[str, dict[str, str]] = {}
    for section in ("theorems", "definitions"):
        part = table.get(section, {})
        if not isinstance(part, dict) or not all(isinstance(v, str) for v in part.values()):
            raise DomainError(PINNED_FILE, where, f"[{section}] must map Lean names to strings")
        out[section] = {name: normalise(text) for name, text in part.items()}
    return Pins(out["theorems"], out["definitions"], hashlib.sha256(text.encode()).hexdigest())


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


def pin_status(name: str, printed: str | None, pinned: dict[str, str]) -> str:
    """``match``, ``drift`` or ``unpinned`` for one theorem or definition.

    >>> pin_status("A.t", "∀ (x : Nat),\\n  x = x", {"A.t": "∀ (x : Nat), x = x"})
    'match'
    >>> pin_status("A.t", "False → ∀ (x : Nat), x = x", {"A.t": "∀ (x : Nat), x = x"})
    'drift'
    """
    if name not in pinned:
        return "unpinned"
    return "match" if printed is not None and normalise(printed) == pinned[name] else "drift"


def write_pins(root: Path, theorems: dict[str, str], definitions: dict[str, str]) -> Path:
    """Rewrite the project's pins file; returns its path."""
    path = Path(root) / PINNED_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_pinned(theorems, definitions), encoding="utf-8")
    return path
