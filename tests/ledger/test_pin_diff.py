"""The ledger records the pins it was judged against; `attnthermo ledger diff` lists the pins that changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from attnthermo.lean.pinned import Pins, write_pins
from attnthermo.ledger.ledger_json import write_ledger
from attnthermo.ledger.pins import format_pin_changes, pin_changes, pin_record
from attnthermo.ledger.rows import PinRecord, example_ledger, example_provenance


def pins_of(root: Path, theorems: dict[str, str], definitions: dict[str, str],
            digests: dict[str, str] | None = None) -> PinRecord:
    """What a ledger records of pins written to ``root``."""
    path = write_pins(root, Pins(theorems=theorems, definitions=definitions, digests=digests or {}))
    record = pin_record(root, None)
    assert record.file == str(path)
    return record


def test_pin_changes_name_each_changed_added_and_removed_pin(tmp_path: Path) -> None:
    old = pins_of(tmp_path / "a", {"A.t": "1 = 1", "A.u": "True", "A.w": "2 = 2"}, {"A.f": "def A.f : Nat := 1"},
                  {"A.w": "a" * 64})
    new = pins_of(tmp_path / "b", {"A.t": "T = T + 1 → 1 = 1", "A.w": "2 = 2", "A.v": "False"},
                  {"A.f": "def A.f : Nat := 2"}, {"A.w": "b" * 64})  # same text, another meaning
    assert [(c.section, c.name, c.change) for c in pin_changes(old, new)] == [
        ("definitions", "A.f", "changed"), ("digests", "A.w", "changed"), ("theorems", "A.t", "changed"),
        ("theorems", "A.u", "removed"), ("theorems", "A.v", "added")]
    text = format_pin_changes(old, new)
    assert text.splitlines()[0].endswith("5 pin(s) changed:") and "changed  A.t" in text


def test_the_ledger_records_the_pin_file_digest_and_whether_the_manifest_used_it(tmp_path: Path) -> None:
    record = pins_of(tmp_path, {"A.t": "True"}, {})
    assert len(record.sha256) == 64 and record.matches_manifest is False  # the manifest said None
    assert pin_record(tmp_path, record.sha256).matches_manifest is True


def test_unchanged_pins(tmp_path: Path) -> None:
    same = pins_of(tmp_path, {"A.t": "True"}, {})
    assert format_pin_changes(same, same).endswith("; no pin changed")


def test_ledger_diff_cli_prints_bucket_and_pin_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from attnthermo.cli import main

    old = pins_of(tmp_path / "a", {"A.t": "1 = 1"}, {})
    new = pins_of(tmp_path / "b", {"A.t": "False → 1 = 1"}, {})
    for name, pins in (("old", old), ("new", new)):
        write_ledger(tmp_path / f"{name}.json", example_ledger({"c": "verified"}, provenance=example_provenance(pins=pins)))
    assert main(["ledger", "diff", str(tmp_path / "old.json"), str(tmp_path / "new.json")]) == 0
    out = capsys.readouterr().out
    assert "no claim changed bucket" in out and "changed  A.t" in out


def test_ledger_md_shows_the_pin_digest_and_a_cached_lean_result(tmp_path: Path) -> None:
    from attnthermo.ledger.report import build_ledger, render_markdown

    pins = pins_of(tmp_path, {"A.t": "True"}, {})
    ledger = build_ledger({}, {}, {}, provenance=example_provenance(pins=pins, lean_cached=True), measurements={},
                          identities={}, plots={})
    text = render_markdown(ledger, tmp_path)
    assert f"pins `{pins.sha256[:16]}` (not the pins the manifest was checked against)" in text
    assert "Lean result from the sealed cache" in text
