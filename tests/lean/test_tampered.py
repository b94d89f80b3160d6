"""A tampered copy of the library, checked by ONE Lean process per session, fails by name.

The forgeries of issue 10 that need no Lean (set_option, #exit, axiom after `open … in`, a
char literal hiding a sorry, `include` of False, `import Lean` + elab/run_cmd, ofReduceNat,
notation) are in one refused module; what only Lean can show (a changed definition body under
unchanged statements, a statement that assumes False, a false statement, a statement weakened
in the real library) is elaborated. Cache forgeries are in test_build_scheduler.py (fake Lean).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.lean


def test_whole_check_fails_in_one_process(tampered_manifest) -> None:
    assert not tampered_manifest.ok
    assert tampered_manifest.check.processes <= 1


def test_lexer_forgeries_are_refused_by_name_and_line(tampered_manifest, tampered_tree) -> None:
    module = tampered_manifest.modules[tampered_tree.lexer]
    assert module.status == "failed" and module.messages == []  # never given to Lean
    file = module.file
    found = [(f.what, f.line) for f in module.findings]
    for _theorem, what, line in tampered_tree.expected_findings:
        assert (what, line) in found, (what, line, found)
        assert f"source audit: {file}:{line}:" in "\n".join(tampered_manifest.failures)
    theorems = tampered_manifest.theorems
    for theorem, what, line in tampered_tree.expected_findings:
        if theorem:
            entry = theorems[f"{tampered_tree.lexer}.{theorem}"]
            assert entry.status == "failed" and f"{file}:{line}" in entry.reason, entry
    before_exit = theorems[f"{tampered_tree.lexer}.beforeExit"]
    assert before_exit.status == "blocked" and "did not check clean" in before_exit.reason
    user = tampered_manifest.modules[tampered_tree.lexer_user]
    assert user.status == "blocked" and user.blocked_by == [tampered_tree.lexer]
    assert theorems[f"{tampered_tree.lexer_user}.user"].status == "blocked"


def test_changed_definition_body_is_drift_by_name(tampered_manifest, tampered_tree) -> None:
    assert tampered_manifest.modules[tampered_tree.probe].status == "ok"
    definition = tampered_manifest.definitions[tampered_tree.changed_definition]
    assert definition.pinned == "drift" and "n + 2" in definition.printed
    user = tampered_manifest.theorems[tampered_tree.changed_user]
    assert user.pinned == "match", (user.statement, "the statement pin should still match")
    assert user.status == "drift" and tampered_tree.changed_definition in user.reason
    assert tampered_tree.changed_definition in user.uses
    assert any(f.startswith(f"definition {tampered_tree.changed_definition} [drift]") for f in tampered_manifest.failures)


def test_statement_assuming_false_is_not_proved(tampered_manifest, tampered_tree) -> None:
    vacuous = tampered_manifest.theorems[tampered_tree.vacuous]
    assert vacuous.statement.startswith("False →")
    assert vacuous.status == "failed" and "assumes False" in vacuous.reason


def test_false_statement_and_syntax_error_fail_their_module(tampered_manifest, tampered_tree) -> None:
    module = tampered_manifest.modules[tampered_tree.broken]
    assert module.status == "failed"
    false = tampered_manifest.theorems[tampered_tree.false_theorem]
    assert false.status == "failed" and "error" in false.reason and module.file in false.reason
    collateral = tampered_manifest.theorems[tampered_tree.collateral]
    assert collateral.status == "blocked" and "did not check clean" in collateral.reason
    assert any(m.severity == "error" and m.line == tampered_tree.syntax_error_line and m.file == module.file
               for m in module.messages)
    user = tampered_manifest.modules[tampered_tree.broken_user]
    assert user.status == "blocked" and user.blocked_by == [tampered_tree.broken]


def test_weakened_real_statement_is_drift(tampered_manifest, tampered_tree) -> None:
    if tampered_tree.weakened is None:
        pytest.fail("no pinned leaf theorem in a clean module of the real library to weaken")
    weakened = tampered_manifest.theorems[tampered_tree.weakened]
    assert weakened.status == "drift" and weakened.pinned == "drift"
    assert weakened.statement.startswith("True →") or "(_tampered : True)" in weakened.statement


def test_untouched_real_theorems_stay_proved(tampered_manifest, tampered_tree, lean_manifest) -> None:
    real = {n for n, t in lean_manifest.theorems.items() if t.status == "proved"} - {tampered_tree.weakened}
    assert real, "the real library has no proved theorem to compare with"
    assert {n: tampered_manifest.theorems[n].status for n in real} == {n: "proved" for n in real}
