"""Per-prompt attention sums, stored the moment each forward pass ends (measure once, derive many).

A forward pass's output — the prompt's profile ``(L, H, N/2)`` and sink weights ``(L, H)``, in
float64 — depends on the weights (model file hash; the seed for the random-init control), the
prompt's token ids, the θ factor, the query chunk, the device type and the package versions, and
on nothing else a protocol states: not the fit window, the bootstrap, the per-head switch or the
prompt count. So every measurement that needs the same prompt under the same weights reads it
from here: the θ-scan's factor 1.0 is the decay fit's run, another window costs no forward pass,
and a killed run resumes at its next prompt with identical numbers (the stored float64 arrays).

Files: ``cache_dir("measurements", "prompts", <weights key>)/<prompt key>.npz``, each written to
a temporary name and renamed into place (never half written).

>>> import tempfile, numpy as np
>>> store = PromptStore(tempfile.mkdtemp(), {"model_sha256": "ab" * 32, "chunk": 128})
>>> store.get([1, 2, 3], 1.0) is None
True
>>> store.put([1, 2, 3], 1.0, np.ones((2, 4, 1)), np.zeros((2, 4)))
>>> [a.shape for a in store.get([1, 2, 3], 1.0)], store.get([1, 2, 3], 2.0)
([(2, 4, 1), (2, 4)], None)
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

FORMAT = 1  # bump when the stored arrays change meaning


def _digest(material: object) -> str:
    return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()


class PromptStore:
    """The per-prompt sums of one set of weights and settings (``material``), in folder ``root``.

    ``reuse=False`` (a forced re-measurement) reads nothing but still stores what it measures.
    """

    def __init__(self, root: str | os.PathLike, material: dict, *, reuse: bool = True):
        self.key = _digest({"format": FORMAT, **material})[:32]
        self.root = Path(root) / self.key
        self.reuse = reuse

    def path(self, ids: Sequence[int], factor: float) -> Path:
        return self.root / f"{_digest({'ids': [int(i) for i in ids], 'theta_factor': float(factor)})[:32]}.npz"

    def get(self, ids: Sequence[int], factor: float) -> tuple[np.ndarray, np.ndarray] | None:
        """(profile, sink) stored for this prompt and θ factor, or None (also for an unreadable file)."""
        path = self.path(ids, factor)
        if not self.reuse or not path.is_file():
            return None
        try:
            with np.load(path) as stored:
                return stored["profile"], stored["sink"]
        except (OSError, ValueError, KeyError):  # a damaged file is measured again, never trusted
            return None

    def put(self, ids: Sequence[int], factor: float, profile: np.ndarray, sink: np.ndarray) -> None:
        """Store one prompt's sums (temporary file, then rename)."""
        path = self.path(ids, factor)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.stem}.tmp{os.getpid()}.npz")
        np.savez(tmp, profile=np.asarray(profile, dtype=np.float64), sink=np.asarray(sink, dtype=np.float64))
        tmp.replace(path)
