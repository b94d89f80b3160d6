"""The generated check file: modules concatenated line for line, scopes closed, lines mapped back."""

from __future__ import annotations

from pathlib import Path

from attnthermo.lean.checkfile import CHECK_FILE, Command, build_check_file
from attnthermo.lean.project import load_project


def write(root: Path, rel: str, text: str) -> None:
    path = root / "lean" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_modules_in_dependency_order_with_their_lines_and_scopes(tmp_path: Path) -> None:
    write(tmp_path, "P/B.lean", "module\npublic import P.A\nimport Init.Data.List.Basic\n@[expose] public section\n"
                                "namespace P.B\nopen P.A\nsection Inner\ntheorem b : a = 1 := rfl\n")
    write(tmp_path, "P/A.lean", "module\n@[expose] public section\nuniverse u\nnamespace P.A\ndef a : Nat := 1\nend P.A\n")
    project = load_project(tmp_path)
    cf = build_check_file(list(project.order), [Command("check", "P.B.b", "#check @P.B.b")])
    lines = cf.text.splitlines()
    assert lines[:2] == ["module", "import Init.Data.List.Basic"]
    assert "public import" not in cf.text and cf.text.count("\nmodule") == 0
    b_line = lines.index("theorem b : a = 1 := rfl") + 1
    assert cf.locate(b_line) == ("P.B", "lean/P/B.lean", 8)
    assert cf.locate(lines.index("def a : Nat := 1") + 1) == ("P.A", "lean/P/A.lean", 5)
    after_b = lines[b_line:b_line + 4]
    assert after_b == ["end Inner", "end P.B", "end", "end -- P.B"]  # unclosed scopes, innermost first
    assert cf.locate(b_line + 2) == ("P.B", "lean/P/B.lean", 8)  # an added `end` counts as the last line
    check_line = lines.index("#check @P.B.b") + 1
    assert cf.commands[check_line].name == "P.B.b" and cf.locate(check_line) == (None, CHECK_FILE, check_line)
    assert lines.index("namespace P.A") < lines.index("namespace P.B")


def test_a_string_or_comment_that_looks_like_a_scope_changes_nothing(tmp_path: Path) -> None:
    write(tmp_path, "P/A.lean", 'module\nnamespace P.A\n/- end P.A -/\ndef s := "section X"\n-- namespace Q\n')
    cf = build_check_file(list(load_project(tmp_path).order), [])
    assert cf.text.endswith('-- namespace Q\nend P.A\nend -- P.A\n\n')


def test_a_mutual_block_is_a_scope_of_its_own(tmp_path: Path) -> None:
    write(tmp_path, "P/A.lean", "module\nnamespace P.A\nmutual\ndef a : Nat := 1\nend\n")
    cf = build_check_file(list(load_project(tmp_path).order), [])
    assert cf.text.endswith("def a : Nat := 1\nend\nend P.A\nend -- P.A\n\n")
