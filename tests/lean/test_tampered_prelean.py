"""Forgeries the source audit must stop before any Lean process: exotic line breaks hiding
commands, kernel bypasses under other spellings, code in strings, char literals read otherwise
than Lean reads them, commands off the allow-list, declarations and scopes the module reader would
not see, names printed like other names.

Its own tampered tree (not conftest's `tampered_tree`, whose failures only Lean can see, so that
one kind cannot mask the other): a copy of the project plus one module per forgery, each refused
by name at its file and line, and an importer that is blocked. The clean rest is checked by the
fake `lean` of tests/lean/fake_lean.py, which must never see a forged module; a tree of forgeries
alone starts no Lean process at all.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

import attnthermo.lean.checker as checker

REPO = Path(__file__).resolve().parents[2]
HEAD = "module\n@[expose] public section\nnamespace AttnThermo.PreLean.{name}\n"  # the forgery starts on line 4
BREAKS = {"CR": "\r", "FF": "\f", "VT": "\v", "FS": "\x1c", "GS": "\x1d", "RS": "\x1e", "NEL": "\x85",
          "LS": "\u2028", "PS": "\u2029", "ZWSP": "\u200b", "RLO": "\u202e", "BOM": "\ufeff"}
HIDDEN = {"Axiom": "axiom forged : 1 = 2", "SetOption": "set_option warningAsError false in",
          "Exit": "#exit"}


def _variants() -> dict[str, tuple[str, list[tuple[str, int]]]]:
    """{module suffix: (body from line 4 on, expected findings (what, line))}."""
    variants: dict[str, tuple[str, list[tuple[str, int]]]] = {}
    for tag, char in BREAKS.items():
        code = f"U+{ord(char):04X}"
        for what, hidden in HIDDEN.items():
            variants[f"Comment{tag}{what}"] = (f"theorem ok : True := trivial -- fine{char}{hidden}\n", [(code, 4)])
        variants[f"Doc{tag}"] = (f"/-- A docstring{char}-/ theorem ok : True := trivial\n", [(code, 4)])
    variants["CrlfFile"] = ("theorem ok : True := trivial\r\ntheorem ok2 : True := trivial\r\n",
                            [("U+000D", 4), ("U+000D", 5)])
    bypasses = {
        "DecideNative": ("theorem t : 2 + 2 = 4 := by decide +native\n", [("decide config", 4), ("native", 4)]),
        "DecideStructure": ("theorem t : 2 + 2 = 4 := by\n  decide (config := { native := true })\n",
                         [("decide config", 5), ("native", 5)]),
        "DecidePositional": ("theorem t : 2 + 2 = 4 := by decide (config := ⟨false, true, true, false⟩)\n",
                             [("decide config", 4)]),
        "DecideNamed": ("theorem t : 2 + 2 = 4 := by decide (native := true)\n", [("decide config", 4), ("native", 4)]),
        "DbgTraceHides": ('theorem t : 2 + 2 = 4 := dbg_trace "{by native_decide}"; rfl\n',
                          [("dbg_trace", 4), ("native_decide", 4)]),
        "GuillemetNative": ("theorem t : 2 + 2 = 4 := by\n  decide +«native»\n", [("decide config", 5), ("native", 5)]),
        "StringBraceSorry": ('def s : String := "{by exact (sorry : _)}"\n', [("sorry", 4)]),
        "AmbiguousString": ('def s : String := s!"{"}"}" ++ "x"\n', [("ambiguous string", 4)]),
        "GluedComment": ("def f : Nat := Id.run do\n  let x <-- sorry\n  pure x\n", [("glued --", 5)]),
        "EndEscape": ("end AttnThermo.PreLean.EndEscape\nend\nend\nattribute [local instance] Nat.instDecidableEqNat\n"
                      "public section\nnamespace AttnThermo.PreLean.EndEscape\n", [("unmatched end", 6)]),
        "SlashDashSlash": ("/-/- -/ axiom forged : False\n", [("axiom", 4)]),
        "RawAfterQuoted": ('def «x»r"\\" axiom forged : False -- "\n', [("axiom", 4)]),
        "CharUnicodeEscape": ("def c : Char := '\\u03bb'\naxiom forged : 1 = 2\ndef s : String := \"}'\" -- \"\n",
                              [("axiom", 5)]),
        "CharLineBreak": ("def g (_c _d : Char) : Nat := 0\ndef d : Nat := g '\n' '\"'\n"
                          "axiom forged : 1 = 2\ndef e : String := \"x\" -- \"\n",
                          [("line break in char", 5), ("axiom", 7)]),
        "BinderPredicate": ('binder_predicate x " ⋘ " y:term => do\n'
                            '  let f := Lean.mkIdent\n'
                            '    (Lean.Name.mkStr (Lean.Name.mkSimple "Lean") ("ofReduce" ++ "Bool"))\n'
                            "  `($f $x $y rfl = $f $x $y rfl)\ntheorem t : satisfies_binder_pred% true ⋘ true := rfl\n",
                            [("binder_predicate", 4)]),
        "UnlistedCommand": ("declare_uint_theorems UInt8 8\n", [("declare_uint_theorems", 4)]),
        "ModifierThenCommand": ("theorem ok : True := trivial\nlocal binder_predicate x \" ⋘ \" y:term => `($x = $y)\n",
                                [("binder_predicate", 5)]),
        "OpenInSeal": ("open Nat in seal Nat.add\n", [("seal", 4)]),
        "ExportAlias": ("theorem ok : True := trivial\nexport Nat (succ)\n", [("export", 5)]),
        "ConfusableName": ("theorem ok : True := trivial\ntheorem οk : 1 = 1 := rfl\n", [("confusable letter", 5)]),
        "MidLineScope": ("theorem ok : True := trivial end AttnThermo.PreLean.MidLineScope "
                         "namespace AttnThermo.PreLean.MidLineScope\n",
                         [("mid-line end", 4), ("mid-line namespace", 4)]),
        "OpenInTheorem": ("open Nat in theorem ok : True := trivial\n", [("mid-line theorem", 4)]),
        "QuotedNameLineBreak": ("namespace «X\n\n»\ntheorem ok : True := trivial\nend «X\n\n»\n",
                                [("line break in name", 4), ("line break in name", 8)]),
        "StringScopeLeak": ('def s1 : String := "\n{section}"\nend AttnThermo.PreLean.StringScopeLeak\nend\nend\n'
                            "open Nat\nattribute [local instance] Nat.instDecidableEqNat\nsection\n"
                            '@[expose] public section\nnamespace AttnThermo.PreLean.StringScopeLeak\n'
                            'def s2 : String := "\n{end}"\n', [("unmatched end", 8)]),
        "StringAttributeOpener": ('def s : String := "{@[}"\ninstance : Inhabited Nat := ⟨0⟩\naxiom forged : 1 = 2\n'
                                  "theorem t : 1 = 2 := by native_decide\n", [("axiom", 6), ("native_decide", 7)]),
        "EndLocalScope": ("theorem ok : True := trivial end_local_scope\n", [("end_local_scope", 4)]),
    }
    for prefix in ("s!", "m!", "f!", "toString ", "throwError ", ""):
        tag = prefix.strip("! ").capitalize() or "Plain"
        bypasses[f"Interpolated{tag}"] = (
            f'def msg : String := {prefix}"ok {{(native_decide : True)}} {{by exact (sorry : _)}}"\n',
            [("native_decide", 4), ("sorry", 4)])
    variants.update(bypasses)
    return variants


VARIANTS = _variants()


def _fake_helpers():
    spec = importlib.util.spec_from_file_location("_attnthermo_prelean_helpers",
                                                  Path(__file__).with_name("test_build_scheduler.py"))
    helpers = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = helpers
    spec.loader.exec_module(helpers)
    return helpers


_helpers = _fake_helpers()


def _write_variants(root: Path) -> dict[str, str]:
    """Write one module per forgery under ``root``; {module name: relative path}."""
    written = {}
    for suffix, (body, _) in VARIANTS.items():
        name = f"AttnThermo.PreLean.{suffix}"
        path = root / "lean" / "AttnThermo" / "PreLean" / f"{suffix}.lean"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes((HEAD.format(name=suffix) + body + f"end AttnThermo.PreLean.{suffix}\n").encode())
        written[name] = path.relative_to(root).as_posix()
    user = root / "lean" / "AttnThermo" / "PreLeanUser.lean"
    user.write_text("module\npublic import AttnThermo.PreLean.CommentLSAxiom\nnamespace AttnThermo.PreLeanUser\n"
                    "theorem user : True := trivial\nend AttnThermo.PreLeanUser\n")
    return written


@pytest.fixture
def prelean_tree(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A copy of the project with every forgery added."""
    root = tmp_path / "tree"
    for part in ("lean", "bridge"):
        shutil.copytree(REPO / part, root / part)
    for part in ("lakefile.lean", "lean-toolchain"):
        shutil.copyfile(REPO / part, root / part)
    return root, _write_variants(root)


