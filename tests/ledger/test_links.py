"""One source for each link: Lean docstring tags, claims.toml and the identities agree, and the
check fails when any one of them is changed alone."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from attnthermo.lean.project import tags_from_sources
from attnthermo.ledger.claims import load_claims
from attnthermo.ledger.links import link_disagreements
from attnthermo.thermo.registry import identities

REPO = Path(__file__).resolve().parents[2]
# the Lean tree whose tags are compared (default: this repository's; a path to check another tree)
LEAN_ROOT = Path(os.environ.get("ATTNTHERMO_LINKS_LEAN_ROOT") or REPO)


@pytest.fixture(scope="module")
def lean_tags() -> dict[str, tuple[str, ...]]:
    """Every theorem's claim tags as the checker reads them into the manifest (its own parser)."""
    return tags_from_sources(LEAN_ROOT)


def test_lean_tags_claims_toml_and_identities_agree(lean_tags):
    disagreements = link_disagreements(load_claims(), identities(), lean_tags)
    assert not disagreements, "\n".join(disagreements)


def test_real_manifest_tags_agree_too(lean_manifest):
    """The same agreement read from the checker's manifest (what the audit and `attnthermo claim` use)."""
    disagreements = link_disagreements(load_claims(), identities(), lean_manifest_tags(lean_manifest))
    assert not disagreements, "\n".join(disagreements)


def lean_manifest_tags(manifest):
    return manifest.claim_tags()


def _consistent(claims):
    """Tags made to agree with claims.toml (a synthetic library), to tamper with one side at a time."""
    tags: dict[str, set[str]] = {}
    for c in claims.values():
        for r in c.receipts:
            for t in r.theorems:
                tags.setdefault(t, set()).add(c.id)
    for ident in identities():
        for t in ident.lean_theorems:
            tags.setdefault(t, set())
    return {t: tuple(sorted(v)) for t, v in tags.items()}


def test_synthetic_agreement_is_clean_and_each_tamper_is_named():
    claims = load_claims()
    tags = _consistent(claims)
    assert link_disagreements(claims, identities(), tags) == []

    theorem = "AttnThermo.LogUniform.uniformVariance_ne_sq_div_four"
    untagged = {**tags, theorem: tuple(c for c in tags[theorem] if c != "cv-gamma1-twelfth")}
    found = link_disagreements(claims, identities(), untagged)
    assert any("cv-gamma1-twelfth" in d and theorem in d and "does not tag" in d for d in found), found
    assert any("uniformVariance_ne_sq_div_four" in d and "lists 'cv-gamma1-twelfth'" in d for d in found), found

    extra = {**tags, "AttnThermo.LogUniform.gridMean_eq": tags["AttnThermo.LogUniform.gridMean_eq"] + ("pade-form",)}
    found = link_disagreements(claims, identities(), extra)
    assert any("pade-form" in d and "does not cite it" in d for d in found), found

    unknown = {**tags, "AttnThermo.RopePade.padeExp_sub_taylor": ("no-such-claim",)}
    assert any("no-such-claim" in d for d in link_disagreements(claims, identities(), unknown))

    shrunk = [dataclasses.replace(i, claims=i.claims[:1]) if i.name == "uniformVariance_ne_sq_div_four" else i
              for i in identities()]
    found = link_disagreements(claims, shrunk, tags)
    assert any("identity uniformVariance_ne_sq_div_four" in d for d in found), found
    assert any("'cv-gamma1-twelfth'" in d and "does not list the claim" in d for d in found), found

    missing = {t: v for t, v in tags.items() if t != "AttnThermo.RopePade.middleWavelength_sq"}
    found = link_disagreements(claims, identities(), missing)
    assert any("not in the Lean library" in d and "middleWavelength_sq" in d for d in found), found
