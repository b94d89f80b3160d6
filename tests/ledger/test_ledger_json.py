"""ledger.json has one reader and one writer: what is written reads back as the same typed rows and
the same text, and a ledger of another schema (or a damaged one) is refused in one line naming
the file, the schema it has and the one this attnthermo reads."""

from __future__ import annotations

import json

import pytest

from attnthermo.cli import main
from attnthermo.errors import DomainError
from attnthermo.ledger.buckets import decide
from attnthermo.ledger.ledger_json import ledger_text, read_ledger, write_ledger
from attnthermo.ledger.receipts import check_receipt
from attnthermo.ledger.report import build_ledger
from attnthermo.ledger.rows import SCHEMA_VERSION, IdentityFailure, IdentityRow, Unavailable, example_provenance


@pytest.fixture()
def ledger(claims, syn):
    """A ledger of every shipped claim, from synthetic evidence, with every kind of measurement and identity row."""
    ev = syn.evidence_for(claims, syn.manifest(claims))
    results = {cid: [check_receipt(r, ev) for r in c.receipts] for cid, c in claims.items()}
    rows = {f"{p} on {m}": run for (p, m), run in sorted(ev.measurements.items())}
    identities = {"a": IdentityRow(name="a", ok=True, dps=30, points=3, max_error=0, detail="3 points", schema_version=1,
                                   lean_theorems=["A.t"], no_lean_reason=None, cached=True),
                  "b": IdentityFailure("no identity 'b' in the registry")}
    return build_ledger(claims, results, decide(claims, results), provenance=example_provenance(), measurements=rows,
                        identities=identities, plots={"decay": "/tmp/decay.png"}, links=["a link line"])


def test_write_then_read_gives_every_row_back(ledger, tmp_path):
    path = write_ledger(tmp_path / "ledger.json", ledger)
    back = read_ledger(path)
    assert back == ledger
    assert {cid: row.to_json() for cid, row in back.claims.items()} == {cid: row.to_json() for cid, row in ledger.claims.items()}
    assert any(isinstance(m, Unavailable) for m in back.measurements.values())
    assert isinstance(back.identities["b"], IdentityFailure) and back.identities["a"].max_error == 0
    assert ledger_text(back) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("version", [0, SCHEMA_VERSION + 1, None])
def test_a_ledger_of_another_schema_is_one_clear_line(ledger, tmp_path, capsys, version):
    data = ledger.to_json()
    if version is None:
        del data["schema_version"]
    else:
        data["schema_version"] = version
    old = tmp_path / "old-ledger.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DomainError, match=f"schema_version {version!r}; this attnthermo reads schema_version {SCHEMA_VERSION}"):
        read_ledger(old)
    assert main(["ledger", "diff", str(old), str(write_ledger(tmp_path / "new.json", ledger))]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "OLD" in err and str(old) in err and f"schema_version {version!r}" in err
    assert main(["claim", "cv-gamma1-twelfth", "--ledger", str(old)]) == 1
    assert "--ledger" in capsys.readouterr().err


def test_a_damaged_row_is_named(ledger, tmp_path):
    data = ledger.to_json()
    data["claims"]["cv-gamma1-twelfth"]["bucket"] = 3
    path = tmp_path / "ledger.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DomainError, match=r"claims\.cv-gamma1-twelfth\.bucket"):
        read_ledger(path)
    del data["claims"]["cv-gamma1-twelfth"]["bucket"]
    data["claims"]["cv-gamma1-twelfth"]["verdict"] = "verified"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DomainError, match="bucket"):
        read_ledger(path)
