"""A tampered copy of the library (compiled once per session) fails for the right theorems."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.lean


def test_whole_check_fails(tampered_manifest: dict) -> None:
    assert not tampered_manifest["ok"]


def test_sorry_fails_its_theorem_and_blocks_the_importer_without_compiling_it(tampered_manifest, tampered_tree) -> None:
    modules, theorems = tampered_manifest["modules"], tampered_manifest["theorems"]
    assert modules["AttnThermo.Ensemble"]["status"] == "failed"
    sorried = theorems[tampered_tree.sorried]
    assert sorried["status"] == "failed"
    assert "sorry" in sorried["reason"]
    assert "sorry" in sorried["axioms"]["found"]
    fisher = modules["AttnThermo.Fisher"]
    assert fisher["status"] == "blocked" and fisher["blocked_by"] == ["AttnThermo.Ensemble"]
    assert fisher["messages"] == [] and fisher["seconds"] == 0.0 and not fisher["cached"]
    fisher_theorems = [t for t in theorems.values() if t["module"] == "AttnThermo.Fisher"]
    assert fisher_theorems and all(t["status"] == "blocked" for t in fisher_theorems)
    assert all("AttnThermo.Ensemble" in t["reason"] for t in fisher_theorems)
    other = [t for n, t in theorems.items() if t["module"] == "AttnThermo.Ensemble" and n != tampered_tree.sorried]
    assert other and all(t["status"] == "blocked" for t in other)


def test_weakened_statement_is_drift_not_proved(tampered_manifest, tampered_tree) -> None:
    assert tampered_manifest["modules"]["AttnThermo.LogUniform"]["status"] == "ok"
    weakened = tampered_manifest["theorems"][tampered_tree.weakened]
    assert weakened["status"] == "drift" and weakened["pinned"] == "drift"
    assert "_tampered : True" in weakened["reason"]


def test_extra_axiom_flags_its_users_by_name(tampered_manifest, tampered_tree) -> None:
    theorems = tampered_manifest["theorems"]
    for user in tampered_tree.axiom_users:
        assert theorems[user]["status"] == "failed"
        assert theorems[user]["axioms"]["found"] == [f"axiom {tampered_tree.axiom_name}"]
        assert tampered_tree.axiom_name in theorems[user]["reason"]
    untouched = [t for n, t in theorems.items() if t["module"] == "AttnThermo.LogUniform"
                 and n not in tampered_tree.axiom_users and n != tampered_tree.weakened]
    assert untouched and all(t["status"] == "proved" for t in untouched)


def test_false_statement_fails_that_theorem_and_its_module(tampered_manifest, tampered_tree) -> None:
    theorems = tampered_manifest["theorems"]
    assert tampered_manifest["modules"]["AttnThermo.RopePade"]["status"] == "failed"
    false = theorems[tampered_tree.false_theorem]
    assert false["status"] == "failed" and "error" in false["reason"]
    others = [t for n, t in theorems.items() if t["module"] == "AttnThermo.RopePade" and n != tampered_tree.false_theorem]
    assert others and all(t["status"] == "blocked" and "did not compile clean" in t["reason"] for t in others)


def test_syntax_error_is_reported_with_its_line(tampered_manifest, tampered_tree) -> None:
    messages = tampered_manifest["modules"]["AttnThermo.RopePade"]["messages"]
    assert any(m["severity"] == "error" and m["line"] == tampered_tree.syntax_error_line for m in messages)
    expected = f"lean/AttnThermo/RopePade.lean): line {tampered_tree.syntax_error_line}: error"
    assert any(expected in f for f in tampered_manifest["failures"])


def test_values_are_not_evaluated_on_a_broken_library(tampered_manifest) -> None:
    assert tampered_manifest["values_status"] == "blocked"
    assert tampered_manifest["values"] == {}
