"""Gathering evidence now: the Lean manifest, the identity checks and the measurements.

Each stage reads the previous stage's output only: the Lean checker's manifest (re-validated
against the sources on disk), the identity registry's ``check()`` results, the measurement's
JSON (through its one reader, as a typed result). Identity checks are cached under ``cache_dir("ledger", "identities")`` by a key made of
the thermo package's sources, the versions of mpmath/sympy/attnthermo, the identity and the
precision: change any and the check re-runs.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import replace
from importlib import metadata
from pathlib import Path
from typing import Any, Callable

from attnthermo.errors import DomainError
from attnthermo.ledger.protocols import ATLAS, PROTOCOLS, atlas_metrics, metrics_for
from attnthermo.ledger.rows import IdentityFailure, IdentityRow, Measured, Unavailable
from attnthermo.manifest import Manifest
from attnthermo.paths import PACKAGE_DIR, cache_dir

Progress = Callable[[str], None]


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def manifest_sha256(manifest: Manifest) -> str:
    """A stable hash of a manifest (canonical JSON)."""
    return hashlib.sha256(json.dumps(manifest.to_json(), sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def version_of(package: str) -> str | None:
    """The installed version of a distribution, or None."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


# ---------------------------------------------------------------------------- measurements


def for_models(receipt: Any, models: Sequence[str]) -> list[Any]:
    """A measurement receipt on ``model = "default"`` stands for one receipt per audited model."""
    if receipt.kind == "measurement" and receipt.model == "default":
        return [replace(receipt, model=m) for m in models]
    return [receipt]


def measurements_needed(claims: dict[str, Any], models: Sequence[str]) -> set[tuple[str, str]]:
    """Every (protocol, model) the claims' measurement receipts name, "default" expanded."""
    return {(str(e.protocol), str(e.model)) for claim in claims.values() for r in claim.receipts
            if r.kind == "measurement" for e in for_models(r, models)}


def _shipped_models() -> tuple[str, ...]:
    from attnthermo.measurement.models import KNOWN_MODELS

    return tuple(KNOWN_MODELS)


def _atlas_census(model: str, decay: dict[str, Measured | Unavailable]) -> Measured | Unavailable:
    """The ``atlas`` protocol: a census over the models this audit measured, when there are enough."""
    wanted = int(model.rsplit("-", 1)[1]) if model.startswith("atlas-") and model.rsplit("-", 1)[1].isdigit() else None
    measured = {m: run.result for m, run in decay.items() if isinstance(run, Measured)}
    census = atlas_metrics(measured)
    if wanted is None or census["models"] < wanted:
        return Unavailable(f"the atlas here holds {census['models']} model(s) "
                           f"({', '.join(census['names']) or 'none'}); the claim is about {wanted or model} models")
    return Measured(protocol="atlas", model=model, arguments={}, metrics=census, prompts=0,
                    setting={"tokens": None, "prompts": 0}, seconds=0.0, model_sha256=None, cache_key=None,
                    notes=[], resamples=[census])


def measure_protocol(protocol: str, model: str, models: Sequence[str], device: str, quick: bool,
                     progress: bool, seed: int, prompts: int | None,
                     threads: Callable[[], int] | None = None) -> Measured | Unavailable:
    """One protocol on one model: its metrics and their resamples, or why it cannot exist here
    (``threads()``, when given, sets the CPU threads before each forward pass)."""
    missing = []  # every reason this receipt cannot exist here, not only the first
    if model not in models and model not in _shipped_models() and not Path(model).exists():
        missing.append(f"model {model!r} is not shipped with attnthermo (shipped: {', '.join(_shipped_models())})")
    if protocol not in PROTOCOLS:
        missing.append(f"protocol {protocol!r} is not implemented by attnthermo (it has {', '.join(PROTOCOLS)})")
    if missing:
        return Unavailable("; ".join(missing))
    from attnthermo import measure

    arguments = PROTOCOLS[protocol].arguments(quick=quick, seed=seed, prompts=prompts)
    t0 = time.perf_counter()
    # a shipped model that is missing or corrupt raises ModelError: the audit cannot run
    result = measure(model=model, device=device, progress=progress, threads=threads, **arguments)
    metrics = metrics_for(protocol, result)
    return Measured(protocol=protocol, model=model,
                    arguments={k: list(v) if isinstance(v, tuple) else v for k, v in arguments.items()},
                    metrics=metrics.point, prompts=metrics.prompts,
                    setting={"tokens": result.protocol.get("tokens"), "prompts": metrics.prompts},
                    seconds=round(time.perf_counter() - t0, 3), model_sha256=result.model.sha256,
                    cache_key=result.cache_key, notes=list(result.notes), resamples=metrics.resamples, result=result)


