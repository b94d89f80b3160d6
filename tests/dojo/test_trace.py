"""trace() with every requirement present: refusal on known incompatibilities, and the records it
writes when LeanDojo runs. LeanDojo itself is replaced by a stand-in with lean-dojo 4.20.0's
attribute names (TracedRepo.traced_files, TracedFile.path / get_traced_theorems /
get_premise_definitions, TracedTheorem.theorem.full_name / start.line_nb /
get_theorem_statement / get_premise_full_names); no real tracing happens here.
"""

from __future__ import annotations

import json
import sys

import pytest

from attnthermo import cli
from attnthermo.dojo import THEOREM_KEYS, DojoIncompatible, trace
from attnthermo.errors import ToolchainError

STAND_IN = '''
from pathlib import Path
from types import SimpleNamespace

CALLS = []


class LeanGitRepo:
    def __init__(self, url, commit):
        self.url, self.commit = url, commit


def _theorem(name, line, statement, premises):
    return SimpleNamespace(
        theorem=SimpleNamespace(full_name=name),
        start=SimpleNamespace(line_nb=line),
        get_theorem_statement=lambda: statement,
        get_premise_full_names=lambda: premises,
    )


class _File:
    def __init__(self, path, theorems, premises):
        self.path = Path(path)
        self._theorems, self._premises = theorems, premises

    def get_traced_theorems(self):
        return self._theorems

    def get_premise_definitions(self):
        return self._premises


def trace(repo, dst_dir=None, build_deps=True):
    CALLS.append((repo.url, repo.commit, build_deps))
    own = _File(
        "lean/Syn/Basic.lean",
        [_theorem("Syn.two_eq", 11, "theorem two_eq : (2 : Nat) = 1 + 1 :=", ["Eq.refl", "Nat", "Eq.refl"])],
        [{"full_name": "Syn.two_eq", "kind": "commanddeclaration", "start": [11, 1], "end": [11, 40],
          "code": "theorem two_eq : (2 : Nat) = 1 + 1"}],
    )
    core = _File(
        ".lake/packages/lean4/src/lean/Init/Core.lean",
        [_theorem("Eq.symm", 5, "theorem Eq.symm", [])],
        [],
    )
    return SimpleNamespace(traced_files=[core, own] if EMPTY is False else [core])


EMPTY = False
'''


def test_known_incompatibilities_refuse_before_importing_lean_dojo(lean_project, equipped_machine):
    equipped_machine("raise ImportError('lean_dojo must not be imported when refusing')\n")
    with pytest.raises(DojoIncompatible) as caught:
        trace(lean_project)
    message = str(caught.value)
    for topic in ("lean version", "module system", "source directory"):
        assert f"- {topic}:" in message
    assert "force=True" in message
    assert "lean_dojo" not in sys.modules


def test_forced_trace_writes_project_records_only(lean_project, equipped_machine, tmp_path):
    equipped_machine(STAND_IN)
    out = tmp_path / "out"
    result = trace(lean_project, out, force=True)

    import lean_dojo

    assert lean_dojo.CALLS == [(str(lean_project), result["commit"], False)]
    written = json.loads((out / "leandojo-trace.json").read_text())
    assert written == result
    assert result["source"] == "leandojo" and result["lean_dojo_version"] == "4.20.0"
    assert [i["topic"] for i in result["incompatibilities_overridden"]] == [
        "lean version",
        "module system",
        "source directory",
    ]
    assert result["theorems"] == [
        {
            "full_name": "Syn.two_eq",
            "file": "lean/Syn/Basic.lean",
            "line": 11,
            "statement": "theorem two_eq : (2 : Nat) = 1 + 1",
            "premises": ["Eq.refl", "Nat"],
            "source": "leandojo",
        }
    ]
    assert tuple(result["theorems"][0]) == THEOREM_KEYS
    assert result["premises"] == [
        {
            "full_name": "Syn.two_eq",
            "kind": "commanddeclaration",
            "file": "lean/Syn/Basic.lean",
            "line": 11,
            "code": "theorem two_eq : (2 : Nat) = 1 + 1",
        }
    ]


def test_trace_with_no_project_theorem_is_an_error(lean_project, equipped_machine, tmp_path):
    equipped_machine(STAND_IN.replace("EMPTY = False", "EMPTY = True"))
    with pytest.raises(ToolchainError, match="(?s)traced no theorem.*source directory"):
        trace(lean_project, tmp_path / "out", force=True)
    assert not (tmp_path / "out" / "leandojo-trace.json").exists()


def test_lean_dojo_failure_is_wrapped(lean_project, equipped_machine, tmp_path):
    equipped_machine(STAND_IN + "\ndef trace(repo, dst_dir=None, build_deps=True):\n    assert False, 'lake build failed'\n")
    with pytest.raises(ToolchainError, match="failed to trace.*AssertionError: lake build failed"):
        trace(lean_project, tmp_path / "out", force=True)


def test_trace_cli_force(lean_project, equipped_machine, tmp_path, capsys):
    equipped_machine(STAND_IN)
    out = tmp_path / "cli-out"
    assert cli.main(["dojo", "trace", "--root", str(lean_project), "--out", str(out), "--force"]) == 0
    assert "traced 1 theorems and 1 premise definitions" in capsys.readouterr().out
    assert (out / "leandojo-trace.json").is_file()
