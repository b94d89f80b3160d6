"""``attnthermo ledger diff OLD NEW``: the claims whose bucket changed between two ledger.json files,
each with the dependence its rows name (window, context length N, sliding window; ``dependence``).

>>> old = {"claims": {"a": {"bucket": "verified"}, "b": {"bucket": "folklore"}}}
>>> new = {"claims": {"a": {"bucket": "folklore"}, "b": {"bucket": "folklore"}, "c": {"bucket": "verified"}}}
>>> [(c.claim, c.old, c.new) for c in bucket_changes(old, new)]
[('a', 'verified', 'folklore'), ('c', None, 'verified')]
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from attnthermo.errors import DomainError
from attnthermo.ledger.dependence import explain


@dataclass(frozen=True)
class BucketChange:
    """One claim whose bucket differs (None: the claim is absent from that ledger)."""

    claim: str
    old: str | None
    new: str | None
    reason: str = ""
    because: tuple[str, ...] = ()  # the dependences the rows name (ledger.dependence.explain)


def load_ledger(path: str | Path, parameter: str = "ledger") -> dict:
    """A ledger.json written by ``attnthermo audit``."""
    source = Path(path)
    if not source.is_file():
        raise DomainError(parameter, str(source), "no such file")
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DomainError(parameter, str(source), f"not JSON: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("claims"), dict):
        raise DomainError(parameter, str(source), "not a ledger (no 'claims' table)")
    return data


def bucket_changes(old: dict, new: dict) -> list[BucketChange]:
    """Claims whose bucket differs, in the new ledger's order (then claims only in the old one)."""
    a, b = old["claims"], new["claims"]
    changes = []
    for cid in list(b) + [c for c in a if c not in b]:
        before = a.get(cid, {}).get("bucket")
        after = b.get(cid, {}).get("bucket")
        if before != after:
            because = tuple(explain(a[cid], b[cid])) if cid in a and cid in b else ()
            changes.append(BucketChange(cid, before, after, b.get(cid, {}).get("reason", ""), because))
    return changes


def format_changes(changes: list[BucketChange]) -> str:
    """One line per changed claim (or a sentence saying none changed)."""
    if not changes:
        return "no claim changed bucket"
    width = max(len(c.claim) for c in changes)
    return "\n".join(f"{c.claim:<{width}}  {c.old or '(absent)'} -> {c.new or '(absent)'}"
                     + (f"  ({c.reason})" if c.reason and c.new else "")
                     + "".join(f"\n{'':<{width}}    because {line}" for line in c.because) for c in changes)
