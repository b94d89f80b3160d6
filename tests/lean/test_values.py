"""Reading `#eval` output of the value bridge into exact fractions."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from attnthermo.errors import DomainError
from attnthermo.lean.compiler import Message
from attnthermo.lean.values import ValueEntry, load_values, parse_rat, read_values


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


def test_reading_results_by_line() -> None:
    entries = [ValueEntry("a", "f 1", "m:f", {}), ValueEntry("b", "g 2", "m:g", {}), ValueEntry("c", "h", "m:h", {}),
               ValueEntry("d", "k", "m:k", {})]
    at = {10: "a", 11: "b", 12: "c", 13: "d"}
    messages = [
        Message("information", 10, 0, 10, "(33 : Rat)/16", "[anonymous]"),
        Message("information", 11, 0, 11, "true", "[anonymous]"),
        Message("error", 12, 0, 12, "unknown identifier 'h'", "[anonymous]"),
        Message("information", 9, 0, 9, "7", "[anonymous]"),
    ]
    values = read_values(entries, at, messages)
    assert values["a"].result == "33/16" and values["a"].error is None and values["a"].raw == "(33 : Rat)/16"
    assert values["b"].result is None and "not a Rat" in values["b"].error
    assert values["c"].error == "unknown identifier 'h'"
    assert values["d"].result is None and values["d"].error == "no output"


def test_values_file_validation(tmp_path: Path) -> None:
    (tmp_path / "bridge").mkdir()
    path = tmp_path / "bridge" / "values.toml"
    path.write_text('[[value]]\nid = "x"\nlean = "1"\n[[value]]\nid = "x"\nlean = "2"\n')
    with pytest.raises(DomainError, match="ids must be unique"):
        load_values(tmp_path)
    path.write_text('[[value]]\nid = "x"\n')
    with pytest.raises(DomainError, match=r"value\[0\]\.lean"):
        load_values(tmp_path)
