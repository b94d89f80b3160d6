"""``run_audit``: re-check every receipt now, bucket every claim, write ledger.json + LEDGER.md + plots.

"Re-checked now" means each receipt's cache key was validated in this run: the Lean checker's
per-module keys (source, dependencies, toolchain, flags) and, for a supplied manifest, the
source hashes on disk; the identity cache key (thermo sources, package versions, precision);
the measurement cache key (model file hash, protocol, package versions). A second run with
nothing changed reuses all three caches.

Exit status of the CLI: 0 whenever the audit ran, whatever the verdicts. Errors propagate only
when a check that should run could not (Lean toolchain broken: ToolchainError; the audited
model missing or corrupt: ModelError).
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from attnthermo import atomic
from attnthermo.errors import DomainError
from attnthermo.ledger import evidence as ev_mod
from attnthermo.ledger.buckets import decide
from attnthermo.ledger.claims import Claim, load_claims
from attnthermo.ledger.background import BackgroundLeanCheck
from attnthermo.ledger.links import lean_tags, tag_differences
from attnthermo.ledger.pins import pin_record, read_pinned
from attnthermo.ledger.plan import plan_banner
from attnthermo.ledger.protocols import AUDIT_MODELS
from attnthermo.ledger.receipts import Evidence, check_receipt
from attnthermo.ledger.ledger_json import write_ledger
from attnthermo.ledger.report import build_ledger, render_markdown
from attnthermo.ledger.rows import IdentityFailure, IdentityRow, LedgerFile, Measured, Provenance
from attnthermo.manifest import Manifest, load_manifest
from attnthermo.paths import cache_dir
from attnthermo.thermo.identities.identity import IdentityCheck

_CACHED_LEAN_SECONDS = 5.0  # a cached Lean check re-validates in about a second
_VERSIONED = ("attnthermo", "mpmath", "sympy", "numpy", "matplotlib", "torch", "transformers", "gguf")


@dataclass
class Ledger:
    """The audit's result: the typed ledger and where it was written."""

    data: LedgerFile
    json_path: Path
    markdown_path: Path

    def bucket(self, claim_id: str) -> str:
        """The bucket the audit gave a claim."""
        return self.data.claims[claim_id].bucket

    @property
    def buckets(self) -> dict[str, str]:
        return self.data.buckets


