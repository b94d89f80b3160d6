"""What `attnthermo claim(s)` read and say about it: every claim's JSON view reads back, a near-miss
id gets a suggestion, a ledger made with edited claims or pins is flagged, and `ledger diff` warns
when the two ledgers were made with different settings."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from attnthermo.cli import main
from attnthermo.ledger.buckets import decide
from attnthermo.ledger.claims import load_claims
from attnthermo.ledger.evidence import sha256_file
from attnthermo.ledger.receipts import check_receipt
from attnthermo.ledger.ledger_json import write_ledger
from attnthermo.ledger.report import build_ledger
from attnthermo.ledger.rows import example_provenance
from attnthermo.paths import data_file


@pytest.fixture()
def ledger_data(claims, syn):
    """A ledger from synthetic evidence, with the provenance of an audit run on the shipped claims file."""
    ev = syn.evidence_for(claims, syn.manifest(claims))
    results = {cid: [check_receipt(r, ev) for r in c.receipts] for cid, c in claims.items()}
    provenance = example_provenance(created="2026-12-05T10:00:00+00:00", claims_file=str(data_file("claims.toml")),
                                    claims_sha256=sha256_file(data_file("claims.toml")))
    rows = {"decay-fit on smollm2": syn.measured("decay-fit", "smollm2", {}, setting={"tokens": 256, "prompts": 4})}
    return build_ledger(claims, results, decide(claims, results), provenance=provenance, measurements=rows,
                        identities={}, plots={})


def _write(tmp_path, name, ledger):
    return write_ledger(tmp_path / name, ledger)


def test_every_claims_json_view_serialises_and_reads_back(ledger_data, tmp_path, capsys):
    """Fractions and infinities in identity points used to end `claim ID --json` in a TypeError."""
    path = _write(tmp_path, "ledger.json", ledger_data)
    for cid in load_claims():
        assert main(["claim", cid, "--ledger", str(path), "--json"]) == 0, cid
        out = capsys.readouterr().out
        view = json.loads(out)
        assert view["id"] == cid and json.loads(json.dumps(view, allow_nan=False)) == view
        for identity in view["identities"]:
            for value in identity.get("point", {}).values():
                assert isinstance(value, (int, float, str)), (cid, value)


def test_a_fraction_point_reads_back_exactly(ledger_data, tmp_path, capsys):
    from fractions import Fraction

    path = _write(tmp_path, "ledger.json", ledger_data)
    assert main(["claim", "partition-generates-moments", "--ledger", str(path), "--json"]) == 0
    points = [i["point"] for i in json.loads(capsys.readouterr().out)["identities"] if "point" in i]
    fugacity = next(p for p in points if "s" in p)
    assert Fraction(fugacity["z"]) == Fraction(1, 2) and fugacity["N"] == "inf"


def test_near_miss_claim_id_gets_a_suggestion(capsys):
    assert main(["claim", "cv-gama1-twelfth"]) != 0
    err = capsys.readouterr().err
    assert "did you mean cv-gamma1-twelfth?" in err and "known:" not in err


def test_claim_and_claims_name_their_ledger_and_flag_edits(ledger_data, tmp_path, capsys):
    shipped = _write(tmp_path, "shipped.json", ledger_data)
    assert main(["claims", "--ledger", str(shipped)]) == 0
    out = capsys.readouterr().out
    assert f"buckets from the given ledger ({shipped})" in out and "warning" not in out
    edited = replace(ledger_data, provenance=replace(ledger_data.provenance, claims_sha256="0" * 64,
                                                     claims_file="/tmp/claims-copy.toml", pinned_file="/tmp/pins-copy.toml"))
    path = _write(tmp_path, "edited.json", edited)
    assert main(["claims", "--ledger", str(path)]) == 0
    out = capsys.readouterr().out
    assert "edited claims file (/tmp/claims-copy.toml)" in out and "edited pins (/tmp/pins-copy.toml)" in out
    assert main(["claim", "attention-sink-mass", "--ledger", str(path)]) == 0
    out = capsys.readouterr().out
    assert "warning: this ledger was made with an edited claims file" in out and "edited pins" in out


def test_ledger_diff_warns_about_different_settings(ledger_data, tmp_path, capsys):
    old = _write(tmp_path, "old.json", ledger_data)
    decay = ledger_data.measurements["decay-fit on smollm2"]
    other = replace(ledger_data, provenance=replace(ledger_data.provenance, models=["gemma3-270m"], quick=False),
                    measurements={"decay-fit on smollm2": replace(decay, setting={**decay.setting, "tokens": 1024})})
    new = _write(tmp_path, "new.json", other)
    assert main(["ledger", "diff", str(old), str(new)]) == 0
    err = capsys.readouterr().err
    assert "models differ" in err and "quick differ" in err and "protocol decay-fit on smollm2 differs: tokens 256 vs 1024" in err
    assert main(["ledger", "diff", str(old), str(old)]) == 0
    assert "warning" not in capsys.readouterr().err
