"""What a MODEL argument of the atlas means: a shipped name, a local checkpoint, or a hub id.

A hub id (``org/name``, not an existing path) is fetched with ``huggingface_hub`` only when the
hub is reachable; offline (``HF_HUB_OFFLINE=1``, or no network) it is a clear error naming the
model and what to do instead.

>>> atlas_model("smollm2")
'smollm2'
>>> atlas_model("no-such-thing")
Traceback (most recent call last):
...
attnthermo.errors.ModelError: model 'no-such-thing': not a shipped name (smollm2, gemma3-270m), not a local checkpoint directory or .gguf file, and not a hub id of the form org/name
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from attnthermo.errors import ModelError
from attnthermo.measurement.models import KNOWN_MODELS

_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")


def _hub_offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "0") not in ("0", "", "false", "False")


def atlas_model(spec: str) -> str:
    """The argument to give ``measure()`` for ``spec`` (a local path for hub ids, once fetched)."""
    if spec in KNOWN_MODELS:
        return spec
    path = Path(spec).expanduser()
    if path.exists():
        return str(path.resolve())
    if not _HUB_ID.match(spec):
        raise ModelError(f"model {spec!r}: not a shipped name ({', '.join(KNOWN_MODELS)}), not a local "
                         "checkpoint directory or .gguf file, and not a hub id of the form org/name")
    if _hub_offline():
        raise ModelError(f"model {spec!r}: a hub id, but the hub is off (HF_HUB_OFFLINE is set); download "
                         "the checkpoint elsewhere and pass its directory")
    try:
        from huggingface_hub import snapshot_download

        local = snapshot_download(spec, allow_patterns=["*.json", "*.safetensors", "*.model", "*.txt"])
    except Exception as exc:  # network errors come in many types
        raise ModelError(f"model {spec!r}: the hub is not reachable from here ({type(exc).__name__}: {exc}); "
                         "download the checkpoint elsewhere and pass its directory") from exc
    return str(Path(local).resolve())
