"""Step 4 of ``measure()``: from the run's raw profiles to the typed :class:`MeasurementResult`.

Fits (``analysis.analyse``) for the model as trained and for every θ factor, the γ_Padé rows
(``thermo.pade.pade_gamma``, the mirror of Lean's ``padeGamma``), the model's own module names
on every layer and head, and notes saying what the numbers rest on. The per-prompt profiles by
layer type are kept (``per_prompt``, for the model as trained and every θ factor), so every window
of a claim's family is fitted later from the same forward passes and the same prompt resamples;
``windows`` shows the default family (``window_family.DEFAULT_FAMILY``) and the γ-against-window
curve over local windows [d, 4d].
"""

from __future__ import annotations

import warnings
from dataclasses import replace

from attnthermo.errors import DomainError
from attnthermo.measurement.analysis import analyse
from attnthermo.measurement.models import ModelSource
from attnthermo.measurement.protocol import MeasurementProtocol
from attnthermo.measurement.result import SCHEMA_VERSION, MeasurementResult, PadeRow, json_ready, read_result
from attnthermo.measurement.run import RunOutput
from attnthermo.measurement.window_family import (
    DEFAULT_FAMILY, fit_member, gamma_against_window, parse_member, resolve, summary,
)
from attnthermo.thermo.pade import OutsideMeaningfulRange, pade_gamma


def pade_row(facts: dict, tokens: int, scale: float = 1.0) -> PadeRow | None:
    """γ_Padé at the global layers' θ (× ``scale``) for the trained context and for N; None without RoPE."""
    thetas = facts["rope_theta"]
    if not thetas:
        return None
    layer_type = "full_attention" if "full_attention" in thetas else next(iter(thetas))
    theta = thetas[layer_type] * scale
    T = facts["context_length"]
    return PadeRow(theta=theta, theta_layer_type=layer_type, formula="(2θ − T√2)/(2θ + T√2)",
                   T_trained=T, gamma_trained_context=_defined_pade(theta, T),
                   T_measured=tokens, gamma_measured_N=_defined_pade(theta, tokens))


def _defined_pade(theta: float, T: int) -> float | None:
    """γ_Padé(θ, T), or None where it is not defined as a decay exponent (T√2 > 2θ: negative)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", OutsideMeaningfulRange)
        try:
            return float(pade_gamma(theta, T))
        except OutsideMeaningfulRange:
            return None


def prompt_profiles(profiles, layer_types: list[str], sliding_window: int | None, protocol: MeasurementProtocol) -> dict:
    """Per-prompt profiles (K, N/2) for each layer type, averaged over its layers and heads."""
    groups = {t: profiles[:, [i for i, u in enumerate(layer_types) if u == t]].mean(axis=(1, 2))
              for t in sorted(set(layer_types))}
    return {"bootstrap": protocol.bootstrap, "seed": protocol.seed, "sliding_window": sliding_window,
            "layer_types": list(layer_types), "groups": groups}


def window_views(per_prompt, tokens: int) -> dict:
    """The default family's members and the γ-against-window curve, each on every reaching layer."""
    members = []
    for text in DEFAULT_FAMILY:
        try:
            window = resolve(parse_member(text), tokens)
        except DomainError as exc:  # too short a context for this member
            members.append({"spec": text, "reason": exc.reason})
            continue
        members.append({"spec": text, **summary(fit_member(per_prompt, window))})
    curve = gamma_against_window(per_prompt)
    return {"family": list(DEFAULT_FAMILY), "members": members, "curve": curve,
            "what": "γ on each window from the same per-prompt profiles and prompt resamples (no extra forward pass)"}


def _notes(source: ModelSource, protocol: MeasurementProtocol, facts: dict, pooled: list[int]) -> list[str]:
    notes = [f"Weights: {source.note}."]
    if facts["not_stored_in_file"]:
        notes.append("Not stored in the model file, taken from transformers defaults: "
                     + ", ".join(facts["not_stored_in_file"]) + ".")
    if protocol.control == "random-init":
        notes.append(f"Control: the same architecture with random weights (torch seed {protocol.seed}); "
                     "γ should be ≈ 0 if the estimator is unbiased.")
    if protocol.control == "shuffled":
        notes.append("Control: every prompt's tokens shuffled after position 0.")
    sliding = [i for i, t in enumerate(facts["layer_types"]) if t == "sliding_attention"]
    if sliding and set(sliding) - set(pooled):
        notes.append(f"Sliding-window layers (window {facts['sliding_window']}) cannot see the "
                     "whole fit window and are left out of the pooled γ; see layer_groups.")
    return notes


def assemble(source: ModelSource, protocol: MeasurementProtocol, protocol_data: dict, out: RunOutput,
             versions: dict, key: str) -> MeasurementResult:
    """The measurement result for one run (``protocol_data``: the protocol as recorded)."""
    facts = out.facts
    common = {"window": protocol.window, "tokens": protocol.tokens, "layer_types": facts["layer_types"],
              "sliding_window": facts["sliding_window"], "bootstrap": protocol.bootstrap,
              "seed": protocol.seed}
    main = analyse(out.profiles, out.sinks, per_head=protocol.per_head, **common)
    thetas = facts["rope_theta"] or {}
    for row in main["layers"]:
        row["module"] = out.modules[row["layer"]]
        row["rope_theta"] = thetas.get(row["type"], thetas.get("full_attention"))
    for row in main["heads"]:
        row["module"] = out.modules[row["layer"]]
    scan = []
    if out.scan:
        unscaled = {t: {"theta": v, "theta_original": v, "frequencies_changed": False} for t, v in thetas.items()}
        runs = [(1.0, unscaled, main)] + [
            (r.scale, r.rope, analyse(r.profiles, r.sinks, per_head=False, **common)) for r in out.scan]
        profiles = {1.0: out.profiles, **{r.scale: r.profiles for r in out.scan}}
        for scale, rope, fit in sorted(runs, key=lambda item: item[0]):
            scan.append({"scale": scale, "rope": rope,
                         "gamma": {k: v for k, v in fit["gamma"].items() if k != "band"},
                         "sink_mass": fit["sink_mass"], "layer_groups": fit["layer_groups"],
                         "pade": pade_row(facts, protocol.tokens, scale),
                         "per_prompt": prompt_profiles(profiles[scale], facts["layer_types"],
                                                       facts["sliding_window"], protocol)})
    per_prompt = prompt_profiles(out.profiles, facts["layer_types"], facts["sliding_window"], protocol)
    data = {
        "schema_version": SCHEMA_VERSION,
        "model": {"name": source.name, "kind": source.kind, "path": str(source.path),
                  "sha256": source.sha256, "weights": source.note},
        "config": facts,
        "protocol": {**protocol_data, **out.prompt_facts},
        "gamma": main["gamma"],
        "decay_model_comparison": main["decay_model_comparison"],
        "power_law_advantage": main["power_law_advantage"],
        "sensitivity": main["sensitivity"],
        "sink_mass": main["sink_mass"],
        "layers": main["layers"],
        "layer_groups": main["layer_groups"],
        "heads": main["heads"],
        "profile": main["profile"],
        "pade": pade_row(facts, protocol.tokens),
        "theta_scan": scan,
        "per_prompt": per_prompt,
        "windows": None,
        "versions": versions,
        "seed": protocol.seed,
        "notes": _notes(source, protocol, facts, main["gamma"]["pooled_layers"]),
        "cache_key": key,
    }
    result = read_result(json_ready(data))
    return replace(result, windows=json_ready(window_views(result.per_prompt, protocol.tokens)))
