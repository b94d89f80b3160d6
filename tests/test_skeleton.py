"""The package skeleton: the command line answers and the Lean project is found."""

from attnthermo import cli, paths


def test_help_lists_usage(capsys):
    assert cli.main([]) == 2
    assert "usage: attnthermo" in capsys.readouterr().out


def test_project_root_is_found_from_checkout(repo_root):
    assert paths.project_root(repo_root / "pysrc") == repo_root


def test_manifest_adapter_reads_through_the_typed_reader_and_refuses_other_schemas(tmp_path):
    import json

    import pytest

    from attnthermo.errors import DomainError
    from attnthermo.manifest import example_json, load_manifest

    path = tmp_path / "m3.json"
    path.write_text(json.dumps(example_json()))
    manifest = load_manifest(path)
    record = manifest.theorems["P.A.t"]
    assert record.status == "proved" and record.line == 3 and record.claims == ["c"] and record.axiom_audit.ok
    assert manifest.claim_tags() == {"P.A.t": ("c",)} and manifest.status("P.A.u") == "missing"
    for version in (1, 2, 4):
        path = tmp_path / f"m{version}.json"
        path.write_text(json.dumps({**example_json(), "schema_version": version}))
        with pytest.raises(DomainError, match="schema_version"):
            load_manifest(path)


def test_claim_commands_are_registered(capsys):
    import pytest

    for command in ("claim", "claims"):
        with pytest.raises(SystemExit):
            cli.main([command, "--help"])
        assert "usage: attnthermo " + command in capsys.readouterr().out
