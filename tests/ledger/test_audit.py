"""The audit end to end: quick protocol on the shipped model, the session's Lean manifest.

Slow parts are shared: the Lean manifest comes from the session fixture (one check per test
session), the measurements from measure()'s cache (same quick protocol as the measurement tests).
"""

from __future__ import annotations

import json
import time

import pytest

from attnthermo.cli import main
from attnthermo.ledger.audit import run_audit
from attnthermo.ledger.ledger_json import ledger_text, read_ledger
from attnthermo.ledger.report import parse_markdown_buckets
from attnthermo.ledger.rows import Measured, Unavailable
from attnthermo.paths import data_file
from attnthermo.tomlread import tomllib

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def manifest_file(lean_manifest, tmp_path_factory):
    path = tmp_path_factory.mktemp("manifest") / "manifest.json"
    path.write_text(json.dumps(lean_manifest.to_json()), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def first_run(manifest_file, tmp_path_factory):
    out = tmp_path_factory.mktemp("audit")
    t0 = time.perf_counter()
    ledger = run_audit(quick=True, device="cpu", out_dir=out, manifest=manifest_file, progress=False)
    return ledger, time.perf_counter() - t0


def test_every_listed_claim_has_a_bucket_and_a_receipt_or_reason(first_run, shared_dir):
    ledger, _ = first_run
    data = read_ledger(ledger.json_path)
    listed = tomllib.loads((shared_dir / "claims.toml").read_text(encoding="utf-8"))["claim"]
    for entry in listed:
        row = data.claims[entry["id"]]
        assert row.bucket in ("verified", "folklore", "numerology"), entry["id"]
        assert row.receipts or row.no_receipt_reason, entry["id"]
    assert data.schema_version == 1
    p = data.provenance
    assert p.git_commit and p.toolchain and len(p.manifest_sha256) == 64 and len(p.claims_sha256) == 64
    assert p.schema_version == 1 and p.versions["attnthermo"]


def test_the_quick_ledger_reads_back_row_for_row(first_run):
    ledger, _ = first_run
    back = read_ledger(ledger.json_path)
    assert back == ledger.data and list(back.claims) == list(ledger.data.claims)
    for cid, row in ledger.data.claims.items():
        assert back.claims[cid] == row and back.claims[cid].to_json() == row.to_json(), cid
    assert back.measurements == ledger.data.measurements and back.identities == ledger.data.identities
    assert ledger_text(back) == ledger.json_path.read_text(encoding="utf-8")


def test_markdown_and_json_agree(first_run):
    ledger, _ = first_run
    data = read_ledger(ledger.json_path)
    md = ledger.markdown_path.read_text(encoding="utf-8")
    assert parse_markdown_buckets(md) == data.buckets
    rows = [line for line in md.splitlines() if line.startswith("| `")]
    flags = [data.claims[line.split("`")[1]].agreement for line in rows]
    assert flags == sorted(flags, key=lambda f: f != "disagrees"), "disagreements come first"


def test_lean_links_point_at_the_theorem_line(first_run, lean_manifest):
    ledger, _ = first_run
    row = ledger.data.claims["fisher-equals-cv-over-gamma-sq"]
    lean = next(r for r in row.receipts if r.kind == "lean")
    link = lean.links[0]
    entry = lean_manifest.theorems[link["theorem"]]
    assert link["line"] == str(entry.line) and link["path"].endswith(entry.file)
    source = open(link["path"], encoding="utf-8").read().splitlines()
    assert link["theorem"].rsplit(".", 1)[1] in source[entry.line - 1]


def test_measured_claims_carry_their_numbers(first_run):
    ledger, _ = first_run
    for cid in ("random-init-has-no-decay", "power-law-fits", "gamma-independent-of-sink"):
        m = next(r for r in ledger.data.claims[cid].receipts if r.kind == "measurement")
        assert m.status in ("holds", "fails", "inconclusive", "window-dependent"), (cid, m.detail)
        assert all(isinstance(t["passed"], bool) for t in m.data["tests"])
        # every empirical row states its window family at its N and the agreement on each window
        family = m.data["family"]
        assert family["tokens"] == 256 and [mm["window"] for mm in family["members"]] == [[4, 16], [4, 64], [8, 127]]
        assert all(0 <= mm["agreement"] <= 1 for mm in family["members"]), (cid, family)
        assert "window family at N = 256: [4, 16] " in m.detail, (cid, m.detail)
        if m.status != "window-dependent":
            assert "resamples agree" in m.detail, (cid, m.detail)
    unavailable = next(r for r in ledger.data.claims["nu-imprint"].receipts if r.kind == "measurement")
    assert unavailable.status == "unavailable" and "pythia-70m" in unavailable.detail
    assert isinstance(ledger.data.measurements["imprint on pythia-70m"], Unavailable)
    assert set(ledger.data.plots) == {"heat_capacity_gamma1", "decay", "decay-gemma3-270m", "gamma_against_window"}
    both = ledger.data.claims["random-init-has-no-decay"]
    assert {r.data.get("model") for r in both.receipts if r.kind == "measurement"} == {"smollm2", "gemma3-270m"}


def test_second_run_reuses_the_caches(first_run, manifest_file, tmp_path, monkeypatch):
    from attnthermo.measurement import api

    def no_forward_pass(*_args, **_kwargs):
        raise AssertionError("a second audit ran the model again instead of reading its caches")

    ledger, _first = first_run
    monkeypatch.setattr(api, "run", no_forward_pass)
    again = run_audit(quick=True, device="cpu", out_dir=tmp_path, manifest=manifest_file, progress=False,
                      plots=False)
    assert again.buckets == ledger.buckets


def test_cli_with_a_changed_tolerance_and_diff(first_run, manifest_file, tmp_path, capsys):
    ledger, _ = first_run
    text = data_file("claims.toml").read_text(encoding="utf-8")
    marker = 'metric = "sink_mass"\ntolerance = 0.1\n'
    assert text.count(marker) == 1
    copy = tmp_path / "claims.toml"
    copy.write_text(text.replace(marker, 'metric = "sink_mass"\ntolerance = 0.999\n'), encoding="utf-8")
    code = main(["audit", "--quick", "--device", "cpu", "--manifest", str(manifest_file), "--claims", str(copy),
                 "--out", str(tmp_path), "--no-plots", "--no-progress"])
    assert code == 0
    assert read_ledger(tmp_path / "ledger.json").claims["attention-sink-mass"].bucket == "folklore"
    capsys.readouterr()
    assert main(["ledger", "diff", str(ledger.json_path), str(tmp_path / "ledger.json")]) == 0
    out = capsys.readouterr().out
    if ledger.bucket("attention-sink-mass") != "folklore":
        assert "attention-sink-mass" in out
    others = [line.split()[0] for line in out.splitlines() if "->" in line and not line.startswith("pins:")]
    assert set(others) <= {"attention-sink-mass"}
    assert any(line.startswith("pins:") and line.endswith("no pin changed") for line in out.splitlines())


def test_missing_manifest_file_is_a_clear_error(tmp_path, capsys):
    assert main(["audit", "--manifest", str(tmp_path / "none.json"), "--out", str(tmp_path)]) != 0
    assert "manifest" in capsys.readouterr().err


def test_measured_receipts_state_their_setting(first_run):
    """Every measured row of the report names the protocol it ran (tokens × prompts), not "N ?"."""
    ledger, _ = first_run
    measured = {label: m for label, m in read_ledger(ledger.json_path).measurements.items()
                if isinstance(m, Measured) and m.metrics.get("gamma") is not None}
    assert measured, "the quick audit measured nothing"
    for label, m in measured.items():
        assert m.setting["tokens"] == 256 and m.setting["prompts"] == m.prompts, label
    md = ledger.markdown_path.read_text(encoding="utf-8")
    assert "N ? ×" not in md and "N 256 × 4 prompts" in md
