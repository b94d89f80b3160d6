"""An identity's Lean status and statements come from a typed manifest (the ledger reads them; thermo does not)."""

from attnthermo.ledger.lean_status import lean_statements, lean_status
from attnthermo.manifest import Manifest, example_json
from attnthermo.thermo.registry import identity


def test_lean_status_and_statements_read_from_manifest():
    ident = identity("fisherInformation_eq_heatCapacity_div_sq")
    skeleton = example_json()
    data = {**skeleton, "theorems": {t: {**skeleton["theorems"]["P.A.t"], "name": t, "statement": f"statement of {t}"}
                                     for t in ident.lean_theorems}}
    assert set(lean_status(ident, Manifest.from_json(data)).values()) == {"proved"}
    dropped = ident.lean_theorems[1]
    del data["theorems"][dropped]
    manifest = Manifest.from_json(data)
    assert lean_status(ident, manifest)[dropped] == "missing" and lean_statements(ident, manifest)[dropped] is None
    assert lean_statements(ident, manifest)[ident.lean_theorems[0]].startswith("statement of")
    assert set(lean_status(ident, None).values()) == {"unknown"}
    assert lean_status(identity("tail_bounds"), manifest) == {}
