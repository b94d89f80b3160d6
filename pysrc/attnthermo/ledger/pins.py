"""The pinned Lean statements a ledger was judged against, and which pins changed between two ledgers.

The ledger's one door to the pin file (:mod:`attnthermo.lean.pinned`): the audit reads an edited
copy's theorem pins (``read_pinned``) and the receipts re-compare Lean's statements with them
(``pin_status``) through this module.

A ledger records the pin file's sha256 and, per pinned theorem and definition, a short digest of
its pinned text (``provenance.pins``, a :class:`~attnthermo.ledger.rows.PinRecord`), so that ``attnthermo ledger diff`` can say which pins
changed: a theorem whose statement was re-pinned together with a weakened source is listed even
when its claim keeps its bucket.

>>> old = PinRecord(None, "a", True, {"theorems": {"A.t": "1", "A.u": "2"}})
>>> new = PinRecord(None, "b", True, {"theorems": {"A.t": "9", "A.v": "3"}})
>>> [(c.section, c.name, c.change) for c in pin_changes(old, new)]
[('theorems', 'A.t', 'changed'), ('theorems', 'A.u', 'removed'), ('theorems', 'A.v', 'added')]
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from attnthermo.lean.pinned import PINNED_FILE, parse_pins, pin_status, read_pinned
from attnthermo.ledger.rows import PinRecord


@dataclass(frozen=True)
class PinChange:
    """One pinned theorem or definition (``section``) added, removed or changed between two ledgers."""

    section: str
    name: str
    change: str


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def pin_record(root: str | Path, manifest_sha256: str | None, pinned: str | Path | None = None) -> PinRecord:
    """What the ledger records of the pins: the file (``pinned``, else the project's), its sha256,
    whether that is the file the manifest was checked against, and a digest per pinned entry."""
    if not pinned and not str(root):
        return PinRecord(file=None, sha256=None, matches_manifest=manifest_sha256 is None, tables={})
    path = Path(pinned) if pinned else Path(root) / PINNED_FILE
    if not path.is_file():
        return PinRecord(file=str(path), sha256=None, matches_manifest=manifest_sha256 is None, tables={})
    pins = parse_pins(path.read_text(encoding="utf-8"), str(path))
    tables = {f.name: {name: _digest(value) for name, value in sorted(getattr(pins, f.name).items())}
              for f in dataclasses.fields(pins) if isinstance(getattr(pins, f.name), dict)}
    return PinRecord(file=str(path), sha256=pins.sha256, matches_manifest=pins.sha256 == manifest_sha256, tables=tables)


def pin_changes(old: PinRecord, new: PinRecord) -> list[PinChange]:
    """Pinned entries added, removed or changed from the pins of one ledger (``old``) to another's (by section, then name)."""
    a, b = old.tables, new.tables
    changes = []
    for section in sorted(set(a) | set(b)):
        before, after = a.get(section, {}), b.get(section, {})
        for name in sorted(set(before) | set(after)):
            if name not in after:
                changes.append(PinChange(section, name, "removed"))
            elif name not in before:
                changes.append(PinChange(section, name, "added"))
            elif before[name] != after[name]:
                changes.append(PinChange(section, name, "changed"))
    return changes


def format_pin_changes(old: PinRecord, new: PinRecord) -> str:
    """The pin file's digest in both ledgers and one line per changed pin."""
    head = f"pins: {(old.sha256 or 'none')[:16]} -> {(new.sha256 or 'none')[:16]}"
    changes = pin_changes(old, new)
    if not changes:
        return head + ("; no pin changed" if old.sha256 == new.sha256 else
                       "; no pinned entry changed (comments or layout only)")
    section_width = max(len(c.section) for c in changes)
    return "\n".join([head + f"; {len(changes)} pin(s) changed:"] +
                     [f"  {c.section:<{section_width}}  {c.change:<7}  {c.name}" for c in changes])


__all__ = ["PinChange", "format_pin_changes", "pin_changes", "pin_record", "pin_status", "read_pinned"]
