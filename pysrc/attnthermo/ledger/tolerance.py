"""Tolerance checks: how a measured number is held against the tolerance its claim states.

Each check takes the metrics a measurement reported (a flat dict; series are lists ordered by
the protocol's scan variable, e.g. the θ scale factor) and returns ``(passed, detail)``.
A metric the measurement did not report raises :class:`MissingMetric`.

**Verdicts carry their uncertainty** (:func:`judge`): a check is run on the point estimate and
on every bootstrap resample of the same measurement. It *holds* when the point estimate passes
and ≥ 95% of the resamples agree, *fails* when the point estimate fails and ≥ 95% agree, and
is otherwise *inconclusive*, with the number of prompts that would likely decide it: the
resamples' spread shrinks as 1/√K, so the distance to the threshold in standard errors,
z = Φ⁻¹(agreement), grows as √K, and K' = ⌈K·(1.645/z)²⌉ prompts bring it to z = 1.645.
``monotone`` is a trend, not every adjacent step: the least-squares slope of the series
against its position (for log-spaced θ factors, against log θ), which must be beyond the
tolerance in one direction on ≥ 95% of the resamples.

>>> run_check("abs_at_most", {"gamma": 0.04}, "gamma", 0.1)
(True, '|gamma| = 0.04 ≤ 0.1')
>>> run_check("monotone", {"g": [0.9, 0.8, 0.85]}, "g", 0.0)[0]
True
>>> j = judge("at_most", {"g": 0.9}, [{"g": 0.9 + e / 100} for e in range(-5, 15)], "g", 1.0, prompts=4)
>>> j.outcome, j.agreement, j.prompts_needed
('inconclusive', 0.8, 16)
>>> run_check("tracks_direction", {"p": [0.8, 0.9], "m": [0.9, 0.85]}, "p", 0.0, "m")[0]
False
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from statistics import NormalDist
from typing import Any, Callable, Sequence

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


def trend_slope(v: Sequence[float]) -> float:
    """Least-squares slope of a series against its position 0, 1, …, n−1."""
    n = len(v)
    mean_x, mean_y = (n - 1) / 2, statistics.fmean(v)
    return sum((i - mean_x) * (y - mean_y) for i, y in enumerate(v)) / sum((i - mean_x) ** 2 for i in range(n))


def _monotone(v, tol, name, ref):
    if len(v) < 3:
        return False, f"{name} has {len(v)} points: a trend needs at least 3", "too short"
    slope = trend_slope(v)
    direction = "rising" if slope > tol else "falling" if slope < -tol else "flat"
    return (direction != "flat",
            f"{name} = [{', '.join(_fmt(x) for x in v)}] has trend slope {_fmt(slope)} per step ({direction})",
            direction)


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
        if any(x is None for x in value):
            raise MissingMetric(name)  # not reported at every point of the series
        return [float(x) for x in value]
    return float(value)


def run_check(check: str, metrics: dict, metric: str, tolerance: float, reference: str | None = None) -> tuple[bool, str]:
    """Apply the named check; returns whether it passed and a sentence with the numbers."""
    if check not in CHECKS:
        raise DomainError("check", check, f"must be one of {', '.join(CHECKS)}")
    passed, detail, _ = _outcome(check, metrics, metric, tolerance, reference)
    return passed, detail


def _outcome(check: str, metrics: dict, metric: str, tolerance: float, reference: str | None) -> tuple[bool, str, Any]:
    """(passed, detail, outcome) where outcome is what resamples must share (the direction, for a trend)."""
    spec = CHECKS[check]
    value = _metric(metrics, metric, spec.series)
    ref = _metric(metrics, reference, spec.series) if spec.needs_reference else None
    if any(isinstance(x, float) and math.isnan(x) for x in (value if spec.series else [value])):
        return False, f"{metric} is NaN", "nan"
    passed, detail, *outcome = spec.run(value, tolerance, metric, ref)
    return bool(passed), detail, outcome[0] if outcome else bool(passed)


AGREEMENT = 0.95
_Z_NEEDED = NormalDist().inv_cdf(AGREEMENT)


@dataclass(frozen=True)
class Judgement:
    """A tolerance test judged on the point estimate and the bootstrap resamples."""

    outcome: str  # "holds" | "fails" | "inconclusive"
    passed: bool  # the point estimate's result
    agreement: float  # fraction of resamples whose result is the point estimate's
    resamples: int
    detail: str
    prompts_needed: int | None  # for inconclusive: prompts likely to decide it (None: cannot say)

    def sentence(self) -> str:
        """The detail with the resample agreement, as the ledger shows it."""
        return f"{self.detail} ({self.agreement:.0%} of {self.resamples} resamples agree)"


def prompts_needed(agreement: float, prompts: int, resamples: int) -> int | None:
    """Prompts K' that would bring the agreement to 95%, from K prompts (None when it is ≤ 50%)."""
    top = 1 - 0.5 / resamples
    z = NormalDist().inv_cdf(min(agreement, top)) if agreement > 0.5 else 0.0
    if z <= 0:
        return None
    return max(prompts + 1, math.ceil(prompts * (_Z_NEEDED / z) ** 2))


def judge(check: str, point: dict, resamples: Sequence[dict], metric: str, tolerance: float,
          reference: str | None = None, *, prompts: int) -> Judgement:
    """Run a check on the point metrics and on every resample's metrics (see the module docstring)."""
    if check not in CHECKS:
        raise DomainError("check", check, f"must be one of {', '.join(CHECKS)}")
    if not resamples:
        raise DomainError("resamples", resamples, "a verdict with its uncertainty needs the bootstrap resamples")
    passed, detail, outcome = _outcome(check, point, metric, tolerance, reference)
    same = sum(1 for r in resamples if _outcome(check, r, metric, tolerance, reference)[2] == outcome)
    agreement = same / len(resamples)
    if agreement >= AGREEMENT:
        return Judgement("holds" if passed else "fails", passed, agreement, len(resamples), detail, None)
    return Judgement("inconclusive", passed, agreement, len(resamples), detail,
                     prompts_needed(agreement, prompts, len(resamples)))
