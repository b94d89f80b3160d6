"""The one reader and the one writer of ``ledger.json`` (typed rows: :mod:`attnthermo.ledger.rows`).

A file that is not a ledger, or a ledger of another schema_version, is refused with one line
naming the file, the schema it has and the one this attnthermo reads.
"""

from __future__ import annotations

import json
from pathlib import Path

from attnthermo import atomic
from attnthermo.errors import DomainError
from attnthermo.ledger.rows import SCHEMA_VERSION, LedgerFile


def ledger_text(ledger: LedgerFile) -> str:
    """The JSON text of a ledger, as ``write_ledger`` writes it."""
    return json.dumps(ledger.to_json(), indent=2, ensure_ascii=False, default=str) + "\n"


def write_ledger(path: str | Path, ledger: LedgerFile) -> Path:
    """Write ``ledger`` to ``path`` whole (atomically); returns the path."""
    atomic.write_text(Path(path), ledger_text(ledger))
    return Path(path)


def read_ledger(path: str | Path, parameter: str = "ledger") -> LedgerFile:
    """The ledger in ``path``; DomainError naming ``parameter`` and the file when it is none of this schema."""
    source = Path(path)
    if not source.is_file():
        raise DomainError(parameter, str(source), "no such file")
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DomainError(parameter, str(source), f"not JSON: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("claims"), dict):
        raise DomainError(parameter, str(source), "not a ledger (no 'claims' table)")
    if data.get("schema_version") != SCHEMA_VERSION:
        raise DomainError(parameter, str(source), f"a ledger of schema_version {data.get('schema_version')!r}; this "
                          f"attnthermo reads schema_version {SCHEMA_VERSION} (re-run `attnthermo audit`)")
    return LedgerFile.from_json(data, where=str(source))
