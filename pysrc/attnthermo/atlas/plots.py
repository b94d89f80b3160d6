"""The atlas figures: γ per layer with CI, per-head γ heatmap, γ vs θ and vs trained context,
and the Phase A/B fraction; drawn from atlas.json rows alone (bare matplotlib Figures)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np


def _figure(width: float, height: float, panels: int = 1):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height))
    return fig, fig.subplots(1, panels, squeeze=False)[0]


def _gamma(values: list[Any]) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in values], dtype=float)


def gamma_per_layer(rows: list[dict], path: Path) -> Path:
    """γ per layer with its 95% CI, one panel per model; global and sliding layers marked apart."""
    fig, axes = _figure(5.2 * len(rows), 3.8, len(rows))
    for ax, row in zip(axes, rows):
        layers = row["layers"]
        x = np.array([layer["layer"] for layer in layers])
        g = _gamma([layer["gamma"] for layer in layers])
        lo = _gamma([layer["ci"][0] for layer in layers])
        hi = _gamma([layer["ci"][1] for layer in layers])
        for kind, marker in (("full_attention", "o"), ("sliding_attention", "s")):
            m = np.array([layer["type"] == kind for layer in layers])
            if m.any():
                ax.errorbar(x[m], g[m], yerr=[g[m] - lo[m], hi[m] - g[m]], fmt=marker, ms=4, capsize=2,
                            label=kind.replace("_", " "))
        ax.axhline(1, color="0.5", ls=":", lw=1)
        ax.set(title=f"{row['model']}: γ per layer (95% CI)", xlabel="layer", ylabel="γ")
        ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    return path


def head_heatmap(rows: list[dict], path: Path) -> Path:
    """Per-head γ as a (layer × head) heatmap, one panel per model."""
    fig, axes = _figure(4.6 * len(rows), 4.2, len(rows))
    for ax, row in zip(axes, rows):
        grid = np.full((row["num_layers"], row["num_heads"]), np.nan)
        for h in row["heads"]:
            grid[h["layer"], h["head"]] = np.nan if h["gamma"] is None else h["gamma"]
        image = ax.imshow(grid, aspect="auto", cmap="coolwarm", vmin=0, vmax=2, origin="lower")
        ax.set(title=f"{row['model']}: γ per head", xlabel="head", ylabel="layer")
        fig.colorbar(image, ax=ax, fraction=0.046, label="γ (1 = the A/B boundary)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    return path


def gamma_vs_theta_and_context(rows: list[dict], path: Path) -> Path:
    """Pooled γ (95% CI) against the global layers' RoPE θ and against the trained context."""
    fig, (left, right) = _figure(10, 3.8, 2)
    for row in rows:
        thetas = row["rope_theta"] or {}
        theta = thetas.get("full_attention", next(iter(thetas.values()), None))
        g = row["gamma"]
        if g["value"] is None:
            continue
        err = [[g["value"] - g["ci"][0]], [g["ci"][1] - g["value"]]]
        for ax, x in ((left, theta), (right, row["trained_context"])):
            if x:
                ax.errorbar([x], [g["value"]], yerr=err, fmt="o", capsize=3, label=row["model"])
    for ax, label in ((left, "RoPE θ (global layers)"), (right, "trained context T")):
        ax.axhline(1, color="0.5", ls=":", lw=1)
        ax.set(xscale="log", xlabel=label, ylabel="pooled γ (95% CI)")
        ax.legend(fontsize=7)
    left.set_title("γ vs θ across models")
    right.set_title("γ vs trained context across models")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    return path


def phase_fraction(rows: list[dict], path: Path) -> Path:
    """Fraction of heads in Phase A, Phase B and undecided (by their CI), per model; the legend sits
    beside the bars (never over them) and the title fits the narrow one-model figure."""
    fig, (ax,) = _figure(3.2 + 1.4 * len(rows), 3.6)
    names = [row["model"] for row in rows]
    bottom = np.zeros(len(rows))
    for phase, colour in (("A", "C0"), ("undecided", "0.7"), ("B", "C3")):
        counts = np.array([row["head_phases"][phase] for row in rows], dtype=float)
        totals = np.array([max(1, sum(row["head_phases"].values())) for row in rows], dtype=float)
        ax.bar(names, counts / totals, bottom=bottom, color=colour, label=f"Phase {phase}" if phase != "undecided" else phase)
        bottom += counts / totals
    ax.set(ylabel="fraction of heads", ylim=(0, 1), title="head phases by the 95% CI\nA: γ < 1, B: γ > 1")
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.02, 1), frameon=False)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    return path


def draw_all(rows: list[dict], out: Path) -> dict[str, str]:
    """Every atlas figure into ``out``; returns name -> path."""
    figures = {"gamma_per_layer": gamma_per_layer, "head_heatmap": head_heatmap,
               "gamma_vs_theta_and_context": gamma_vs_theta_and_context, "phase_fraction": phase_fraction}
    return {name: str(draw(rows, out / f"{name}.png")) for name, draw in figures.items()}
