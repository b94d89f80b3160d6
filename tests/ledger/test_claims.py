"""The claims file: every listed claim kept, interpretive claims split, tolerances written with reasons."""

from __future__ import annotations


import pytest

from attnthermo.errors import DomainError
from attnthermo.ledger.claims import COVERAGES, load_claims
from attnthermo.paths import data_file
from attnthermo.tomlread import tomllib


def test_every_listed_claim_is_kept(claims, shared_dir):
    listed = tomllib.loads((shared_dir / "claims.toml").read_text(encoding="utf-8"))["claim"]
    for entry in listed:
        assert entry["id"] in claims, entry["id"]
        assert claims[entry["id"]].chapter == entry["chapter"]
        assert claims[entry["id"]].kind == entry["kind"]
        if entry.get("book_says"):
            assert claims[entry["id"]].book_says == entry["book_says"]


def test_interpretive_claims_are_split_into_reading_and_math(claims):
    readings = [c for c in claims.values() if c.kind == "interpretive"]
    assert len(readings) >= 4
    for c in readings:
        assert claims[f"{c.id}-math"].kind == "math"
        assert not any(r.relation == "supports" and r.kind != "citation" for r in c.receipts)


def test_empirical_tolerances_have_reasons(claims):
    for c in claims.values():
        for r in c.receipts:
            if r.kind == "measurement":
                assert r.tests, c.id
                assert all(t.why.strip() for t in r.tests), c.id


def test_project_adds_claims_from_the_book(claims, shared_dir):
    listed = {e["id"] for e in tomllib.loads((shared_dir / "claims.toml").read_text(encoding="utf-8"))["claim"]}
    added = [c for c in claims.values() if c.id not in listed and not c.id.endswith("-math")]
    assert len(added) >= 4
    assert all(1 <= c.chapter <= 40 for c in added)


def _write(tmp_path, text):
    path = tmp_path / "claims.toml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = '''schema_version = 1
[[claim]]
id = "a"
chapter = 1
kind = "math"
statement = "s"
book_bucket = "asserted"
mechanism = "derivation"
mechanism_note = "n"
[[claim.receipt]]
kind = "lean"
relation = "supports"
covers = "statement"
covers_why = "w"
'''
TAGS = {"A.b": (("a", None),)}  # a Lean library of one theorem, tagged Claim: `a`


def test_a_minimal_file_loads(tmp_path):
    claims = load_claims(_write(tmp_path, GOOD), lean=TAGS, identities=[])
    assert list(claims) == ["a"] and claims["a"].receipts[0].theorems == ("A.b",)


@pytest.mark.parametrize("change, parameter", [
    (('kind = "math"', 'kind = "maths"'), "claim 'a'.kind"),
    (('relation = "supports"', 'relation = "proves"'), "claim 'a'.receipt[0].relation"),
    (('covers_why = "w"', 'covers_why = "w"\ntheorems = ["A.b"]'), "claim 'a'.receipt[0].theorems"),
    (('mechanism = "derivation"', 'mechanism = "claim:nope"'), "claim 'a'.mechanism"),
    (('schema_version = 1', 'schema_version = 7'), "claims.schema_version"),
    (('covers = "statement"', 'covers = "all of it"'), "claim 'a'.receipt[0].covers"),
    (('covers_why = "w"', 'covers_why = " "'), "claim 'a'.receipt[0].covers_why"),
    (('covers_why = "w"\n', ''), "claim 'a'.receipt[0].covers_why"),
])
def test_bad_fields_name_the_parameter(tmp_path, change, parameter):
    with pytest.raises(DomainError) as err:
        load_claims(_write(tmp_path, GOOD.replace(*change)), lean=TAGS, identities=[])
    assert err.value.parameter == parameter


def test_duplicate_ids_and_missing_reasons_are_refused(tmp_path):
    with pytest.raises(DomainError, match="appears twice"):
        load_claims(_write(tmp_path, GOOD + GOOD.split("\n", 1)[1]), lean=TAGS, identities=[])
    measured = GOOD.replace('kind = "math"', 'kind = "empirical"').replace(
        'kind = "lean"\nrelation = "supports"\ncovers = "statement"\ncovers_why = "w"',
        'kind = "measurement"\nrelation = "supports"\nprotocol = "p"\nmodel = "default"\n'
        '[[claim.receipt.test]]\ncheck = "at_least"\nmetric = "r2"\ntolerance = 0.9\nwhy = " "')
    with pytest.raises(DomainError, match="needs its reason"):
        load_claims(_write(tmp_path, measured), lean={}, identities=[])


def test_interpretive_without_math_row_is_refused(tmp_path):
    text = GOOD.replace('kind = "math"', 'kind = "interpretive"')
    with pytest.raises(DomainError, match="-math row"):
        load_claims(_write(tmp_path, text), lean=TAGS, identities=[])


def test_missing_file_and_bad_toml(tmp_path):
    with pytest.raises(DomainError, match="no such file"):
        load_claims(tmp_path / "none.toml")
    with pytest.raises(DomainError, match="not valid TOML"):
        load_claims(_write(tmp_path, "[[claim]\n"))


def test_shipped_file_is_the_default():
    assert load_claims(data_file("claims.toml")).keys() == load_claims().keys()


def test_every_lean_receipt_says_what_it_covers_and_why(claims):
    """Issue 10 §4: coverage is data beside the claim; the two headline algebraic cores say so."""
    for c in claims.values():
        for r in c.receipts:
            if r.kind == "lean":
                assert r.covers in COVERAGES and len(r.covers_why) > 30, c.id
    for cid in ("fisher-equals-cv-over-gamma-sq", "partition-generates-moments"):
        assert {r.covers for r in claims[cid].receipts if r.kind == "lean"} == {"algebraic core"}, cid
    # the /12 law and its erratum: the uniform law's algebra, and the finite ensemble for log-like ℓ
    for cid in ("cv-gamma1-twelfth", "cv-gamma1-quarter"):
        assert {r.covers for r in claims[cid].receipts if r.kind == "lean"} == \
            {"algebraic core", "statement for log-like ℓ"}, cid
