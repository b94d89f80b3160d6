"""One source for each link: the claim ↔ theorem links are written in the Lean docstrings
(``Claim: `id` ``, carried by the manifest); ``claims.toml`` and the identities must agree with
them. :func:`link_disagreements` lists every place where they do not; the test suite requires the
list to be empty for the shipped claims, identities and Lean library.

The agreement, per claim C and identity I:

1. the theorems C's Lean receipts cite are exactly the theorems whose docstrings tag C;
2. I's claims are exactly the tags of the theorems I mirrors;
3. the identities C's identity receipts name are exactly the identities listing C;
4. every theorem, identity and claim named anywhere exists.

>>> from attnthermo.ledger.claims import Claim, Receipt
>>> c = Claim("c", 1, "math", "s", "", "asserted", "derivation", "n",
...           (Receipt("lean", "supports", theorems=("A.t",), covers="statement", covers_why="w"),))
>>> link_disagreements({"c": c}, [], {"A.t": ("c",), "A.u": ("c",)})
["claim 'c': Lean tags A.u with it but claims.toml does not cite it"]
"""

from __future__ import annotations

from typing import Iterable

from attnthermo.ledger.claims import Claim
from attnthermo.thermo.identities.identity import Identity


def _tagged(lean: dict[str, tuple[str, ...]], claim_id: str) -> set[str]:
    return {theorem for theorem, tags in lean.items() if claim_id in tags}


def link_disagreements(claims: dict[str, Claim], identities: Iterable[Identity],
                       lean: dict[str, tuple[str, ...]]) -> list[str]:
    """Every disagreement between claims.toml, the identities and ``lean`` ({theorem: its claim
    tags}, every theorem of the library), one sentence each; empty when all three agree."""
    identities = list(identities)
    known = {i.name for i in identities}
    found: list[str] = []
    for theorem, tags in sorted(lean.items()):
        for tag in tags:
            if tag not in claims:
                found.append(f"Lean theorem {theorem} tags {tag!r}, which is not a claim in claims.toml")
    for cid, claim in claims.items():
        cited = {t for r in claim.receipts if r.kind == "lean" for t in r.theorems}
        tagged = _tagged(lean, cid)
        for theorem in sorted(cited - set(lean)):
            found.append(f"claim {cid!r}: claims.toml cites {theorem}, which is not in the Lean library")
        for theorem in sorted((cited & set(lean)) - tagged):
            found.append(f"claim {cid!r}: claims.toml cites {theorem} but its Lean docstring does not tag the claim")
        for theorem in sorted(tagged - cited):
            found.append(f"claim {cid!r}: Lean tags {theorem} with it but claims.toml does not cite it")
        receipts = {str(r.identity) for r in claim.receipts if r.kind == "identity"}
        listing = {i.name for i in identities if cid in i.claims}
        for name in sorted(receipts - known):
            found.append(f"claim {cid!r}: claims.toml names identity {name!r}, which is not in the registry")
        for name in sorted((receipts & known) - listing):
            found.append(f"claim {cid!r}: claims.toml names identity {name} but the identity does not list the claim")
        for name in sorted(listing - receipts):
            found.append(f"claim {cid!r}: identity {name} lists it but claims.toml has no receipt for it")
    for ident in identities:
        for cid in sorted(set(ident.claims) - set(claims)):
            found.append(f"identity {ident.name}: lists {cid!r}, which is not a claim in claims.toml")
        if not ident.lean_theorems:
            continue
        missing = [t for t in ident.lean_theorems if t not in lean]
        for theorem in missing:
            found.append(f"identity {ident.name}: mirrors {theorem}, which is not in the Lean library")
        tags = {tag for t in ident.lean_theorems if t in lean for tag in lean[t]}
        for cid in sorted(tags - set(ident.claims)):
            found.append(f"identity {ident.name}: its Lean theorems tag {cid!r} but the identity does not list it")
        if not missing:
            for cid in sorted(set(ident.claims) - tags):
                found.append(f"identity {ident.name}: lists {cid!r} but none of its Lean theorems tags it")
    return found


def disagreements_for(claim_id: str, disagreements: list[str]) -> list[str]:
    """The disagreements that name ``claim_id``."""
    return [d for d in disagreements if f"'{claim_id}'" in d]
