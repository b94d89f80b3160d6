"""theorems_from_manifest(): the LeanDojo record shape from a (synthetic) attnthermo manifest."""

from __future__ import annotations

import copy
import json

import pytest

from attnthermo.dojo import THEOREM_KEYS, theorems_from_manifest
from attnthermo.dojo.records import LEANDOJO, theorem_record
from attnthermo.errors import DomainError
from attnthermo.manifest import example_json

MANIFEST = {
    "schema_version": 3,
    "root": "/somewhere",
    "ok": True,
    "modules": {},
    "theorems": {
        "AttnThermo.Fisher.fisherInformation_eq_heatCapacity_div_sq": {
            "module": "AttnThermo.Fisher",
            "file": "lean/AttnThermo/Fisher.lean",
            "line": 30,
            "kind": "theorem",
            "statement": "theorem fisherInformation_eq_heatCapacity_div_sq (β : Rat) (hβ : β ≠ 0) :\n    fisher β = heatCapacity β / β ^ 2",
            "claims": ["fisher-equals-cv-over-gamma-sq"],
            "status": "proved",
        },
        "AttnThermo.Ensemble.variance_eq_moment_sub_sq": {
            "module": "AttnThermo.Ensemble",
            "file": "lean/AttnThermo/Ensemble.lean",
            "line": 42,
            "kind": "theorem",
            "statement": "theorem variance_eq_moment_sub_sq : variance = moment 2 - mean ^ 2",
            "claims": [],
            "status": "failed",
        },
    },
}


def test_records_have_the_shared_shape_and_no_premises():
    records = theorems_from_manifest(MANIFEST)
    assert [r["full_name"] for r in records] == [
        "AttnThermo.Ensemble.variance_eq_moment_sub_sq",
        "AttnThermo.Fisher.fisherInformation_eq_heatCapacity_div_sq",
    ]
    for record in records:
        assert tuple(record) == THEOREM_KEYS
        assert record["premises"] is None
        assert "not LeanDojo data" in record["source"]
    assert records[1]["line"] == 30
    assert records[1]["statement"].endswith("heatCapacity β / β ^ 2")


def test_manifest_path_is_read(tmp_path):
    path = tmp_path / "manifest.json"
    manifest = example_json()  # a file is read by the strict typed reader: a complete schema-2 manifest
    path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    assert theorems_from_manifest(path) == theorems_from_manifest(manifest)


def test_same_keys_as_a_leandojo_record():
    dojo = theorem_record(full_name="A.b", file="A.lean", line=1, statement="theorem b : True", premises=[], source=LEANDOJO)
    assert set(dojo) == set(theorems_from_manifest(MANIFEST)[0])


def _broken(**change):
    manifest = copy.deepcopy(MANIFEST)
    entry = manifest["theorems"]["AttnThermo.Ensemble.variance_eq_moment_sub_sq"]
    for key, value in change.items():
        if value is None:
            del entry[key]
        else:
            entry[key] = value
    return manifest


@pytest.mark.parametrize(
    ("manifest", "pattern"),
    [
        ({**MANIFEST, "schema_version": 1}, "schema_version=1"),
        ({**MANIFEST, "schema_version": 2}, "schema_version=2"),
        ({"schema_version": 3}, "theorems"),
        (_broken(line=None), "lacks line"),
        (_broken(file=None, statement=None), "lacks file, statement"),
        (_broken(line=0), "line=0"),
        (_broken(file="lean/AttnThermo/Ensemble.olean"), "file=.*\\.lean file"),
        (_broken(statement="  "), "statement="),
        ([1, 2], "manifest="),
    ],
)
def test_bad_manifests_name_the_problem(manifest, pattern):
    with pytest.raises(DomainError, match=pattern):
        theorems_from_manifest(manifest)


def test_missing_or_invalid_manifest_file(tmp_path):
    with pytest.raises(DomainError, match="no such file"):
        theorems_from_manifest(tmp_path / "absent.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(DomainError, match="not valid JSON"):
        theorems_from_manifest(bad)
