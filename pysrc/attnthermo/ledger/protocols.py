"""Measurement protocols the ledger can run, and the metrics each one reports to the tolerance tests.

A protocol is a named call of :func:`attnthermo.measure` (fixed arguments, a full and a quick
setting, on top of measure()'s own :data:`attnthermo.defaults.MEASUREMENT`), the names of the
metrics it reports, and their extraction from its typed result. The claims loader rejects a
receipt naming a metric its protocol does not report (:func:`metric_names`), before anything is
measured; the extraction reports exactly the declared names. A receipt that names a protocol not
listed here, or a model that is not shipped, has no receipt available: the claim's bucket
follows from that and the audit still succeeds.

Each protocol's metrics come as :class:`Metrics`: the point estimates and the same metrics on
every bootstrap resample of the measurement (``tolerance.judge`` decides with both).
``AUDIT_MODELS`` are the models a receipt with ``model = "default"`` is measured on.

Metrics: ``gamma``, ``gamma_ci_low``, ``gamma_ci_high``, ``r2``, ``sink_mass``,
``power_law_advantage`` (AIC of the exponential fit minus that of the power law on the same
points; positive means the power law wins), ``gamma_pade`` (γ_Padé as the measurement reports
it, at the model's θ and its trained context length T), ``pade_T``, ``theta``, ``window``; for
``theta-rescaling`` also the series ``scale``, ``scale_gamma``, ``scale_gamma_ci``,
``scale_sink_mass``, ``scale_gamma_pade`` ordered by the θ factor, and ``frequencies_changed``
(the rotary frequencies really moved for every factor ≠ 1). The ``atlas`` census (over the
models this audit measured) reports ``models``, ``names``, ``fraction_below_one``, ``median_gamma``.
:func:`member_metrics` gives the same metrics with the fitted ones re-fitted on one window of a
receipt's window family.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any

from attnthermo.measurement.result import MeasurementResult
from attnthermo.measurement.window_family import fit_member


DECAY_METRICS = ("gamma", "gamma_ci_low", "gamma_ci_high", "r2", "window", "sink_mass", "power_law_advantage",
                 "gamma_pade", "pade_T", "theta")
SCAN_METRICS = ("scale", "scale_gamma", "scale_gamma_ci", "scale_sink_mass", "scale_gamma_pade", "frequencies_changed")
CENSUS_METRICS = ("models", "names", "fraction_below_one", "median_gamma")


@dataclass(frozen=True)
class Protocol:
    """A named measurement: what it is for, the measure() arguments that define it and the metrics it reports.

    The token count, prompt count and window are measure()'s own defaults (or its ``quick``
    setting), so the ledger's quick protocol is the one the measurement tests cache.
    """

    name: str
    purpose: str
    fixed: dict[str, Any] = field(default_factory=dict)
    quick_fixed: dict[str, Any] = field(default_factory=dict)
    metrics: tuple[str, ...] = DECAY_METRICS

    def arguments(self, *, quick: bool, seed: int = 0, prompts: int | None = None) -> dict[str, Any]:
        """The keyword arguments for attnthermo.measure (model and device added by the caller).

        ``seed`` draws the prompts and the bootstrap; ``prompts`` overrides the prompt count K.
        """
        extra = {} if prompts is None else {"prompts": prompts}
        return {"quick": quick, "seed": seed, **extra, **self.fixed, **(self.quick_fixed if quick else {})}


PROTOCOLS: dict[str, Protocol] = {
    "decay-fit": Protocol(
        "decay-fit", "A(d) on the trained model, fixed-query estimator, sink excluded; power-law fit "
        "with R², bootstrap CI and an exponential fit of the same points for comparison; every head "
        "fitted too (the atlas reads this same result)", {"per_head": True}),
    "random-init": Protocol(
        "random-init", "the same architecture with random weights, same estimator (its bias check)",
        {"control": "random-init"}),
    "theta-rescaling": Protocol(
        "theta-rescaling", "the trained model with every RoPE θ multiplied by each factor (rotary "
        "embedding rebuilt and checked), γ and sink mass per factor",
        {"theta_scales": (0.25, 0.5, 2.0, 4.0)}, {"theta_scales": (0.5, 2.0)}, DECAY_METRICS + SCAN_METRICS),
}
ATLAS = "atlas"  # the census over the decay fits this audit made: no measurement of its own


def metric_names(protocol: str) -> tuple[str, ...] | None:
    """The metrics ``protocol`` reports (the atlas census included); None for a protocol attnthermo
    does not implement (its receipts are unavailable here, whatever they name)."""
    if protocol == ATLAS:
        return CENSUS_METRICS
    return PROTOCOLS[protocol].metrics if protocol in PROTOCOLS else None


def _reported(protocol: str, metrics: dict[str, Any]) -> dict[str, Any]:
    """``metrics``, once checked to hold exactly the names the protocol declares."""
    declared = metric_names(protocol)
    if declared is None or set(metrics) != set(declared):
        raise RuntimeError(f"protocol {protocol!r} declares the metrics {declared} but reports {sorted(metrics)}")
    return metrics


AUDIT_MODELS = ("smollm2", "gemma3-270m")  # what ``model = "default"`` means in the claims file


@dataclass(frozen=True)
class Metrics:
    """A measurement's flat metrics: the point estimates and the same metrics per bootstrap resample."""

    point: dict[str, Any]
    resamples: list[dict[str, Any]]
    prompts: int


