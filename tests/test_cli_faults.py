"""Ordinary faults on the command line end in one clear line and a non-zero exit, never a traceback:
an unwritable output path, a cache that cannot be created, Ctrl-C (exit 130). Files are written whole
or not at all, and a failed audit leaves no empty output folder behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from attnthermo import atomic, cli


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def test_unwritable_audit_folder_is_one_line(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code = cli.main(["audit", "--out", str(blocker / "out"), "--manifest", str(tmp_path / "m.json"), "--no-progress"])
    assert code != 0
    assert str(blocker) in _one_line(capsys.readouterr().err)


def test_cache_that_cannot_be_created_is_one_line(tmp_path, monkeypatch, capsys):
    """A read-only or misplaced cache/HOME: the cache folder cannot be made."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ATTNTHERMO_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.delenv("ATTNTHERMO_LAST_AUDIT")
    assert cli.main(["claims"]) != 0
    assert str(blocker) in _one_line(capsys.readouterr().err)


def test_ctrl_c_is_one_line_and_exit_130(monkeypatch, capsys):
    import attnthermo.ledger.claim_view as claim_view

    def interrupted(**_):
        raise KeyboardInterrupt

    monkeypatch.setattr(claim_view, "claim_rows", interrupted)
    assert cli.main(["claims"]) == 130
    assert "interrupted" in _one_line(capsys.readouterr().err)


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_atomic_write_leaves_the_old_file_and_no_debris(tmp_path, monkeypatch, failure):
    target = tmp_path / "ledger.json"
    target.write_text("old\n")

    def fail(*_):
        raise failure

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(type(failure)):
        atomic.write_text(target, "new\n")
    assert target.read_text() == "old\n" and [p.name for p in tmp_path.iterdir()] == ["ledger.json"]


def test_failed_audit_leaves_no_empty_output_folder(tmp_path, capsys):
    out = tmp_path / "new" / "deeper"
    assert cli.main(["audit", "--out", str(out), "--manifest", str(tmp_path / "none.json"), "--no-progress"]) != 0
    assert not (tmp_path / "new").exists()
    assert "none.json" in _one_line(capsys.readouterr().err)


def test_quick_audit_has_its_own_default_folder(monkeypatch):
    import attnthermo.ledger.audit as audit

    seen = []

    def fake_run_audit(**kwargs):
        seen.append(kwargs["out_dir"])
        raise KeyboardInterrupt  # stop here: only the folder is under test

    monkeypatch.setattr(audit, "run_audit", fake_run_audit)
    assert cli.main(["audit", "--quick"]) == 130
    assert cli.main(["audit"]) == 130
    assert seen == ["audit-out-quick", "audit-out"]


def test_tests_never_point_at_the_users_last_audit():
    from attnthermo.ledger.audit import _last_audit_file

    home_cache = Path.home() / ".cache" / "attnthermo"
    assert home_cache not in _last_audit_file().parents
