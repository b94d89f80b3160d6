"""The claims file: every claim of the book as data, with the receipts that can decide it.

The shipped file is ``attnthermo/data/claims.toml`` (its header documents every field); a copy
can be passed instead (``attnthermo audit --claims PATH``) to change a tolerance and watch the
bucket move. Loading validates the file and raises :class:`~attnthermo.errors.DomainError`
naming the claim and the field at fault. Every measurement receipt carries a window family (its
own ``windows`` with ``windows_why``, or the file's ``[window_family]`` default) and the layers it
is judged on (``layers = "reaching"``, or ``"full_attention"`` with ``layers_why``). The file names
no Lean theorem: the theorems of each Lean receipt, and the identity receipts of the identities
mirroring them, are derived from the Lean docstring tags when the file is loaded
(:mod:`attnthermo.ledger.links`).

>>> claims = load_claims()
>>> claims["cv-gamma1-quarter"].receipts[0].relation
'contradicts'
>>> claims["hagedorn-boundary-math"].kind
'math'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attnthermo.defaults import DEFAULT_DPS, FLOAT_DPS
from attnthermo.errors import DomainError
from attnthermo.ledger.protocols import metric_names
from attnthermo.measurement.window_family import LAYER_CHOICES, parse_family
from attnthermo.paths import data_file
from attnthermo.tomlread import tomllib

if TYPE_CHECKING:
    from collections.abc import Iterable

    from attnthermo.ledger.links import LeanTags
    from attnthermo.thermo.identities.identity import Identity

KINDS = ("math", "empirical", "interpretive")
BOOK_BUCKETS = ("verified", "folklore", "numerology", "unverified", "asserted")
RECEIPT_KINDS = ("lean", "identity", "measurement", "citation")
RELATIONS = ("supports", "contradicts")
# What a Lean receipt proves of its claim, broadest first: the statement itself; the statement for
# every log-like ℓ (ℓ 1 = 0, 1/(d+1) ≤ ℓ(d+1) - ℓ d ≤ 1/d), of which log is one by a Mathlib fact
# not checked here, so it verifies like an algebraic core (beside a holding identity); or its algebra.
COVERAGES = ("statement", "statement for log-like ℓ", "algebraic core")


@dataclass(frozen=True)
class ToleranceTest:
    """One numeric test a measurement must pass: ``check`` applied to ``metric`` (see tolerance.py)."""

    check: str
    metric: str
    tolerance: float
    why: str
    reference: str | None = None


@dataclass(frozen=True)
class Receipt:
    """Evidence that can decide a claim; ``relation`` says whether it holding supports or contradicts it."""

    kind: str
    relation: str
    theorems: tuple[str, ...] = ()
    identity: str | None = None
    dps: int = DEFAULT_DPS
    protocol: str | None = None
    model: str | None = None
    tests: tuple[ToleranceTest, ...] = ()
    source: str | None = None
    covers: str | None = None
    covers_why: str | None = None
    windows: tuple[str, ...] = ()
    windows_why: str | None = None
    layers: str = "reaching"
    layers_why: str | None = None

    @property
    def label(self) -> str:
        """A short human name: the theorem list, the identity, the protocol on a model, or the source."""
        if self.kind == "lean":
            names = [t.rsplit(".", 1)[-1] for t in self.theorems]
            return ", ".join(names) if len(names) <= 3 else f"{', '.join(names[:3])} and {len(names) - 3} more"
        if self.kind == "identity":
            return f"{self.identity} @ {self.dps} digits"
        if self.kind == "measurement":
            return f"{self.protocol} on {self.model}"
        return str(self.source)


@dataclass(frozen=True)
class Claim:
    """A claim of the book in the project's words, with its receipts (no verdict: the audit derives it)."""

    id: str
    chapter: int
    kind: str
    statement: str
    book_says: str
    book_bucket: str
    mechanism: str
    mechanism_note: str
    receipts: tuple[Receipt, ...]
    fits_formula: bool = False
    lean_unstatable: str | None = None
    origin: str = "book"

    @property
    def mechanism_claim(self) -> str | None:
        """The claim id holding this claim's derivation, when ``mechanism = "claim:<id>"``."""
        return self.mechanism.split(":", 1)[1] if self.mechanism.startswith("claim:") else None

    @property
    def theorems(self) -> tuple[str, ...]:
        """Every Lean theorem named by the claim's receipts."""
        return tuple(t for r in self.receipts for t in r.theorems)


def _require(entry: dict, name: str, where: str, kind: type | tuple[type, ...] = str) -> Any:
    if name not in entry:
        raise DomainError(f"{where}.{name}", None, "missing")
    value = entry[name]
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise DomainError(f"{where}.{name}", value, f"must be of type {kind}")
    return value


