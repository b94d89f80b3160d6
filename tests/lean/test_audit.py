"""The source-level axiom audit: escape hatches and axioms, per theorem, transitively."""

from __future__ import annotations

import pytest

from attnthermo.lean.audit import ESCAPE_HATCHES, parse_print_axioms, print_axioms_verdict, source_audit
from attnthermo.lean.sources import parse_source

BASE = """module
namespace P.A
/-- clean; mentions sorry only in this docstring -/
theorem clean : True := trivial -- sorry in a comment
/-- the string "sorry" is not a use -/
theorem quoted : "sorry".length = 5 := by decide
axiom bogus : 1 = 2
def helper : Nat := 3
theorem direct : 1 = 2 := bogus
theorem indirect : 1 = 2 ∧ True := ⟨direct, trivial⟩
end P.A
"""


def audit(text: str, other: str | None = None) -> dict[str, dict]:
    sources = [parse_source(text, "P.A")]
    if other is not None:
        sources.append(parse_source(other, "P.B"))
    return source_audit(sources)


def test_clean_theorems_pass_and_comments_or_strings_do_not_count() -> None:
    report = audit(BASE)
    assert report["P.A.clean"] == {"audit": "source", "ok": True, "found": []}
    assert report["P.A.quoted"]["ok"]


def test_axiom_flags_every_theorem_that_reaches_it_by_name() -> None:
    report = audit(BASE)
    assert report["P.A.direct"]["found"] == ["axiom P.A.bogus"]
    assert report["P.A.indirect"]["found"] == ["axiom P.A.bogus"]
    assert not report["P.A.indirect"]["ok"]


@pytest.mark.parametrize(
    ("snippet", "name"),
    [
        ("by sorry", "sorry"),
        ("by admit", "admit"),
        ("by native_decide", "native_decide"),
        ("by decide +native", "+native"),
        ("Lean.ofReduceBool _ _ rfl", "ofReduceBool"),
        ("Lean.trustCompiler", "trustCompiler"),
    ],
)
def test_each_escape_hatch_is_reported_by_name(snippet: str, name: str) -> None:
    assert name in ESCAPE_HATCHES
    report = audit(f"namespace P.A\ntheorem t : 2 + 2 = 4 := {snippet}\nend P.A\n")
    assert report["P.A.t"]["found"] == [name]


def test_hatch_in_a_definition_flags_theorems_in_other_modules() -> None:
    lib = "namespace P.A\n@[implemented_by fast] def slow : Nat := 3\nunsafe def fast : Nat := 3\nend P.A\n"
    user = "module\nimport P.A\nnamespace P.B\ntheorem uses : P.A.slow = 3 := rfl\ntheorem other : True := trivial\nend P.B\n"
    report = audit(lib, user)
    assert report["P.B.uses"]["found"] == ["implemented_by in P.A.slow", "unsafe in P.A.fast"]
    assert report["P.B.other"]["ok"]


def test_module_level_hatch_flags_the_module_theorems() -> None:
    text = "attribute [extern \"c_fn\"] P.A.f\nset_option debug.skipKernelTC true\nnamespace P.A\ntheorem t : True := trivial\nend P.A\n"
    found = audit(text)["P.A.t"]["found"]
    assert found == ["@[extern] (module-level)", "debug.skipKernelTC (module-level)"]


def test_print_axioms_parsing_and_verdict() -> None:
    parsed = parse_print_axioms(
        "'A.t' depends on axioms: [propext, Classical.choice, Quot.sound]\n"
        "'A.s' depends on axioms: [propext, sorryAx]\n'A.u' does not depend on any axioms"
    )
    assert print_axioms_verdict(parsed["A.t"])["ok"]
    assert print_axioms_verdict(parsed["A.s"])["found"] == ["sorryAx"]
    assert print_axioms_verdict(parsed["A.u"]) == {"audit": "print-axioms", "ok": True, "found": [], "axioms": []}
