"""The ledger's rows, typed: what ``ledger.json`` holds (ledger schema_version 1).

Built on the manifest's typed base (:mod:`attnthermo.manifest`): ``from_json`` checks every field
and names the bad one, ``to_json`` writes it; ``ledger.json`` itself is read and written only by
:mod:`attnthermo.ledger.ledger_json`.

```text
LedgerFile      schema_version=1, provenance: Provenance, rule, summary {bucket: n,
                disagreements_with_book: n}, order [claim ids, disagreements first],
                claims {id: ClaimRow}, measurements {"protocol on model": Measured | Unavailable},
                identities {name: IdentityRow | IdentityFailure}, plots {name: path}, links [lines]
Provenance      schema_version, created, git_commit, toolchain, toolchain_kind, manifest_sha256,
                manifest_source, manifest_ok, pinned_sha256, claims_file, claims_sha256, model,
                models, device, quick, python, versions, seconds, seed, prompts, pins: PinRecord,
                pinned_file, lean_cached
ClaimRow        the claim (id … lean_unstatable), its verdict (bucket, reason, strength, agreement,
                models), receipts [ReceiptResult], no_receipt_reason, lean_tagged
ReceiptResult   kind, relation, label, status, detail, data, links
Measured        status "ok", protocol, model, arguments, metrics, prompts, setting, seconds,
                model_sha256, cache_key, notes (in memory also: resamples, result)
Unavailable     status "unavailable", reason
IdentityRow     an IdentityCheck (name, ok, dps, points, max_error, detail, schema_version),
                lean_theorems, no_lean_reason, cached
IdentityFailure error (why the identity could not be checked)
```

>>> Unavailable(reason="no such model").to_json()
{'status': 'unavailable', 'reason': 'no such model'}
>>> Measured.from_json(Unavailable(reason="x").to_json())
Traceback (most recent call last):
...
attnthermo.errors.DomainError: Measured.status='unavailable': expected 'ok'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from attnthermo.errors import DomainError
from attnthermo.manifest import _Json
from attnthermo.thermo.identities.identity import IdentityCheck

SCHEMA_VERSION = 1
STATUSES = ("holds", "fails", "inconclusive", "window-dependent", "error", "unavailable", "recorded")


class _Row(_Json):
    @classmethod
    def _schema(cls) -> str:
        return f"ledger schema_version {SCHEMA_VERSION}"


class _Variant(_Row):
    """A row told apart from its sibling variants by its ``status`` (:data:`STATUS`): checked when
    made and when read (the other variants' rows are refused, naming it), written first."""

    STATUS: ClassVar[str]

    def __post_init__(self) -> None:
        if self.status != self.STATUS:
            raise DomainError(f"{type(self).__name__}.status", self.status, f"expected {self.STATUS!r}")

    @classmethod
    def from_json(cls, data: Any, where: str = "") -> Any:
        if isinstance(data, dict) and data.get("status") != cls.STATUS:
            raise DomainError(f"{where or cls.__name__}.status", data.get("status"), f"expected {cls.STATUS!r}")
        return super().from_json(data, where)

    def to_json(self) -> dict:
        out = super().to_json()
        return {"status": out.pop("status"), **out}


@dataclass(frozen=True)
class ReceiptResult(_Row):
    """A receipt after its re-check: status, a sentence saying why, numbers and links."""

    kind: str
    relation: str
    label: str
    status: str
    detail: str
    data: dict[str, Any] = field(default_factory=dict)
    links: list[dict[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise DomainError("status", self.status, f"must be one of {', '.join(STATUSES)}")

    @property
    def holds(self) -> bool:
        return self.status == "holds"


@dataclass(frozen=True)
class Measured(_Variant):
    """A protocol measured on a model: its point metrics, setting and provenance. In memory it also
    carries the metrics on every bootstrap resample and the typed measurement (neither is written)."""

    protocol: str
    model: str
    arguments: dict[str, Any]
    metrics: dict[str, Any]
    prompts: int
    setting: dict[str, Any]
    seconds: int | float
    model_sha256: str | None
    cache_key: str | None
    notes: list[str]
    status: str = "ok"
    resamples: list[dict[str, Any]] = field(default_factory=list, metadata={"json": False}, compare=False)
    result: Any = field(default=None, metadata={"json": False}, compare=False)

    STATUS = "ok"


@dataclass(frozen=True)
class Unavailable(_Variant):
    """A measurement that cannot exist here, and why."""

    reason: str
    status: str = "unavailable"

    STATUS = "unavailable"


MeasurementRow = Measured | Unavailable


@dataclass(frozen=True)
class IdentityRow(_Row):
    """An identity checked now (or its still-valid cached check): the check, the Lean theorems it
    mirrors, why it has none, and whether the check came from the cache."""

    name: str
    ok: bool
    dps: int
    points: int
    max_error: int | float
    detail: str
    schema_version: int
    lean_theorems: list[str]
    no_lean_reason: str | None
    cached: bool

    @property
    def check(self) -> IdentityCheck:
        return IdentityCheck(self.name, ok=self.ok, dps=self.dps, points=self.points, max_error=self.max_error,
                             detail=self.detail, schema_version=self.schema_version)


@dataclass(frozen=True)
class IdentityFailure(_Row):
    """An identity that could not be checked, and why."""

    error: str


IdentityOutcome = IdentityRow | IdentityFailure


@dataclass(frozen=True)
class PinRecord(_Row):
    """The pins a ledger was judged against: the file, its sha256, whether the manifest was checked
    against it, and a short digest per pinned entry, by table (see :mod:`attnthermo.ledger.pins`)."""

    file: str | None
    sha256: str | None
    matches_manifest: bool
    tables: dict[str, dict[str, str]]


@dataclass(frozen=True)
class Provenance(_Row):
    """How, when and on what the audit ran."""

    schema_version: int
    created: str
    git_commit: str | None
    toolchain: str | None
    toolchain_kind: str | None
    manifest_sha256: str
    manifest_source: str
    manifest_ok: bool | None
    pinned_sha256: str | None
    claims_file: str
    claims_sha256: str
    model: str
    models: list[str]
    device: str
    quick: bool
    python: str
    versions: dict[str, str | None]
    seconds: dict[str, int | float]
    seed: int
    prompts: int | None
    pins: PinRecord
    pinned_file: str | None
    lean_cached: bool | None


@dataclass(frozen=True)
class ClaimRow(_Row):
    """One claim as the audit left it: the claim, its verdict and every receipt's re-check."""

    id: str
    chapter: int
    kind: str
    statement: str
    origin: str
    book_says: str
    book_bucket: str
    mechanism: str
    mechanism_note: str
    fits_formula: bool
    lean_unstatable: str | None
    bucket: str
    reason: str
    strength: str
    agreement: str
    models: list[str]
    receipts: list[ReceiptResult]
    no_receipt_reason: str | None
    lean_tagged: list[str]


@dataclass(frozen=True)
class LedgerFile(_Row):
    """The whole ledger (what ``ledger.json`` holds)."""

    schema_version: int
    provenance: Provenance
    rule: str
    summary: dict[str, int]
    order: list[str]
    claims: dict[str, ClaimRow]
    measurements: dict[str, Measured | Unavailable]
    identities: dict[str, IdentityRow | IdentityFailure]
    plots: dict[str, str]
    links: list[str]

    @classmethod
    def from_json(cls, data: Any, where: str = "ledger") -> LedgerFile:
        found = data.get("schema_version") if isinstance(data, dict) else None
        if found != SCHEMA_VERSION:
            raise DomainError(where, f"schema_version {found}",
                              f"this attnthermo reads ledger schema_version {SCHEMA_VERSION} (re-run `attnthermo audit`)")
        return super().from_json(data, where)

    @property
    def buckets(self) -> dict[str, str]:
        """Claim id -> bucket."""
        return {cid: row.bucket for cid, row in self.claims.items()}


def example_provenance(**changes: Any) -> Provenance:
    """A provenance record of a quick audit of smollm2 with no pins, for examples and tests."""
    base = dict(schema_version=1, created="2026-12-05T12:00:00+00:00", git_commit=None, toolchain=None,
                toolchain_kind=None, manifest_sha256="0" * 64, manifest_source="supplied", manifest_ok=True,
                pinned_sha256=None, claims_file="claims.toml", claims_sha256="0" * 64, model="smollm2",
                models=["smollm2"], device="cpu", quick=True, python="3.11", versions={}, seconds={}, seed=0,
                prompts=None, pins=PinRecord(file=None, sha256=None, matches_manifest=True, tables={}),
                pinned_file=None, lean_cached=None)
    return Provenance(**{**base, **changes})


def example_ledger(buckets: dict[str, str], **changes: Any) -> LedgerFile:
    """A ledger whose math claims (no receipts) have the given buckets, for examples and tests;
    ``changes`` replace its other fields (``provenance=``, ``measurements=`` …)."""
    claims = {cid: ClaimRow(id=cid, chapter=1, kind="math", statement=cid, origin="project", book_says="",
                            book_bucket="unverified", mechanism="", mechanism_note="", fits_formula=False,
                            lean_unstatable=None, bucket=bucket, reason="example", strength="", agreement="agrees",
                            models=[], receipts=[], no_receipt_reason="example", lean_tagged=[])
              for cid, bucket in buckets.items()}
    summary = {b: sum(1 for v in buckets.values() if v == b) for b in ("verified", "folklore", "numerology")}
    base = dict(schema_version=SCHEMA_VERSION, provenance=example_provenance(), rule="", summary=
                {**summary, "disagreements_with_book": 0}, order=list(claims), claims=claims, measurements={},
                identities={}, plots={}, links=[])
    return LedgerFile(**{**base, **changes})


__all__ = ["ClaimRow", "IdentityFailure", "IdentityOutcome", "IdentityRow", "LedgerFile", "Measured",
           "MeasurementRow", "PinRecord", "Provenance", "ReceiptResult", "STATUSES", "SCHEMA_VERSION", "Unavailable", "example_ledger",
           "example_provenance"]
