"""Identities of ``AttnThermo.Derivation``: a derivation D with D w_d = -E_d w_d generates the
moments (D Z = -S₁, D²Z = S₂) and D(DZ/Z) = Var(E). On the power-law ensemble D is ∂_γ
(w_d = z^d d^-γ, E_d = log d): here ∂²_γ log Z is taken by finite differences of the O(1)
partition function, independently of the moment formula it is compared with.
"""

from __future__ import annotations

from fractions import Fraction

import mpmath

from attnthermo.defaults import DEFAULT_DPS
from attnthermo.thermo import ensemble
from attnthermo.thermo.checks import Tally, require_sympy_equal
from attnthermo.thermo.identities.identity import declare, describe, equation
from attnthermo.thermo.params import as_fugacity, as_real, to_mpf
from attnthermo.thermo.power_sums import power_sums

LEAN_MODULE = "AttnThermo.Derivation"

FORM_STATES = 4
POINTS = ((Fraction(1, 2), 40, 1), (Fraction(5, 2), 10**6, 1), (1, 10**3, 1), (Fraction(3, 2), 20, Fraction(1, 2)))


def log_partition_second_derivative(*, gamma, N, z, dps):
    """∂²_γ log Z by a five-point central difference of log Z at step 10^-(dps/4+4) and
    2·dps+40 working digits."""
    g, zz = as_real(gamma, "gamma"), as_fugacity(z)
    wp = 2 * dps + 40
    with mpmath.workdps(wp):
        h = mpmath.mpf(10) ** -(dps // 4 + 4)
        center = to_mpf(g)
        f = [mpmath.log(power_sums(center + j * h, N, zz, wp=wp, k_max=0).sums[0]) for j in (-2, -1, 0, 1, 2)]
        value = (-f[0] + 16 * f[1] - 30 * f[2] + 16 * f[3] - f[4]) / (12 * h * h)
    with mpmath.workdps(dps):
        return +value


def _form():
    import sympy

    gamma = sympy.Symbol("gamma", real=True)
    Z = sum(sympy.Integer(j) ** -gamma for j in range(1, FORM_STATES + 1))
    S = [sum(sympy.log(j) ** p * sympy.Integer(j) ** -gamma for j in range(1, FORM_STATES + 1)) for p in range(3)]
    return equation(sympy.Derivative(sympy.log(Z), (gamma, 2)), S[2] / S[0] - (S[1] / S[0]) ** 2)


def _check(t: Tally) -> None:
    require_sympy_equal(t, _form(), f"∂²_γ log Σ_{{d≤{FORM_STATES}}} d^-γ = S₂/S₀ - (S₁/S₀)²")
    for gamma, N, z in POINTS:
        t.compare(log_partition_second_derivative(gamma=gamma, N=N, z=z, dps=t.dps),
                  ensemble.energy_variance(gamma=gamma, N=N, z=z, dps=t.dps), f"∂²log Z vs Var at γ={gamma}, N={N}, z={z}")


LOG_PARTITION = declare(
    lean_module=LEAN_MODULE,
    lean=("logPartition_secondDerivative_eq_energyVariance", "derivation_logDeriv_partitionFunction",
          "derivation_partitionFunction", "derivation_sq_partitionFunction", "partition_mul_derivation_sq_sub_sq",
          "logPartition_derivation_eq_neg_meanEnergy", "derivation_meanEnergy"),
    statement="∂²_γ log Z = (Z·∂²Z - (∂Z)²)/Z² = ⟨E²⟩ - ⟨E⟩², with ∂_γ Z = -S₁, ∂²_γ Z = S₂, ∂_γ⟨E⟩ = -Var(E)",
    point=dict(gamma=2, N=1000, z=1, dps=DEFAULT_DPS),
    grid=f"sympy at N={FORM_STATES}; five-point difference of log Z vs the moment formula at (γ, N, z) ∈ {describe(POINTS)}",
    form=_form, evaluate=log_partition_second_derivative, check=_check,
)
