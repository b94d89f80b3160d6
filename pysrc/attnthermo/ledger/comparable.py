"""Whether two ledgers measured the same thing: what ``attnthermo ledger diff`` warns about before it
lists bucket changes (a change of model, protocol, prompts or claims file explains changes by itself).

>>> from dataclasses import replace
>>> from attnthermo.ledger.rows import example_ledger
>>> old = example_ledger({})
>>> new = replace(old, provenance=replace(old.provenance, models=["gemma3-270m"]))
>>> setting_differences(old, new)
["models differ: ['smollm2'] (OLD) vs ['gemma3-270m'] (NEW)"]
"""

from __future__ import annotations

from attnthermo.ledger.rows import LedgerFile, Measured

# provenance entries that change what was measured or judged (not when or where it ran)
SETTINGS = ("models", "quick", "seed", "prompts", "claims_sha256", "pinned_file")


def _setting(row: object) -> dict:
    return row.setting if isinstance(row, Measured) else {}


def setting_differences(old: LedgerFile, new: LedgerFile) -> list[str]:
    """One line per provenance setting or measurement protocol setting that differs between the ledgers."""
    lines = []
    for key in SETTINGS:
        before, after = getattr(old.provenance, key), getattr(new.provenance, key)
        if before != after:
            lines.append(f"{key} differ: {before} (OLD) vs {after} (NEW)")
    old_rows, new_rows = old.measurements, new.measurements
    for label in sorted(set(old_rows) & set(new_rows)):
        a, b = _setting(old_rows[label]), _setting(new_rows[label])
        changed = [f"{k} {a.get(k)} vs {b.get(k)}" for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
        if changed:
            lines.append(f"protocol {label} differs: {', '.join(changed)}")
    only = sorted(set(old_rows) ^ set(new_rows))
    if only:
        lines.append(f"measured in one ledger only: {', '.join(only)}")
    return lines
