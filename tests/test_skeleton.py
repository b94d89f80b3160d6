"""The package skeleton: the command line answers and the Lean project is found."""

from attnthermo import cli, paths


def test_help_lists_usage(capsys):
    assert cli.main([]) == 2
    assert "usage: attnthermo" in capsys.readouterr().out


def test_project_root_is_found_from_checkout(repo_root):
    assert paths.project_root(repo_root / "pysrc") == repo_root
