"""From per-prompt attention profiles to the reported numbers (pure numpy, no model).

Input: ``profiles[k, layer, head, d]`` — mean attention weight at distance d over the fixed
query window for prompt k — and ``sinks[k, layer, head]``, the mean weight on key 0.
Pooled γ uses the layers whose attention reaches every distance of the window (a
sliding-window layer with window ≤ b is left out, and said so); the CI is a percentile
bootstrap over prompts. The pooled γ, its R², the sink mass and the power-law advantage keep
their resamples (the same prompt resamples for each, drawn from ``seed``), so verdicts built on
them can count how many resamples agree.

>>> import numpy as np
>>> d = np.arange(64, dtype=float); d[0] = 1.0
>>> prof = np.broadcast_to(0.2 * d ** -0.7, (3, 2, 2, 64)).copy()
>>> out = analyse(prof, np.full((3, 2, 2), 0.3), window=(2, 30), tokens=128,
...               layer_types=["full_attention"] * 2, sliding_window=None, bootstrap=50, seed=0,
...               per_head=False)
>>> round(out["gamma"]["value"], 6), [round(x, 6) for x in out["gamma"]["ci"]]
(0.7, [0.7, 0.7])
"""

from __future__ import annotations

import numpy as np

from attnthermo.measurement.fits import (
    bootstrap_means, compare_decay_models, gammas, interval, power_law_advantages,
    sensitivity_uppers,
)
from attnthermo.measurement.result import phase_of


def layers_reaching(layer_types: list[str], sliding_window: int | None, upper: int) -> list[int]:
    """Layers whose mask lets a query see every distance up to ``upper``."""
    return [i for i, t in enumerate(layer_types)
            if t != "sliding_attention" or (sliding_window is not None and upper < sliding_window)]


def _fit_block(per_prompt: np.ndarray, window: tuple[int, int], boot: np.ndarray) -> dict:
    """γ, CI, R² for per-prompt profiles (K, D) with their bootstrap means (B, D)."""
    mean = per_prompt.mean(axis=0)
    g, _, r2 = gammas(mean, window)
    gb, _, r2b = gammas(boot, window)
    return {"value": float(g), "ci": interval(gb), "r2": float(r2), "window": list(window),
            "resamples": gb.tolist(), "r2_resamples": r2b.tolist()}


