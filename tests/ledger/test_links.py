"""Links derived from where each is written once: a claim's Lean receipts cite exactly the theorems
tagged with it, the identities mirroring them become its identity receipts, and what can still be
wrong is refused when the claims are loaded, naming the theorem, claim or identity."""

from __future__ import annotations

import dataclasses

import pytest

from attnthermo.errors import DomainError
from attnthermo.lean.sources import claim_ids
from attnthermo.ledger.claims import load_claims
from attnthermo.ledger.links import identity_claims, lean_tags, tag_differences
from attnthermo.paths import data_file
from attnthermo.thermo.registry import identities

CLAIMS_TOML = data_file("claims.toml")


@pytest.fixture(scope="module")
def tags():
    return lean_tags()


def _load(tags, idents=None, path=CLAIMS_TOML):
    return load_claims(path, lean=tags, identities=identities() if idents is None else idents)


def _retag(tags, theorem, new):
    assert theorem in tags, theorem
    return {**tags, theorem: tuple(new)}


def test_each_lean_receipt_cites_exactly_the_theorems_tagged_with_its_claim(tags):
    claims = _load(tags)
    for cid, claim in claims.items():
        tagged = [t for t, ts in tags.items() if cid in {c for c, _ in ts}]
        cited = [t for r in claim.receipts if r.kind == "lean" for t in r.theorems]
        assert sorted(cited) == sorted(tagged), cid
        for r in claim.receipts:
            assert r.kind != "lean" or list(r.theorems) == [t for t in tagged if t in r.theorems], cid  # library order
    assert sum(len(ts) for ts in tags.values()) == sum(len(c.theorems) for c in claims.values()) > 50


def test_identity_receipts_are_the_identities_mirroring_the_cited_theorems(tags):
    claims = _load(tags)
    for cid, claim in claims.items():
        cited = set(claim.theorems)
        mirroring = {i.name for i in identities() if cited & set(i.lean_theorems)}
        named = {r.identity for r in claim.receipts if r.kind == "identity"}
        lean_free = {i.name for i in identities() if not i.lean_theorems}
        assert named - lean_free == mirroring, cid
    # the /4 erratum: the identity contradicts the claim as its Lean receipts do
    quarter = [r for r in claims["cv-gamma1-quarter"].receipts if r.kind == "identity"]
    assert [(r.identity, r.relation) for r in quarter] == [("uniformVariance_ne_sq_div_four", "contradicts")]
    assert identity_claims(claims)["uniformVariance_ne_sq_div_four"] == ["cv-gamma1-twelfth", "cv-gamma1-quarter"]
    assert identity_claims(claims)["fractional_order_range"] == ["fractional-order", "fractional-order-math"]


def test_claims_toml_names_no_lean_theorem(tags):
    import re

    words = set(re.findall(r"[\w.]+", CLAIMS_TOML.read_text(encoding="utf-8")))
    assert not [t for t in tags if t in words or t.rsplit(".", 1)[1] in words]


def test_a_qualified_tag_picks_the_lean_receipt_covering_that_much(tags):
    receipts = [r for r in _load(tags)["cv-gamma1-twelfth"].receipts if r.kind == "lean"]
    by_cover = {r.covers: r.theorems for r in receipts}
    assert "AttnThermo.HarmonicVariance.energyVariance_harmonicStates_bounds" in by_cover["statement for log-like ℓ"]
    assert "AttnThermo.LogUniform.gridVariance_eq" in by_cover["algebraic core"]


def test_removing_a_tag_removes_the_link_everywhere(tags):
    theorem = "AttnThermo.RopePade.middleWavelength_sq"
    untagged = _retag(tags, theorem, ())
    with pytest.raises(DomainError, match=r"claim 'rope-t-cross'\.receipt\[0\].*no Lean theorem's docstring tags"):
        _load(untagged)
    moved = _retag(tags, theorem, [("rope-tmax-upper-bound", None), ("rope-t-cross", None)])
    claim = _load(moved)["rope-tmax-upper-bound"]
    assert theorem in claim.theorems
    assert "middleWavelength_sq" in {r.identity for r in claim.receipts if r.kind == "identity"}


def test_the_source_reader_reads_the_same_ids_with_or_without_qualifiers():
    from pathlib import Path

    from attnthermo.lean.project import load_project
    from attnthermo.lean.sources import claim_tags

    project = load_project(Path(__file__).resolve().parents[2])
    qualified = 0
    for module in project.order:
        for d in module.source.declarations:
            assert [c for c, _ in claim_tags(d.docstring)] == claim_ids(d.docstring), d.name
            qualified += sum(q is not None for _, q in claim_tags(d.docstring))
    assert qualified >= 10
    assert claim_ids("Claim: `a` (algebraic core) and Claim: `b`") == ["a", "b"]


