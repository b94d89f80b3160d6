"""Step 2 of ``measure()``: the result cache, keyed by model hash, protocol and versions.

One JSON file per key in ``cache_dir("measurements")``; written atomically (temporary file,
then rename), read back through :func:`~attnthermo.measurement.result.read_result`.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from attnthermo.measurement.result import SCHEMA_VERSION, MeasurementResult, read_result
from attnthermo.paths import cache_dir


def cache_key(model_sha256: str, protocol: dict, versions: dict) -> str:
    """sha256 of (model file hash, protocol, package versions, result schema version)."""
    material = {"model_sha256": model_sha256, "protocol": protocol, "versions": versions,
                "schema_version": SCHEMA_VERSION}
    return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()


def cache_file(key: str) -> Path:
    return cache_dir("measurements") / f"{key}.json"


def cached_result(key: str) -> MeasurementResult | None:
    """The cached result for ``key``, or None."""
    path = cache_file(key)
    return read_result(path) if path.is_file() else None


def store_result(result: MeasurementResult) -> Path:
    """Write ``result`` under its own ``cache_key`` (atomic); returns the file."""
    path = cache_file(str(result.cache_key))
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    result.to_json(tmp)
    tmp.replace(path)
    return path
