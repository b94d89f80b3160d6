"""An identity's Lean status and statements come from a manifest (the ledger reads them; thermo does not)."""

from attnthermo.ledger.lean_status import lean_statements, lean_status
from attnthermo.thermo.registry import identity


def test_lean_status_and_statements_read_from_manifest():
    ident = identity("fisherInformation_eq_heatCapacity_div_sq")
    manifest = {"theorems": {t: {"status": "proved", "statement": f"statement of {t}"} for t in ident.lean_theorems}}
    assert set(lean_status(ident, manifest).values()) == {"proved"}
    dropped = ident.lean_theorems[1]
    del manifest["theorems"][dropped]
    assert lean_status(ident, manifest)[dropped] == "missing"
    assert lean_statements(ident, manifest)[ident.lean_theorems[0]].startswith("statement of")
    assert set(lean_status(ident, None).values()) == {"unknown"}
    assert lean_status(identity("tail_bounds"), manifest) == {}
