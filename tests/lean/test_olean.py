"""The .olean reader, the closure walk and the structural digests, on the toolchain's real core
library files (no Lean process), and refusals of damaged files."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest

from attnthermo.errors import LeanCheckFailed
from attnthermo.lean.closure import closure, load_environment
from attnthermo.lean.exprs import Digests, is_binder
from attnthermo.lean.olean import HEADER_SIZE, Olean
from attnthermo.lean.oleanfacts import read_facts
from attnthermo.lean.toolchain import wasm_toolchain


@pytest.fixture(scope="module")
def lib() -> Path:
    """The unpacked core library of the wasm toolchain (installed on first use)."""
    return Path(wasm_toolchain().lean_path[0])


@pytest.fixture(scope="module")
def core(lib: Path):
    """Init.Core as the 'library', with everything it imports."""
    return load_environment(lib / "Init" / "Core.olean", [lib])


def test_prelude_header_and_axioms(lib: Path) -> None:
    prelude = Olean(lib / "Init" / "Prelude.olean")
    assert prelude.imports() == [] and prelude.module()[0] is True  # a `module` file
    kinds = {c.name: c.kind for c in prelude.constants()}
    assert kinds["Classical.choice"] == "axiom" and kinds["sorryAx"] == "axiom"
    assert kinds["Nat"] == "inductive" and kinds["Nat.succ"] == "constructor" and kinds["Nat.rec"] == "recursor"
    assert kinds["id"] == "definition"


def test_real_axioms_are_told_from_theorems_exported_without_proof(core) -> None:
    for axiom in ("propext", "Classical.choice", "Quot.sound", "sorryAx", "Lean.ofReduceBool", "Lean.trustCompiler"):
        assert core.constants[axiom][1].kind == "axiom" and axiom not in core.core_theorems
    # Init's public .olean holds theorems as axioms without proof; privateConstKindsExt says what they are
    assert core.constants["Nat.le_refl"][1].kind == "axiom" and "Nat.le_refl" in core.core_theorems
    assert closure(core, "Nat.le_refl").axioms == ()


def test_closure_of_a_simp_lemma_reaches_propext_with_its_path(core) -> None:
    found = closure(core, "eq_iff_iff._simp_1")
    assert found.axioms == ("propext",) and found.paths == {"propext": ["eq_iff_iff._simp_1", "propext"]}
    assert found.disallowed() == []


def test_a_definition_reaches_its_auxiliaries_and_through_them_axioms(core) -> None:
    uses = core.uses("instDecidableEqProd")
    assert {"instDecidableEqProd._proof_1", "instDecidableEqProd.match_1"} <= set(uses)
    reached = closure(core, "instDecidableEqProd").reached
    assert "instDecidableEqProd._proof_1" in reached and "Prod" in reached and "Prod.mk" in reached  # ctors of inductives


def test_a_path_to_a_forbidden_axiom_is_named(core) -> None:
    found = closure(core, "Lean.ofReduceBool")
    assert found.axioms == ("Lean.ofReduceBool",) and found.disallowed() == ["Lean.ofReduceBool"]


def test_digests_see_the_operation_and_are_stable(core, lib: Path) -> None:
    olean, ge = core.constants["ge_iff_le._simp_1"]  # (a ≥ b) = (b ≤ a)
    _o, gt = core.constants["gt_iff_lt._simp_1"]  # (a > b) = (b < a)
    digests = Digests(olean)
    assert digests.expr(ge.type) != digests.expr(gt.type) and digests.expr(ge.value) != digests.expr(gt.value)
    assert Digests(Olean(olean.path)).expr(ge.type) == digests.expr(ge.type)
    assert is_binder(olean, ge.type)


def test_facts_refuse_a_library_whose_proofs_are_not_all_there(lib: Path) -> None:
    # Init.Core's public .olean holds its theorems without proofs: as a "library" it cannot be walked
    with pytest.raises(LeanCheckFailed, match=r"Core.olean: \d+ constant\(s\) of the library appear only without"):
        read_facts(lib / "Init" / "Core.olean", [lib])


def test_a_constant_the_library_names_but_no_file_defines_is_refused(lib: Path) -> None:
    # this core module's public view exports equation lemmas of private definitions it does not
    # export: taken as the library, the walk must refuse, naming the path (Lean would skip it)
    module = lib / "Init" / "Data" / "Range" / "Polymorphic" / "Internal" / "SignedBitVec.olean"
    with pytest.raises(LeanCheckFailed, match=r"constant _private\.\S+\.intMinSealed \(\S+\.intMinSealed\.eq_1 → "
                       r"\S+\.intMinSealed\) is in no \.olean read"):
        read_facts(module, [lib])


def _damaged(lib: Path, tmp_path: Path, edit) -> Path:
    copy = tmp_path / "Init" / "Core.olean"
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(lib / "Init" / "Core.olean", copy)
    data = bytearray(copy.read_bytes())
    edit(data)
    copy.write_bytes(bytes(data))
    return copy


@pytest.mark.parametrize(
    ("edit", "why"),
    [
        (lambda d: d.__setitem__(slice(0, 5), b"xlean"), "byte 0: not an .olean file"),
        (lambda d: d.__setitem__(5, 3), "byte 5: olean format version 3"),
        (lambda d: d.__setitem__(slice(40, 48), b"deadbeef"), "written by Lean 4.28.0-pre (deadbeef"),
        (lambda d: struct.pack_into("<I", d, 84, struct.unpack_from("<I", d, 80)[0] + len(d) + 64),
         "outside the region"),
        (lambda d: d.__setitem__(slice(HEADER_SIZE, len(d)), bytes(len(d) - HEADER_SIZE)), "unexpected .olean layout"),
    ],
)
def test_damaged_olean_is_refused_naming_file_and_offset(lib: Path, tmp_path: Path, edit, why: str) -> None:
    copy = _damaged(lib, tmp_path, edit)
    with pytest.raises(LeanCheckFailed, match="unexpected .olean layout") as err:
        load_environment(copy, [lib])
    assert str(copy) in str(err.value) and why in str(err.value)


def test_an_import_on_no_path_is_refused(lib: Path, tmp_path: Path) -> None:
    with pytest.raises(LeanCheckFailed, match=r"import Init\.\w+: no Init/\w+\.olean on the Lean path"):
        load_environment(lib / "Init" / "Core.olean", [tmp_path])


# A module written by this toolchain (`lean -o` on data/olean-probe/Probe.lean, kept with its
# .olean, .olean.server and .olean.private): what the check reads from the library's own output.
PROBE = Path(__file__).with_name("data") / "olean-probe" / "Probe.olean"


@pytest.fixture(scope="module")
def probe(lib: Path) -> dict:
    return read_facts(PROBE, [lib])


def test_module_parts_hold_the_proofs_the_public_part_leaves_out() -> None:
    public, server, private = Olean.parts([PROBE, PROBE.with_name("Probe.olean.server"), PROBE.with_name("Probe.olean.private")])
    kinds = [{c.name: c.kind for c in part.constants()} for part in (public, server, private)]
    assert kinds[0]["Probe.t2"] == "axiom" and kinds[2]["Probe.t2"] == "theorem"  # public: no proof
    assert "_private.Probe.0.Probe.t4" not in kinds[0] and kinds[2]["_private.Probe.0.Probe.t4"] == "theorem"
    assert server.root - public.base >= PROBE.stat().st_size and private.imports() == ["Init"]  # one address space


def test_probe_closure_paths_and_witness_facts(probe: dict) -> None:
    t = probe["theorems"]
    assert t["Probe.t3"]["axioms"] == ["propext"]  # simp rewrote with an iff lemma
    assert t["Probe.t3"]["paths"]["propext"] == ["Probe.t3", "ge_iff_le._simp_1", "propext"]
    assert t["Probe.sneakyUser"]["axioms"] == ["Lean.ofReduceBool"]
    assert t["Probe.sneakyUser"]["paths"]["Lean.ofReduceBool"] == ["Probe.sneakyUser", "Probe.sneaky", "Lean.ofReduceBool"]
    assert t["Probe.t2"]["axioms"] == [] and t["Probe.big"]["axioms"] == []  # `decide` on a big literal
    assert t["Probe.t6_witness"]["closed"] and t["Probe.t6_witness"]["reaches"] == ["Probe.t2"]
    assert not t["Probe.t6"]["closed"] and "_private.Probe.0.Probe.t6._proof_1" in t["Probe.t6"]["reaches"]
    assert t["Probe.t5"]["reaches"] == ["_private.Probe.0.Probe.t4"]  # a private theorem, by Lean's name


def test_probe_definitions_and_instances_are_digested(probe: dict) -> None:
    d = probe["definitions"]
    assert {"Probe.f", "Probe.g", "Probe.myAdd", "Probe.instInhabitedBox", "Probe.Box"} <= set(d)
    assert "Probe.g._sunfold" not in d and "Probe.g._unsafe_rec" not in d and "Probe.Box.rec" not in d
    assert len(set(d.values())) == len(d)  # no two of these constants are the same


def test_a_theorem_is_digested_by_its_statement_not_its_proof(lib: Path) -> None:
    from attnthermo.lean.oleanfacts import constant_digest

    env = load_environment(PROBE, [lib])
    # t4 := rfl and t5 := t4 state the same (2:Nat) + 2 = 4 with different proof terms
    assert constant_digest(env, "Probe.t5") == constant_digest(env, "_private.Probe.0.Probe.t4")
    assert constant_digest(env, "Probe.t5") != constant_digest(env, "Probe.t7")  # another statement
