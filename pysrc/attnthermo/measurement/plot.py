"""The decay plot: A(d) on log–log axes, the power-law fit with its bootstrap band, the window,
and the slope γ_Padé(θ, T) for the model's θ with T the trained context length."""

from __future__ import annotations

from pathlib import Path

import numpy as np


def plot_decay(data: dict, path: Path) -> Path:
    """Draw the measurement ``data`` (a MeasurementResult's dict) to ``path``; returns the path."""
    from matplotlib.figure import Figure  # a bare Figure: no pyplot state, no backend switch

    g = data["gamma"]
    if data.get("profile") is None or g["value"] is None:
        raise ValueError("this measurement has no pooled fit to plot (see gamma.reason)")
    d = np.arange(len(data["profile"]["mean"]))[1:]
    A = np.asarray(data["profile"]["mean"], dtype=float)[1:]
    a, b = g["window"]
    fig = Figure(figsize=(6.4, 4.6))
    ax = fig.subplots()
    ax.loglog(d, A, ".", ms=3, color="0.35", label="A(d), pooled (queries in [N/2, N))")
    fd = np.geomspace(a, b, 50)
    ax.loglog(fd, np.exp(g["intercept"] - g["value"] * np.log(fd)), "-", color="C0",
              label=f"fit γ = {g['value']:.3f} [{g['ci'][0]:.3f}, {g['ci'][1]:.3f}], R² = {g['r2']:.3f}")
    band = g.get("band")
    if band:
        ax.fill_between(band["d"], band["lo"], band["hi"], color="C0", alpha=0.25,
                        label="95% bootstrap band")
    pade = data.get("pade")
    if pade:
        gp = pade["gamma_trained_context"]
        mid = np.sqrt(a * b)
        anchor = np.exp(g["intercept"] - g["value"] * np.log(mid))
        ax.loglog(fd, anchor * (fd / mid) ** -gp, "--", color="C3",
                  label=f"γ_Padé(θ={pade['theta']:g}, T={pade['T_trained']} trained) = {gp:.3f}")
    ax.axvspan(a, b, color="C0", alpha=0.06)
    control = data["protocol"].get("control")
    title = f"{data['model']['name']}: N={data['protocol']['tokens']}, K={data['protocol']['prompts']}"
    ax.set_title(title + (f", control: {control}" if control else ""), fontsize=10)
    ax.set_xlabel("distance d (tokens)")
    ax.set_ylabel("mean attention weight A(d)")
    ax.legend(fontsize=7, loc="lower left")
    fig.text(0.01, 0.005, data["model"]["weights"], fontsize=5.5, color="0.4")
    fig.tight_layout()
    fig.savefig(path, dpi=130)
    return path
