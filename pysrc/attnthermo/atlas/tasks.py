"""The task a worker runs: measure one model with the atlas protocol on the worker's own device.

The atlas protocol is the audit's ``decay-fit`` protocol (every head fitted, seed 0), so the
two share measure()'s cache. A task returns the result as JSON text: plain data crosses process
and Ray boundaries, and the driver reads it back with the one reader.
"""

from __future__ import annotations

from typing import Any

from attnthermo.ledger.protocols import PROTOCOLS

PROTOCOL = PROTOCOLS["decay-fit"]


def atlas_arguments(*, quick: bool, prompts: int | None = None, tokens: int | None = None,
                    seed: int = 0) -> dict[str, Any]:
    """measure() keywords of the atlas protocol (model and device added per task)."""
    extra = {} if tokens is None else {"tokens": tokens}
    return {**PROTOCOL.arguments(quick=quick, seed=seed, prompts=prompts), **extra}


def measure_task(model: str, arguments: dict[str, Any], threads: int | None = None,
                 progress: bool = True, force: bool = False) -> str:
    """Measure ``model`` on this worker's device (CUDA when present) and return the result JSON.

    Every prompt's sums are stored as they are made (a killed task resumes at its next prompt);
    ``force`` re-measures every prompt instead of reading measure()'s caches.
    """
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from attnthermo.measurement.api import measure

    return measure(model, device="auto", threads=threads, progress=progress, refresh=force, **arguments).to_json()
