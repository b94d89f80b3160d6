"""Pinned statements: ``bridge/pinned-statements.toml``, the theorem signatures the rest of the
project relies on, reviewed like code and rewritten by ``attnthermo lean pin``.

A signature is the text between a theorem's name and its first top-level ``:=`` (binders and
statement), whitespace-normalised. When a theorem's current signature differs from its pin it
is reported as drift (a proof that still checks proves something else than what was reviewed).
Unpinned theorems can be "proved", but their ``pinned`` field says "unpinned": the ledger
trusts only pinned statements.

>>> text = render_pinned({"A.t": '(x : Nat) : x = x'})
>>> import tomllib; tomllib.loads(text)["theorems"]
{'A.t': '(x : Nat) : x = x'}
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path

from attnthermo.errors import DomainError
from attnthermo.lean.project import Project
from attnthermo.lean.sources import normalise

PINNED_FILE = "bridge/pinned-statements.toml"

_HEADER = """\
# Pinned Lean statements: the theorem signatures (binders : statement, whitespace-normalised)
# that the rest of attnthermo relies on. Review changes here like code.
# Regenerate from the current sources with `attnthermo lean pin`; `attnthermo lean check` reports
# a theorem whose signature no longer matches its pin as "drift", never as "proved".
"""


def render_pinned(statements: dict[str, str]) -> str:
    """The TOML text pinning ``{full theorem name: signature}``."""
    lines = [_HEADER, "[theorems]"]
    for name in sorted(statements):
        lines.append(f"{json.dumps(name, ensure_ascii=False)} = {json.dumps(normalise(statements[name]), ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def current_statements(project: Project) -> dict[str, str]:
    """Every theorem's signature in the project's sources (``example`` excluded)."""
    return {
        decl.name: decl.signature
        for module in project.order
        for decl in module.source.declarations
        if decl.kind == "theorem"
    }


def load_pinned(root: Path) -> tuple[dict[str, str], str | None]:
    """The pinned ``{theorem: signature}`` and the file's sha256 (``({}, None)`` if there is none)."""
    path = Path(root) / PINNED_FILE
    if not path.is_file():
        return {}, None
    return read_pinned(path), hashlib.sha256(path.read_bytes()).hexdigest()


def read_pinned(path: str | Path) -> dict[str, str]:
    """The whitespace-normalised ``{theorem: signature}`` of a pinned-statements file (or an
    edited copy of one); DomainError naming the file when it is missing or malformed."""
    path = Path(path)
    if not path.is_file():
        raise DomainError(PINNED_FILE, str(path), "no such file")
    data = path.read_bytes()
    try:
        table = tomllib.loads(data.decode("utf-8")).get("theorems", {})
    except tomllib.TOMLDecodeError as exc:
        raise DomainError(PINNED_FILE, str(path), f"is not valid TOML: {exc}") from exc
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise DomainError(PINNED_FILE, str(path), "[theorems] must map theorem names to signature strings")
    return {name: normalise(sig) for name, sig in table.items()}


def pin_status(name: str, signature: str, pinned: dict[str, str]) -> str:
    """``match``, ``drift`` or ``unpinned`` for one theorem.

    >>> pin_status("A.t", "(x : Nat) :  x = x", {"A.t": "(x : Nat) : x = x"})
    'match'
    """
    if name not in pinned:
        return "unpinned"
    return "match" if normalise(signature) == pinned[name] else "drift"


def write_pinned(project: Project) -> Path:
    """Rewrite the project's pinned-statements file from its current sources."""
    path = project.root / PINNED_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_pinned(current_statements(project)), encoding="utf-8")
    return path
