"""The axiom closure of a theorem, from the ``.olean`` files Lean wrote and imported: the wasm
stand-in for ``#print axioms``.

From a constant, follow what ``Lean.collectAxioms`` follows: the constants named in the type
and value of a definition, theorem or opaque; the type of a constructor or recursor; the type
and constructors of an inductive type; nothing further from an axiom (recorded) or a quotient
primitive. The library's own constants are read from the check module's ``.olean`` and its
``.olean.server``/``.olean.private`` parts (together the whole module: proof terms, ``_proof_N``
auxiliaries, matchers, instances); imported modules from the toolchain's files, found by module
name on the Lean path, each read once.

The toolchain ships only the exported (public) view of its core library: there a theorem (or an
unexposed definition) of a module appears as an axiom without its proof, and the module's
``privateConstKindsExt`` entries name what it really is. Such a constant ends the walk as a
*core theorem*: its proof was checked when the toolchain was built, and the toolchain's files
are sha256-pinned (:mod:`attnthermo.lean.toolchain`); so does a private constant of a core
module that an exported one names (core modules export no private constants). Axioms declared
as axioms are reported; a constant the library names that no file defines raises.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from attnthermo.errors import LeanCheckFailed
from attnthermo.lean.axioms import ALLOWED_AXIOMS
from attnthermo.lean.exprs import Digests, used_constants
from attnthermo.lean.olean import Constant, Olean

_PRIVATE_KINDS = "_private.Lean.AddDecl.0.Lean.privateConstKindsExt"
_AXIOM_KIND = 2  # Lean.ConstantKind: defn, thm, axiom, opaque, quot, induct, ctor, recursor
LIBRARY = "<library>"  # the module name the checked file's constants are recorded under


@dataclass
class Environment:
    """Every constant reachable from the library: name -> (file, ConstantInfo)."""

    constants: dict[str, tuple[Olean, Constant]] = field(default_factory=dict)
    core_theorems: set[str] = field(default_factory=set)  # exported without proof
    parts: dict[str, list[Olean]] = field(default_factory=dict)  # module name -> every file read
    library: set[str] = field(default_factory=set)  # the constants of the library module itself
    _used: dict[int, dict[int, frozenset[str]]] = field(default_factory=dict)
    _digests: dict[int, Digests] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        """One digest of every file read (for cache keys)."""
        h = hashlib.sha256()
        for name in sorted(self.parts):
            h.update(f"{name}\0{','.join(p.sha256 for p in self.parts[name])}\0".encode())
        return h.hexdigest()

    def add(self, module: str, parts: list[Olean]) -> None:
        """Add one module from its files (``.olean``, then ``.olean.server`` and ``.olean.private``
        where they exist): a constant in a later part replaces the earlier one (the private
        part holds the proofs the public one leaves out)."""
        stubs = set().union(*(_exported_only(olean) for olean in parts))
        mine: dict[str, tuple[Olean, Constant]] = {}
        for olean in parts:
            for constant in olean.constants():
                mine[constant.name] = (olean, constant)
        if module == LIBRARY:
            self.library |= set(mine)
        for name, entry in mine.items():
            stub = entry[1].kind == "axiom" and name in stubs
            if name not in self.constants:
                self.constants[name] = entry
                if stub:
                    self.core_theorems.add(name)
                continue
            # equation lemmas and other auxiliaries Lean generates on demand can be generated in
            # several modules: the same statement, one of them perhaps only exported (no proof)
            known = self.constants[name]
            if self._shape(*known)[:2] != self._shape(*entry)[:2]:
                entry[0].fail(entry[0].offset(entry[0].root), f"constant {name} is also defined, with another "
                              f"type, in {known[0].path}")
            if stub:
                continue
            if name in self.core_theorems:
                self.constants[name] = entry
                self.core_theorems.discard(name)
            elif self._shape(*known) != self._shape(*entry):
                entry[0].fail(entry[0].offset(entry[0].root), f"constant {name} is also defined, differently, "
                              f"in {known[0].path}")
        self.parts[module] = parts

    def digests(self, olean: Olean) -> Digests:
        """The (memoised) digests of one file's expressions."""
        return self._digests.setdefault(id(olean), Digests(olean))

    def _shape(self, olean: Olean, c: Constant) -> tuple:
        """``(universe parameters, type digest, kind, value digest)`` of a constant."""
        d = self.digests(olean)
        return (c.level_params, d.expr(c.type), c.kind, d.expr(c.value) if c.value is not None else None)

    def uses(self, name: str) -> list[str]:
        """The constants the walk follows from ``name`` (sorted)."""
        olean, constant = self.constants[name]
        memo = self._used.setdefault(id(olean), {})
        if constant.kind in ("axiom", "quot"):
            return []
        found = set(used_constants(olean, constant.type, memo))
        if constant.value is not None:
            found |= used_constants(olean, constant.value, memo)
        if constant.kind == "inductive":
            found |= {olean.name_str(p) for p in olean.list(constant.fields["ctors"], "InductiveVal.ctors")}
        return sorted(found)