class _Progress:
    """A tqdm bar over the audit's steps (or silence)."""

    def __init__(self, total: int, enabled: bool):
        self.bar = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc="audit", unit="step", file=sys.stderr, dynamic_ncols=True)

    def step(self, label: str) -> None:
        if self.bar is not None:
            self.bar.set_postfix_str(label[:60])
            self.bar.update(1)

    def note(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _git_commit(root: Path) -> str | None:
    try:
        out = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() or None if out.returncode == 0 else None


def _needed(claims: dict[str, Claim], models: Sequence[str]) -> tuple[dict[str, int], set[tuple[str, str]]]:
    identities: dict[str, int] = {}
    for claim in claims.values():
        for r in claim.receipts:
            if r.kind == "identity":
                identities[str(r.identity)] = max(identities.get(str(r.identity), 0), r.dps)
    return identities, ev_mod.measurements_needed(claims, models)


def run_audit(model: str | Sequence[str] = AUDIT_MODELS, device: str = "auto", quick: bool = False,
              out_dir: str | Path = ".", *, seed: int = 0, prompts: int | None = None,
              json_path: str | Path | None = None, markdown_path: str | Path | None = None,
              manifest: str | Path | Manifest | dict | None = None, claims: str | Path | None = None,
              pinned: str | Path | None = None, root: str | Path | None = None, plots: bool = True,
              progress: bool = True, fresh: bool = False, remember: bool = True) -> Ledger:
    """Run the audit and write ledger.json, LEDGER.md and the plots; returns the :class:`Ledger`.

    ``manifest`` (a path, a typed manifest or its JSON dict) replaces the Lean check by a manifest written earlier (its source
    hashes are still validated against the files on disk); ``claims`` and ``pinned`` replace the
    shipped claims file and the project's pinned statements by edited copies. ``model`` is one model
    or several (default: ``AUDIT_MODELS``): a receipt on the "default" model is measured on each;
    ``seed`` draws the prompts and the bootstrap, ``prompts`` overrides the protocols' prompt count.
    ``fresh`` re-checks the Lean library from scratch (no cached Lean result; not with ``manifest``).
    ``root`` is the Lean project audited (default: the one holding the working directory, else the
    shipped one): its ``Claim:`` tags link the claims (:mod:`attnthermo.ledger.links`), and it is
    checked unless ``manifest`` is given.
    ``remember=False`` leaves the last-audit pointer (what ``attnthermo claim(s)`` reads) alone: for
    experiments such as a notebook's. Files are written whole (atomically); a failed run leaves no
    output folder it created empty.
    """
    if fresh and manifest is not None:
        raise DomainError("fresh", True, "re-checks the Lean library, so it cannot be combined with a supplied manifest")
    models = (model,) if isinstance(model, (str, Path)) else tuple(model)
    models = tuple(str(m) for m in models)
    started = time.perf_counter()
    out = Path(out_dir)
    json_out = Path(json_path) if json_path else out / "ledger.json"
    md_out = Path(markdown_path) if markdown_path else out / "LEDGER.md"
    from attnthermo.paths import project_root

    lean_root = Path(root) if root else project_root()
    tags = lean_tags(lean_root)  # the claims are linked to the audited library's Claim: tags
    claim_set = load_claims(claims, lean=tags)
    identities_needed, measurements_needed = _needed(claim_set, models)
    created = _make_folder(out)
    bar = _Progress(1 + len(identities_needed) + len(measurements_needed) + int(plots), progress)
    timings: dict[str, float] = {}
    say = bar.note if progress else (lambda _m: None)
    say(plan_banner(identities_needed, measurements_needed, models, quick=quick, prompts=prompts,
                    lean=manifest is None))
    lean = None
    try:
        if manifest is None:
            lean = BackgroundLeanCheck(lean_root, say, fresh)
            manifest_source = ("checked now from scratch (attnthermo lean check --fresh)" if fresh else
                               "checked now (attnthermo lean check, module keys validated)")
        else:
            manifest_data = (manifest if isinstance(manifest, Manifest) else Manifest.from_json(manifest)
                             if isinstance(manifest, dict) else load_manifest(manifest))
            manifest_source = "supplied" + (f" ({manifest})" if isinstance(manifest, (str, Path)) else "") + \
                              ", source hashes validated now"

        t0 = time.perf_counter()
        identity_checks: dict[str, IdentityCheck | IdentityFailure] = {}
        identity_rows: dict[str, IdentityRow | IdentityFailure] = {}
        for name, dps in sorted(identities_needed.items()):
            found = ev_mod.check_identity(name, dps)
            identity_checks[name] = found.check if isinstance(found, IdentityRow) else found
            identity_rows[name] = found
            bar.step(f"identity {name}")
        timings["identities"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        if lean is not None:
            lean.wait(_CACHED_LEAN_SECONDS)  # a cached check is done by now: then measure on every core
        measured = ev_mod.gather_measurements(
            measurements_needed, models, device=device, quick=quick, seed=seed, prompts=prompts,
            progress=progress, step=bar.step, say=say,
            threads=lean.torch_threads if lean is not None else None)
        measurement_rows = {f"{protocol} on {mdl}": run for (protocol, mdl), run in sorted(measured.items())}
        timings["measurements"] = time.perf_counter() - t0

        if lean is not None:  # the ledger needs the manifest from here on
            manifest_data = lean.result()
            timings["lean"] = lean.seconds
            timings["lean_wait"] = lean.waited
        bar.step("Lean manifest")
        evidence = Evidence(manifest=manifest_data, stale_modules=ev_mod.stale_modules(manifest_data),
                            pinned=read_pinned(pinned) if pinned else None, default_model=models[0],
                            identities=identity_checks, measurements=measured)
        results = {cid: [check_receipt(e, evidence) for r in c.receipts for e in ev_mod.for_models(r, models)]
                   for cid, c in claim_set.items()}
        verdicts = decide(claim_set, results)

        plot_paths: dict[str, str] = {}
        if plots:
            t0 = time.perf_counter()
            plot_paths = _draw(out, evidence, models, quick)
            timings["plots"] = time.perf_counter() - t0
            bar.step("plots")
    except BaseException:
        _remove_if_empty(created)
        raise
    finally:
        bar.close()
    timings["total"] = time.perf_counter() - started
    provenance = _provenance(manifest_data, manifest_source, claims, models, device, quick, timings, seed=seed,
                             prompts=prompts, pinned=pinned)
    manifest_tags = manifest_data.claim_tags()
    ledger = build_ledger(claim_set, results, verdicts, provenance=provenance, measurements=measurement_rows,
                          identities=identity_rows, plots=plot_paths, lean_tagged=_tagged_by_claim(manifest_tags),
                          links=tag_differences(tags, manifest_tags))
    try:
        created += _make_folder(json_out.parent) + _make_folder(md_out.parent)
        write_ledger(json_out, ledger)
        atomic.write_text(md_out, render_markdown(ledger, md_out.parent.resolve()))
    except BaseException:
        _remove_if_empty(created)
        raise
    if remember:
        atomic.write_text(_last_audit_file(), json.dumps({"ledger": str(json_out.resolve())}))
    return Ledger(ledger, json_out, md_out)


def _make_folder(path: Path) -> list[Path]:
    """mkdir -p, returning the folders it created (deepest first) so a failed run can remove them."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    path.mkdir(parents=True, exist_ok=True)
    return missing


def _remove_if_empty(folders: list[Path]) -> None:
    """Remove the folders a failed run created, deepest first, where it left them empty."""
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def _last_audit_file() -> Path:
    """Where the last audit notes the ledger it wrote (read by ``attnthermo claim``):
    ``ATTNTHERMO_LAST_AUDIT`` when set (the test suite points it at a temporary file), else in the cache."""
    override = os.environ.get("ATTNTHERMO_LAST_AUDIT")
    if override:
        Path(override).parent.mkdir(parents=True, exist_ok=True)
        return Path(override)
    return cache_dir("ledger") / "last-audit.json"


def last_ledger_path() -> Path | None:
    """The ledger.json the last audit on this machine wrote, if it is still there."""
    pointer = _last_audit_file()
    if not pointer.is_file():
        return None
    path = Path(json.loads(pointer.read_text(encoding="utf-8"))["ledger"])
    return path if path.is_file() else None


def _tagged_by_claim(tags: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
    by_claim: dict[str, list[str]] = {}
    for theorem, claims in tags.items():
        for cid in claims:
            by_claim.setdefault(cid, []).append(theorem)
    return by_claim


def _draw(out: Path, evidence: Evidence, models: Sequence[str], quick: bool) -> dict[str, str]:
    from attnthermo.lean_band import lean_band
    from attnthermo.ledger.plots import heat_capacity_series, plot_gamma_against_window, plot_heat_capacity
    from attnthermo.measurement.plot import plot_decay

    try:
        band = lean_band(evidence.manifest) if evidence.manifest is not None else "no Lean manifest"
    except DomainError as exc:  # a proved statement of another form: the figure says so
        band = str(exc)
    band = "the band theorem is not proved in the manifest" if band is None else band
    paths = {"heat_capacity_gamma1": str(plot_heat_capacity(
        heat_capacity_series(range(1, 7) if quick else range(1, 13)), out / "cv_gamma1.png", band).resolve())}
    windowed = {}
    for i, model in enumerate(models):
        decay = evidence.measurements.get(("decay-fit", model))
        if isinstance(decay, Measured):
            name = "decay" if i == 0 else f"decay-{Path(model).name}"
            paths[name] = str(plot_decay(decay.result.data, out / f"{name}.png").resolve())
            if decay.result.per_prompt is not None:
                windowed[Path(model).name] = decay.result
    if windowed:
        paths["gamma_against_window"] = str(plot_gamma_against_window(windowed, out / "gamma_against_window.png").resolve())
    return paths


def _provenance(manifest: Manifest, manifest_source: str, claims: Any, models: Sequence[str], device: str,
                quick: bool, timings: dict[str, float], *, seed: int, prompts: int | None,
                pinned: str | Path | None) -> Provenance:
    from attnthermo.paths import data_file

    claims_path = Path(claims) if claims else data_file("claims.toml")
    root = Path(manifest.root)
    return Provenance(
        schema_version=1,
        created=_dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        git_commit=_git_commit(root) if root.exists() else None,
        toolchain=manifest.toolchain.version,
        toolchain_kind=manifest.toolchain.kind,
        manifest_sha256=ev_mod.manifest_sha256(manifest),
        manifest_source=manifest_source,
        manifest_ok=manifest.ok,
        pinned_sha256=manifest.pinned_sha256,
        claims_file=str(claims_path),
        claims_sha256=ev_mod.sha256_file(claims_path),
        model=", ".join(models),
        models=list(models),
        device=device,
        quick=quick,
        python=platform.python_version(),
        versions={p: ev_mod.version_of(p) for p in _VERSIONED},
        seconds={k: round(v, 3) for k, v in timings.items()},
        seed=seed,
        prompts=prompts,
        pins=pin_record(manifest.root, manifest.pinned_sha256, pinned),
        pinned_file=str(pinned) if pinned else None,
        lean_cached=manifest.check.cached,
    )