def _one_of(value: Any, allowed: tuple[str, ...], parameter: str) -> str:
    if value not in allowed:
        raise DomainError(parameter, value, f"must be one of {', '.join(allowed)}")
    return value


def _tests(entry: dict, where: str) -> tuple[ToleranceTest, ...]:
    from attnthermo.ledger.tolerance import CHECKS

    tests = []
    for j, t in enumerate(entry.get("test", [])):
        w = f"{where}.test[{j}]"
        check = _one_of(_require(t, "check", w), tuple(CHECKS), f"{w}.check")
        tolerance = _require(t, "tolerance", w, (int, float))
        why = _require(t, "why", w)
        if not why.strip():
            raise DomainError(f"{w}.why", why, "a tolerance needs its reason")
        reference = t.get("reference")
        if CHECKS[check].needs_reference and not reference:
            raise DomainError(f"{w}.reference", reference, f"check {check!r} compares with a reference metric")
        tests.append(ToleranceTest(check, _require(t, "metric", w), float(tolerance), why, reference))
    return tuple(tests)


def _known_metrics(tests: tuple[ToleranceTest, ...], protocol: str, where: str) -> None:
    """Every metric (and reference) a test names is one its protocol reports (unimplemented protocols aside)."""
    reported = metric_names(protocol)
    for j, t in enumerate(tests):
        for field, name in (("metric", t.metric), ("reference", t.reference)):
            if reported is not None and name is not None and name not in reported:
                raise DomainError(f"{where}.test[{j}].{field}", name,
                                  f"protocol {protocol!r} reports no such metric (it reports {', '.join(reported)})")


def _windows(entry: dict, where: str, family: tuple[tuple[str, ...], str] | None) -> tuple[tuple[str, ...], str]:
    """The receipt's own window family with its reason, or the file's default family."""
    if "windows" not in entry:
        if family is None:
            raise DomainError(f"{where}.windows", None, "no window family, and the file has no [window_family] default")
        return family
    windows = entry["windows"]
    try:
        parse_family(windows)
    except DomainError as exc:
        raise DomainError(f"{where}.windows", windows, f"{exc.parameter}={exc.value!r}: {exc.reason}") from None
    why = entry.get("windows_why")
    if not (isinstance(why, str) and why.strip()):
        raise DomainError(f"{where}.windows_why", why, "a window family needs its reason")
    return tuple(windows), why


def _default_family(data: dict) -> tuple[tuple[str, ...], str] | None:
    """The file's ``[window_family]``: the default members and why they were chosen (None: no table)."""
    table = data.get("window_family")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise DomainError("window_family", table, "must be a table with default and why")
    try:
        parse_family(table.get("default"))
    except DomainError as exc:
        raise DomainError("window_family.default", table.get("default"), f"{exc.parameter}={exc.value!r}: {exc.reason}") from None
    why = table.get("why")
    if not (isinstance(why, str) and why.strip()):
        raise DomainError("window_family.why", why, "the default window family needs its reason")
    return tuple(table["default"]), why


def _receipt(entry: dict, where: str, family: tuple[tuple[str, ...], str] | None) -> Receipt:
    kind = _one_of(entry.get("kind"), RECEIPT_KINDS, f"{where}.kind")
    relation = _one_of(entry.get("relation"), RELATIONS, f"{where}.relation")
    if kind == "lean":
        if "theorems" in entry:
            raise DomainError(f"{where}.theorems", entry["theorems"], "claims.toml names no Lean theorem: tag the "
                              "theorem's docstring with Claim: `id` (see attnthermo.ledger.links)")
        covers = _one_of(entry.get("covers"), COVERAGES, f"{where}.covers")
        why = _require(entry, "covers_why", where)
        if not why.strip():
            raise DomainError(f"{where}.covers_why", why, "say why the theorem covers the statement or only its core")
        return Receipt(kind, relation, covers=covers, covers_why=why)
    if kind == "identity":
        dps = entry.get("dps", DEFAULT_DPS)
        if not isinstance(dps, int) or dps < FLOAT_DPS:
            raise DomainError(f"{where}.dps", dps, f"an integer ≥ {FLOAT_DPS} (high precision)")
        return Receipt(kind, relation, identity=_require(entry, "identity", where), dps=dps)
    if kind == "measurement":
        protocol = _require(entry, "protocol", where)
        tests = _tests(entry, where)
        if not tests:
            raise DomainError(f"{where}.test", None, "a measurement receipt needs at least one tolerance test")
        _known_metrics(tests, protocol, where)
        windows, windows_why = _windows(entry, where, family)
        layers = _one_of(entry.get("layers", "reaching"), LAYER_CHOICES[:2], f"{where}.layers")
        layers_why = entry.get("layers_why")
        if layers != "reaching" and not (isinstance(layers_why, str) and layers_why.strip()):
            raise DomainError(f"{where}.layers_why", layers_why, "say why the receipt is judged on these layers")
        return Receipt(kind, relation, protocol=protocol,
                       model=_require(entry, "model", where), tests=tests, windows=windows,
                       windows_why=windows_why, layers=layers, layers_why=layers_why)
    return Receipt(kind, relation, source=_require(entry, "source", where))


