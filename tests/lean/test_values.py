"""Reading `#eval` output of the value bridge into exact fractions."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from attnthermo.errors import DomainError
from attnthermo.lean.compiler import Message
from attnthermo.lean.values import ValueEntry, bridge_source, load_values, parse_rat, read_values


@pytest.mark.parametrize(
    ("printed", "value"),
    [("(33 : Rat)/16", Fraction(33, 16)), ("-5", Fraction(-5)), ("7", Fraction(7)),
     ("(-3 : Rat)/4", Fraction(-3, 4)), ("-(3 : Rat)/4", Fraction(-3, 4)), ("0", Fraction(0))],
)
def test_rat_forms(printed: str, value: Fraction) -> None:
    assert parse_rat(printed) == value


@pytest.mark.parametrize("printed", ["true", "(3 : Rat", "3.5", "[1, 2]", ""])
def test_non_rats_are_refused(printed: str) -> None:
    assert parse_rat(printed) is None


def test_bridge_file_and_reading_results_by_line() -> None:
    entries = [ValueEntry("a", "f 1", "m:f", {}), ValueEntry("b", "g 2", "m:g", {}), ValueEntry("c", "h", "m:h", {})]
    text, at = bridge_source(["P.A", "P.B"], entries)
    lines = text.splitlines()
    assert lines[:2] == ["import P.A", "import P.B"]
    assert {lines[n - 1] for n in at} == {"#eval (f 1)", "#eval (g 2)", "#eval (h)"}
    line_of = {v: k for k, v in at.items()}
    messages = [
        Message("information", line_of["a"], 0, line_of["a"], "(33 : Rat)/16", "[anonymous]"),
        Message("information", line_of["b"], 0, line_of["b"], "true", "[anonymous]"),
        Message("error", line_of["c"], 0, line_of["c"], "unknown identifier 'h'", "[anonymous]"),
    ]
    values = read_values(entries, at, messages)
    assert values["a"]["result"] == "33/16" and "error" not in values["a"]
    assert values["b"]["result"] is None and "not a Rat" in values["b"]["error"]
    assert values["c"]["error"] == "unknown identifier 'h'"


def test_values_file_validation(tmp_path: Path) -> None:
    (tmp_path / "bridge").mkdir()
    path = tmp_path / "bridge" / "values.toml"
    path.write_text('[[value]]\nid = "x"\nlean = "1"\n[[value]]\nid = "x"\nlean = "2"\n')
    with pytest.raises(DomainError, match="ids must be unique"):
        load_values(tmp_path)
    path.write_text('[[value]]\nid = "x"\n')
    with pytest.raises(DomainError, match=r"value\[0\]\.lean"):
        load_values(tmp_path)
