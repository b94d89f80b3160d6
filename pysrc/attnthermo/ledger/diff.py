"""``attnthermo ledger diff OLD NEW``: the claims whose bucket changed between two ledger.json files,
each with the dependence its rows name (window, context length N, sliding window; ``dependence``).

>>> from attnthermo.ledger.rows import example_ledger
>>> old = example_ledger({"a": "verified", "b": "folklore"})
>>> new = example_ledger({"a": "folklore", "b": "folklore", "c": "verified"})
>>> [(c.claim, c.old, c.new) for c in bucket_changes(old, new)]
[('a', 'verified', 'folklore'), ('c', None, 'verified')]
"""

from __future__ import annotations

from dataclasses import dataclass

from attnthermo.ledger.dependence import explain
from attnthermo.ledger.rows import LedgerFile


@dataclass(frozen=True)
class BucketChange:
    """One claim whose bucket differs (None: the claim is absent from that ledger)."""

    claim: str
    old: str | None
    new: str | None
    reason: str = ""
    because: tuple[str, ...] = ()  # the dependences the rows name (ledger.dependence.explain)


def bucket_changes(old: LedgerFile, new: LedgerFile) -> list[BucketChange]:
    """Claims whose bucket differs, in the new ledger's order (then claims only in the old one)."""
    a, b = old.claims, new.claims
    changes = []
    for cid in list(b) + [c for c in a if c not in b]:
        before = a[cid].bucket if cid in a else None
        after = b[cid].bucket if cid in b else None
        if before != after:
            because = tuple(explain(a[cid].receipts, b[cid].receipts)) if cid in a and cid in b else ()
            changes.append(BucketChange(cid, before, after, b[cid].reason if cid in b else "", because))
    return changes


def format_changes(changes: list[BucketChange]) -> str:
    """One line per changed claim (or a sentence saying none changed)."""
    if not changes:
        return "no claim changed bucket"
    width = max(len(c.claim) for c in changes)
    return "\n".join(f"{c.claim:<{width}}  {c.old or '(absent)'} -> {c.new or '(absent)'}"
                     + (f"  ({c.reason})" if c.reason and c.new else "")
                     + "".join(f"\n{'':<{width}}    because {line}" for line in c.because) for c in changes)
