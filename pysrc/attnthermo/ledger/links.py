"""Claim ↔ theorem ↔ identity links, derived from the one place each is written.

- A Lean theorem's docstring tag ``Claim: `id` `` links it to a claim. When the claim has several
  Lean receipts in ``claims.toml`` (each covering a different part: ``covers``), the tag names the
  one it belongs to: ``Claim: `id` (algebraic core)``. A claim's Lean receipts cite exactly the
  theorems tagged with it, in the library's order; ``claims.toml`` names no theorem.
- An identity names the Lean theorems it mirrors where it is declared; it supports the claims they
  tag: each such claim gets an identity receipt for it, after its Lean receipts, with the relation
  of the Lean receipt that holds those theorems.
- An identity core Lean cannot state is linked by the identity receipts of ``claims.toml`` alone.

So the links cannot disagree; what can still be wrong is refused when the claims are loaded
(:func:`link`, a :class:`~attnthermo.errors.DomainError` naming the theorem, claim or identity).

>>> from attnthermo.ledger.claims import Claim, Receipt
>>> c = Claim("c", 1, "math", "s", "", "asserted", "derivation", "n",
...           (Receipt("lean", "supports", covers="statement", covers_why="w"),))
>>> link({"c": c}, {"A.t": (("c", None),), "A.u": ()}, [], "claims.toml")["c"].receipts[0].theorems
('A.t',)
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Iterable

from attnthermo.errors import DomainError
from attnthermo.ledger.claims import Claim, Receipt
from attnthermo.thermo.identities.identity import Identity

# every theorem of a Lean library, in its order, with its Claim: tags as (claim id, qualifier or None)
LeanTags = dict[str, tuple[tuple[str, str | None], ...]]


def lean_tags(root: str | Path | None = None) -> LeanTags:
    """The tags of every theorem of the Lean project at ``root`` (default: the one shipped with
    attnthermo), read by the checker's own source reader, without compiling: what the manifest of
    ``root`` carries."""
    from attnthermo.lean.project import load_project
    from attnthermo.lean.sources import claim_tags
    from attnthermo.paths import shipped_project_root

    project = load_project(Path(root) if root is not None else shipped_project_root())
    return {d.name: tuple(claim_tags(d.docstring)) for m in project.order for d in m.source.declarations
            if d.kind == "theorem"}


def _lean_receipt(claim: Claim, theorem: str, qualifier: str | None, source: str) -> int:
    """The index of the Lean receipt of ``claim`` that a tag on ``theorem`` belongs to."""
    lean = [i for i, r in enumerate(claim.receipts) if r.kind == "lean"]
    covers = ", ".join(repr(claim.receipts[i].covers) for i in lean)
    where = f"Lean theorem {theorem}"
    if not lean:
        raise DomainError(where, claim.id, f"tags a claim that has no Lean receipt in {source} "
                          "(add one with relation, covers and covers_why)")
    if qualifier is None:
        if len(lean) > 1:
            raise DomainError(where, claim.id, f"the claim has {len(lean)} Lean receipts (covers {covers}): "
                              f"say which in the tag, Claim: `{claim.id}` (covers)")
        return lean[0]
    chosen = [i for i in lean if claim.receipts[i].covers == qualifier]
    if not chosen:
        raise DomainError(where, f"{claim.id} ({qualifier})", f"names no Lean receipt of the claim (covers {covers})")
    return chosen[0]


def _mirrors(claim: Claim, identities: list[Identity], source: str) -> list[Receipt]:
    """The identity receipts of ``claim`` derived from the theorems its Lean receipts cite: one per
    identity mirroring any of them, in the order of their first such theorem."""
    position = {t: n for n, t in enumerate(t for r in claim.receipts if r.kind == "lean" for t in r.theorems)}
    relation = {t: r.relation for r in claim.receipts if r.kind == "lean" for t in r.theorems}
    found: list[tuple[int, Receipt]] = []
    for ident in identities:
        cited = [t for t in ident.lean_theorems if t in position]
        if not cited:
            continue
        relations = {relation[t] for t in cited}
        if len(relations) > 1:
            raise DomainError(f"identity {ident.name}", claim.id, "mirrors theorems that both support and "
                              f"contradict the claim in {source}")
        found.append((min(position[t] for t in cited), Receipt("identity", relations.pop(), identity=ident.name)))
    return [receipt for _, receipt in sorted(found, key=lambda pair: pair[0])]


def link(declared: dict[str, Claim], tags: LeanTags, identities: Iterable[Identity], source: str) -> dict[str, Claim]:
    """The claims of ``source`` with their links filled in from ``tags`` (every theorem of the Lean
    library with its tags, :func:`lean_tags`) and ``identities``: each Lean receipt's theorems, and
    an identity receipt per identity mirroring one of them. DomainError for a tag naming no claim
    or no Lean receipt of its claim, a Lean receipt no theorem is tagged for, an identity mirroring
    a theorem the library does not have, and an identity receipt in ``source`` that is not an
    identity, or one mirroring Lean (its claims come from the tags)."""
    identities = list(identities)
    by_name = {i.name: i for i in identities}
    for ident in identities:
        for theorem in ident.lean_theorems:
            if theorem not in tags:
                raise DomainError(f"identity {ident.name}", theorem, "mirrors a theorem the Lean library does not have")
    cited: dict[str, dict[int, list[str]]] = {cid: {} for cid in declared}
    for theorem, theorem_tags in tags.items():
        for cid, qualifier in theorem_tags:
            if cid not in declared:
                raise DomainError(f"Lean theorem {theorem}", cid, f"tags a claim that is not in {source}")
            index = _lean_receipt(declared[cid], theorem, qualifier, source)
            if theorem in cited[cid].setdefault(index, []):
                raise DomainError(f"Lean theorem {theorem}", cid, "tags the claim twice")
            cited[cid][index].append(theorem)
    linked: dict[str, Claim] = {}
    for cid, claim in declared.items():
        receipts = list(claim.receipts)
        for j, r in enumerate(receipts):
            where = f"claim {cid!r}.receipt[{j}]"
            if r.kind == "lean":
                if not cited[cid].get(j):
                    raise DomainError(where, r.covers, f"no Lean theorem's docstring tags this claim (Claim: `{cid}`)")
                receipts[j] = dataclasses.replace(r, theorems=tuple(cited[cid][j]))
            elif r.kind == "identity":
                ident = by_name.get(str(r.identity))
                if ident is None:
                    raise DomainError(f"{where}.identity", r.identity, "no such identity (attnthermo identities)")
                if ident.lean_theorems:
                    raise DomainError(f"{where}.identity", r.identity, "mirrors Lean theorems: the claims it supports "
                                      "come from their Claim: tags, so claims.toml names it for none")
        lean = [j for j, r in enumerate(receipts) if r.kind == "lean"]
        if lean:
            with_theorems = dataclasses.replace(claim, receipts=tuple(receipts))
            receipts[lean[-1] + 1:lean[-1] + 1] = _mirrors(with_theorems, identities, source)
        linked[cid] = dataclasses.replace(claim, receipts=tuple(receipts))
    return linked


def identity_claims(claims: dict[str, Claim]) -> dict[str, list[str]]:
    """{identity: the ids of the claims it is a receipt of}, in claim order."""
    found: dict[str, list[str]] = {}
    for claim in claims.values():
        for r in claim.receipts:
            if r.kind == "identity" and claim.id not in found.setdefault(str(r.identity), []):
                found[str(r.identity)].append(claim.id)
    return found


def tag_differences(tags: LeanTags, manifest_tags: dict[str, tuple[str, ...]]) -> list[str]:
    """Where a manifest's tags ({theorem: claim ids}) differ from the sources' the claims were
    linked with (a manifest of an older or another tree), one sentence each; a theorem the manifest
    lacks is left to its receipt ("missing")."""
    found = []
    for theorem, in_manifest in manifest_tags.items():
        in_sources = [cid for cid, _ in tags.get(theorem, ())]
        if set(in_sources) != set(in_manifest):
            found.append(f"Lean theorem {theorem}: the manifest tags {', '.join(map(repr, in_manifest)) or 'no claim'} "
                         f"but the sources the claims were linked with tag {', '.join(map(repr, in_sources)) or 'no claim'}")
    return found


def disagreements_for(claim_id: str, disagreements: list[str]) -> list[str]:
    """The disagreements that name ``claim_id``."""
    return [d for d in disagreements if f"'{claim_id}'" in d]
