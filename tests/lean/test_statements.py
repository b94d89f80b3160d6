"""Re-validating a printed statement against its source signature: what the comparison catches,
what it lets through, and that the real library's pinned statements all pass it."""

from __future__ import annotations

import re

import pytest

from attnthermo.lean.pinned import load_pins
from attnthermo.lean.project import load_project
from attnthermo.lean.statements import missing_from_statement

SIGNATURE = "{α : Type u} [Lean.Grind.Field α] (D : Derivation α) (γ : α) (hZ : partitionFunction s ≠ 0) : D γ / 4 = meanEnergy s.2"
PRINTED = ("∀ {α : Type u_1} [inst : Lean.Grind.Field α] (D : AttnThermo.Derivation α) (γ : α), "
           "AttnThermo.partitionFunction s ≠ 0 → D.toFun γ / 4 = AttnThermo.meanEnergy s.snd")


def test_the_printed_statement_of_its_own_signature_passes() -> None:
    assert missing_from_statement(SIGNATURE, PRINTED) == []


@pytest.mark.parametrize(("printed", "missing"), [
    (PRINTED.replace("/ 4", "/ 12"), ["4"]),                                   # a changed numeral
    (PRINTED.replace("meanEnergy", "energyVariance"), ["meanEnergy"]),         # a constant replaced
    (PRINTED.replace("AttnThermo.partitionFunction s ≠ 0 → ", ""), ["0", "partitionFunction"]),  # a hypothesis dropped
])
def test_what_it_catches(printed: str, missing: list[str]) -> None:
    assert missing_from_statement(SIGNATURE, printed) == missing


@pytest.mark.parametrize("printed", [
    PRINTED.replace("/ 4", "* 4"),                   # an operator: not compared
    PRINTED.replace("D.toFun γ", "D.toFun (γ + γ)"),  # tokens already present
])
def test_what_it_does_not_catch(printed: str) -> None:
    assert missing_from_statement(SIGNATURE, printed) == []


def test_bound_names_ascriptions_named_arguments_and_universes_need_not_be_printed() -> None:
    signature = "{n : Nat} (h : 0 < n) : ∀ x ∈ xs, f (α := Rat) ((x : Rat) + (fun (y : Nat) => y) 1) = (2 : Rat) * x.1"
    assert missing_from_statement(signature, "∀ {n : Nat}, 0 < n → ∀ (x : Nat), x ∈ xs → f (↑x + (fun y => y) 1) = 2 * x.fst") == []


def test_every_pinned_statement_of_the_library_passes_and_every_numeral_change_is_caught(repo_root) -> None:
    project, pins = load_project(repo_root), load_pins(repo_root)
    checked = 0
    for module in project.order:
        for decl in module.source.declarations:
            if decl.kind != "theorem" or decl.name not in pins.theorems:
                continue
            statement = pins.theorems[decl.name]
            assert missing_from_statement(decl.signature, statement) == [], decl.name
            for numeral in re.finditer(r"(?<![\w.])\d+(?!\w)", statement):
                changed = statement[:numeral.start()] + str(int(numeral.group()) + 7) + statement[numeral.end():]
                assert missing_from_statement(decl.signature, changed), (decl.name, numeral.group())
            checked += 1
    assert checked >= 100
