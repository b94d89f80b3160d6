"""Reading Lean source: names, line ranges, signatures, docstrings, tags."""

from __future__ import annotations

from attnthermo.lean.sources import claim_ids, mask, parse_source, witness_links

SAMPLE = """module
public import AttnThermo.Ensemble
import Std.Data.List

/-! # Header: theorem fake : 1 = 2 := sorry (in a comment) -/

@[expose] public section

namespace AttnThermo.Demo

/-- A definition by cases. -/
def f : Nat → Nat
| 0 => 1
| n + 1 => f n

-- theorem commented : False := sorry
/-- First. Claims: `claim-a`, `claim-b` -/
@[simp] theorem first {x : Nat} (h : x = (fun y => y) x := rfl) :
    f 0 = 1 := by
  rfl

section Inner
namespace Nested

/-- Private and nested. Non-vacuity: `AttnThermo.Demo.first` -/
private theorem second : "a := b".length = 6 := by decide

end Nested
end Inner

example : True := trivial

theorem _root_.rootLevel : True := trivial

end AttnThermo.Demo
"""


def test_imports_and_module_header() -> None:
    src = parse_source(SAMPLE, "AttnThermo.Demo")
    assert src.is_module
    assert src.imports == ("AttnThermo.Ensemble", "Std.Data.List")
    assert src.import_lines["Std.Data.List"] == 3


def test_declarations_names_kinds_and_namespaces() -> None:
    src = parse_source(SAMPLE, "AttnThermo.Demo")
    example_line = SAMPLE.splitlines().index("example : True := trivial") + 1
    names = [(d.name, d.kind, d.private) for d in src.declarations]
    assert names == [
        ("AttnThermo.Demo.f", "def", False),
        ("AttnThermo.Demo.first", "theorem", False),
        ("AttnThermo.Demo.Nested.second", "theorem", True),
        (f"AttnThermo.Demo._example_{example_line}", "example", False),
        ("rootLevel", "theorem", False),
    ]


def test_signature_stops_at_top_level_assign_only() -> None:
    src = parse_source(SAMPLE, "AttnThermo.Demo")
    first = src.declarations[1]
    assert first.signature == "{x : Nat} (h : x = (fun y => y) x := rfl) : f 0 = 1"
    assert src.declarations[2].signature == ': "a := b".length = 6'
    assert src.declarations[0].signature == ": Nat → Nat"


def test_line_ranges_cover_docstring_to_last_proof_line() -> None:
    src = parse_source(SAMPLE, "AttnThermo.Demo")
    first = src.declarations[1]
    assert (first.first_line, first.line, first.end_line) == (17, 18, 20)
    assert src.declaration_at(19) is first
    assert src.declaration_at(16) is None  # the comment line between declarations


def test_docstring_tags() -> None:
    src = parse_source(SAMPLE, "AttnThermo.Demo")
    assert claim_ids(src.declarations[1].docstring) == ["claim-a", "claim-b"]
    assert witness_links(src.declarations[2].docstring) == ["AttnThermo.Demo.first"]
    assert claim_ids("no tags here") == []


def test_mask_blanks_comments_and_strings_but_keeps_offsets() -> None:
    text = 'a /- x /- nested -/ y -/ b "sorry" -- sorry\nc'
    masked = mask(text)
    assert len(masked.code) == len(text) and len(masked.bare) == len(text)
    assert "sorry" not in masked.bare and "nested" not in masked.code
    assert '"sorry"' in masked.code
    assert masked.bare.endswith("\nc")
