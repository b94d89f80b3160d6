"""The audit's two figures: measured A(d) with its fit and γ_Padé's slope; C_V(γ=1) exact vs /12 vs /4.

Both are drawn from numbers the audit already has (the decay-fit measurement's JSON, and the
exact O(1) heat capacity of attnthermo.thermo); matplotlib runs headless (Agg).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def heat_capacity_series(exponents: range, dps: int = 20) -> list[dict[str, float]]:
    """C_V(γ=1, N) exact, (log N)²/12 and (log N)²/4 at N = 10^k for k in ``exponents``.

    >>> row = heat_capacity_series(range(3, 4))[0]
    >>> round(row["exact"], 6), round(row["twelfth"], 6), round(row["quarter"], 6)
    (4.58003, 3.976424, 11.929271)
    """
    from attnthermo.thermo.ensemble import heat_capacity

    rows = []
    for k in exponents:
        N = 10**k
        L = math.log(N)
        rows.append({"N": N, "exact": float(heat_capacity(gamma=1, N=N, dps=dps)),
                     "twelfth": L * L / 12, "quarter": L * L / 4})
    return rows


def plot_heat_capacity(rows: list[dict[str, float]], path: Path) -> Path:
    """C_V(γ=1) against N: the exact value beside the corrected (log N)²/12 and the erratum's /4."""
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    Ns = [r["N"] for r in rows]
    ax.plot(Ns, [r["exact"] for r in rows], "o-", color="black", label="exact C_V(γ=1), O(1) evaluation")
    ax.plot(Ns, [r["twelfth"] for r in rows], "--", color="tab:blue", label="(log N)²/12 (corrected)")
    ax.plot(Ns, [r["quarter"] for r in rows], ":", color="tab:red", label="(log N)²/4 (erratum)")
    ax.set_xscale("log")
    ax.set_xlabel("N (number of distances)")
    ax.set_ylabel("heat capacity at γ = 1")
    ax.set_title("C_V(γ=1): exact vs the two published coefficients")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def plot_decay(result: dict[str, Any], metrics: dict[str, Any], path: Path) -> Path:
    """Measured pooled A(d) on log-log axes, the fitted power law, and γ_Padé's slope through it."""
    profile, fit = result["profile"], result["gamma"]
    d = [float(x) for x in profile["distances"][1:]]  # d = 0 is the query itself
    a = [float(x) for x in profile["mean"][1:]]
    lo, hi = fit["window"]
    gamma, intercept = float(fit["value"]), float(fit["intercept"])
    xs = [x for x in d if lo <= x <= hi]
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    ax.loglog(d, a, ".", color="0.4", ms=3, label="measured A(d), pooled (sink excluded)")
    ax.loglog(xs, [math.exp(intercept) * x**-gamma for x in xs], "-", color="tab:blue",
              label=f"fit γ = {gamma:.3f}, R² = {float(fit['r2']):.3f}")
    pade = metrics.get("gamma_pade")
    if pade is not None:  # same anchor at the window's start, slope γ_Padé
        start = math.exp(intercept) * xs[0] ** -gamma
        ax.loglog(xs, [start * (x / xs[0]) ** -pade for x in xs], "--", color="tab:red",
                  label=f"γ_Padé = {pade:.3f} (θ = {metrics.get('theta'):g}, T = {metrics.get('pade_T')})")
    ax.axvspan(lo, hi, color="tab:blue", alpha=0.06, label=f"fit window [{lo}, {hi}]")
    ax.set_xlabel("distance d")
    ax.set_ylabel("mean attention A(d)")
    ax.set_title(f"Attention decay: {result.get('model', {}).get('name', 'model')}")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path
