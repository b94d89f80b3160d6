"""Re-checking one receipt against evidence gathered now (plain data, see :class:`Evidence`).

A receipt's status is one of

- ``holds``        re-checked now and it stands (a Lean theorem proved, pinned, standard axioms,
                   from a source that still hashes the same; an identity that agreed at its
                   precision; a measurement within every tolerance test, on every window of
                   its window family);
- ``fails``        re-checked now and it does not stand;
- ``inconclusive`` a measurement whose bootstrap resamples do not decide a tolerance test
                   (fewer than 95% agree with the point estimate; see ``tolerance.judge``);
- ``window-dependent`` a measurement that holds on some windows of its family and fails on others
                   (see ``window_verdict``; the detail says where it holds);
- ``error``        it should have been re-checkable but was not (an identity missing from the
                   registry, a metric the measurement did not report);
- ``unavailable``  it cannot exist here (a model not shipped, a protocol the project lacks);
- ``recorded``     a citation: noted, never verified on its own.

>>> ev = Evidence(identities={"x": IdentityCheck("x", ok=True, dps=30, points=12, max_error=1e-40, detail="")})
>>> check_receipt(Receipt("identity", "supports", identity="x"), ev).status
'holds'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from attnthermo.defaults import DEFAULT_MODEL
from attnthermo.errors import DomainError
from attnthermo.ledger.claims import Receipt
from attnthermo.ledger.pins import pin_status
from attnthermo.ledger.rows import IdentityFailure, Measured, ReceiptResult, Unavailable
from attnthermo.thermo.identities.identity import IdentityCheck
from attnthermo.ledger.protocols import Metrics
from attnthermo.ledger.tolerance import MissingMetric
from attnthermo.ledger.window_verdict import family_outcome, family_sentence, judge_family, judge_tests, window_bound
from attnthermo.manifest import Manifest

@dataclass
class Evidence:
    """Everything the audit gathered, as plain data.

    manifest        the typed Lean manifest (schema in DEVELOPERS.md) or None
    stale_modules   module -> why its manifest entry no longer matches the sources on disk
    pinned          theorem -> pinned statement, to re-compare with the manifest (optional)
    identities      identity name -> its IdentityCheck, or an IdentityFailure saying why it could not be checked
    measurements    (protocol, model) -> Measured (its metrics, and in memory the metrics on
                    every bootstrap resample and the typed measurement) or Unavailable (why)
    default_model   the model the audit measures when a receipt says ``model = "default"``
    """

    manifest: Manifest | None = None
    stale_modules: dict[str, str] = field(default_factory=dict)
    pinned: dict[str, str] | None = None
    identities: dict[str, IdentityCheck | IdentityFailure] = field(default_factory=dict)
    measurements: dict[tuple[str, str], Measured | Unavailable] = field(default_factory=dict)
    default_model: str = DEFAULT_MODEL

    def model_for(self, receipt: Receipt) -> str:
        """The concrete model a measurement receipt refers to."""
        return self.default_model if receipt.model == "default" else str(receipt.model)


def _lean(receipt: Receipt, ev: Evidence) -> ReceiptResult:
    base = dict(kind="lean", relation=receipt.relation, label=receipt.label)
    coverage = {"covers": receipt.covers, "covers_why": receipt.covers_why}
    if ev.manifest is None:
        return ReceiptResult(**base, status="error", detail="no Lean manifest was produced", data=coverage)
    root = ev.manifest.root
    problems, per_theorem, links = [], {}, []
    for name in receipt.theorems:
        record = ev.manifest.theorems.get(name)
        if record is None:
            problems.append(f"{name}: not in the manifest")
            per_theorem[name] = {"status": "missing"}
            continue
        statement = record.statement or ""  # None: Lean printed no statement (the theorem is not proved)
        pinned = record.pinned if ev.pinned is None else pin_status(name, statement, ev.pinned)
        compiled = record.status in ("proved", "drift")
        stale = ev.stale_modules.get(record.module)
        per_theorem[name] = {"status": record.status, "pinned": pinned, "axioms_ok": record.axiom_audit.ok,
                             "module": record.module, "file": record.file, "line": record.line,
                             "statement": statement}
        links.append({"text": f"{record.file}:{record.line}", "path": f"{root}/{record.file}",
                      "line": str(record.line), "theorem": name})
        if stale:
            problems.append(f"{name}: {stale}")
        elif not compiled:
            problems.append(f"{name}: {record.status} ({record.reason or 'no reason given'})")
        elif not record.axiom_audit.ok:
            problems.append(f"{name}: non-standard axioms {', '.join(record.axiom_audit.found) or '(audit failed)'}")
        elif pinned != "match":
            problems.append(f"{name}: statement {pinned} (pinned statement {'differs' if pinned == 'drift' else 'missing'})")
    run = ev.manifest.check
    data = {"theorems": per_theorem, "toolchain": ev.manifest.toolchain.version, **coverage, "lean_cached": run.cached}
    source = ("Lean result from the sealed cache, re-validated against the sources" if run.cached else
              "Lean did not run: every module was refused or blocked before it" if not run.processes else
              f"checked by Lean now ({run.processes} process(es))")
    if problems:
        return ReceiptResult(**base, status="fails", detail="; ".join(problems) + f" [{source}]", data=data, links=links)
    n = len(receipt.theorems)
    scope = "the statement" if receipt.covers == "statement" else "the algebraic core only"
    return ReceiptResult(**base, status="holds", data=data, links=links,
                         detail=f"{n} theorem{'s' if n > 1 else ''} proved, statement pinned, standard axioms only; "
                                f"covers {scope} [{source}]")


def _identity(receipt: Receipt, ev: Evidence) -> ReceiptResult:
    base = dict(kind="identity", relation=receipt.relation, label=receipt.label,
                links=[{"text": f"attnthermo.identity({receipt.identity!r})", "identity": str(receipt.identity)}])
    found = ev.identities.get(str(receipt.identity))
    if found is None:
        return ReceiptResult(**base, status="error", detail="identity was not checked")
    if isinstance(found, IdentityFailure):
        return ReceiptResult(**base, status="error", detail=found.error)
    data = found.to_json()
    if found.ok and found.dps >= receipt.dps and found.points > 0:
        return ReceiptResult(**base, status="holds", data=data,
                             detail=f"agrees at {found.dps} digits on {found.points} points (max error {found.max_error:.3g})")
    why = "checked below the precision the receipt asks" if found.dps < receipt.dps else (found.detail or "check failed")
    return ReceiptResult(**base, status="fails", data=data, detail=why)


def _measurement(receipt: Receipt, ev: Evidence) -> ReceiptResult:
    model = ev.model_for(receipt)
    base = dict(kind="measurement", relation=receipt.relation, label=f"{receipt.protocol} on {model}",
                links=[{"text": f"protocol {receipt.protocol}", "protocol": str(receipt.protocol), "model": model}])
    run = ev.measurements.get((str(receipt.protocol), model))
    if run is None:
        return ReceiptResult(**base, status="error", detail="measurement was not run")
    if isinstance(run, Unavailable):
        return ReceiptResult(**base, status="unavailable", detail=f"no receipt available: {run.reason}")
    metrics = run.metrics
    if not run.resamples:
        return ReceiptResult(**base, status="error", detail="the measurement kept no bootstrap resamples: "
                             "its verdict cannot carry its uncertainty")
    typed = run.result
    family = None
    try:
        if window_bound(receipt) and typed is not None and typed.per_prompt is not None:
            family = judge_family(receipt, str(receipt.protocol), typed)
            if family["outcome"] == "error":
                broken = [m["detail"] for m in family["members"] if m["outcome"] == "error"]
                return ReceiptResult(**base, status="error", data={"model": model, "family": family},
                                     detail="; ".join(broken) + f" [{family_sentence(family)}]")
            tests = _family_tests(receipt, family)
        else:
            tests = judge_tests(receipt, Metrics(metrics, run.resamples, run.prompts))
    except MissingMetric as exc:
        return ReceiptResult(**base, status="error", detail=f"the measurement did not report {exc.args[0]!r}")
    except DomainError as exc:
        return ReceiptResult(**base, status="error", detail=f"its window family cannot be judged here: {exc}")
    undecided = [t for t in tests if t["outcome"] == "inconclusive"]
    needed = [t["prompts_needed"] for t in undecided]
    data = {"model": model, "tests": tests, "metrics": {k: metrics.get(k) for k in _metric_names(receipt)},
            "agreement": min(t["agreement"] for t in tests), "prompts": run.prompts,
            "prompts_needed": None if None in needed or not needed else max(needed),
            "cache_key": run.cache_key, "model_sha256": run.model_sha256,
            "tokens": run.setting.get("tokens"), "family": family,
            "window_bound": window_bound(receipt)}
    if family is not None:
        return _family_result(base, data, family)
    failed = [t["detail"] for t in tests if t["outcome"] == "fails"]
    if failed:
        return ReceiptResult(**base, status="fails", data=data, detail="outside tolerance: " + "; ".join(failed))
    if undecided:
        return ReceiptResult(**base, status="inconclusive", data=data,
                             detail="not decided by the resamples: " + "; ".join(t["detail"] for t in undecided))
    return ReceiptResult(**base, status="holds", data=data,
                         detail="within tolerance: " + "; ".join(t["detail"] for t in tests))


def _family_result(base: dict, data: dict, family: dict) -> ReceiptResult:
    """The receipt's status is its family's: holds / fails on every window, window-dependent, inconclusive."""
    status, scope = family["outcome"], f" [{family_sentence(family)}]"
    members = family["members"]
    if status == "window-dependent":
        detail = f"window-dependent: {family['where']['sentence']}"
    elif status == "fails":
        detail = "outside tolerance on every window: " + "; ".join(m["detail"] for m in members)
    elif status == "inconclusive":
        detail = "not decided by the resamples: " + "; ".join(m["detail"] for m in members if m["outcome"] != "holds")
    else:
        detail = "within tolerance: " + "; ".join(t["detail"] for t in data["tests"])
    return ReceiptResult(**base, status=status, data=data, detail=detail + scope)


def _family_tests(receipt: Receipt, family: dict) -> list[dict]:
    """Each test across the family: its outcome on every member, the lowest agreement, one sentence per member."""
    tests = []
    for i, t in enumerate(receipt.tests):
        per = [(m["window"], m["tests"][i]) for m in family["members"] if m["tests"]]
        needed = [j["prompts_needed"] for _, j in per if j["outcome"] == "inconclusive"]
        tests.append({**per[0][1], "outcome": family_outcome([j["outcome"] for _, j in per]),
                      "passed": all(j["passed"] for _, j in per), "agreement": min(j["agreement"] for _, j in per),
                      "prompts_needed": None if None in needed or not needed else max(needed),
                      "members": [{"window": w, "outcome": j["outcome"], "agreement": j["agreement"]} for w, j in per],
                      "detail": "; ".join(f"d ∈ [{w[0]}, {w[1]}]: {j['detail']}" for w, j in per)})
    return tests


def _metric_names(receipt: Receipt) -> list[str]:
    names = []
    for t in receipt.tests:
        names += [t.metric] + ([t.reference] if t.reference else [])
    return names


def check_receipt(receipt: Receipt, evidence: Evidence) -> ReceiptResult:
    """Re-check one receipt against the evidence gathered in this audit."""
    if receipt.kind == "lean":
        return _lean(receipt, evidence)
    if receipt.kind == "identity":
        return _identity(receipt, evidence)
    if receipt.kind == "measurement":
        return _measurement(receipt, evidence)
    return ReceiptResult(kind="citation", relation=receipt.relation, label=receipt.label, status="recorded",
                         detail="an outside result, recorded; a citation never verifies a claim by itself")