@pytest.mark.parametrize("retag, where, message", [
    (("AttnThermo.RopePade.padeExp_sub_taylor", [("no-such-claim", None)]),
     "Lean theorem AttnThermo.RopePade.padeExp_sub_taylor", "tags a claim that is not in"),
    (("AttnThermo.LogUniform.gridMean_eq", [("cv-gamma1-twelfth", None)]),
     "Lean theorem AttnThermo.LogUniform.gridMean_eq", "2 Lean receipts .* say which in the tag"),
    (("AttnThermo.LogUniform.gridMean_eq", [("cv-gamma1-twelfth", "statement")]),
     "Lean theorem AttnThermo.LogUniform.gridMean_eq", "names no Lean receipt of the claim"),
    (("AttnThermo.LogUniform.gridMean_eq", [("cv-gamma1-twelfth", "algebraic core")] * 2),
     "Lean theorem AttnThermo.LogUniform.gridMean_eq", "tags the claim twice"),
    (("AttnThermo.RopePade.padeExp_sub_taylor", [("pade-form", None), ("maxent-power-law", None)]),
     "Lean theorem AttnThermo.RopePade.padeExp_sub_taylor", "has no Lean receipt"),
])
def test_each_broken_tag_is_refused_at_load(tags, retag, where, message):
    broken = _retag(tags, *retag)
    with pytest.raises(DomainError, match=message) as err:
        _load(broken)
    assert err.value.parameter == where


def test_an_identity_mirroring_an_unknown_theorem_is_refused_at_load(tags):
    renamed = [dataclasses.replace(i, lean_theorems=i.lean_theorems + ("AttnThermo.RopePade.nope",))
               if i.name == "padeExp_sub_taylor" else i for i in identities()]
    with pytest.raises(DomainError, match="does not have") as err:
        _load(tags, renamed)
    assert err.value.parameter == "identity padeExp_sub_taylor" and err.value.value == "AttnThermo.RopePade.nope"


def _claims_with(tmp_path, old, new):
    text = CLAIMS_TOML.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "claims.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_an_identity_both_supporting_and_contradicting_a_claim_is_refused(tags, tmp_path):
    """The erratum's log-like receipt made supporting, and the identity's second theorem moved into it."""
    start = CLAIMS_TOML.read_text(encoding="utf-8").index('id = "cv-gamma1-quarter"')
    text = CLAIMS_TOML.read_text(encoding="utf-8")
    receipt = text.index('relation = "contradicts"\ncovers = "statement for log-like ℓ"', start)
    path = tmp_path / "claims.toml"
    path.write_text(text[:receipt] + text[receipt:].replace("contradicts", "supports", 1), encoding="utf-8")
    moved = _retag(tags, "AttnThermo.LogUniform.erratum_eq_sq_mean", [("cv-gamma1-quarter", "statement for log-like ℓ")])
    with pytest.raises(DomainError, match="both support and contradict") as err:
        _load(moved, path=path)
    assert err.value.parameter == "identity uniformVariance_ne_sq_div_four"


@pytest.mark.parametrize("identity, message", [
    ("gridVariance_eq", "mirrors Lean theorems"),
    ("no_such_identity", "no such identity"),
])
def test_claims_toml_names_only_identities_lean_cannot_state(tags, tmp_path, identity, message):
    path = _claims_with(tmp_path, 'identity = "tail_bounds"', f'identity = "{identity}"')
    with pytest.raises(DomainError, match=message) as err:
        _load(tags, path=path)
    assert err.value.parameter == "claim 'tail-boundary'.receipt[0].identity"


def test_a_manifest_tagging_otherwise_is_named(tags):
    manifest = {name: tuple(c for c, _ in ts) for name, ts in tags.items()}
    assert tag_differences(tags, manifest) == []
    manifest["AttnThermo.RopePade.middleWavelength_sq"] = ()
    found = tag_differences(tags, manifest)
    assert len(found) == 1 and "middleWavelength_sq" in found[0] and "'rope-t-cross'" in found[0]


def test_the_real_manifest_tags_as_the_sources_do(lean_manifest, tags):
    """The checker's manifest (what the audit and `attnthermo claim` read) carries the same tags."""
    assert tag_differences(tags, lean_manifest_tags(lean_manifest)) == []


def lean_manifest_tags(manifest):
    return manifest.claim_tags()
