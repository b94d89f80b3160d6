"""atlas.json rows and the Markdown table, built from the stored measurement results alone.

One row per model: the pooled γ with its CI, R², window, Phase A/B decided by the CI, sink
mass, power law vs exponential, RoPE θ per layer type, trained context, γ_Padé where it is
defined, the global and sliding-window layers separately, every layer and head under the
model's own module names, and the published value when there is one (a citation, with the
estimator difference stated).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from attnthermo import __version__
from attnthermo.atlas.published import published_for
from attnthermo.atlas.scheduler import AtlasEntry
from attnthermo.measurement.result import json_ready, phase_of

SCHEMA_VERSION = 1


def _group(groups: dict, layer_type: str) -> dict | None:
    g = groups.get(layer_type)
    if g is None:
        return None
    ci = tuple(g["ci"])
    return {"layers": g["layers"], "gamma": g["value"], "ci": list(ci), "r2": g["r2"],
            "phase": phase_of(ci), "sink_mass": g["sink_mass"], "reason": g.get("reason")}


def model_row(entry: AtlasEntry) -> dict[str, Any]:
    """The atlas row of one model."""
    r = entry.result
    cmp = r.decay_model_comparison or {}
    pade = r.pade
    heads = Counter(h.phase for h in r.heads)
    return {
        "model": entry.spec, "name": r.model.name, "sha256": r.model.sha256, "weights": r.model.weights,
        "store_key": entry.key, "from_store": entry.from_store, "cache_key": r.cache_key,
        "architecture": r.config.get("model_type"), "num_layers": r.config.get("num_layers"),
        "num_heads": r.config.get("num_heads"), "rope_theta": r.config.get("rope_theta"),
        "trained_context": r.config.get("context_length"), "sliding_window": r.config.get("sliding_window"),
        "gamma": {"value": r.gamma, "ci": list(r.ci), "r2": r.r2, "window": list(r.window),
                  "phase": r.fit.phase, "pooled_layers": list(r.fit.pooled_layers)},
        "global_layers": _group(r.layer_groups, "full_attention"),
        "sliding_layers": _group(r.layer_groups, "sliding_attention"),
        "sink_mass": {"value": r.sink.value, "ci": list(r.sink.ci)},
        "power_law_vs_exponential": {"delta_aic": cmp.get("delta_aic"), "preferred": cmp.get("preferred"),
                                     "advantage_ci": None if r.power_law_advantage is None
                                     else list(r.power_law_advantage.ci)},
        "gamma_pade": {"value": None if pade is None else pade.gamma_trained_context,
                       "theta": None if pade is None else pade.theta, "T": None if pade is None else pade.T_trained,
                       "note": None if pade is not None and pade.gamma_trained_context is not None
                       else "not defined here (no RoPE, or T√2 > 2θ)"},
        "layers": [json_ready(layer) for layer in r.layers],
        "heads": [json_ready(head) for head in r.heads],
        "head_phases": {p: heads.get(p, 0) for p in ("A", "B", "undecided")},
        "protocol": {k: r.protocol[k] for k in ("tokens", "prompts", "window", "seed", "bootstrap", "device_type")},
        "published": published_for(entry.spec) or published_for(r.model.name),
    }


def atlas_data(entries: list[AtlasEntry], arguments: dict) -> dict[str, Any]:
    """atlas.json: the protocol, one row per model, and the census."""
    rows = [model_row(e) for e in entries]
    phases = Counter(row["gamma"]["phase"] for row in rows)
    return {"schema_version": SCHEMA_VERSION, "attnthermo": __version__, "protocol": arguments,
            "models": rows,
            "summary": {"models": len(rows), "phase_A": phases.get("A", 0), "phase_B": phases.get("B", 0),
                        "undecided": phases.get("undecided", 0),
                        "rule": "Phase A when the 95% CI of the pooled γ lies below 1, B above 1, else undecided"}}


def _num(x: Any, digits: int = 3) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def _gci(value: Any, ci: Any) -> str:
    if value is None:
        return "—"
    return f"{value:.3f} [{_num(ci[0])}, {_num(ci[1])}]"


def _theta(thetas: dict | None) -> str:
    if not thetas:
        return "no RoPE"
    return ", ".join(f"{t.replace('_attention', '')} {v:g}" for t, v in thetas.items())


def render_markdown(data: dict[str, Any]) -> str:
    """The atlas as Markdown: one summary table, then each model's layers."""
    s = data["summary"]
    lines = ["# γ atlas", "",
             f"{s['models']} model(s): {s['phase_A']} in Phase A, {s['phase_B']} in Phase B, {s['undecided']} undecided "
             f"({s['rule']}). Protocol: `{data['protocol']}`, attnthermo {data['attnthermo']}.", "",
             "| model | layers × heads | RoPE θ | trained context | γ [95% CI] | R² | window | phase | γ global layers | "
             "γ sliding layers | sink mass | power law vs exp (ΔAIC) | γ_Padé(θ, T) | published (citation) |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for row in data["models"]:
        g, gl, sl, pub = row["gamma"], row["global_layers"], row["sliding_layers"], row["published"]
        published = "—" if pub is None else (
            (f"{pub['what']}: " if not pub["same_model"] else "")
            + f"{pub['gamma']}" + (f" [{pub['ci'][0]}, {pub['ci'][1]}]" if pub["ci"] else "")
            + (f" (d {pub['window'][0]}–{pub['window'][1]})" if pub["window"] else "")
            + (f"; {pub['note']}" if pub["note"] else
               f"; estimator differs: {pub['estimator']}; ours over d {g['window'][0]}–{g['window'][1]}"))
        cmp = row["power_law_vs_exponential"]
        lines.append(
            f"| `{row['model']}` | {row['num_layers']} × {row['num_heads']} | {_theta(row['rope_theta'])} | "
            f"{row['trained_context']} | {_gci(g['value'], g['ci'])} | {_num(g['r2'])} | {g['window'][0]}–{g['window'][1]} | "
            f"{g['phase']} | {_gci(gl['gamma'], gl['ci']) if gl else '—'} | "
            f"{(_gci(sl['gamma'], sl['ci']) if sl['gamma'] is not None else sl['reason']) if sl else 'none'} | "
            f"{_gci(row['sink_mass']['value'], row['sink_mass']['ci'])} | "
            f"{cmp['preferred'] or '—'} ({_num(cmp['delta_aic'], 1)}) | "
            f"{_num(row['gamma_pade']['value']) if row['gamma_pade']['value'] is not None else row['gamma_pade']['note']} | "
            f"{published} |")
    for row in data["models"]:
        hp = row["head_phases"]
        lines += ["", f"## {row['model']} ({row['name']}, sha256 `{row['sha256'][:12]}`)", "",
                  f"{row['weights']}. Heads: {hp['A']} in Phase A, {hp['B']} in Phase B, {hp['undecided']} undecided "
                  f"(per-head γ in atlas.json). N = {row['protocol']['tokens']}, K = {row['protocol']['prompts']} prompts, "
                  f"seed {row['protocol']['seed']}.", "",
                  "| module | type | θ | γ [95% CI] | R² | phase | sink mass |", "|---|---|---|---|---|---|---|"]
        for layer in row["layers"]:
            lines.append(f"| `{layer['module']}` | {layer['type']} | {layer['rope_theta'] or '—'} | "
                         f"{_gci(layer['gamma'], layer['ci'])} | {_num(layer['r2'])} | {layer['phase'] or '—'} | "
                         f"{_num(layer['sink_mass'])} |")
    return "\n".join(lines) + "\n"
