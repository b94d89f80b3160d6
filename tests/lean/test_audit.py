"""The source audit: the allow-list, and the forgeries of issue 10 it catches with no Lean process.

Each forgery is a small synthetic file; each must be refused by name, at the right line.
"""

from __future__ import annotations

import pytest

from attnthermo.lean.audit import FORBIDDEN_COMMANDS, FORBIDDEN_NAMES, source_findings

PROJECT = {"P.A", "P.B"}
HEAD = "module\npublic import P.A\n@[expose] public section\nnamespace P.B\n"


def findings(body: str) -> list[tuple[str, int]]:
    return [(f.what, f.line) for f in source_findings(HEAD + body + "\nend P.B\n", "lean/P/B.lean", PROJECT)]


def line_of(body: str, needle: str) -> int:
    return (HEAD + body).splitlines().index(next(l for l in (HEAD + body).splitlines() if needle in l)) + 1


def test_clean_library_code_passes() -> None:
    body = (
        "universe u\nopen Nat in\nattribute [local instance] Lean.Grind.Semiring.natCast\nvariable {α : Type u}\n"
        "/-- doc mentioning sorry, set_option and axiom -/\n@[simp, grind =] theorem t (n : Nat) : n + 0 = n := by\n"
        "  simp -- sorry in a comment\nnoncomputable def f : Nat := 3\nprivate def g := \"#exit and sorry in a string\"\n"
        "instance : Inhabited Nat := ⟨0⟩\nstructure S where\n  x : Nat\nderiving Repr\nsection Inner\nend Inner\n"
        "example : True := trivial\nabbrev h := 1\ninductive T | a | b\nmutual\ndef e : Nat → Bool\n  | 0 => true\n"
        "  | n + 1 => o n\ndef o : Nat → Bool\n  | 0 => false\n  | n + 1 => e n\nend\n"
    )
    assert findings(body) == []


def test_forgery_1_set_option_and_sorryAx() -> None:
    body = "set_option warningAsError false in\ntheorem t : 1 = 2 := sorryAx _ false\n"
    assert findings(body) == [("set_option", 5), ("sorryAx", 6)]


def test_any_set_option_even_inside_a_proof() -> None:
    body = "theorem t : True := by\n  set_option maxHeartbeats 0 in\n  trivial\n"
    assert findings(body) == [("set_option", 6)]


def test_forgery_2_exit_part_way_through() -> None:
    body = "set_option warningAsError false\ntheorem t : True := trivial\n#exit\ntheorem never : 1 = 2 := rfl\n"
    assert findings(body) == [("set_option", 5), ("#exit", 7)]


def test_forgery_3_axiom_not_at_line_start_and_used_only_by_an_instance_or_notation() -> None:
    body = ("open Nat in axiom bad : False\n"
            "instance : Inhabited False := ⟨bad⟩\n"
            "notation \"BAD\" => bad\n"
            "local macro \"boom\" : term => `(bad)\n"
            "@[simp, implemented_by bad] theorem u : True := trivial\n")
    assert findings(body) == [("axiom", 5), ("notation", 7), ("macro", 8), ("implemented_by", 9)]


def test_forgery_4_char_literal_does_not_hide_a_sorry() -> None:
    body = "def quote : Char := '\"'\ntheorem hidden : 1 = 2 := by sorry\ndef after := \"x\"\n"
    assert findings(body) == [("sorry", 6)]


def test_forgery_5_hidden_include_of_false() -> None:
    body = ("set_option linter.unusedSectionVars false\nvariable (h : False)\ninclude h\n"
            "theorem t (n : Nat) : n = n := rfl\n")
    assert findings(body) == [("set_option", 5), ("include", 7)]


