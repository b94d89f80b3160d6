"""`attnthermo claim ID` and `attnthermo claims`: one claim on one screen, from an audit's ledger or
computed now (and saying which); the Markdown table rounds γ to its CI and omits what means nothing
for a control."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from attnthermo.cli import main
from attnthermo.ledger.buckets import decide
from attnthermo.ledger.receipts import check_receipt
from attnthermo.ledger.ledger_json import write_ledger
from attnthermo.ledger.report import build_ledger, measurement_table, render_markdown
from attnthermo.ledger.rows import Measured, example_provenance
from attnthermo.paths import data_file

REPO = Path(__file__).resolve().parents[2]
SETTING = {"tokens": 256, "prompts": 4, "window": [4, 64], "control": None}


@pytest.fixture()
def ledger_file(claims, syn, tmp_path):
    """A ledger.json built by the report code from synthetic evidence (every receipt passing)."""
    ms = syn.passing_metrics()
    decay = ms[("decay-fit", "smollm2")]
    ms[("decay-fit", "smollm2")] = syn.measured("decay-fit", "smollm2", {
        **decay.metrics, "gamma": 0.88712345, "gamma_ci_low": 0.86655, "gamma_ci_high": 0.91122, "window": [4, 64]},
        resamples=decay.resamples)
    ev = syn.evidence_for(claims, syn.manifest(claims), ms)
    results = {cid: [check_receipt(r, ev) for r in c.receipts] for cid, c in claims.items()}
    rows = {f"{p} on {m}": syn.measured(p, m, run.metrics, setting={**SETTING, "control": p if p == "random-init" else None})
            for (p, m), run in ev.measurements.items() if isinstance(run, Measured)}
    ledger = build_ledger(claims, results, decide(claims, results),
                          provenance=example_provenance(created="2026-12-02T08:00:00+00:00", claims_sha256=_shipped_sha()),
                          measurements=rows, identities={}, plots={"decay": str(tmp_path / "decay.png"),
                                                                   "heat_capacity_gamma1": str(tmp_path / "cv.png")})
    path = write_ledger(tmp_path / "ledger.json", ledger)
    return path, ledger


def _shipped_sha() -> str:
    return hashlib.sha256(data_file("claims.toml").read_bytes()).hexdigest()


def test_claim_from_an_audit_shows_everything_on_one_screen(ledger_file, capsys):
    path, _ = ledger_file
    assert main(["claim", "cv-gamma1-twelfth", "--ledger", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("cv-gamma1-twelfth (Ch. 22, math): At γ = 1")
    assert "bucket: VERIFIED — Lean (statement for log-like ℓ) + identity at 30 digits" in out
    assert "from the given ledger" in out and str(path) in out
    assert "AttnThermo.LogUniform.uniformVariance_eq_sq_div_twelve: proved" in out
    assert "statement of AttnThermo.LogUniform.uniformVariance_eq_sq_div_twelve" in out  # Lean's own statement
    assert "value at L=1, dps=30: 0.08333333333333333333" in out and "sympy: Eq(" in out
    assert "plot: " in out and "heat_capacity_gamma1" in out
    assert len(out.splitlines()) <= 40


def test_measured_claim_shows_gamma_to_its_ci_with_window_N_and_prompts(ledger_file, capsys):
    path, _ = ledger_file
    assert main(["claim", "trained-gamma-below-one", "--ledger", str(path)]) == 0
    out = capsys.readouterr().out
    assert "γ = 0.887 [0.867, 0.911] (95% CI), window d ∈ [4, 64], N = 256 tokens × 4 prompts" in out
    assert "decay" in out.split("plot:")[1]


def test_claim_json_is_the_same_view(ledger_file, capsys):
    path, _ = ledger_file
    assert main(["claim", "fisher-equals-cv-over-gamma-sq", "--ledger", str(path), "--json"]) == 0
    view = json.loads(capsys.readouterr().out)
    assert view["source"]["kind"] == "audit" and view["bucket"] == "verified"
    assert view["lean"][0]["covers"] == "algebraic core" and len(view["lean"][0]["theorems"]) > 5
    assert {i["name"] for i in view["identities"]} >= {"fisherInformation_eq_heatCapacity_div_sq"}


def test_the_typed_view_is_what_claim_prints(ledger_file, capsys):
    """`claim --json` prints the typed view's to_json(), `claim` its rendering; the view is frozen."""
    import dataclasses

    from attnthermo.ledger.claim_view import claim_view, render_claim

    path, _ = ledger_file
    view = claim_view("trained-gamma-below-one", ledger=path)
    assert main(["claim", "trained-gamma-below-one", "--ledger", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == view.to_json()
    assert main(["claim", "trained-gamma-below-one", "--ledger", str(path)]) == 0
    assert capsys.readouterr().out == render_claim(view) + "\n"
    assert view.measurements[0].gamma == pytest.approx(0.88712345) and view.source.kind == "audit"
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.bucket = "verified"  # type: ignore[misc]


def test_an_edited_theorem_record_in_the_ledger_is_a_clear_error(ledger_file, tmp_path, capsys):
    path, _ = ledger_file
    data = json.loads(path.read_text(encoding="utf-8"))
    receipt = next(r for r in data["claims"]["fisher-equals-cv-over-gamma-sq"]["receipts"] if r["kind"] == "lean")
    name = next(iter(receipt["data"]["theorems"]))
    receipt["data"]["theorems"][name]["proof_by"] = "trust me"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    assert main(["claim", "fisher-equals-cv-over-gamma-sq", "--ledger", str(edited)]) != 0
    err = capsys.readouterr().err
    assert f"theorem {name}" in err and "proof_by" in err and "Traceback" not in err


def test_claim_computed_without_an_audit_says_so(claims, syn, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ATTNTHERMO_CACHE_DIR", str(tmp_path / "cache"))
    manifest = tmp_path / "manifest.json"
    data = syn.manifest(claims, root=str(REPO))
    for module in data["modules"].values():  # sources as on disk, so the manifest still validates
        source = REPO / module["file"]
        module["source_sha256"] = hashlib.sha256(source.read_bytes()).hexdigest() if source.is_file() else "gone"
    manifest.write_text(json.dumps(data), encoding="utf-8")
    assert main(["claim", "rope-t-cross", "--manifest", str(manifest)]) == 0
    out = capsys.readouterr().out
    assert "computed now (no audit found)" in out and "measurements not run" in out
    assert "bucket: VERIFIED — Lean receipt holds and covers the statement" in out
    assert "links: from the Lean Claim: tags (the manifest tags the same theorems)" in out
    assert main(["claim", "attention-sink-mass", "--manifest", str(manifest)]) == 0
    assert "not measured in this view" in capsys.readouterr().out


def test_unknown_claim_is_a_clear_error(capsys):
    assert main(["claim", "no-such-claim"]) != 0
    assert "claim='no-such-claim'" in capsys.readouterr().err


def test_claims_filters_by_bucket_kind_and_chapter(ledger_file, capsys):
    path, ledger = ledger_file
    assert main(["claims", "--ledger", str(path), "--bucket", "verified", "--kind", "math", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["claims"]
    expected = {cid for cid, r in ledger.claims.items() if r.bucket == "verified" and r.kind == "math"}
    assert {r["id"] for r in rows} == expected and expected
    assert main(["claims", "--ledger", str(path), "--chapter", "14"]) == 0
    out = capsys.readouterr().out
    assert "rope-tmax" in out and "cv-gamma1-twelfth" not in out
    assert main(["claims", "--bucket", "proved"]) != 0
    assert "--bucket" in capsys.readouterr().err


def test_markdown_rounds_to_the_ci_and_omits_control_metrics(ledger_file, syn, tmp_path):
    _, ledger = ledger_file
    md = render_markdown(ledger, tmp_path)
    decay = md.split("### measurement decay-fit on smollm2")[1].split("###")[0]
    assert "| 0.887 [0.867, 0.911] |" in decay and "| [4, 64] | 256 | 4 |" in decay
    row = next(line for line in md.splitlines() if line.startswith("| `trained-gamma-below-one`"))
    assert "γ 0.887 [0.867, 0.911], d ∈ [4, 64], N 256 × 4 prompts" in row
    twelfth = next(line for line in md.splitlines() if line.startswith("| `cv-gamma1-twelfth`"))
    assert "Lean (algebraic core)" in twelfth and "Lean (statement for log-like ℓ) + identity at 30 digits" in twelfth
    assert "gamma_pade" in decay
    control = md.split("### measurement random-init on smollm2")[1].split("###")[0]
    assert "gamma_pade" not in control
    row = measurement_table(syn.measured("decay-fit", "m", {"gamma": 0.5, "gamma_ci_low": 0.2, "gamma_ci_high": 3.1},
                                         setting={}))
    assert "| 0.5 [0.2, 3.1] |" in row[2]
