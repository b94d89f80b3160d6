"""Whether two ledgers measured the same thing: what ``attnthermo ledger diff`` warns about before it
lists bucket changes (a change of model, protocol, prompts or claims file explains changes by itself).

>>> setting_differences({"provenance": {"models": ["smollm2"], "quick": True}},
...                     {"provenance": {"models": ["gemma3-270m"], "quick": True}})
["models differ: ['smollm2'] (OLD) vs ['gemma3-270m'] (NEW)"]
"""

from __future__ import annotations

from typing import Any

# provenance entries that change what was measured or judged (not when or where it ran)
SETTINGS = ("models", "quick", "seed", "prompts", "claims_sha256", "pinned_file")


def setting_differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """One line per provenance setting or measurement protocol setting that differs between the ledgers."""
    lines = []
    before, after = old.get("provenance", {}), new.get("provenance", {})
    for key in SETTINGS:
        if key in before and key in after and before[key] != after[key]:
            lines.append(f"{key} differ: {before[key]} (OLD) vs {after[key]} (NEW)")
    old_rows, new_rows = old.get("measurements", {}), new.get("measurements", {})
    for label in sorted(set(old_rows) & set(new_rows)):
        a, b = old_rows[label].get("setting") or {}, new_rows[label].get("setting") or {}
        changed = [f"{k} {a.get(k)} vs {b.get(k)}" for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
        if changed:
            lines.append(f"protocol {label} differs: {', '.join(changed)}")
    only = sorted(set(old_rows) ^ set(new_rows))
    if only:
        lines.append(f"measured in one ledger only: {', '.join(only)}")
    return lines