def test_forgery_7_import_lean_metaprograms_and_ofReduceNat() -> None:
    text = ("module\nimport Lean\nimport Std.Data.HashMap\npublic import P.A\nimport Init.Data.List.Basic\n"
            "open Lean Elab Command in\nelab \"forge\" : command => pure ()\nrun_cmd pure ()\n"
            "theorem t : 2 + 2 = 4 := Lean.ofReduceNat _ _ rfl\nsyntax \"x\" : term\nmacro_rules | `(x) => `(1)\n"
            "theorem n : True := by decide +native\n")
    found = [(f.what, f.line) for f in source_findings(text, "lean/P/B.lean", PROJECT)]
    assert found == [("import Lean", 2), ("import Std.Data.HashMap", 3), ("Elab", 6), ("elab", 7), ("run_cmd", 8),
                     ("ofReduceNat", 9), ("syntax", 10), ("macro_rules", 11), ("decide config", 12), ("native", 12)]


def test_findings_say_file_line_and_why() -> None:
    [finding] = source_findings("module\ntheorem t : True := by\n  native_decide\n", "lean/P/C.lean", PROJECT)
    assert finding.summary().startswith("lean/P/C.lean:3: `native_decide` uses `native_decide`: evaluates with "
                                        "compiled code instead of the kernel")


@pytest.mark.parametrize("command", sorted(FORBIDDEN_COMMANDS))
def test_every_forbidden_command_is_named(command: str) -> None:
    assert (command, 5) in findings(f"{command} x\n")


@pytest.mark.parametrize("name", sorted(FORBIDDEN_NAMES))
def test_every_forbidden_name_is_named_also_qualified_or_quoted(name: str) -> None:
    assert findings(f"theorem t : True := Lean.«{name}» _\n") == [(name, 5)]


@pytest.mark.parametrize(("attribute", "what"), [("extern \"c\"", "extern"), ("csimp", "csimp"),
                                                  ("command_elab x", "@[command_elab]"), ("init", "@[init]")])
def test_attributes_outside_the_allow_list(attribute: str, what: str) -> None:
    assert findings(f"@[{attribute}] def f : Nat := 1\n") == [(what, 5)]
    assert findings(f"attribute [{attribute}] f\n") == [(what, 5)]


def test_every_hash_command_is_refused() -> None:
    body = "#eval 1\n#print axioms t\n#check t\n#reduce 1\n"
    assert [w for w, _ in findings(body)] == ["#eval", "#print", "#check", "#reduce"]


@pytest.mark.parametrize(("spelling", "expected"), [
    ("decide +native", [("decide config", 5), ("native", 5)]),
    ("decide (config := { native := true })", [("decide config", 5), ("native", 5)]),
    ("decide (config := ⟨false, true, true, false⟩)", [("decide config", 5)]),
    ("decide (native := true)", [("decide config", 5), ("native", 5)]),
    ("decide -kernel", [("decide config", 5)]),
    ("decide +«native»", [("decide config", 5), ("native", 5)]),
    ("exact (by decide : 2 + 2 = 4)", []),
    ("decide +kernel", []),
    ("decide +kernel (config := ⟨false, true, true, false⟩)", [("decide config", 5)]),
    ("decide! -zetaReduce +kernel", [("decide config", 5)]),
    ("dbg_trace \"{1}\"; trivial", [("dbg_trace", 5)]),
    ("exact Lean.Meta.foo", [("Meta", 5)]),
    ("stop", [("stop", 5)]),
])
def test_decide_configurations_and_kernel_bypasses_by_name(spelling: str, expected: list) -> None:
    assert findings(f"theorem t : 2 + 2 = 4 := by {spelling}\n") == expected


def test_lexer_problems_are_findings_with_file_and_line() -> None:
    found = source_findings("module\n-- a\x0caxiom bad : False\ndef s := s!\"{\"}\"}\"\n", "lean/P/B.lean", PROJECT)
    assert [(f.what, f.line) for f in found] == [("U+000C", 2), ("ambiguous string", 3)]
    assert found[0].summary().startswith("lean/P/B.lean:2: FORM FEED (U+000C)")


def test_an_end_closing_no_scope_of_the_file_is_refused() -> None:
    """In the one check file it would close the section that keeps the module's local state its own."""
    text = "module\nnamespace P.B\nend P.B\nend\nattribute [local instance] foo\nmutual\ndef a : Nat := 1\nend\n"
    assert [(f.what, f.line) for f in source_findings(text, "lean/P/B.lean", PROJECT)] == [("unmatched end", 4)]