def analyse(profiles: np.ndarray, sinks: np.ndarray, *, window: tuple[int, int], tokens: int,
            layer_types: list[str], sliding_window: int | None, bootstrap: int, seed: int,
            per_head: bool) -> dict:
    """All reported numbers for one model setting (see the module docstring)."""
    k, n_layers, n_heads, _ = profiles.shape
    a, b = window
    pooled = layers_reaching(layer_types, sliding_window, b)
    out: dict = {}
    if pooled:
        pooled_prompts = profiles[:, pooled].mean(axis=(1, 2))  # (K, D)
        boot = bootstrap_means(pooled_prompts, bootstrap, seed)
        out["gamma"] = _fit_block(pooled_prompts, window, boot)
        mean = pooled_prompts.mean(axis=0)
        d = np.arange(1, mean.shape[0])
        out["decay_model_comparison"] = compare_decay_models(d, mean[1:], window)
        advantage = power_law_advantages(boot, window)
        out["power_law_advantage"] = {
            "value": -out["decay_model_comparison"]["delta_aic"], "ci": interval(advantage),
            "resamples": advantage.tolist(),
            "over": "AIC(exponential) − AIC(power law) on the pooled profile; > 0: power law wins"}
        _, c, _ = gammas(mean, window)
        gb, cb, _ = gammas(boot, window)
        out["gamma"]["intercept"] = float(c)
        band_d = np.unique(np.round(np.geomspace(a, b, 40)).astype(int))
        curves = np.exp(cb[:, None] - gb[:, None] * np.log(band_d)[None, :])
        lo, hi = interval(curves)
        out["gamma"]["band"] = {"d": band_d.tolist(), "lo": lo, "hi": hi,
                                "what": "95% bootstrap band of the fitted power law"}
        curve = []
        for upper in sensitivity_uppers(window, tokens):
            reach = layers_reaching(layer_types, sliding_window, upper)
            if reach != pooled:
                continue  # the sensitivity curve keeps the same layers as the headline
            w = (a, upper)
            g, _, r2 = gammas(mean, w)
            gbu, _, _ = gammas(boot, w)
            curve.append({"upper": upper, "gamma": float(g), "ci": interval(gbu), "r2": float(r2)})
        out["sensitivity"] = curve
        out["profile"] = {"distances": list(range(mean.shape[0])), "mean": mean.tolist(),
                          "prompt_std": pooled_prompts.std(axis=0, ddof=1).tolist() if k > 1 else None}
    else:
        out["gamma"] = {"value": None, "ci": [None, None], "r2": None, "window": list(window),
                        "reason": "no layer's attention reaches every distance of the window"}
        out["decay_model_comparison"] = None
        out["power_law_advantage"] = None
        out["sensitivity"] = []
        out["profile"] = None
    out["gamma"]["pooled_layers"] = pooled
    out["gamma"]["points"] = f"every integer distance d in [{a}, {b}], equal weight, on log A"

    sink_prompts = sinks.mean(axis=(1, 2))
    sink_boot = bootstrap_means(sink_prompts, bootstrap, seed)
    out["sink_mass"] = {"value": float(sink_prompts.mean()), "ci": interval(sink_boot),
                        "resamples": sink_boot.tolist(), "over": "all layers and heads, queries in [N/2, N), weight on key 0"}

    per_layer_prompts = profiles.mean(axis=2)  # (K, L, D)
    layer_boot = bootstrap_means(per_layer_prompts, bootstrap, seed)
    g_l, _, r2_l = gammas(per_layer_prompts.mean(axis=0), window)
    gb_l, _, _ = gammas(layer_boot, window)
    lo, hi = interval(gb_l)
    reaching = set(pooled)
    out["layers"] = [
        {"layer": i, "type": layer_types[i], "gamma": float(g_l[i]) if i in reaching else None,
         "ci": [lo[i], hi[i]] if i in reaching else [None, None],
         "r2": float(r2_l[i]) if i in reaching else None,
         "sink_mass": float(sinks[:, i].mean()),
         "phase": phase_of((lo[i], hi[i])) if i in reaching else None}
        for i in range(n_layers)
    ]
    groups = {}
    for layer_type in sorted(set(layer_types)):
        members = [i for i, t in enumerate(layer_types) if t == layer_type]
        block = profiles[:, members].mean(axis=(1, 2))
        entry = {"layers": members, "sink_mass": float(sinks[:, members].mean())}
        if set(members) <= reaching:
            entry.update(_fit_block(block, window, bootstrap_means(block, bootstrap, seed)))
        else:
            entry.update({"value": None, "ci": [None, None], "r2": None, "window": list(window),
                          "reason": f"the sliding window ({sliding_window}) does not reach d = {b}"})
        groups[layer_type] = entry
    out["layer_groups"] = groups

    out["heads"] = _heads(profiles, sinks, window, layer_types, reaching, bootstrap, seed) if per_head else []
    return out


def _heads(profiles: np.ndarray, sinks: np.ndarray, window: tuple[int, int], layer_types: list[str],
           reaching: set[int], bootstrap: int, seed: int) -> list[dict]:
    """γ with its bootstrap CI for every (layer, head); None where the layer cannot see the window."""
    rows = []
    for layer in range(profiles.shape[1]):
        per_prompt = profiles[:, layer]  # (K, H, D)
        g, _, r2 = gammas(per_prompt.mean(axis=0), window)
        lo, hi = interval(gammas(bootstrap_means(per_prompt, bootstrap, seed), window)[0])
        for head in range(per_prompt.shape[1]):
            seen = layer in reaching and np.isfinite(g[head])
            ci = (lo[head], hi[head]) if seen else (None, None)
            rows.append({"layer": layer, "head": head, "type": layer_types[layer],
                         "gamma": float(g[head]) if seen else None, "ci": list(ci),
                         "r2": float(r2[head]) if seen else None,
                         "sink_mass": float(sinks[:, layer, head].mean()), "phase": phase_of(ci)})
    return rows
