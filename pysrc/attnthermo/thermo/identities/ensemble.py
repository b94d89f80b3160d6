"""Identities of ``AttnThermo.Ensemble``: the finite Gibbs ensemble's variance.

``ENSEMBLE_GRID`` (γ, N, z) is where the O(1) closed forms of :mod:`attnthermo.thermo.ensemble`
meet the brute-force sums of :mod:`attnthermo.thermo.reference`; the other ensemble identities
use it too.
"""

from __future__ import annotations

import random
from fractions import Fraction

from attnthermo.defaults import DEFAULT_DPS
from attnthermo.thermo import ensemble, finite
from attnthermo.thermo.checks import Tally, require_sympy_equal
from attnthermo.thermo.identities.identity import declare, describe, equation
from attnthermo.thermo.reference import brute_force_moments

LEAN_MODULE = "AttnThermo.Ensemble"

# γ < 1, γ = 1, γ > 1; z = 1 and z < 1
ENSEMBLE_GRID = ((Fraction(-1, 2), 25, 1), (Fraction(1, 2), 40, 1), (1, 40, 1), (Fraction(5, 2), 30, 1),
                 (1, 30, Fraction(3, 5)), (Fraction(3, 2), 20, Fraction(9, 10)))


def symbolic_ensemble(count: int):
    """``count`` symbolic states: energies E_i, positive weights w_i, Z, ⟨E⟩, ⟨E²⟩."""
    import sympy

    E = sympy.symbols(f"E1:{count + 1}", real=True)
    w = sympy.symbols(f"w1:{count + 1}", positive=True)
    Z = sum(w)
    mean = sum(wi * Ei for wi, Ei in zip(w, E)) / Z
    second = sum(wi * Ei**2 for wi, Ei in zip(w, E)) / Z
    return E, w, Z, mean, second


def against_brute_force(tally: Tally, quantity: str, grid=ENSEMBLE_GRID) -> None:
    """``ensemble.<quantity>`` against the brute-force sum at every (γ, N, z) of ``grid``."""
    for gamma, N, z in grid:
        reference = brute_force_moments(gamma, N, z, dps=tally.dps)
        value = getattr(ensemble, quantity)(gamma=gamma, N=N, z=z, dps=tally.dps)
        tally.compare(value, reference[quantity], f"{quantity}(γ={gamma}, N={N}, z={z})")


# -- energyVariance_eq_meanSqDeviation ------------------------------------------------------------

VARIANCE_STATES = 3
RANDOM_ENSEMBLES = 20


def _variance_form():
    E, w, Z, mean, second = symbolic_ensemble(VARIANCE_STATES)
    return equation(second - mean**2, sum(wi * (Ei - mean) ** 2 for wi, Ei in zip(w, E)) / Z)


def _variance_value(*, gamma, N, z, dps):
    return ensemble.energy_variance(gamma=gamma, N=N, z=z, dps=dps)


def _variance_check(t: Tally) -> None:
    require_sympy_equal(t, _variance_form(), f"⟨E²⟩-⟨E⟩² = Σw(E-⟨E⟩)²/Z on {VARIANCE_STATES} symbolic states")
    rng = random.Random(1)
    for _ in range(RANDOM_ENSEMBLES):
        size = rng.randint(1, 6)
        E = [Fraction(rng.randint(-9, 9), rng.randint(1, 5)) for _ in range(size)]
        w = [Fraction(rng.randint(1, 9), rng.randint(1, 5)) for _ in range(size)]
        t.require(finite.energy_variance(E, w) == finite.mean_sq_deviation(E, w), f"exact rationals {E} {w}")
        Z, S1, S2 = finite.partition_sum(E, w), finite.energy_moment(E, w, 1), finite.energy_moment(E, w, 2)
        t.require(finite.energy_variance(E, w) * Z**2 == Z * S2 - S1**2, f"Var·Z² = Z·S₂ - S₁² for {E} {w}")
    against_brute_force(t, "energy_variance")


ENERGY_VARIANCE = declare(
    lean_module=LEAN_MODULE,
    lean=("energyVariance_eq_meanSqDeviation", "energyVariance_mul_sq_partition"),
    statement="⟨E²⟩ - ⟨E⟩² = Σ_d w_d (E_d - ⟨E⟩)² / Z  (Z ≠ 0); and Var·Z² = Z·S₂ - S₁²",
    point=dict(gamma=1, N=1000, z=1, dps=DEFAULT_DPS),
    grid=(f"sympy on {VARIANCE_STATES} symbolic states; {RANDOM_ENSEMBLES} random rational ensembles (exact); "
          f"(γ, N, z) ∈ {describe(ENSEMBLE_GRID)} against brute force"),
    form=_variance_form, evaluate=_variance_value, check=_variance_check,
)
