module

public import AttnThermo.Ensemble
public import AttnThermo.Derivation
public import AttnThermo.DualNumber
public import AttnThermo.Fisher
public import AttnThermo.Fugacity
public import AttnThermo.LogUniform
public import AttnThermo.HarmonicVariance
public import AttnThermo.RopePade

/-!
# attnthermo: the Lean core

The formally checked algebra behind the attention-as-thermodynamics claims, in core Lean (no
Mathlib), stated over generic commutative rings and fields so it applies to `ℝ` unchanged:

* `AttnThermo.Ensemble`: finite Gibbs ensembles, `Z`, moments, mean, variance.
* `AttnThermo.Derivation`: `∂_γ` as a derivation; `DZ = -S_1`, `D²Z = S_2`, the score
  `D p_d = p_d (-E_d + ⟨E⟩)`, `D⟨E⟩ = -Var(E)`, `D (DZ/Z) = Var(E)`.
* `AttnThermo.DualNumber`: dual numbers over `Rat`, a nonzero derivation with nonzero energies.
* `AttnThermo.Fisher`: `I = Σ (D p)²/p = Var(E)`, `C_V = -γ² D⟨E⟩ = γ² Var(E)`, `I = C_V/γ²`.
* `AttnThermo.Fugacity`: the attention ensemble `w_d = z^d a_d`, its `Z` is the truncated
  series `Σ_{d≤N} a_d z^d`, and `z ∂_z` maps it to `Σ_{d≤N} d a_d z^d`.
* `AttnThermo.LogUniform`: `γ = 1`, moments from an antiderivative, `Var = L²/12 ≠ L²/4`.
* `AttnThermo.HarmonicVariance`: the finite `γ = 1` ensemble `p_d ∝ 1/d`, energy `ℓ d` for any
  log-like `ℓ`: `-47/18 ≤ Var_N - L²/12 ≤ L/6 + 17/12` (`N ≥ 2`), so `Var_N ≠ L²/4` for `L ≥ 7/2`.
* `AttnThermo.RopePade`: RoPE wavelengths and the `γ_Padé` algebra.

Not formalised: real derivatives (`∂_γ` is an abstract derivation), `log` and real powers
(energies and coefficients are abstract), infinite sums (`Li_γ(z)`, `ζ`), the integral (only
its polynomial form), and `log` itself (the `γ = 1` bound is proved for every log-like `ℓ`).
-/
