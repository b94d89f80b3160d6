"""The audit's own figures: C_V(γ=1) (exact vs the corrected /12, the erratum's /4 and the Lean
band) and γ against the fit window for the audited models.

Drawn on a bare ``Figure`` (no pyplot state, so a notebook's plotting backend is left alone):
C_V from the exact O(1) heat capacity of attnthermo.thermo, γ against window from the decay
fits' per-prompt profiles. The measured A(d) is the measurement's own plot
(attnthermo.measurement.plot).
"""

from __future__ import annotations

import math
from pathlib import Path

from matplotlib.figure import Figure

from attnthermo.lean_band import LeanBand


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


def plot_heat_capacity(rows: list[dict[str, float]], path: Path, band: LeanBand | str | None = None) -> Path:
    """C_V(γ=1) against N: the exact value beside the corrected (log N)²/12 and the erratum's /4, and
    the band Lean proved for every log-like ℓ (``band``, from the manifest), or, given a string, why
    the figure has no band (written on it)."""
    fig = Figure(figsize=(6.4, 4.2))
    ax = fig.subplots()
    Ns = [r["N"] for r in rows]
    if isinstance(band, str):
        ax.text(0.02, 0.02, f"no Lean band: {band}"[:90], transform=ax.transAxes, fontsize=7, color="tab:red")
    elif band is not None:
        shown = [n for n in Ns if n >= band.N_min]
        low, high = zip(*(map(float, band.bounds(math.log(n))) for n in shown)) if shown else ((), ())
        ax.fill_between(shown, low, high, color="tab:green", alpha=0.2,
                        label=f"Lean band ({band.theorem.rsplit('.', 1)[1]})")
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
    return path


def plot_gamma_against_window(results: dict, path: Path) -> Path:
    """γ against the fit window for each model: local windows [d, 4d] (points with 95% CI, at the
    window's geometric middle) and the default family's members (segments spanning [a, b]).

    ``results`` maps a model name to its decay-fit MeasurementResult (with per-prompt profiles).
    Models with sliding-window layers get a second, dashed curve on their full-attention layers.
    """
    from attnthermo.measurement.window_family import gamma_against_window

    fig = Figure(figsize=(6.8, 4.4))
    ax = fig.subplots()
    for i, (model, result) in enumerate(results.items()):
        color = f"C{i}"
        pp = result.per_prompt
        curves = [("reaching", "-o", "every layer that reaches the window")]
        if "sliding_attention" in pp.layer_types:
            curves.append(("full_attention", "--s", "full-attention layers only"))
        for layers, style, what in curves:
            rows = gamma_against_window(pp, layers)
            x = [math.sqrt(r["window"][0] * r["window"][1]) for r in rows]
            y = [r["gamma"] for r in rows]
            err = [[r["gamma"] - r["ci"][0] for r in rows], [r["ci"][1] - r["gamma"] for r in rows]]
            ax.errorbar(x, y, yerr=err, fmt=style, color=color, ms=4, capsize=2, lw=1,
                        label=f"{model}, [d, 4d], {what}")
        for m in (result.windows or {}).get("members", []):
            if m.get("gamma") is None:
                continue
            a, b = m["window"]
            ax.plot([a, b], [m["gamma"]] * 2, "-", color=color, lw=5, alpha=0.3, solid_capstyle="butt")
            ax.annotate(m["spec"], (math.sqrt(a * b), m["gamma"]), fontsize=6, color=color,
                        xytext=(0, 4), textcoords="offset points", ha="center")
    ax.axhline(1.0, color="0.5", lw=0.8, ls=":")
    ax.set_xscale("log")
    ax.set_xlabel("distance d (window's geometric middle; bars: the default family's windows)")
    ax.set_ylabel("fitted γ (95% bootstrap CI)")
    setting = sorted({f"N = {r.protocol.get('tokens')}, K = {r.protocol.get('prompts')}" for r in results.values()})
    ax.set_title(f"γ against the fit window ({'; '.join(setting)})", fontsize=10)
    ax.legend(fontsize=6.5)
    fig.tight_layout()
    fig.savefig(path, dpi=130)
    return path