def _claim(entry: dict, index: int, family: tuple[tuple[str, ...], str] | None) -> Claim:
    cid = _require(entry, "id", f"claim[{index}]")
    where = f"claim {cid!r}"
    kind = _one_of(entry.get("kind"), KINDS, f"{where}.kind")
    receipts = tuple(_receipt(r, f"{where}.receipt[{j}]", family) for j, r in enumerate(entry.get("receipt", [])))
    claim = Claim(
        id=cid,
        chapter=_require(entry, "chapter", where, int),
        kind=kind,
        statement=_require(entry, "statement", where),
        book_says=entry.get("book_says", ""),
        book_bucket=_one_of(entry.get("book_bucket"), BOOK_BUCKETS, f"{where}.book_bucket"),
        mechanism=_require(entry, "mechanism", where),
        mechanism_note=_require(entry, "mechanism_note", where),
        receipts=receipts,
        fits_formula=bool(entry.get("fits_formula", False)),
        lean_unstatable=entry.get("lean_unstatable"),
        origin=_one_of(entry.get("origin", "book"), ("book", "project"), f"{where}.origin"),
    )
    if claim.mechanism not in ("derivation", "none") and not claim.mechanism_claim:
        raise DomainError(f"{where}.mechanism", claim.mechanism, 'must be "derivation", "none" or "claim:<id>"')
    if kind == "empirical" and not any(r.kind == "measurement" or r.kind == "citation" for r in receipts):
        raise DomainError(f"{where}.receipt", None, "an empirical claim needs a measurement protocol or a citation")
    if kind == "math" and claim.lean_unstatable and any(r.kind == "lean" for r in receipts):
        raise DomainError(f"{where}.lean_unstatable", claim.lean_unstatable,
                          "a claim with a Lean receipt cannot also say Lean cannot state it")
    return claim


def load_claims(path: str | Path | None = None, *, lean: "LeanTags | None" = None,
                identities: "Iterable[Identity] | None" = None) -> dict[str, Claim]:
    """Read and validate a claims file (default: the shipped one) and link it to the Lean tags
    ``lean`` (default: the shipped Lean library's, :func:`attnthermo.ledger.links.lean_tags`) and
    ``identities`` (default: the registry's); returns claims by id, in file order."""
    from attnthermo.ledger.links import lean_tags, link
    from attnthermo.thermo import registry

    source = Path(path) if path is not None else data_file("claims.toml")
    if not source.is_file():
        raise DomainError("claims", str(source), "no such file")
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise DomainError("claims", str(source), f"not valid TOML: {exc}") from exc
    if data.get("schema_version") != 1:
        raise DomainError("claims.schema_version", data.get("schema_version"), "this attnthermo reads version 1")
    family = _default_family(data)
    claims: dict[str, Claim] = {}
    for index, entry in enumerate(data.get("claim", [])):
        claim = _claim(entry, index, family)
        if claim.id in claims:
            raise DomainError("claim.id", claim.id, "appears twice")
        claims[claim.id] = claim
    for claim in claims.values():
        ref = claim.mechanism_claim
        if ref is not None and ref not in claims:
            raise DomainError(f"claim {claim.id!r}.mechanism", claim.mechanism, "names no claim in the file")
        if claim.kind == "interpretive" and f"{claim.id}-math" not in claims:
            raise DomainError(f"claim {claim.id!r}", claim.id, "an interpretive claim needs its <id>-math row")
    if not claims:
        raise DomainError("claims", str(source), "holds no [[claim]] entries")
    return link(claims, lean_tags() if lean is None else lean,
                registry.identities() if identities is None else identities, str(source))


def claims_as_data(claims: dict[str, Claim]) -> list[dict[str, Any]]:
    """The claims as plain data (for ledger.json)."""
    out = []
    for c in claims.values():
        out.append({
            "id": c.id, "chapter": c.chapter, "kind": c.kind, "statement": c.statement,
            "origin": c.origin, "book_says": c.book_says, "book_bucket": c.book_bucket,
            "mechanism": c.mechanism, "mechanism_note": c.mechanism_note,
            "fits_formula": c.fits_formula, "lean_unstatable": c.lean_unstatable,
        })
    return out


__all__ = ["Claim", "Receipt", "ToleranceTest", "claims_as_data", "load_claims"]
