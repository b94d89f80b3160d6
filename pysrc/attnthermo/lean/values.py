"""The Lean→Python value bridge: ``bridge/values.toml`` entries evaluated by ``#eval`` in Lean.

Each ``[[value]]`` entry has an ``id``, a Lean expression ``lean`` (over ``Rat``), and the
Python function (``python = "module:function"``) with ``args`` it must agree with. The checker
appends one ``#eval`` per entry to the file Lean elaborates and reads each printed value back as
an exact fraction.

>>> parse_rat("(33 : Rat)/16"), parse_rat("-5"), parse_rat("(-3 : Rat)/4"), parse_rat("true")
(Fraction(33, 16), Fraction(-5, 1), Fraction(-3, 4), None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from attnthermo.errors import DomainError
from attnthermo.lean.compiler import Message
from attnthermo.manifest import ValueResult
from attnthermo.tomlread import tomllib

VALUES_FILE = "bridge/values.toml"

_RAT = re.compile(
    r"^\s*(?P<outer>-)?\s*\(?\s*(?P<num>-?\d+)\s*(?::\s*Rat\s*\))?\s*(?:/\s*(?P<den>\d+))?\s*$"
)


def parse_rat(text: str) -> Fraction | None:
    """A Lean ``Rat`` as printed by ``#eval`` (``7``, ``-5``, ``(33 : Rat)/16``), else None."""
    match = _RAT.match(text)
    if match is None or (("(" in text) != (")" in text)):
        return None
    value = Fraction(int(match.group("num")), int(match.group("den") or 1))
    return -value if match.group("outer") else value


@dataclass(frozen=True)
class ValueEntry:
    """One ``[[value]]`` of bridge/values.toml."""

    id: str
    lean: str
    python: str
    args: dict


def load_values(root: Path) -> list[ValueEntry]:
    """The entries of ``root/bridge/values.toml`` (none when the file does not exist)."""
    path = Path(root) / VALUES_FILE
    if not path.is_file():
        return []
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise DomainError(VALUES_FILE, str(path), f"is not valid TOML: {exc}") from exc
    entries: list[ValueEntry] = []
    for index, item in enumerate(table.get("value", [])):
        where = f"{VALUES_FILE}: value[{index}]"
        for key in ("id", "lean"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise DomainError(f"{where}.{key}", item.get(key), "must be a non-empty string")
        if "\n" in item["lean"]:
            raise DomainError(f"{where}.lean", item["lean"], "must be one line (one #eval per entry)")
        if any(e.id == item["id"] for e in entries):
            raise DomainError(f"{where}.id", item["id"], "is used by an earlier entry; ids must be unique")
        entries.append(ValueEntry(item["id"], item["lean"].strip(), str(item.get("python", "")), dict(item.get("args", {}))))
    return entries


def read_values(entries: list[ValueEntry], at: dict[int, str], messages: list[Message]) -> dict[str, ValueResult]:
    """Each entry's exact result (``"p/q"``) or error, from the messages at its ``#eval`` line."""
    raw: dict[str, str | None] = {e.id: None for e in entries}
    error: dict[str, str | None] = {e.id: "no output" for e in entries}
    result: dict[str, str | None] = {e.id: None for e in entries}
    by_id = {e.id: e for e in entries}
    for message in messages:
        entry_id = at.get(message.line)
        if entry_id is None:
            continue
        if message.severity == "error":
            error[entry_id], result[entry_id] = message.text.strip(), None
        elif message.severity == "information" and raw[entry_id] is None:
            raw[entry_id] = message.text.strip()
            value = parse_rat(message.text)
            if value is None:
                error[entry_id] = f"#eval of {by_id[entry_id].lean} printed {message.text.strip()!r}, not a Rat"
            else:
                result[entry_id], error[entry_id] = str(value), None
    return {
        e.id: ValueResult(id=e.id, lean=e.lean, python=e.python, args=e.args, result=result[e.id],
                          raw=raw[e.id], error=error[e.id])
        for e in entries
    }
