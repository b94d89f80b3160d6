"""requirements(): each missing piece is detected and named; present pieces are read correctly."""

from __future__ import annotations

import os

import pytest

from attnthermo import cli
from attnthermo.dojo import DojoUnavailable, requirements, trace
from attnthermo.errors import DomainError, ToolchainError

REQUIRED_ON_A_BARE_MACHINE = {"lean_dojo", "elan", "lean", "lake", "git", "git repository", "network"}


def test_bare_machine_reports_every_missing_piece(lean_project, bare_machine):
    report = requirements(lean_project)
    assert not report.ok
    assert {item.name for item in report.missing} == REQUIRED_ON_A_BARE_MACHINE
    assert report.lean_dojo_version is None and report.commit is None
    assert "not on PATH" in report.item("lean").detail
    assert "github.com:443" in report.item("network").detail
    for item in report.missing:
        assert item.fix, f"{item.name} has no fix"


def test_trace_refuses_naming_each_missing_piece_and_the_incompatibilities(lean_project, bare_machine):
    with pytest.raises(DojoUnavailable) as caught:
        trace(lean_project)
    message = str(caught.value)
    assert isinstance(caught.value, ToolchainError)
    for name in REQUIRED_ON_A_BARE_MACHINE:
        assert f"- {name}:" in message, f"{name} not named in:\n{message}"
    assert 'pip install "attnthermo[dojo]"' in message and "elan" in message
    for topic in ("lean version", "module system", "source directory"):
        assert f"- {topic}:" in message
    assert "theorems_from_manifest" in message


def test_status_cli_exits_1_and_lists_missing(lean_project, bare_machine, capsys):
    assert cli.main(["dojo", "status", "--root", str(lean_project)]) == 1
    out = capsys.readouterr().out
    assert out.count("MISSING") == len(REQUIRED_ON_A_BARE_MACHINE)
    assert "module system" in out


def test_trace_cli_reports_the_error(lean_project, bare_machine, capsys):
    assert cli.main(["dojo", "trace", "--root", str(lean_project)]) == 1
    assert "LeanDojo cannot trace" in capsys.readouterr().err


def test_equipped_machine_reads_versions_and_commit(lean_project, equipped_machine, fake_network):
    equipped_machine("raise ImportError('the adapter must not import lean_dojo to check it')\n")
    report = requirements(lean_project, network_timeout=0.5)
    assert report.ok, report.describe_missing()
    assert report.lean_dojo_version == "4.20.0"
    assert report.item("lean").detail.startswith("Lean (version 4.28.0")
    assert len(report.commit or "") == 40
    assert report.item("committed sources").ok
    assert not report.item("git remote").ok and not report.item("git remote").required
    assert fake_network == [(("github.com", 443), 0.5)]


def test_uncommitted_lean_changes_are_reported(lean_project, equipped_machine):
    equipped_machine("")
    (lean_project / "lean" / "Syn" / "Basic.lean").write_text("module\n")
    assert not requirements(lean_project).item("committed sources").ok


def test_old_git_is_missing(lean_project, equipped_machine, tmp_path, monkeypatch):
    equipped_machine("")
    old = tmp_path / "oldgit"
    old.mkdir()
    (old / "git").write_text("#!/bin/sh\necho 'git version 2.17.1'\n")
    (old / "git").chmod(0o755)
    monkeypatch.setenv("PATH", f"{old}{os.pathsep}{os.environ['PATH']}")
    report = requirements(lean_project)
    assert "needs git >= 2.25" in report.item("git").detail
    assert {item.name for item in report.missing} == {"git", "git repository"}


def test_project_root_outside_git_is_missing(tmp_path, equipped_machine):
    equipped_machine("")
    root = tmp_path / "loose"
    root.mkdir()
    (root / "lakefile.lean").write_text("")
    item = requirements(root).item("git repository")
    assert not item.ok and "not in a git repository" in item.detail


@pytest.mark.parametrize("timeout", [0, -1.0, float("nan"), "3"])
def test_bad_network_timeout_is_a_domain_error(timeout):
    with pytest.raises(DomainError, match="network_timeout"):
        requirements(network_timeout=timeout)


def test_root_that_is_not_a_lean_project_is_a_domain_error(tmp_path):
    with pytest.raises(DomainError, match="root=.*no lakefile"):
        requirements(tmp_path)
