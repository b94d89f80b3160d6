"""Synthetic evidence for the ledger's unit tests: manifests and measurements as plain data.

The manifests are derived either from the shipped claims (every theorem they name, placed in the
module its name says, in the module graph of the repository's Lean project) or from the real
manifest of the Lean-core tests; tampering is done on copies, the way a broken proof or a changed
pin shows up in the checker's output.
"""

from __future__ import annotations

import copy
from types import SimpleNamespace

import pytest

from attnthermo.ledger.claims import Claim, load_claims
from attnthermo.ledger.receipts import Evidence, check_receipt
from attnthermo.ledger.rows import Measured, Unavailable
from attnthermo.manifest import Manifest
from attnthermo.thermo.identities.identity import IdentityCheck



def _project():
    """The repository's Lean project as the checker reads it (module graph, dependency order)."""
    from pathlib import Path

    from attnthermo.lean.project import load_project

    return load_project(Path(__file__).resolve().parents[2])


def synthetic_manifest(claims: dict[str, Claim], root: str = "/nonexistent") -> dict:
    """A manifest in which every theorem the claims name is proved, pinned and axiom-clean, in the
    modules (and with the imports) of the repository's Lean project. A theorem whose module the
    library does not have gets a module without imports."""
    from attnthermo.manifest import Manifest, example_json

    project = _project()
    skeleton = example_json()
    theorems = {}
    for name in sorted({t for c in claims.values() for t in c.theorems}):
        module = name.rsplit(".", 1)[0]
        tags = [c.id for c in claims.values() if name in c.theorems]
        theorems[name] = {**skeleton["theorems"]["P.A.t"], "name": name, "module": module,
                          "file": f"lean/{module.replace('.', '/')}.lean", "line": 1 + len(theorems),
                          "statement": f"statement of {name}", "signature": f": statement of {name}",
                          "docstring": "".join(f"Claim: `{t}` " for t in tags), "claims": tags}
    names = set(project.modules) | {t["module"] for t in theorems.values()}
    modules = {m: {**skeleton["modules"]["P.A"], "name": m, "file": f"lean/{m.replace('.', '/')}.lean",
                   "imports": list(project.modules[m].project_imports) if m in project.modules else []}
               for m in sorted(names)}
    data = {**skeleton, "root": root, "modules": modules, "theorems": theorems}
    Manifest.from_json(data)  # the synthetic manifest is one the typed reader accepts
    return data


def dependents(manifest: dict, module: str) -> set[str]:
    """The module and every module importing it, transitively (the checker's Project.dependents)."""
    project = _project()
    return {module} | (set(project.dependents(module)) if module in project.modules else set())


def break_module(manifest: dict, module: str) -> dict:
    """A copy of the manifest as the checker reports a module whose proof became ``sorry``."""
    out = copy.deepcopy(manifest)
    hit = dependents(out, module)
    out["ok"] = False
    for name in hit:
        out["modules"][name]["status"] = "failed" if name == module else "blocked"
    for t in out["theorems"].values():
        if t["module"] == module:
            t.update(status="failed", reason="declaration uses 'sorry' (error with -DwarningAsError=true)")
        elif t["module"] in hit:
            t.update(status="blocked", reason=f"blocked by {module}")
    return out


def measured(protocol: str, model: str, metrics: dict, *, resamples: list[dict] | None = None, prompts: int = 4,
             setting: dict | None = None, arguments: dict | None = None, result=None) -> Measured:
    """A synthetic measurement (no model run): by default every bootstrap resample equals the point
    estimate (no noise)."""
    return Measured(protocol=protocol, model=model, arguments=arguments or {}, metrics=metrics, prompts=prompts,
                    setting=setting or {"tokens": 256, "prompts": prompts}, seconds=0.0, model_sha256=None,
                    cache_key=None, notes=[], resamples=[dict(metrics) for _ in range(20)] if resamples is None
                    else resamples, result=result)


def passing_metrics() -> dict[tuple[str, str], Measured | Unavailable]:
    """Measurements that meet every tolerance in the shipped claims file."""
    decay = {"gamma": 0.8, "gamma_ci_low": 0.75, "gamma_ci_high": 0.85, "r2": 0.97, "sink_mass": 0.35,
             "power_law_advantage": 12.0, "gamma_pade": 0.88}
    return {
        ("decay-fit", "smollm2"): measured("decay-fit", "smollm2", decay),
        ("random-init", "smollm2"): measured("random-init", "smollm2", {**decay, "gamma": 0.03}),
        ("theta-rescaling", "smollm2"): measured("theta-rescaling", "smollm2", {
            "scale": [0.5, 1.0, 2.0], "scale_gamma": [0.95, 0.8, 0.7], "scale_sink_mass": [0.37, 0.38, 0.385],
            "scale_gamma_pade": [0.9, 0.85, 0.75]}),
    }


def passing_identities(claims: dict[str, Claim]) -> dict[str, IdentityCheck]:
    return {r.identity: IdentityCheck(str(r.identity), ok=True, dps=r.dps, points=24, max_error=1e-35, detail="synthetic")
            for c in claims.values() for r in c.receipts if r.kind == "identity"}


def evidence_for(claims: dict[str, Claim], manifest: dict | Manifest, measurements: dict | None = None, **kw) -> Evidence:
    """Evidence with the given manifest (its JSON form is read by the typed reader), passing identities, and
    the given (default: passing) measurements."""
    ms = passing_metrics() if measurements is None else measurements
    for key in {(r.protocol, r.model) for c in claims.values() for r in c.receipts if r.kind == "measurement"}:
        model = "smollm2" if key[1] == "default" else key[1]
        ms.setdefault((key[0], model), Unavailable(f"{key[0]} cannot run here"))
    typed = manifest if isinstance(manifest, Manifest) else Manifest.from_json(manifest)
    return Evidence(manifest=typed, identities=passing_identities(claims), measurements=ms, **kw)


def verdicts_for(claims: dict[str, Claim], evidence: Evidence) -> dict:
    from attnthermo.ledger.buckets import decide

    results = {cid: [check_receipt(r, evidence) for r in c.receipts] for cid, c in claims.items()}
    return decide(claims, results)


def resting_on(claims: dict[str, Claim], theorems: set[str]) -> set[str]:
    """Claims with a supporting Lean receipt naming one of ``theorems``."""
    return {cid for cid, c in claims.items()
            if any(r.kind == "lean" and r.relation == "supports" and set(r.theorems) & theorems for r in c.receipts)}


@pytest.fixture(scope="session")
def claims() -> dict[str, Claim]:
    return load_claims()


@pytest.fixture(scope="session")
def syn() -> SimpleNamespace:
    """The helpers above, for the test modules (conftest is not importable under importlib mode)."""
    return SimpleNamespace(manifest=synthetic_manifest, break_module=break_module, dependents=dependents,
                           passing_metrics=passing_metrics, measured=measured, evidence_for=evidence_for,
                           verdicts_for=verdicts_for,
                           resting_on=resting_on)
