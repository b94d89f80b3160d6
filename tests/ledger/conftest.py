"""Synthetic evidence for the ledger's unit tests: manifests and measurements as plain data.

The manifests are derived either from the shipped claims (every theorem they name, placed in the
module its name says) or from the real manifest of the Lean-core tests; tampering is done on
copies, the way a broken proof or a changed pin shows up in the checker's output.
"""

from __future__ import annotations

import copy
from types import SimpleNamespace

import pytest

from attnthermo.ledger.claims import Claim, load_claims
from attnthermo.ledger.receipts import Evidence, check_receipt

# The Lean library's module graph (Fisher imports Ensemble; the others stand alone).
IMPORTS = {"AttnThermo.Ensemble": [], "AttnThermo.Fisher": ["AttnThermo.Ensemble"],
           "AttnThermo.LogUniform": [], "AttnThermo.RopePade": []}


def synthetic_manifest(claims: dict[str, Claim], root: str = "/nonexistent") -> dict:
    """A manifest in which every theorem the claims name is proved, pinned and axiom-clean."""
    theorems = {}
    for name in sorted({t for c in claims.values() for t in c.theorems}):
        module = name.rsplit(".", 1)[0]
        theorems[name] = {"module": module, "file": f"lean/{module.replace('.', '/')}.lean", "line": 1 + len(theorems),
                          "kind": "theorem", "statement": f"statement of {name}", "docstring": "", "claims": [],
                          "axioms": {"audit": "source", "ok": True, "found": []}, "pinned": "match",
                          "status": "proved", "reason": ""}
    modules = {m: {"file": f"lean/{m.replace('.', '/')}.lean", "imports": deps, "status": "ok",
                   "blocked_by": [], "source_sha256": "x"} for m, deps in IMPORTS.items()}
    return {"schema_version": 1, "root": root, "toolchain": {"kind": "wasm", "version": "test"}, "ok": True,
            "modules": modules, "theorems": theorems, "values": {}}


def dependents(manifest: dict, module: str) -> set[str]:
    """The module and every module importing it, transitively."""
    found = {module}
    changed = True
    while changed:
        changed = False
        for name, m in manifest["modules"].items():
            if name not in found and found & set(m.get("imports", [])):
                found.add(name)
                changed = True
    return found


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


def passing_metrics() -> dict[tuple[str, str], dict]:
    """Measurements that meet every tolerance in the shipped claims file."""
    decay = {"gamma": 0.8, "gamma_ci_low": 0.75, "gamma_ci_high": 0.85, "r2": 0.97, "sink_mass": 0.35,
             "power_law_advantage": 12.0, "gamma_pade": 0.88}
    return {
        ("decay-fit", "smollm2"): {"status": "ok", "metrics": decay},
        ("random-init", "smollm2"): {"status": "ok", "metrics": {**decay, "gamma": 0.03}},
        ("theta-rescaling", "smollm2"): {"status": "ok", "metrics": {
            "scale": [0.5, 1.0, 2.0], "scale_gamma": [0.95, 0.8, 0.7], "scale_sink_mass": [0.37, 0.38, 0.385],
            "scale_gamma_pade": [0.9, 0.85, 0.75]}},
    }


def passing_identities(claims: dict[str, Claim]) -> dict[str, dict]:
    return {r.identity: {"ok": True, "max_error": 1e-35, "points": 24, "dps": r.dps, "detail": "synthetic"}
            for c in claims.values() for r in c.receipts if r.kind == "identity"}


def evidence_for(claims: dict[str, Claim], manifest: dict, measurements: dict | None = None, **kw) -> Evidence:
    """Evidence with the given manifest, passing identities, and the given (default: passing) measurements."""
    ms = passing_metrics() if measurements is None else measurements
    for run in ms.values():  # synthetic: every bootstrap resample equals the point estimate (no noise)
        if run.get("status") == "ok":
            run.setdefault("resamples", [dict(run["metrics"]) for _ in range(20)])
            run.setdefault("prompts", 4)
    for key in {(r.protocol, r.model) for c in claims.values() for r in c.receipts if r.kind == "measurement"}:
        model = "smollm2" if key[1] == "default" else key[1]
        ms.setdefault((key[0], model), {"status": "unavailable", "reason": f"{key[0]} cannot run here"})
    return Evidence(manifest=manifest, identities=passing_identities(claims), measurements=ms, **kw)


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
                           passing_metrics=passing_metrics, evidence_for=evidence_for, verdicts_for=verdicts_for,
                           resting_on=resting_on)
