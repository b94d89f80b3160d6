"""What the manifest takes from the ``.olean`` the check run wrote: for every theorem of the
library its axiom closure (:mod:`attnthermo.lean.closure`), the library theorems that closure
reaches, whether its type is closed (no leading ∀/→) and its structural digest; for every
definition, instance and inductive type the library holds, its structural digest
(:mod:`attnthermo.lean.exprs`).

The result is plain JSON (sealed in the check's cache entry with Lean's messages), keyed by
Lean's constant names. Constants Lean derives mechanically from an inductive type (recursors,
``casesOn``/``noConfusion`` and kin, structure projections; named in the module's
``auxRecExt``, ``noConfusionExt`` and ``projectionFnInfoExt`` entries) and auxiliaries whose
name has a component starting with ``_`` (``_proof_1``, ``_sunfold``…) are not digested on their
own: the declarations they come from are, and the closure walks into them.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from attnthermo.errors import LeanCheckFailed
from attnthermo.lean.closure import LIBRARY, Environment, closure, load_environment
from attnthermo.lean.exprs import is_binder
from attnthermo.lean.olean import Olean

FACTS_FORMAT = 2
_DERIVED_EXTENSIONS = ("Lean.auxRecExt", "Lean.noConfusionExt", "Lean.projectionFnInfoExt")


def _derived(olean: Olean) -> set[str]:
    """Names the module's derived-declaration extensions list: their entries are Names
    (constructor 1 or 2) or pairs ``(Name, info)`` (constructor 0)."""
    out: set[str] = set()
    for entry in olean.module()[5]:
        _tag, _off, (ext, items) = olean.ctor(entry, "extension entry", (0,), 2)
        ext_name = olean.name_str(ext)
        if ext_name in _DERIVED_EXTENSIONS:
            for item in olean.array(items, ext_name):
                tag, _off, fields = olean.ctor(item, f"{ext_name} entry", (0, 1, 2), 2)
                out.add(olean.name_str(fields[0] if tag == 0 else item))
    return out


def _auxiliary(name: str) -> bool:
    parts = name.split(".")
    if parts[0] == "_private":
        parts = parts[3:]
    return any(p.startswith("_") for p in parts)


def constant_digest(env: Environment, name: str) -> str:
    """The digest of one constant: its kind and type, and its value (definitions, opaques) or
    its constructors' names and types (inductive types). A theorem is pinned by its statement
    alone: its proof is the kernel's and the closure's business, and automation (`grind`, `simp`)
    may build another proof term of the same statement when an unrelated lemma is added."""
    olean, constant = env.constants[name]
    d = env.digests(olean)
    h = hashlib.sha256(f"{constant.kind}\0{','.join(constant.level_params)}\0{d.expr(constant.type)}".encode())
    if constant.value is not None and constant.kind != "theorem":
        h.update(d.expr(constant.value).encode())
    if constant.kind == "inductive":
        for ctor in olean.list(constant.fields["ctors"], "InductiveVal.ctors"):
            cname = olean.name_str(ctor)
            c_olean, c_constant = env.constants[cname]
            h.update(f"\0{cname}\0{env.digests(c_olean).expr(c_constant.type)}".encode())
    return h.hexdigest()


def read_facts(library: Path, search: list[Path]) -> dict:
    """The facts (see the module docstring) of the library module written to ``library`` (its
    ``.olean``; the ``.server`` and ``.private`` parts beside it are read too), reading imports
    from ``search``."""
    start = time.monotonic()
    env = load_environment(library, search)
    parts = env.parts[LIBRARY]
    loaded = time.monotonic()
    derived = set().union(*(_derived(p) for p in parts))
    own = [env.constants[n][1] for n in dict.fromkeys(c.name for p in parts for c in p.constants())]
    hidden = sorted(c.name for c in own if c.name in env.core_theorems)
    if hidden:  # the walk would stop there: the library's own proofs must all be read
        raise LeanCheckFailed(f"{parts[-1].path}: {len(hidden)} constant(s) of the library appear only without "
                              f"their proof or value (e.g. {', '.join(hidden[:3])}): cannot walk the axiom closure")
    library_theorems = {c.name for c in own if c.kind == "theorem"}
    theorems: dict[str, dict] = {}
    definitions: dict[str, str] = {}
    for constant in own:
        if constant.kind == "theorem":
            reach = closure(env, constant.name)
            theorems[constant.name] = {
                "digest": constant_digest(env, constant.name),
                "closed": not is_binder(env.constants[constant.name][0], constant.type),
                "axioms": list(reach.axioms), "paths": reach.paths,
                "reaches": sorted(n for n in reach.reached if n in library_theorems and n != constant.name),
            }
        elif constant.kind in ("definition", "opaque", "inductive") and constant.name not in derived \
                and not _auxiliary(constant.name):
            definitions[constant.name] = constant_digest(env, constant.name)
    done = time.monotonic()
    return {"format": FACTS_FORMAT, "environment_sha256": env.sha256, "files": sum(map(len, env.parts.values())),
            "theorems": theorems, "definitions": definitions,
            "seconds": {"read": round(loaded - start, 2), "walk": round(done - loaded, 2)}}
