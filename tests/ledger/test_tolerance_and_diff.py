"""Tolerance checks and the ledger diff, on hand-made numbers."""

from __future__ import annotations

import pytest

from attnthermo.cli import main
from attnthermo.errors import DomainError
from attnthermo.ledger.ledger_json import write_ledger
from attnthermo.ledger.rows import example_ledger
from attnthermo.ledger.tolerance import MissingMetric, run_check


@pytest.mark.parametrize("check, value, tol, ok", [
    ("at_least", 0.95, 0.9, True), ("at_least", 0.85, 0.9, False),
    ("at_most", 0.99, 1.0, True), ("at_most", 1.01, 1.0, False),
    ("abs_at_most", -0.05, 0.1, True), ("abs_at_most", -0.2, 0.1, False),
    ("span_at_least", [0.7, 0.9, 1.0], 0.25, True), ("span_at_least", [0.8, 0.85], 0.1, False),
    ("relative_spread_at_most", [0.371, 0.387], 0.1, True), ("relative_spread_at_most", [0.2, 0.4], 0.1, False),
    ("monotone", [1.0, 0.9, 0.7], 0.0, True), ("monotone", [0.7, 0.9, 1.0], 0.0, True),
    ("monotone", [0.8, 0.9, 0.8], 0.0, False), ("monotone", [0.7, 0.9], 0.0, False),
    ("falls_across", [1.0, 0.9, 0.7], 0.0, True), ("falls_across", [0.7, 0.9, 1.0], 0.0, False),
])
def test_checks(check, value, tol, ok):
    assert run_check(check, {"m": value}, "m", tol)[0] is ok


def test_relative_errors():
    assert run_check("relative_error_at_most", {"p": 0.88, "g": 0.8}, "p", 0.25, "g")[0]
    assert not run_check("relative_error_at_most", {"p": 0.3, "g": 0.8}, "p", 0.25, "g")[0]
    assert run_check("median_relative_error_at_most", {"p": [1, 2, 9], "g": [1, 2, 3]}, "p", 0.1, "g")[0]
    with pytest.raises(DomainError, match="lengths differ"):
        run_check("median_relative_error_at_most", {"p": [1, 2], "g": [1]}, "p", 0.1, "g")


def test_missing_metric_and_unknown_check():
    with pytest.raises(MissingMetric):
        run_check("at_least", {}, "r2", 0.9)
    with pytest.raises(DomainError, match="check"):
        run_check("roughly", {"r2": 1}, "r2", 0.9)
    assert run_check("at_least", {"r2": float("nan")}, "r2", 0.9)[0] is False


def _ledger(path, buckets):
    return str(write_ledger(path, example_ledger(buckets)))


def test_diff_cli_lists_changed_buckets(tmp_path, capsys):
    old = _ledger(tmp_path / "old.json", {"a": "verified", "b": "folklore"})
    new = _ledger(tmp_path / "new.json", {"a": "folklore", "b": "folklore"})
    assert main(["ledger", "diff", old, new]) == 0
    out = capsys.readouterr().out
    assert "a  verified -> folklore" in out and "b " not in out
    assert main(["ledger", "diff", old, old]) == 0
    assert "no claim changed bucket" in capsys.readouterr().out


def test_diff_bad_input(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")
    assert main(["ledger", "diff", str(bad), str(bad)]) != 0
    assert "OLD" in capsys.readouterr().err


def test_tracks_direction_needs_every_step_to_agree():
    metrics = {"pred": [0.79, 0.89, 0.94], "meas": [0.915, 0.875, 0.838]}
    passed, detail = run_check("tracks_direction", metrics, "pred", 0.0, "meas")
    assert not passed and "0 of 2 steps" in detail
    metrics["pred"] = [0.95, 0.90, 0.80]
    assert run_check("tracks_direction", metrics, "pred", 0.0, "meas")[0]
