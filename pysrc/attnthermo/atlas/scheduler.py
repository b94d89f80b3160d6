"""What is left to measure, and running it: inline, in ``--workers K`` local processes, or on Ray.

For each MODEL the scheduler resolves its file hash (cheap, no torch), looks its store key up
and queues only what is missing (``force`` re-measures everything, past measure()'s own caches
too). Every result is stored the moment it arrives, and every prompt's sums as they are made
(measure()'s prompt store), so a run killed half-way restarts at the next prompt of the model it
was measuring.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass

from attnthermo import __version__
from attnthermo.atlas.sources import atlas_model
from attnthermo.atlas.store import AtlasStore, store_key
from attnthermo.atlas.tasks import measure_task
from attnthermo.errors import DomainError
from attnthermo.measurement.models import resolve_model
from attnthermo.measurement.result import MeasurementResult, read_result


@dataclass(frozen=True)
class AtlasEntry:
    """One model of the atlas: what was asked, what was measured, and whether it came from the store."""

    spec: str
    key: str
    result: MeasurementResult
    from_store: bool


def _inline(jobs: dict[str, tuple[str, dict]], threads: int | None, force: bool) -> Iterator[tuple[str, str]]:
    for key, (model, arguments) in jobs.items():
        yield key, measure_task(model, arguments, threads, progress=True, force=force)


def _processes(jobs: dict[str, tuple[str, dict]], workers: int, threads: int | None,
               force: bool) -> Iterator[tuple[str, str]]:
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(measure_task, model, arguments, threads, True, force): key
                   for key, (model, arguments) in jobs.items()}
        for future in as_completed(futures):
            yield futures[future], future.result()


def build_atlas(models: Sequence[str], out_dir, arguments: dict, *, workers: int = 1, ray: str | None = None,
                force: bool = False, threads: int | None = None,
                say: Callable[[str], None] = lambda m: print(m, file=sys.stderr)) -> list[AtlasEntry]:
    """Measure what the store lacks and return every model's entry, in the order given."""
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise DomainError("workers", workers, "must be a positive integer")
    if not models:
        raise DomainError("models", models, "name at least one model")
    store = AtlasStore(out_dir)
    planned: list[tuple[str, str, str]] = []  # (spec, measure() argument, key)
    for spec in models:
        target = atlas_model(spec)
        key = store_key(resolve_model(target).sha256, arguments, __version__)
        planned.append((spec, target, key))
    jobs = {key: (target, arguments) for spec, target, key in planned if force or not store.has(key)}
    stored = {key for _, _, key in planned} - set(jobs)
    for spec, _, key in planned:
        say(f"{spec}: {'in the store' if key in stored else 'to measure'} ({key[:12]})")
    if jobs:
        if ray is not None:
            from attnthermo.atlas.ray_backend import ray_measure

            stream = ray_measure(jobs, ray, threads, force)
        elif workers > 1:
            stream = _processes(jobs, workers, threads, force)
        else:
            stream = _inline(jobs, threads, force)
        from tqdm.auto import tqdm

        with tqdm(total=len(jobs), desc="atlas", unit="model", file=sys.stderr) as bar:
            for key, text in stream:
                store.put(key, read_result(text))
                bar.update(1)
    return [AtlasEntry(spec, key, store.get(key), key in stored) for spec, _, key in planned]
