"""The Lean manifest: the typed contract between the Lean checker and everything downstream.

``attnthermo lean check`` writes it (schema_version 3, described in DEVELOPERS.md); the
identities, the ledger, the dojo adapter and the notebooks read it through
:func:`load_manifest` (a file) or ``attnthermo.lean.manifest_file.cached_manifest`` (the last
check of a project). This module is on the ground floor: it imports nothing of ``attnthermo.lean``
(where a check keeps its manifest is said there).

>>> m = Manifest.from_json(example_json())
>>> m.theorems["P.A.t"].status, m.counts.headline, m.theorems["P.A.t"].role
('proved', 1, 'headline')
>>> Manifest.from_json(m.to_json()) == m
True
"""

from __future__ import annotations

import json
import types
import typing
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any

from attnthermo.errors import DomainError

SCHEMA_VERSION = 3
THEOREM_STATUSES = ("proved", "failed", "blocked", "drift", "missing")
MODULE_STATUSES = ("ok", "failed", "blocked")
PIN_STATES = ("match", "drift", "unpinned")
ROLES = ("headline", "witness", "supporting")


class _Json:
    """``from_json``/``to_json`` for the dataclasses below, checking every field's type. A field
    declared with ``metadata={"json": False}`` (and a default) lives in memory only: it is neither
    written nor read."""

    @classmethod
    def from_json(cls, data: Any, where: str = ""):
        where = where or cls.__name__
        if not isinstance(data, dict):
            raise DomainError(where, type(data).__name__, f"expected an object for {cls.__name__}")
        hints = typing.get_type_hints(cls)
        values = {}
        for f in _json_fields(cls):
            if f.name not in data:
                raise DomainError(f"{where}.{f.name}", None, "missing")
            values[f.name] = _convert(data[f.name], hints[f.name], f"{where}.{f.name}")
        unknown = sorted(set(data) - {f.name for f in _json_fields(cls)})
        if unknown:
            raise DomainError(where, unknown, f"unknown field(s) for {cls.__name__} ({cls._schema()})")
        return cls(**values)

    @classmethod
    def _schema(cls) -> str:
        """The schema named in an unknown-field error."""
        return f"schema_version {SCHEMA_VERSION}"

    def to_json(self) -> dict:
        return {f.name: _dump(getattr(self, f.name)) for f in _json_fields(self)}


def _json_fields(cls: Any) -> list:
    return [f for f in fields(cls) if f.metadata.get("json", True)]


