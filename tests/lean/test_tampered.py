"""A tampered copy of the library, checked by ONE Lean process per session, fails by name.

The forgeries of issue 10 that need no Lean (set_option, #exit, axiom after `open … in`, a
char literal hiding a sorry, `include` of False, `import Lean` + elab/run_cmd, ofReduceNat,
notation) are in one refused module; what only Lean can show (a changed definition body under
unchanged statements, a statement that assumes False, a false statement, a statement weakened
in the real library) is elaborated. Cache forgeries are in test_build_scheduler.py (fake Lean).

A second copy (``forged``, see conftest.ForgedTree) holds what only the ``.olean`` Lean writes
can show — meaning changed by a local instance under unchanged printed text, a vacuous headline
theorem, an unpinned one, an axiom reached through a spelling the source audit missed — in a
tree where everything elaborates (Lean writes no ``.olean`` when it reports an error).
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


def test_an_error_anywhere_leaves_no_closure_to_prove_with(tampered_manifest, tampered_tree, lean_manifest) -> None:
    real = {n for n, t in lean_manifest.theorems.items() if t.status == "proved"} - {tampered_tree.weakened}
    assert real, "the real library has no proved theorem to compare with"
    statuses = {tampered_manifest.theorems[n].status for n in real}
    assert statuses == {"blocked"}  # the broken module stopped Lean from writing the .olean
    assert all("wrote no .olean" in tampered_manifest.theorems[n].reason for n in real)


def test_untouched_real_theorems_keep_their_status(forged_manifest, lean_manifest) -> None:
    real = {n: t.status for n, t in lean_manifest.theorems.items()}
    assert any(s == "proved" for s in real.values()), "the real library has no proved theorem to compare with"
    assert {n: forged_manifest.theorems[n].status for n in real} == real
    assert {n: forged_manifest.theorems[n].axioms for n in real} == {n: t.axioms for n, t in lean_manifest.theorems.items()}


def test_local_instance_under_identical_text_is_digest_drift(forged_manifest, forged_tree) -> None:
    t = forged_manifest.theorems
    plain, again, forged = t[forged_tree.plain], t[forged_tree.plain_again], t[forged_tree.forged]
    assert plain.statement == again.statement == forged.statement
    assert plain.digest == again.digest and forged.digest != plain.digest  # the digest sees the instance
    assert plain.pinned == "match" and plain.status == "proved"
    assert forged.pinned == "drift" and forged.status == "drift" and "structural digest" in forged.reason
    assert any(f.startswith(f"{forged_tree.forged} [drift]") for f in forged_manifest.failures)


def test_definition_body_changed_only_through_an_instance_is_drift(forged_manifest, forged_tree) -> None:
    d = forged_manifest.definitions
    plain, forged = d[forged_tree.plain_def], d[forged_tree.forged_def]
    assert forged.printed.replace("forgedDouble", "plainDouble") == plain.printed
    assert plain.pinned == "match" and forged.pinned == "drift" and forged.digest != plain.digest
    assert any(f.startswith(f"definition {forged_tree.forged_def} [drift]") for f in forged_manifest.failures)
    instance = f"{forged_tree.module}.timesAsPlus"
    assert forged_manifest.constants[instance].pinned == "unpinned"
    assert any(f.startswith(f"constant {instance} [unpinned]") for f in forged_manifest.failures)
    local = forged_manifest.declarations[forged_tree.module]
    assert local.pinned == "unpinned" and any("local instance" in c for c in local.commands)


def test_vacuous_pinned_headline_without_witness_fails(forged_manifest, forged_tree) -> None:
    vacuous = forged_manifest.theorems[forged_tree.vacuous_headline]
    assert vacuous.role == "headline" and vacuous.pinned == "match" and "T = T + 1" in vacuous.statement
    assert vacuous.status == "failed" and "no witness applies it" in vacuous.reason


def test_unpinned_headline_fails(forged_manifest, forged_tree) -> None:
    unpinned = forged_manifest.theorems[forged_tree.unpinned_headline]
    assert unpinned.pinned == "unpinned" and unpinned.status == "failed"
    assert "headline theorem not pinned" in unpinned.reason


def test_axiom_through_a_spelling_the_audit_missed_is_named_with_its_path(forged_manifest, forged_tree) -> None:
    from attnthermo.lean.audit import source_findings

    text = (forged_tree.root / "lean" / "AttnThermo" / "TamperMeaning.lean").read_text()
    assert {f.what for f in source_findings(text, "TamperMeaning.lean", ())} & set(forged_tree.slipped)  # the real audit
    assert forged_manifest.modules[forged_tree.module].findings == []  # the weakened one let it through
    sneaky = forged_manifest.theorems[forged_tree.sneaky]
    assert sneaky.status == "failed" and sneaky.axioms == ["Lean.ofReduceBool"]
    assert sneaky.axiom_audit.paths["Lean.ofReduceBool"] == [forged_tree.sneaky, forged_tree.sneaky_aux, "Lean.ofReduceBool"]
    assert f"Lean.ofReduceBool (via {forged_tree.sneaky} → {forged_tree.sneaky_aux} → Lean.ofReduceBool)" in sneaky.reason