def gather_measurements(needed: Iterable[tuple[str, str]], models: Sequence[str], *, device: str = "auto",
                        quick: bool = False, seed: int = 0, prompts: int | None = None, progress: bool = False,
                        step: Callable[[str], None] = lambda _label: None,
                        say: Callable[[str], None] = lambda _message: None,
                        threads: Callable[[], int] | None = None) -> dict[tuple[str, str], Measured | Unavailable]:
    """Run every needed (protocol, model), model by model (the decay fit first, whose prompts the
    θ-scan reuses), the atlas census last over the decay fits just made. ``threads()`` is asked
    before each forward pass (None: leave torch's setting); ``say`` hears each model's estimate."""
    from attnthermo.ledger.plan import planned_passes

    needed = set(needed)
    order = {m: i for i, m in enumerate(models)}
    runs: dict[tuple[str, str], Measured | Unavailable] = {}
    decay: dict[str, Measured | Unavailable] = {}
    timed: set[str] = set()
    for protocol, model in sorted(needed, key=lambda pm: (pm[0] == ATLAS, order.get(pm[1], len(order)), pm)):
        if protocol == ATLAS:
            run = _atlas_census(model, decay)
        else:
            run = measure_protocol(protocol, model, models, device, quick, progress, seed, prompts, threads)
        if protocol == "decay-fit":
            decay[model] = run
        runs[(protocol, model)] = run
        step(f"measure {protocol} on {model}")
        passes, _ = planned_passes(protocol, needed, model, quick=quick, seed=seed, prompts=prompts) or (0, 0)
        if isinstance(run, Measured) and passes and model not in timed and run.seconds > 1:
            timed.add(model)
            rest = [p for p, m in needed if m == model and (p, m) not in runs]
            more = sum((planned_passes(p, needed, model, quick=quick, seed=seed, prompts=prompts) or (0, 0))[0]
                       for p in rest)
            per_pass = run.seconds / passes
            say(f"{protocol} on {model}: {passes} forward passes in {run.seconds:.0f} s (model load included); "
                f"its other {more} passes: about {more * per_pass:.0f} s more")
    return runs


# ------------------------------------------------------------------------------------ Lean


def run_lean_check(root: Path | None, progress: Progress, fresh: bool = False) -> Manifest:
    """Run (or reuse the cache of; ``fresh``: never) ``attnthermo lean check``; ToolchainError propagates."""
    from attnthermo.lean import check

    return check(root, jobs=2, progress=progress, fresh=fresh)


def last_manifest(root: str | Path | None = None) -> Manifest | None:
    """The manifest of the last ``attnthermo lean check`` of ``root`` (default: this project), or
    None. Never compiles."""
    from attnthermo.lean.manifest_file import cached_manifest

    return cached_manifest(root)


def stale_modules(manifest: Manifest) -> dict[str, str]:
    """Modules whose manifest entry no longer matches its source on disk (module -> why)."""
    root = Path(manifest.root)
    stale = {}
    for name, module in manifest.modules.items():
        path = root / module.file
        if not path.is_file():
            stale[name] = f"source {path} is gone: the manifest cannot be re-validated"
        elif sha256_file(path) != module.source_sha256:
            stale[name] = f"source {module.file} changed since the manifest was written"
    return stale


# ------------------------------------------------------------------------------- identities


def _thermo_key(name: str, dps: int) -> str:
    digest = hashlib.sha256()
    thermo = PACKAGE_DIR / "thermo"
    for path in sorted(thermo.rglob("*.py")):
        digest.update(str(path.relative_to(thermo)).encode() + b"\0" + path.read_bytes())
    for package in ("attnthermo", "mpmath", "sympy"):
        digest.update(f"{package}={version_of(package)}".encode())
    digest.update(f"{name}@{dps}".encode())
    return digest.hexdigest()


def check_identity(name: str, dps: int) -> IdentityRow | IdentityFailure:
    """Run one registry identity's check now (or reuse a cache whose key still validates), or say
    why it could not be checked. A cache entry this attnthermo cannot read is checked again."""
    cache = cache_dir("ledger", "identities") / f"{name}-{dps}.json"
    key = _thermo_key(name, dps)
    if cache.is_file():
        stored = json.loads(cache.read_text(encoding="utf-8"))
        if stored.get("key") == key:
            try:
                return IdentityRow.from_json({**stored["result"], "cached": True}, str(cache))
            except DomainError:
                pass
    from attnthermo.thermo.registry import identity

    try:
        ident = identity(name)
    except (KeyError, ValueError) as exc:
        return IdentityFailure(f"no identity {name!r} in the registry ({exc})")
    try:
        check = ident.check(dps=dps)
    except Exception as exc:  # a broken check is recorded against its claims, not fatal to the audit
        return IdentityFailure(f"the check raised {type(exc).__name__}: {exc}")
    row = IdentityRow(**check.to_json(), lean_theorems=list(ident.lean_theorems), no_lean_reason=ident.no_lean_reason,
                      cached=False)
    result = {k: v for k, v in row.to_json().items() if k != "cached"}
    cache.write_text(json.dumps({"key": key, "result": result}, ensure_ascii=False), encoding="utf-8")
    return row