def _convert(value: Any, hint: Any, where: str) -> Any:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        for option in args:
            try:
                return _convert(value, option, where)
            except DomainError:
                continue
        raise DomainError(where, value, f"expected {hint}")
    if hint is type(None):
        if value is not None:
            raise DomainError(where, value, "expected null")
        return None
    if origin is list:
        if not isinstance(value, list):
            raise DomainError(where, value, "expected a list")
        return [_convert(v, args[0], f"{where}[{i}]") for i, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise DomainError(where, value, "expected an object")
        return {k: _convert(v, args[1], f"{where}.{k}") for k, v in value.items()}
    if is_dataclass(hint):
        return hint.from_json(value, where)
    if hint is Any:
        return value
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
        raise DomainError(where, value, f"expected {hint.__name__}")
    return value


def _dump(value: Any) -> Any:
    if is_dataclass(value):
        return value.to_json()
    if isinstance(value, list):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class Finding(_Json):
    """Something the source audit refused: ``what`` (``set_option``, ``import Lean`` …), where, why."""

    what: str
    file: str
    line: int
    detail: str

    def summary(self) -> str:
        return f"{self.file}:{self.line}: {self.detail}"


@dataclass(frozen=True)
class LeanMessage(_Json):
    """One Lean message mapped back to its module file and line (``file`` is the generated check
    file for the commands appended to it)."""

    severity: str
    file: str
    line: int
    text: str
    kind: str

    def summary(self) -> str:
        first = self.text.strip().splitlines()[0] if self.text.strip() else self.kind
        return f"{self.file}:{self.line}: {self.severity}: {first}"


@dataclass(frozen=True)
class AxiomAudit(_Json):
    """How a theorem's axioms were found: ``method`` ("olean-closure": the walk over the
    ``.olean`` Lean wrote, in wasm; "print-axioms": Lean's ``#print axioms``, natively), whether
    they are acceptable, what is wrong (each disallowed axiom, or why there is no answer), and
    for each axiom the path of constants from the theorem to it (the closure walk only)."""

    method: str
    ok: bool
    found: list[str]
    paths: dict[str, list[str]]


@dataclass(frozen=True)
class TheoremResult(_Json):
    """One theorem: where it is, Lean's elaborated statement (``#check @name``) and the structural
    digest of its type (from the ``.olean``; None natively), its pin, the axioms its closure
    reaches (sorted) and how they were found, status."""

    name: str
    module: str
    file: str
    line: int
    role: str
    statement: str | None
    signature: str
    docstring: str
    claims: list[str]
    witnesses: list[str]
    private: bool
    uses: list[str]
    pinned: str
    digest: str | None
    axioms: list[str]
    axiom_audit: AxiomAudit
    status: str
    reason: str | None


@dataclass(frozen=True)
class DefinitionResult(_Json):
    """One project definition and its body as ``#print`` shows it, and the structural digest of
    its type and value (from the ``.olean``; None natively): both pinned like a statement."""

    name: str
    module: str
    file: str
    line: int
    kind: str
    printed: str | None
    digest: str | None
    pinned: str


@dataclass(frozen=True)
class ConstantPin(_Json):
    """A definition, instance or inductive type of the library as Lean built it (by Lean's name,
    auto-named instances included): its structural digest and whether it matches its pin."""

    digest: str
    pinned: str


@dataclass(frozen=True)
class DeclarationsPin(_Json):
    """A module's attribute, instance, ``local``/``scoped`` and notation-like commands as written,
    and whether they match their pin."""

    commands: list[str]
    pinned: str


@dataclass(frozen=True)
class ModuleResult(_Json):
    """One module file: its hash, imports, status, what the audit refused and Lean's messages."""

    name: str
    file: str
    source_sha256: str
    imports: list[str]
    status: str
    blocked_by: list[str]
    findings: list[Finding]
    messages: list[LeanMessage]
    cached: bool
    seconds: float


@dataclass(frozen=True)
class ValueResult(_Json):
    """One value-bridge entry: the Lean expression, the Python function it must agree with, and
    the exact value Lean printed (``"p/q"``) or why there is none."""

    id: str
    lean: str
    python: str
    args: dict[str, Any]
    result: str | None
    raw: str | None
    error: str | None


@dataclass(frozen=True)
class Counts(_Json):
    """Theorems by role (headline: has a ``Claim:`` tag; witness: ``Non-vacuity:`` tag or a
    ``_witness`` name; supporting: the rest) and how many of each are proved."""

    headline: int
    witnesses: int
    supporting: int
    headline_proved: int
    witnesses_proved: int
    supporting_proved: int

    def line(self) -> str:
        """``12/12 headline theorems, 20/20 witnesses, 66/66 supporting lemmas proved``."""
        return (f"{self.headline_proved}/{self.headline} headline theorems, {self.witnesses_proved}/"
                f"{self.witnesses} witnesses, {self.supporting_proved}/{self.supporting} supporting lemmas proved")


@dataclass(frozen=True)
class CheckRun(_Json):
    """How the check ran: the generated file Lean elaborated (wasm) and its sha256, the Lean
    processes started in this run, seconds, whether the result came from the cache, and the
    seconds reading the ``.olean`` files and walking the axiom closures took (when computed)."""

    file: str | None
    sha256: str | None
    processes: int
    seconds: float
    cached: bool
    closure_seconds: float


@dataclass(frozen=True)
class Toolchain(_Json):
    """The Lean that checked: ``kind`` ("wasm" or "native"), ``version`` and install details."""

    kind: str
    version: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class Manifest(_Json):
    """The whole manifest (schema_version 3). ``ok`` is true only when every theorem is proved,
    every pin matches, the audit refused nothing and every value was computed. Read it through
    its attributes; ``to_json()`` is its JSON form."""

    schema_version: int
    root: str
    toolchain: Toolchain
    flags: list[str]
    axiom_audit: str
    allowed_axioms: list[str]
    pinned_sha256: str | None
    pinned_missing: list[str]
    constants: dict[str, ConstantPin]
    declarations: dict[str, DeclarationsPin]
    ok: bool
    failures: list[str]
    counts: Counts
    check: CheckRun
    modules: dict[str, ModuleResult]
    theorems: dict[str, TheoremResult]
    definitions: dict[str, DefinitionResult]
    values_status: str
    values: dict[str, ValueResult]

    @classmethod
    def from_json(cls, data: Any, where: str = "manifest") -> Manifest:
        if not isinstance(data, dict) or data.get("schema_version") != SCHEMA_VERSION:
            version = data.get("schema_version") if isinstance(data, dict) else None
            raise DomainError(f"{where}.schema_version", version,
                              f"this attnthermo reads schema_version {SCHEMA_VERSION} (re-run `attnthermo lean check`)")
        manifest = super().from_json(data, where)
        for name, theorem in manifest.theorems.items():
            for attr, allowed in (("status", THEOREM_STATUSES), ("pinned", PIN_STATES), ("role", ROLES)):
                if getattr(theorem, attr) not in allowed:
                    raise DomainError(f"{where}.theorems.{name}.{attr}", getattr(theorem, attr), f"expected one of {allowed}")
        for name, module in manifest.modules.items():
            if module.status not in MODULE_STATUSES:
                raise DomainError(f"{where}.modules.{name}.status", module.status, f"expected one of {MODULE_STATUSES}")
        return manifest

    def status(self, theorem: str) -> str:
        """A theorem's status; "missing" when the manifest does not list it."""
        found = self.theorems.get(theorem)
        return found.status if found is not None else "missing"

    def claim_tags(self) -> dict[str, tuple[str, ...]]:
        """{theorem: the claim ids its docstring names (``Claim: `id` ``)} for every theorem, tagged or not."""
        return {name: tuple(t.claims) for name, t in self.theorems.items()}


def load_manifest(path: str | Path) -> Manifest:
    """The manifest in ``path``; DomainError naming the file and the field if it is not one."""
    source = Path(path)
    if not source.is_file():
        raise DomainError("manifest", str(source), "no such file (write one with `attnthermo lean check --json PATH`)")
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DomainError("manifest", str(source), f"not valid JSON: {exc}") from exc
    return Manifest.from_json(data, where=str(source))


def example_json() -> dict:
    """A small valid manifest (one proved headline theorem), for examples and tests."""
    theorem = {
        "name": "P.A.t", "module": "P.A", "file": "lean/P/A.lean", "line": 3, "role": "headline",
        "statement": "P.A.t : 1 = 1", "signature": ": 1 = 1", "docstring": "Claim: `c`", "claims": ["c"],
        "witnesses": [], "private": False, "uses": [], "pinned": "match", "digest": "0" * 64,
        "axioms": ["propext"], "axiom_audit": {"method": "olean-closure", "ok": True, "found": [],
                                               "paths": {"propext": ["P.A.t", "propext"]}},
        "status": "proved", "reason": None,
    }
    return {
        "schema_version": SCHEMA_VERSION, "root": "/p",
        "toolchain": {"kind": "wasm", "version": "4.28.0-pre", "detail": {}},
        "flags": ["-DwarningAsError=true"], "axiom_audit": "olean-closure",
        "allowed_axioms": ["propext", "Classical.choice", "Quot.sound"],
        "pinned_sha256": None, "pinned_missing": [], "constants": {}, "declarations": {}, "ok": True, "failures": [],
        "counts": {"headline": 1, "witnesses": 0, "supporting": 0, "headline_proved": 1,
                   "witnesses_proved": 0, "supporting_proved": 0},
        "check": {"file": None, "sha256": None, "processes": 0, "seconds": 0.0, "cached": True,
                  "closure_seconds": 0.0},
        "modules": {"P.A": {"name": "P.A", "file": "lean/P/A.lean", "source_sha256": "0" * 64, "imports": [],
                            "status": "ok", "blocked_by": [], "findings": [], "messages": [],
                            "cached": True, "seconds": 0.0}},
        "theorems": {"P.A.t": theorem}, "definitions": {}, "values_status": "none", "values": {},
    }


__all__ = [
    "SCHEMA_VERSION", "AxiomAudit", "CheckRun", "ConstantPin", "Counts", "DeclarationsPin", "DefinitionResult", "Finding", "LeanMessage",
    "Manifest", "ModuleResult", "TheoremResult", "Toolchain", "ValueResult", "load_manifest",
]
