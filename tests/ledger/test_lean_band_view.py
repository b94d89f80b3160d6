"""The C_V(γ=1) band Lean proved for the finite ensemble reaches `attnthermo claim` and the audit's
plot, parsed from the statement Lean printed (the pinned one here), never retyped."""

from __future__ import annotations

from pathlib import Path

import pytest

from attnthermo.cli import main
from attnthermo.lean.pinned import load_pins
from attnthermo.lean_band import BAND_THEOREM, lean_band, parse_band
from attnthermo.ledger.buckets import decide
from attnthermo.ledger.claim_view import claim_view
from attnthermo.ledger.plots import plot_heat_capacity
from attnthermo.ledger.receipts import check_receipt
from attnthermo.ledger.ledger_json import write_ledger
from attnthermo.ledger.report import build_ledger
from attnthermo.ledger.rows import example_provenance
from attnthermo.manifest import Manifest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture()
def printed_statement() -> str:
    pins = load_pins(REPO)
    assert BAND_THEOREM in pins.theorems, "the band theorem is not pinned: run `attnthermo lean pin`"
    return pins.theorems[BAND_THEOREM]


@pytest.fixture()
def manifest(claims, syn, printed_statement) -> dict:
    data = syn.manifest(claims)
    data["theorems"][BAND_THEOREM]["statement"] = printed_statement
    return data


def test_pinned_statement_gives_the_band_with_slope_one_sixth(printed_statement):
    band = parse_band(printed_statement)
    assert band.N_min == 2 and band.upper[0] * 6 == 1 and band.lower[0] == 0
    assert band.lower[1] < 0 < band.upper[1]


def test_band_only_from_a_proved_theorem(manifest):
    assert lean_band(Manifest.from_json(manifest)) is not None
    manifest["theorems"][BAND_THEOREM]["status"] = "failed"
    assert lean_band(Manifest.from_json(manifest)) is None


def test_claim_json_and_text_carry_the_band(claims, syn, manifest, printed_statement, tmp_path, capsys):
    ev = syn.evidence_for(claims, manifest)
    results = {cid: [check_receipt(r, ev) for r in c.receipts] for cid, c in claims.items()}
    ledger = build_ledger(claims, results, decide(claims, results),
                          provenance=example_provenance(created="2026-12-05T14:00:00+00:00"),
                          measurements={}, identities={}, plots={})
    path = write_ledger(tmp_path / "ledger.json", ledger)
    view = claim_view("cv-gamma1-twelfth", ledger=path)  # its to_json() is what `attnthermo claim … --json` prints
    assert view.lean_bound == parse_band(printed_statement)
    bound = view.to_json()["lean_bound"]
    assert bound["theorem"] == BAND_THEOREM and bound["N_min"] == 2 and bound["upper"][0] == "1/6"
    assert main(["claim", "cv-gamma1-twelfth", "--ledger", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Lean band (N ≥ 2, L = ℓ N, every log-like ℓ): " in out and "(1/6)·L" in out
    assert "covers the statement for log-like ℓ" in out
    assert claim_view("fisher-equals-cv-over-gamma-sq", ledger=path).lean_bound is None


def test_plot_draws_the_band(manifest, tmp_path):
    rows = [{"N": 10**k, "exact": 0.1 * k * k, "twelfth": 0.09 * k * k, "quarter": 0.3 * k * k} for k in range(1, 5)]
    plain = plot_heat_capacity(rows, tmp_path / "plain.png")
    banded = plot_heat_capacity(rows, tmp_path / "band.png", lean_band(Manifest.from_json(manifest)))
    assert plain.is_file() and banded.is_file() and plain.read_bytes() != banded.read_bytes()
