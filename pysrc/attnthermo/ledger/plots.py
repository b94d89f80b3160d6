"""The audit's C_V(γ=1) figure: exact vs the corrected /12, the erratum's /4 and the Lean band.

Drawn from the exact O(1) heat capacity of attnthermo.thermo, on a bare ``Figure`` (no pyplot
state, so a notebook's plotting backend is left alone). The audit's other figure, the measured
A(d), is the measurement's own plot (attnthermo.measurement.plot).
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
