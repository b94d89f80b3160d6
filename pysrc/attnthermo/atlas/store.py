"""The atlas store: one measurement result per (model hash, protocol, package version).

Results live in ``DIR/store/<key>.json`` (the measurement's own JSON, read back through
``measurement.result.read_result``), each written atomically as soon as its model is
measured, so a killed run restarts where it stopped and never measures a model twice.

>>> key = store_key("ab" * 32, {"tokens": 256}, "0.1.0")
>>> len(key), key == store_key("ab" * 32, {"tokens": 256}, "0.1.0")
(32, True)
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from attnthermo.measurement.result import SCHEMA_VERSION, MeasurementResult, read_result


def store_key(model_sha256: str, protocol: dict, version: str) -> str:
    """The store key: sha256 of the model file hash, the protocol, the attnthermo version and the
    measurement result's schema version (a stored result the one reader no longer reads is re-measured)."""
    material = json.dumps({"model_sha256": model_sha256, "protocol": protocol, "attnthermo": version,
                           "result_schema": SCHEMA_VERSION}, sort_keys=True)
    return hashlib.sha256(material.encode()).hexdigest()[:32]


class AtlasStore:
    """Stored results in one folder, by :func:`store_key`."""

    def __init__(self, root: str | Path):
        self.root = Path(root) / "store"
        self.root.mkdir(parents=True, exist_ok=True)

    def path(self, key: str) -> Path:
        return self.root / f"{key}.json"

    def has(self, key: str) -> bool:
        return self.path(key).is_file()

    def get(self, key: str) -> MeasurementResult:
        return read_result(self.path(key))

    def put(self, key: str, result: MeasurementResult) -> Path:
        """Store ``result`` under ``key`` (temporary file, then rename: never half written)."""
        path = self.path(key)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        result.to_json(tmp)
        tmp.replace(path)
        return path