def _exported_only(olean: Olean) -> set[str]:
    """Names the module's ``privateConstKindsExt`` records with a kind other than axiom."""
    out: set[str] = set()
    for entry in olean.module()[5]:
        _tag, _off, (ext, items) = olean.ctor(entry, "extension entry", (0,), 2)
        if olean.name_str(ext) != _PRIVATE_KINDS:
            continue
        for item in olean.array(items, _PRIVATE_KINDS):
            _tag, _off, (name, kind) = olean.ctor(item, f"{_PRIVATE_KINDS} entry", (0,), 2)
            if olean.scalar(kind, "ConstantKind") != _AXIOM_KIND:
                out.add(olean.name_str(name))
    return out


def module_files(module: str, search: list[Path]) -> list[Path]:
    """The files of ``module`` on the Lean path ``search``: its ``.olean`` and, where they exist,
    its ``.olean.server`` and ``.olean.private``; LeanCheckFailed when there is no ``.olean``."""
    rel = Path(*module.split(".")).with_suffix(".olean")
    for folder in search:
        if (Path(folder) / rel).is_file():
            return _with_parts(Path(folder) / rel)
    raise LeanCheckFailed(f"import {module}: no {rel} on the Lean path ({', '.join(map(str, search))})")


def _with_parts(olean: Path) -> list[Path]:
    return [olean] + [p for p in (olean.with_name(olean.name + ".server"), olean.with_name(olean.name + ".private"))
                      if p.is_file()]


def load_environment(library: Path, search: list[Path]) -> Environment:
    """The library module's constants (from ``library``, its ``.olean``, with its ``.server`` and
    ``.private`` parts) and those of every module it imports, transitively (from ``search``, the
    toolchain's library folders)."""
    env = Environment()
    if not Path(library).is_file():
        raise LeanCheckFailed(f"no {library}: cannot read the axiom closure")
    parts = Olean.parts(_with_parts(Path(library)))
    env.add(LIBRARY, parts)
    todo = [m for part in parts for m in part.imports()]
    while todo:
        module = todo.pop()
        if module in env.parts:
            continue
        found = Olean.parts(module_files(module, search))
        env.add(module, found)
        todo += [m for part in found for m in part.imports() if m not in env.parts]
    return env


@dataclass(frozen=True)
class Closure:
    """What one constant reaches: every constant, the axioms among them, and for each axiom the
    path from the constant to it."""

    reached: frozenset[str]
    axioms: tuple[str, ...]
    paths: dict[str, list[str]]

    def disallowed(self) -> list[str]:
        return [a for a in self.axioms if a not in ALLOWED_AXIOMS]


def closure(env: Environment, start: str) -> Closure:
    """The closure of ``start`` (see the module docstring); LeanCheckFailed naming a constant no
    file defines."""
    parent: dict[str, str | None] = {start: None}
    axioms: list[str] = []
    stack = [start]
    while stack:
        name = stack.pop()
        if name not in env.constants:
            if parent[name] is not None and parent[name] not in env.library:
                continue  # a private constant of a core module, named by what it exports: core's own
            via = " → ".join(_path(parent, name))
            raise LeanCheckFailed(f"axiom closure: constant {name} ({via}) is in no .olean read "
                                  f"({len(env.parts)} modules); not skipping it")
        kind = env.constants[name][1].kind
        if kind == "axiom" and name not in env.core_theorems:
            axioms.append(name)
            continue
        if name in env.core_theorems:
            continue
        for used in env.uses(name):
            if used not in parent:
                parent[used] = name
                stack.append(used)
    return Closure(frozenset(parent), tuple(sorted(axioms)), {a: _path(parent, a) for a in sorted(axioms)})


def _path(parent: dict[str, str | None], name: str) -> list[str]:
    out = [name]
    while parent.get(out[-1]) is not None:
        out.append(parent[out[-1]])
    return out[::-1]
