"""Measurement protocols the ledger can run, and the metrics each one reports to the tolerance tests.

A protocol is a named call of :func:`attnthermo.measure` (fixed arguments, a full and a quick
setting) plus the extraction of flat metrics from its JSON. A receipt that names a protocol not
listed here, or a model that is not shipped, has no receipt available: the claim's bucket
follows from that and the audit still succeeds.

Metrics: ``gamma``, ``gamma_ci_low``, ``gamma_ci_high``, ``r2``, ``sink_mass``,
``power_law_advantage`` (AIC of the exponential fit minus that of the power law on the same
points; positive means the power law wins), ``gamma_pade`` (γ_Padé as the measurement reports
it, at the model's θ and its trained context length T); for ``theta-rescaling`` also the series
``scale``, ``scale_gamma``, ``scale_sink_mass``, ``scale_gamma_pade`` ordered by the θ factor,
and ``frequencies_changed`` (the rotary frequencies really moved for every factor ≠ 1).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Protocol:
    """A named measurement: what it is for, and the measure() arguments that define it.

    The token count, prompt count and window are measure()'s own defaults (or its ``quick``
    setting), so the ledger's quick protocol is the one the measurement tests cache.
    """

    name: str
    purpose: str
    fixed: dict[str, Any] = field(default_factory=dict)
    quick_fixed: dict[str, Any] = field(default_factory=dict)

    def arguments(self, *, quick: bool) -> dict[str, Any]:
        """The keyword arguments for attnthermo.measure (model and device added by the caller)."""
        return {"quick": quick, "seed": 0, **self.fixed, **(self.quick_fixed if quick else {})}


PROTOCOLS: dict[str, Protocol] = {
    "decay-fit": Protocol(
        "decay-fit", "A(d) on the trained model, fixed-query estimator, sink excluded; power-law fit "
        "with R², bootstrap CI and an exponential fit of the same points for comparison"),
    "random-init": Protocol(
        "random-init", "the same architecture with random weights, same estimator (its bias check)",
        {"control": "random-init"}),
    "theta-rescaling": Protocol(
        "theta-rescaling", "the trained model with every RoPE θ multiplied by each factor (rotary "
        "embedding rebuilt and checked), γ and sink mass per factor",
        {"theta_scales": (0.25, 0.5, 2.0, 4.0)}, {"theta_scales": (0.5, 2.0)}),
}


def decay_metrics(result: dict) -> dict[str, Any]:
    """Flat metrics of one decay fit (a measure() JSON, schema_version 1)."""
    gamma = result.get("gamma") or {}
    ci = gamma.get("ci") or [None, None]
    comparison = result.get("decay_model_comparison") or {}
    pade = result.get("pade") or {}
    delta_aic = comparison.get("delta_aic")
    return {
        "gamma": gamma.get("value"),
        "gamma_ci_low": ci[0],
        "gamma_ci_high": ci[1],
        "r2": gamma.get("r2"),
        "window": gamma.get("window"),
        "sink_mass": (result.get("sink_mass") or {}).get("value"),
        "power_law_advantage": None if delta_aic is None else -float(delta_aic),
        "gamma_pade": pade.get("gamma_trained_context"),
        "pade_T": pade.get("T_trained"),
        "theta": pade.get("theta"),
    }


def rescaling_metrics(result: dict) -> dict[str, Any]:
    """Series over the θ scale factors, ordered by factor, of one θ-rescaling measurement."""
    rows = sorted(result.get("theta_scan") or [], key=lambda row: row["scale"])
    return {
        "scale": [row["scale"] for row in rows],
        "scale_gamma": [(row.get("gamma") or {}).get("value") for row in rows],
        "scale_gamma_ci": [(row.get("gamma") or {}).get("ci") for row in rows],
        "scale_sink_mass": [(row.get("sink_mass") or {}).get("value") for row in rows],
        "scale_gamma_pade": [(row.get("pade") or {}).get("gamma_trained_context") for row in rows],
        "frequencies_changed": all(v.get("frequencies_changed") for row in rows if row["scale"] != 1.0
                                   for v in (row.get("rope") or {}).values()),
    }


def metrics_for(protocol: str, result: dict) -> dict[str, Any]:
    """The metrics a protocol's tolerance tests read, from its measure() JSON."""
    if protocol == "theta-rescaling":
        return {**decay_metrics(result), **rescaling_metrics(result)}
    return decay_metrics(result)
