"""Identities of ``AttnThermo.Fisher``: the Fisher information Σ_d (∂_γ p_d)²/p_d equals Var(E),
the heat capacity C_V = -γ²·∂_γ⟨E⟩ equals γ²·Var(E) (fluctuation–dissipation), so I = C_V/γ².

The sympy form takes the definitions as Lean now states them (derivatives of p_d = w_d/Z with
w_d = c_d e^{-γE_d}); the numeric re-check compares C_V/γ² with a brute-force E[score²] and the
thermodynamic -γ²∂_γ⟨E⟩ (a finite difference of the O(1) mean energy) with γ²·Var.
"""

from __future__ import annotations

import random
from fractions import Fraction

import mpmath

from attnthermo.defaults import DEFAULT_DPS
from attnthermo.errors import DomainError
from attnthermo.thermo import ensemble, finite
from attnthermo.thermo.checks import Tally, require_sympy_equal
from attnthermo.thermo.identities.ensemble import ENSEMBLE_GRID
from attnthermo.thermo.identities.identity import declare, describe, equation
from attnthermo.thermo.params import as_real, guarded_dps, to_mpf
from attnthermo.thermo.reference import brute_force_moments

LEAN_MODULE = "AttnThermo.Fisher"

FORM_STATES = 3
RANDOM_ENSEMBLES = 10
THERMODYNAMIC_POINTS = ((Fraction(3, 2), 10**4, 1), (1, 10**3, 1), (Fraction(1, 2), 50, Fraction(4, 5)))


def heat_capacity_div_sq(*, gamma, N, z, dps):
    """C_V/γ² (γ ≠ 0), the right-hand side of the identity."""
    g = as_real(gamma, "gamma")
    if g == 0:
        raise DomainError("gamma", gamma, "C_V/gamma^2 is undefined at gamma = 0 (use fisher_information)")
    cv = ensemble.heat_capacity(gamma=gamma, N=N, z=z, dps=guarded_dps(dps, 5))
    with mpmath.workdps(dps + 5):
        value = cv / to_mpf(g) ** 2
    with mpmath.workdps(dps):
        return +value


def thermodynamic_heat_capacity(*, gamma, N, z, dps):
    """-γ²·∂_γ⟨E⟩ by a central difference of the O(1) mean energy (C = -β² ∂U/∂β)."""
    g = to_mpf(as_real(gamma, "gamma"))
    wp = guarded_dps(dps, dps + 20)
    with mpmath.workdps(wp):
        h = mpmath.mpf(10) ** -(dps // 2 + 5)
        up = ensemble.mean_energy(gamma=g + h, N=N, z=z, dps=wp)
        down = ensemble.mean_energy(gamma=g - h, N=N, z=z, dps=wp)
        value = -g**2 * (up - down) / (2 * h)
    with mpmath.workdps(dps):
        return +value


def _form():
    import sympy

    gamma = sympy.Symbol("gamma", nonzero=True)
    E = sympy.symbols(f"E1:{FORM_STATES + 1}", real=True)
    c = sympy.symbols(f"c1:{FORM_STATES + 1}", positive=True)
    w = [ci * sympy.exp(-gamma * Ei) for ci, Ei in zip(c, E)]
    Z = sum(w)
    p = [wi / Z for wi in w]
    mean = sum(pi * Ei for pi, Ei in zip(p, E))
    fisher = sum(sympy.diff(pi, gamma) ** 2 / pi for pi in p)
    heat_capacity = -gamma**2 * sympy.diff(mean, gamma)
    return equation(fisher, heat_capacity / gamma**2)


def _check(t: Tally) -> None:
    require_sympy_equal(t, _form(), f"Σ(∂p)²/p = (-γ²∂⟨E⟩)/γ² on {FORM_STATES} symbolic states")
    rng = random.Random(2)
    for _ in range(RANDOM_ENSEMBLES):
        E = [Fraction(rng.randint(-9, 9), 4) for _ in range(4)]
        w = [Fraction(rng.randint(1, 9)) for _ in range(4)]
        g = Fraction(rng.choice([-3, -1, 1, 2, 5]), rng.randint(1, 3))
        t.require(finite.fisher_information(E, w) == finite.heat_capacity(E, w, g) / g**2, f"exact γ={g} {E} {w}")
    for gamma, N, z in ENSEMBLE_GRID:
        reference = brute_force_moments(gamma, N, z, dps=t.dps)["fisher_information"]  # E[score²], summed
        t.compare(heat_capacity_div_sq(gamma=gamma, N=N, z=z, dps=t.dps), reference,
                  f"C_V/γ² vs E[score²] at γ={gamma}, N={N}, z={z}")
    for gamma, N, z in THERMODYNAMIC_POINTS:
        t.compare(thermodynamic_heat_capacity(gamma=gamma, N=N, z=z, dps=t.dps),
                  ensemble.heat_capacity(gamma=gamma, N=N, z=z, dps=t.dps), f"-γ²∂⟨E⟩ vs γ²Var at γ={gamma}, N={N}, z={z}")


FISHER = declare(
    lean_module=LEAN_MODULE,
    lean=("fisherInformation_eq_heatCapacity_div_sq", "fisherInformation_eq_energyVariance",
          "heatCapacity_eq_sq_mul_energyVariance", "fisherInformation_eq_logPartition_secondDerivative"),
    statement="I(γ) = Σ_d (∂_γ p_d)²/p_d = Var(E) = C_V/γ² with C_V = -γ²∂_γ⟨E⟩ = γ²Var(E)  (γ ≠ 0)",
    point=dict(gamma=2, N=1000, z=1, dps=DEFAULT_DPS),
    grid=(f"sympy on {FORM_STATES} symbolic states; {RANDOM_ENSEMBLES} random rational ensembles; C_V/γ² vs "
          f"brute-force E[score²] at (γ, N, z) ∈ {describe(ENSEMBLE_GRID)}; -γ²∂_γ⟨E⟩ vs γ²Var at "
          f"{describe(THERMODYNAMIC_POINTS)}"),
    form=_form, evaluate=heat_capacity_div_sq, check=_check,
)