@pytest.fixture
def wasm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ATTNTHERMO_SECRET_DIR", str(tmp_path / "secret"))
    return _helpers.fake_toolchain(tmp_path, monkeypatch, "wasm")


def test_every_forgery_is_refused_by_name_at_its_line_and_never_reaches_lean(prelean_tree, wasm: Path) -> None:
    root, written = prelean_tree
    manifest = checker.check(root, progress=None)
    for name, relpath in written.items():
        module = manifest.modules[name]
        expected = VARIANTS[name.rsplit(".", 1)[1]][1]
        assert module.status == "failed", name
        assert [(f.what, f.file, f.line) for f in module.findings] == [(w, relpath, line) for w, line in expected], name
        assert all(f"source audit: {relpath}:{line}:" in " ".join(manifest.failures) for _, line in expected), name
    assert manifest.modules["AttnThermo.PreLeanUser"].status == "blocked"
    assert manifest.theorems["AttnThermo.PreLeanUser.user"].status == "blocked"
    # the one (fake) Lean process saw the clean library and none of the forged modules
    assert _helpers.starts(wasm) == ["AttnThermoCheck.lean"] and manifest.check.processes == 1
    generated = Path(manifest.check.file).read_text(encoding="utf-8")
    assert "AttnThermo.PreLean" not in generated and "namespace AttnThermo.Fisher" in generated
    assert "forged" not in generated and "native" not in generated


@pytest.mark.parametrize("kind", ["wasm", "native"])
def test_a_tree_of_forgeries_alone_starts_no_lean_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          kind: str) -> None:
    monkeypatch.setenv("ATTNTHERMO_SECRET_DIR", str(tmp_path / "secret"))
    log = _helpers.fake_toolchain(tmp_path, monkeypatch, kind)
    root = tmp_path / "forgeries"
    written = _write_variants(root)
    manifest = checker.check(root, progress=None)
    assert {manifest.modules[n].status for n in written} == {"failed"}
    assert manifest.check.processes == 0 and not manifest.check.cached
    assert not log.exists() or _helpers.starts(log) == []
    assert not manifest.ok and len(manifest.failures) >= len(written)
