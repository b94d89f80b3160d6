"""The typed manifest (schema_version 3): one reader, strict fields, and no compiler on the ground floor."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from attnthermo.errors import DomainError
from attnthermo.manifest import SCHEMA_VERSION, Manifest, example_json, load_manifest

HEAVY = ("attnthermo.lean.compiler", "attnthermo.lean.toolchain", "attnthermo.lean.build", "attnthermo.lean.checker")


def test_reading_a_manifest_does_not_import_the_compiler_side(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps(example_json()))
    code = ("import sys, attnthermo.manifest as m, attnthermo.lean.manifest_file as f\n"
            f"manifest = m.load_manifest({str(path)!r})\nf.cached_manifest({str(tmp_path)!r})\n"
            "import attnthermo.lean\nprint(manifest.theorems['P.A.t'].status)\n"
            f"print(sorted(n for n in {HEAVY!r} if n in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["proved", "[]"]


def test_round_trip_and_typed_access(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text(json.dumps(example_json()))
    manifest = load_manifest(path)
    assert manifest.schema_version == SCHEMA_VERSION == 3
    theorem = manifest.theorems["P.A.t"]
    assert theorem.axioms == ["propext"] and theorem.axiom_audit.method == "olean-closure"
    assert theorem.axiom_audit.paths == {"propext": ["P.A.t", "propext"]}
    assert manifest.counts.line() == "1/1 headline theorems, 0/0 witnesses, 0/0 supporting lemmas proved"
    assert manifest.status("P.A.t") == "proved" and manifest.status("P.A.nope") == "missing"
    assert Manifest.from_json(json.loads(json.dumps(manifest.to_json()))) == manifest


def test_the_manifest_is_typed_with_no_dict_view() -> None:
    manifest = Manifest.from_json(example_json())
    assert not isinstance(manifest, dict) and manifest.to_json() == example_json()
    with pytest.raises(TypeError):
        manifest["theorems"]  # noqa: B018 - the typed attributes are the only way in
    assert manifest.claim_tags() == {"P.A.t": ("c",)}


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda d: d.pop("counts"), "manifest.counts"),
        (lambda d: d["theorems"]["P.A.t"].pop("statement"), "manifest.theorems.P.A.t.statement"),
        (lambda d: d["theorems"]["P.A.t"].update(status="probably"), "manifest.theorems.P.A.t.status"),
        (lambda d: d["theorems"]["P.A.t"].update(line="3"), "manifest.theorems.P.A.t.line"),
        (lambda d: d["modules"]["P.A"].update(extra=1), "manifest.modules.P.A"),
        (lambda d: d.update(schema_version=1), "manifest.schema_version"),
        (lambda d: d.update(schema_version=2), "manifest.schema_version"),  # axioms was an object then
        (lambda d: d["theorems"]["P.A.t"].update(axioms={"method": "proof-term"}), "manifest.theorems.P.A.t.axioms"),
        (lambda d: d["theorems"]["P.A.t"]["axiom_audit"].pop("paths"), "manifest.theorems.P.A.t.axiom_audit.paths"),
    ],
)
def test_bad_manifests_name_the_field(edit, field: str) -> None:
    data = copy.deepcopy(example_json())
    edit(data)
    with pytest.raises(DomainError) as err:
        Manifest.from_json(data)
    assert err.value.parameter == field


def test_missing_or_invalid_files(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="no such file"):
        load_manifest(tmp_path / "none.json")
    (tmp_path / "bad.json").write_text("{")
    with pytest.raises(DomainError, match="not valid JSON"):
        load_manifest(tmp_path / "bad.json")
