"""Atlas tasks on Ray: ``--ray auto`` starts a local Ray, ``--ray ADDRESS`` joins a cluster.

Each model is one Ray task running :func:`~attnthermo.atlas.tasks.measure_task` on whichever
worker Ray picks; a task asks for one GPU when the cluster has any, so it runs on CUDA there.
The driver only collects: results are yielded as they finish, for the store to keep at once.
Ray is the optional extra ``attnthermo[atlas]``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from attnthermo.errors import AttnThermoError


_PASSED_ON = ("PYTHONPATH", "ATTNTHERMO_CACHE_DIR", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
_LOCAL_OBJECT_STORE = 256 * 2**20


class RayUnavailable(AttnThermoError):
    """--ray was asked for but Ray is not installed (or the cluster cannot be joined)."""


def _ray() -> Any:
    try:
        import ray
    except ModuleNotFoundError as exc:
        raise RayUnavailable("--ray needs Ray, which is not installed: pip install 'attnthermo[atlas]'") from exc
    return ray


def ray_measure(jobs: dict[str, tuple[str, dict]], address: str, threads: int | None = None,
                force: bool = False) -> Iterator[tuple[str, str]]:
    """Yield (key, result JSON) for every job ``key -> (model, arguments)`` as its task finishes."""
    ray = _ray()
    from attnthermo.atlas.tasks import measure_task

    started_here = not ray.is_initialized()
    if started_here:
        local = address == "auto"
        # a local Ray's workers see this process's sources, caches and offline switches; results are
        # small JSON texts, so a small object store is enough
        options = {"object_store_memory": _LOCAL_OBJECT_STORE,
                   "runtime_env": {"env_vars": {k: os.environ[k] for k in _PASSED_ON if k in os.environ}}} if local else {}
        try:
            ray.init(address=None if local else address, include_dashboard=False,
                     log_to_driver=True, configure_logging=False, **options)
        except Exception as exc:  # ConnectionError, RuntimeError, …: say which address failed
            raise RayUnavailable(f"--ray {address}: cannot start or join Ray ({type(exc).__name__}: {exc})") from exc
    try:
        gpus = 1 if ray.cluster_resources().get("GPU", 0) >= 1 else 0
        remote = ray.remote(num_gpus=gpus, num_cpus=1, max_retries=0)(measure_task)
        pending = {remote.remote(model, arguments, threads, False, force): key for key, (model, arguments) in jobs.items()}
        while pending:
            done, _ = ray.wait(list(pending), num_returns=1)
            for ref in done:
                yield pending.pop(ref), ray.get(ref)
    finally:
        if started_here:
            ray.shutdown()
