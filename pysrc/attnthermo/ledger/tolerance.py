"""Tolerance checks: how a measured number is held against the tolerance its claim states.

Each check takes the metrics a measurement reported (a flat dict; series are lists ordered by
the protocol's scan variable, e.g. the θ scale factor) and returns ``(passed, detail)``.
A metric the measurement did not report raises :class:`MissingMetric`.

>>> run_check("abs_at_most", {"gamma": 0.04}, "gamma", 0.1)
(True, '|gamma| = 0.04 ≤ 0.1')
>>> run_check("monotone", {"g": [0.9, 0.8, 0.85]}, "g", 0.0)[0]
False
>>> run_check("tracks_direction", {"p": [0.8, 0.9], "m": [0.9, 0.85]}, "p", 0.0, "m")[0]
False
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from typing import Callable, Sequence

from attnthermo.errors import DomainError


class MissingMetric(KeyError):
    """The measurement did not report a metric a tolerance test needs."""


def _fmt(x: float) -> str:
    return f"{x:.4g}"


def _rel_errors(pred: Sequence[float], meas: Sequence[float]) -> list[float]:
    if len(pred) != len(meas):
        raise DomainError("reference", len(meas), f"series lengths differ ({len(pred)} vs {len(meas)})")
    return [abs(p - m) / abs(m) if m != 0 else math.inf for p, m in zip(pred, meas)]


def _at_least(v, tol, name, ref):
    return v >= tol, f"{name} = {_fmt(v)} {'≥' if v >= tol else '<'} {_fmt(tol)}"


def _at_most(v, tol, name, ref):
    return v <= tol, f"{name} = {_fmt(v)} {'≤' if v <= tol else '>'} {_fmt(tol)}"


def _abs_at_most(v, tol, name, ref):
    return abs(v) <= tol, f"|{name}| = {_fmt(abs(v))} {'≤' if abs(v) <= tol else '>'} {_fmt(tol)}"


def _relative_error_at_most(v, tol, name, ref):
    (err,) = _rel_errors([v], [ref])
    return err <= tol, f"|{name} - ref|/|ref| = {_fmt(err)} ({_fmt(v)} vs {_fmt(ref)}) {'≤' if err <= tol else '>'} {_fmt(tol)}"


def _median_relative_error_at_most(v, tol, name, ref):
    err = statistics.median(_rel_errors(v, ref))
    return err <= tol, f"median relative error of {name} = {_fmt(err)} over {len(v)} points {'≤' if err <= tol else '>'} {_fmt(tol)}"


def _span_at_least(v, tol, name, ref):
    span = max(v) - min(v)
    return span >= tol, f"{name} spans {_fmt(span)} ({_fmt(min(v))}..{_fmt(max(v))}) {'≥' if span >= tol else '<'} {_fmt(tol)}"


def _relative_spread_at_most(v, tol, name, ref):
    mean = statistics.fmean(v)
    spread = (max(v) - min(v)) / abs(mean) if mean else math.inf
    return spread <= tol, f"{name} spread/mean = {_fmt(spread)} ({_fmt(min(v))}..{_fmt(max(v))}) {'≤' if spread <= tol else '>'} {_fmt(tol)}"


def _monotone(v, tol, name, ref):
    steps = [b - a for a, b in zip(v, v[1:])]
    ok = len(v) >= 3 and (all(s > tol for s in steps) or all(s < -tol for s in steps))
    return ok, f"{name} = [{', '.join(_fmt(x) for x in v)}] is {'' if ok else 'not '}strictly monotone"


def _falls_across(v, tol, name, ref):
    drop = v[0] - v[-1]
    return drop > tol, f"{name} falls by {_fmt(drop)} from first to last ({_fmt(v[0])} → {_fmt(v[-1])}); needs > {_fmt(tol)}"


def _tracks_direction(v, tol, name, ref):
    """Every step of the predicted series moves the same way as the measured one (|step| > tol)."""
    if len(v) != len(ref):
        raise DomainError("reference", len(ref), f"series lengths differ ({len(v)} vs {len(ref)})")
    pairs = list(zip((b - a for a, b in zip(v, v[1:])), (b - a for a, b in zip(ref, ref[1:]))))
    agree = sum(1 for p, m in pairs if abs(m) > tol and p * m > 0)
    ok = bool(pairs) and agree == len(pairs)
    return ok, (f"{name} moves with the measured series on {agree} of {len(pairs)} steps "
                f"(predicted [{', '.join(_fmt(x) for x in v)}], measured [{', '.join(_fmt(x) for x in ref)}])")


@dataclass(frozen=True)
class Check:
    """A named tolerance check and what it needs."""

    run: Callable[..., tuple[bool, str]]
    series: bool
    needs_reference: bool = False


CHECKS: dict[str, Check] = {
    "at_least": Check(_at_least, series=False),
    "at_most": Check(_at_most, series=False),
    "abs_at_most": Check(_abs_at_most, series=False),
    "relative_error_at_most": Check(_relative_error_at_most, series=False, needs_reference=True),
    "median_relative_error_at_most": Check(_median_relative_error_at_most, series=True, needs_reference=True),
    "span_at_least": Check(_span_at_least, series=True),
    "relative_spread_at_most": Check(_relative_spread_at_most, series=True),
    "monotone": Check(_monotone, series=True),
    "falls_across": Check(_falls_across, series=True),
    "tracks_direction": Check(_tracks_direction, series=True, needs_reference=True),
}


def _metric(metrics: dict, name: str, series: bool):
    if name not in metrics or metrics[name] is None:
        raise MissingMetric(name)
    value = metrics[name]
    if series:
        if not isinstance(value, (list, tuple)) or not value:
            raise DomainError(name, value, "a non-empty series was expected")
        return [float(x) for x in value]
    return float(value)


def run_check(check: str, metrics: dict, metric: str, tolerance: float, reference: str | None = None) -> tuple[bool, str]:
    """Apply the named check; returns whether it passed and a sentence with the numbers."""
    if check not in CHECKS:
        raise DomainError("check", check, f"must be one of {', '.join(CHECKS)}")
    spec = CHECKS[check]
    value = _metric(metrics, metric, spec.series)
    ref = _metric(metrics, reference, spec.series) if spec.needs_reference else None
    if any(isinstance(x, float) and math.isnan(x) for x in (value if spec.series else [value])):
        return False, f"{metric} is NaN"
    passed, detail = spec.run(value, tolerance, metric, ref)
    return bool(passed), detail
