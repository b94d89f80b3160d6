"""known_incompatibilities(): Lean version, module system and srcDir, read from project files."""

from __future__ import annotations

import pytest

from attnthermo.dojo import known_incompatibilities
from attnthermo.dojo.compatibility import is_module_file
from attnthermo.errors import DomainError


def _topics(root, version=None):
    return [item.topic for item in known_incompatibilities(root, version)]


def test_this_shape_of_project_is_flagged_three_ways(lean_project):
    found = known_incompatibilities(lean_project, "4.20.0")
    assert [item.topic for item in found] == ["lean version", "module system", "source directory"]
    assert "Lean 4.28.0" in found[0].detail
    assert "lean/Syn/Basic.lean" in found[1].detail
    assert "'lean'" in found[2].detail


def test_default_is_the_pinned_version(lean_project):
    assert _topics(lean_project) == _topics(lean_project, "4.20.0")


def test_a_lean_dojo_as_new_as_the_toolchain_is_only_flagged_for_srcdir(lean_project):
    assert _topics(lean_project, "4.28.0") == ["source directory"]


def test_root_srcdir_and_plain_imports_are_fine(lean_project):
    (lean_project / "lakefile.lean").write_text('lean_lib Syn where\n  srcDir := "."\n')
    (lean_project / "lean" / "Syn" / "Basic.lean").write_text("import Init\ntheorem t : True := trivial\n")
    (lean_project / "lean-toolchain").write_text("leanprover/lean4:v4.19.0\n")
    assert _topics(lean_project, "4.20.0") == []


def test_toml_lakefile_srcdir_is_read(lean_project):
    (lean_project / "lakefile.lean").unlink()
    (lean_project / "lakefile.toml").write_text('name = "syn"\n[[lean_lib]]\nname = "Syn"\nsrcDir = "src"\n')
    assert "source directory" in _topics(lean_project, "4.28.0")


@pytest.mark.parametrize(
    ("toolchain", "expected"),
    [("leanprover/lean4:nightly-2026-01-01", "does not name a Lean release"), ("leanprover/lean4:v4.2.0", "older than 4.3")],
)
def test_unusable_toolchains_are_named(lean_project, toolchain, expected):
    (lean_project / "lean-toolchain").write_text(toolchain + "\n")
    details = [item.detail for item in known_incompatibilities(lean_project, "4.20.0") if item.topic == "lean version"]
    assert len(details) == 1 and expected in details[0]


def test_missing_toolchain_file_is_a_domain_error(lean_project):
    (lean_project / "lean-toolchain").unlink()
    with pytest.raises(DomainError, match="root=.*lean-toolchain"):
        known_incompatibilities(lean_project)


def test_bad_lean_dojo_version_is_a_domain_error(lean_project):
    with pytest.raises(DomainError, match="lean_dojo_version"):
        known_incompatibilities(lean_project, "latest")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("module\npublic import Init\n", True),
        ("-- header\n/- outer /- nested -/ still comment -/\n  module\n", True),
        ("import Init\n-- module\n", False),
        ("/-! module docs -/\nimport Init\n", False),
        ("modules_are_not_the_keyword\n", False),
        ("", False),
    ],
)
def test_module_header_detection(text, expected):
    assert is_module_file(text) is expected