def _at(values: tuple, b: int, fallback: Any) -> Any:
    return values[b] if values else fallback


def decay_metrics(result: MeasurementResult) -> Metrics:
    """Flat metrics of one decay fit; per resample, a CI bound is replaced by that resample's γ.

    (The CI's upper end is the 97.5th percentile of the resampled γ: "the upper end ≤ 1" read on
    one resample is "this resample's γ ≤ 1".)
    """
    fit, pade, adv = result.fit, result.pade, result.power_law_advantage
    point = {
        "gamma": fit.value, "gamma_ci_low": fit.ci[0], "gamma_ci_high": fit.ci[1], "r2": fit.r2,
        "window": list(fit.window), "sink_mass": result.sink.value,
        "power_law_advantage": None if adv is None else adv.value,
        "gamma_pade": None if pade is None else pade.gamma_trained_context,
        "pade_T": None if pade is None else pade.T_trained, "theta": None if pade is None else pade.theta,
    }
    samples = []
    for b in range(len(fit.resamples)):
        g = fit.resamples[b]
        samples.append({**point, "gamma": g, "gamma_ci_low": g, "gamma_ci_high": g,
                        "r2": _at(fit.r2_resamples, b, fit.r2),
                        "sink_mass": _at(result.sink.resamples, b, result.sink.value),
                        "power_law_advantage": None if adv is None else _at(adv.resamples, b, adv.value)})
    return Metrics(point, samples, int(result.protocol["prompts"]))


def rescaling_metrics(result: MeasurementResult) -> Metrics:
    """Series over the θ scale factors (ordered by factor), with the same series per resample."""
    rows = sorted(result.scan, key=lambda row: row.scale)
    point = {
        "scale": [row.scale for row in rows],
        "scale_gamma": [row.gamma.value for row in rows],
        "scale_gamma_ci": [list(row.gamma.ci) for row in rows],
        "scale_sink_mass": [row.sink_mass.value for row in rows],
        "scale_gamma_pade": [None if row.pade is None else row.pade.gamma_trained_context for row in rows],
        "frequencies_changed": all(v.get("frequencies_changed") for row in rows if row.scale != 1.0
                                   for v in row.rope.values()),
    }
    count = min((len(row.gamma.resamples) for row in rows), default=0)
    samples = [{**point, "scale_gamma": [row.gamma.resamples[b] for row in rows],
                "scale_sink_mass": [_at(row.sink_mass.resamples, b, row.sink_mass.value) for row in rows]}
               for b in range(count)]
    return Metrics(point, samples, int(result.protocol["prompts"]))


def metrics_for(protocol: str, result: MeasurementResult) -> Metrics:
    """The metrics a protocol's tolerance tests read, from its typed measurement result."""
    decay = decay_metrics(result)
    if protocol != "theta-rescaling":
        return Metrics(_reported(protocol, decay.point), decay.resamples, decay.prompts)
    scan = rescaling_metrics(result)
    return Metrics(_reported(protocol, {**decay.point, **scan.point}),
                   [{**d, **r} for d, r in zip(decay.resamples, scan.resamples)], decay.prompts)


def member_metrics(protocol: str, result: MeasurementResult, window: tuple[int, int], layers: str) -> Metrics:
    """The protocol's metrics with every fitted quantity (γ, its CI, R², the power-law advantage and,
    for θ-rescaling, ``scale_gamma``) re-fitted on ``window`` over ``layers`` from the result's
    per-prompt profiles, with the same prompt resamples (other metrics are the protocol's own).

    A member whose layers cannot see the window reports those metrics as None (MissingMetric)."""
    base = metrics_for(protocol, result)
    fit = fit_member(result.per_prompt, window, layers)
    g, adv = fit["gamma"] or {}, fit["power_law_advantage"] or {}
    low, high = g.get("ci", (None, None))
    point = {**base.point, "gamma": g.get("value"), "gamma_ci_low": low, "gamma_ci_high": high,
             "r2": g.get("r2"), "window": list(window), "power_law_advantage": adv.get("value"),
             "layers": fit["layers"]}
    samples = []
    for b, sample in enumerate(base.resamples):
        gb = _at(tuple(g.get("resamples", ())), b, None)
        samples.append({**sample, "gamma": gb, "gamma_ci_low": gb, "gamma_ci_high": gb,
                        "r2": _at(tuple(g.get("r2_resamples", ())), b, None), "window": list(window),
                        "power_law_advantage": _at(tuple(adv.get("resamples", ())), b, None)})
    if protocol == "theta-rescaling":
        rows = [fit_member(row.per_prompt, window, layers)["gamma"] or {} for row in sorted(result.scan, key=lambda r: r.scale)]
        point["scale_gamma"] = [row.get("value") for row in rows]
        for b, sample in enumerate(samples):
            sample["scale_gamma"] = [_at(tuple(row.get("resamples", ())), b, None) for row in rows]
    return Metrics(point, samples, base.prompts)


def atlas_metrics(results: dict[str, MeasurementResult]) -> dict[str, Any]:
    """Census metrics over the models measured (the audit's atlas): count, fraction with γ < 1, median γ."""
    gammas = [r.gamma for r in results.values() if r.gamma is not None]
    below = sum(1 for r in results.values() if r.fit.phase == "A")
    return _reported(ATLAS, {"models": len(results), "names": sorted(results),
                             "fraction_below_one": below / len(results) if results else None,
                             "median_gamma": statistics.median(gammas) if gammas else None})
