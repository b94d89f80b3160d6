module

public import AttnThermo.DualNumber

/-!
# The attention ensemble: its partition function is the truncated polylogarithm

The attention ensemble has states `d = 1, …, N` with energy `E_d` and weight `w_d = z^d a_d`,
where `a_d` stands for `d^{-γ}` (any coefficient family: real `γ` is allowed, core Lean just
has no real powers to write it). Two derivations act on it: `∂_γ` (`D z = 0`,
`D a_d = -E_d a_d`, i.e. `E_d = log d`) and the fugacity operator `z ∂_z` (`D z = z`,
`D a_d = 0`).

## Main definitions
* `truncatedSeries c z N = Σ_{d=1}^{N} c_d z^d`, `fugacityOp c = (d ↦ d c_d)`.
* `attentionStates E a z N`: the states `(E_d, z^d a_d)`, `d = N, …, 1`.
* `polylogCoeff s d = 1/d^s`, `truncatedPolylog s N z = Σ_{d=1}^{N} z^d / d^s` (natural `s`).

## Main results
* `partitionFunction_attentionStates`: `Z = Σ_{d≤N} a_d z^d`, the truncated series.
* `derivation_partitionFunction_attentionStates`: under `∂_γ`, `D Σ a_d z^d = -Σ_d E_d w_d`;
  `logSeries_secondDerivative_eq_energyVariance`: `D (DZ/Z) = Var(E)` for that ensemble.
* `fugacity_partitionFunction_attentionStates`: under `z ∂_z`, `D Z = Σ_{d≤N} d a_d z^d`, one
  theorem for the whole sum and any coefficients; `fugacity_truncatedSeries_shift`: if
  `d a_d = b_d` for all `d` (as `d · d^{-γ} = d^{-(γ-1)}` for every real `γ`), then
  `z ∂_z Σ a_d z^d = Σ b_d z^d`.
* `derivation_truncatedSeries`, `fugacity_truncatedPolylog` (`z∂_z Li_{s,N} = Li_{s-1,N}`,
  natural `s ≥ 1`).

Not formalised: the infinite series `Li_γ(z)`, real powers `d^{-γ}` and `log d`; the
coefficients `a_d` and energies `E_d` are abstract.
-/

@[expose] public section

universe u

namespace AttnThermo.Fugacity

open AttnThermo.Ensemble AttnThermo.Derivation AttnThermo.DualNumber

attribute [local instance] Lean.Grind.Semiring.natCast

/-! ### Truncated series and the attention ensemble -/

/-- Truncated power series `Σ_{d=1}^{N} c_d z^d`. -/
def truncatedSeries {α : Type u} [Lean.Grind.CommRing α] (c : Nat → α) (z : α) : Nat → α
  | 0 => 0
  | N + 1 => truncatedSeries c z N + c (N + 1) * z ^ (N + 1)

/-- The fugacity operator `z ∂_z` on coefficients: it multiplies the `d`-th term by `d`. -/
def fugacityOp {α : Type u} [Lean.Grind.CommRing α] (c : Nat → α) (d : Nat) : α :=
  (d : α) * c d

/-- The attention ensemble truncated at `N`: the states `(E_d, z^d a_d)` for `d = N, …, 1`. -/
def attentionStates {α : Type u} [Lean.Grind.CommRing α] (E a : Nat → α) (z : α) :
    Nat → List (α × α)
  | 0 => []
  | N + 1 => (E (N + 1), z ^ (N + 1) * a (N + 1)) :: attentionStates E a z N

/-- Polylogarithm coefficient `d^{-s} = 1/d^s`. -/
def polylogCoeff {α : Type u} [Lean.Grind.Field α] (s d : Nat) : α :=
  1 / (d : α) ^ s

/-- Truncated polylogarithm `Li_{s,N}(z) = Σ_{d=1}^{N} z^d / d^s`, the partition function
`Z_N(γ = s, z)` of the attention ensemble at natural `γ = s`. -/
def truncatedPolylog {α : Type u} [Lean.Grind.Field α] (s N : Nat) (z : α) : α :=
  truncatedSeries (polylogCoeff s) z N

/-- The partition function of the attention ensemble is the truncated series
`Σ_{d=1}^{N} a_d z^d` (with `a_d = d^{-γ}`: the truncated polylogarithm `Li_{γ,N}(z)`).
Claim: `partition-polylog` -/
theorem partitionFunction_attentionStates {α : Type u} [Lean.Grind.CommRing α]
    (E a : Nat → α) (z : α) (N : Nat) :
    partitionFunction (attentionStates E a z N) = truncatedSeries a z N := by
  induction N with
  | zero => simp only [attentionStates, partitionFunction, truncatedSeries]
  | succ N ih =>
    simp only [attentionStates, partitionFunction, truncatedSeries, ih] <;> grind

/-- Under `∂_γ` (`D z = 0`, `D a_d = -E_d a_d`) every state of the attention ensemble has
`D w_d = -E_d w_d`. -/
theorem attentionStates_weights {α : Type u} [Lean.Grind.CommRing α] (D : Derivation α)
    {E a : Nat → α} {z : α} (hz : D z = 0) (ha : ∀ d, D (a d) = -(E d * a d)) (N : Nat) :
    ∀ s ∈ attentionStates E a z N, D s.2 = -(s.1 * s.2) := by
  induction N with
  | zero =>
    intro s hs
    simp only [attentionStates] at hs
    cases hs
  | succ N ih =>
    intro s hs
    simp only [attentionStates, List.mem_cons] at hs
    rcases hs with rfl | hs
    · have hp := D.map_pow_of_map_eq_zero hz (N + 1)
      show D (z ^ (N + 1) * a (N + 1)) = -(E (N + 1) * (z ^ (N + 1) * a (N + 1)))
      rw [D.map_mul, hp, ha]
      grind
    · exact ih s hs

/-- If `D` kills every energy, it kills every energy of the attention ensemble. -/
theorem attentionStates_energies {α : Type u} [Lean.Grind.CommRing α] (D : Derivation α)
    {E a : Nat → α} {z : α} (hE : ∀ d, D (E d) = 0) (N : Nat) :
    ∀ s ∈ attentionStates E a z N, D s.1 = 0 := by
  induction N with
  | zero =>
    intro s hs
    simp only [attentionStates] at hs
    cases hs
  | succ N ih =>
    intro s hs
    simp only [attentionStates, List.mem_cons] at hs
    rcases hs with rfl | hs
    · exact hE (N + 1)
    · exact ih s hs

/-- Under `∂_γ`, the derivative of the truncated series is minus the first moment of the
attention ensemble: `D Σ_d a_d z^d = -Σ_d E_d z^d a_d`.
Claim: `partition-generates-moments` Claim: `partition-polylog` -/
theorem derivation_partitionFunction_attentionStates {α : Type u} [Lean.Grind.CommRing α]
    (D : Derivation α) {E a : Nat → α} {z : α} (hz : D z = 0)
    (ha : ∀ d, D (a d) = -(E d * a d)) (N : Nat) :
    D (truncatedSeries a z N) = -energyMoment 1 (attentionStates E a z N) := by
  rw [← partitionFunction_attentionStates E a z N]
  exact derivation_partitionFunction D _ (attentionStates_weights D hz ha N)

/-- Under `∂_γ`, the second log-derivative of the truncated series is the variance of the
energy in the attention ensemble: `D (DZ_N/Z_N) = Var(E)` (`Z_N ≠ 0`, a field).
Claim: `partition-generates-moments` -/
theorem logSeries_secondDerivative_eq_energyVariance {α : Type u} [Lean.Grind.Field α]
    (D : Derivation α) {E a : Nat → α} {z : α} (hz : D z = 0)
    (ha : ∀ d, D (a d) = -(E d * a d)) (hE : ∀ d, D (E d) = 0) (N : Nat)
    (hZ : truncatedSeries a z N ≠ 0) :
    D (D (truncatedSeries a z N) / truncatedSeries a z N)
      = energyVariance (attentionStates E a z N) := by
  rw [← partitionFunction_attentionStates E a z N] at hZ ⊢
  exact logPartition_secondDerivative_eq_energyVariance D _ (attentionStates_weights D hz ha N)
    (attentionStates_energies D hE N) hZ

/-- Any derivation with `D z = z` and constant coefficients acts on a truncated series as the
fugacity operator: `D (Σ c_d z^d) = Σ d c_d z^d`.
Claim: `partition-generates-moments` -/
theorem derivation_truncatedSeries {α : Type u} [Lean.Grind.CommRing α] (D : Derivation α)
    {z : α} (hz : D z = z) (c : Nat → α) (hc : ∀ d, D (c d) = 0) (N : Nat) :
    D (truncatedSeries c z N) = truncatedSeries (fugacityOp c) z N := by
  induction N with
  | zero =>
    have h0 := D.map_zero
    simp only [truncatedSeries] <;> grind
  | succ N ih =>
    have hpow := D.map_pow_of_map_eq_self hz (N + 1)
    simp only [truncatedSeries, fugacityOp]
    rw [D.map_add, D.map_mul, ih, hc, hpow]
    grind

/-- The fugacity operator `z ∂_z` (`D z = z`, `D a_d = 0`) maps the partition function of the
attention ensemble to the series with coefficients `d a_d`: `D Z = Σ_{d≤N} d a_d z^d`.
Claim: `partition-generates-moments` Claim: `partition-polylog` -/
theorem fugacity_partitionFunction_attentionStates {α : Type u} [Lean.Grind.CommRing α]
    (D : Derivation α) (E : Nat → α) {a : Nat → α} {z : α} (hz : D z = z)
    (ha : ∀ d, D (a d) = 0) (N : Nat) :
    D (partitionFunction (attentionStates E a z N)) = truncatedSeries (fugacityOp a) z N := by
  rw [partitionFunction_attentionStates E a z N]
  exact derivation_truncatedSeries D hz a ha N

/-- `z ∂_z Σ a_d z^d = Σ b_d z^d` whenever `d a_d = b_d` for all `d`: with `a_d = d^{-γ}` and
`b_d = d^{-(γ-1)}` this is `z ∂_z Li_{γ,N} = Li_{γ-1,N}` for every `γ`, not only natural.
Claim: `partition-generates-moments` -/
theorem fugacity_truncatedSeries_shift {α : Type u} [Lean.Grind.CommRing α]
    (D : Derivation α) {z : α} (hz : D z = z) {a b : Nat → α} (ha : ∀ d, D (a d) = 0)
    (hb : ∀ d : Nat, (d : α) * a d = b d) (N : Nat) :
    D (truncatedSeries a z N) = truncatedSeries b z N := by
  have hab : fugacityOp a = b := funext hb
  rw [derivation_truncatedSeries D hz a ha N, hab]

/-! ### Natural `s`: the truncated polylogarithm -/

/-- In characteristic zero a positive natural number is a nonzero field element. -/
theorem natCast_ne_zero_of_pos {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]
    {n : Nat} (hn : 1 ≤ n) : (n : α) ≠ 0 := by
  intro h
  have h0 := (Lean.Grind.IsCharP.natCast_eq_zero_iff (α := α) 0 n).mp h
  rw [Nat.mod_zero] at h0
  omega

/-- Powers of a nonzero field element are nonzero. -/
theorem pow_ne_zero_of_ne_zero {α : Type u} [Lean.Grind.Field α] {x : α} (hx : x ≠ 0)
    (n : Nat) : x ^ n ≠ 0 := by
  have hxinv := Lean.Grind.Field.mul_inv_cancel hx
  induction n with
  | zero => rw [Lean.Grind.Semiring.pow_zero]; exact (Lean.Grind.Field.zero_ne_one).symm
  | succ n ih =>
    rw [Lean.Grind.Semiring.pow_succ]
    intro h
    apply ih
    have h' : x ^ n * x * x⁻¹ = 0 := by rw [h]; grind
    grind

/-- The fugacity operator maps the coefficients of `Li_s` to those of `Li_{s-1}`:
`d · d^{-s} = d^{-(s-1)}` (`s ≥ 1`, `d ≥ 1`). -/
theorem fugacityOp_polylogCoeff {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]
    {s : Nat} (hs : 1 ≤ s) {d : Nat} (hd : 1 ≤ d) :
    fugacityOp (α := α) (polylogCoeff s) d = polylogCoeff (s - 1) d := by
  obtain ⟨t, rfl⟩ : ∃ t, s = t + 1 := ⟨s - 1, by omega⟩
  have hd0 : (d : α) ≠ 0 := natCast_ne_zero_of_pos hd
  have hdinv := Lean.Grind.Field.mul_inv_cancel hd0
  have hdt : (d : α) ^ t ≠ 0 := pow_ne_zero_of_ne_zero hd0 t
  have hdtinv := Lean.Grind.Field.mul_inv_cancel hdt
  simp only [fugacityOp, polylogCoeff, Nat.add_sub_cancel, Lean.Grind.Semiring.pow_succ]
  grind

/-- `z ∂_z Li_{s,N}(z) = Li_{s-1,N}(z)` for natural `s ≥ 1`: the fugacity operator applied
termwise to the truncated polylogarithm gives the truncated polylogarithm of order `s - 1`.
Claim: `partition-generates-moments` -/
theorem fugacity_truncatedPolylog {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]
    {s : Nat} (hs : 1 ≤ s) (N : Nat) (z : α) :
    truncatedSeries (fugacityOp (polylogCoeff s)) z N = truncatedPolylog (s - 1) N z := by
  unfold truncatedPolylog
  induction N with
  | zero => simp only [truncatedSeries]
  | succ N ih =>
    simp only [truncatedSeries]
    rw [ih, fugacityOp_polylogCoeff hs (d := N + 1) (by omega)]

/-! ### Witnesses -/

/-- The energies `E_d = d` as rationals (standing in for `log d`). -/
def ratEnergy (d : Nat) : Rat := (d : Rat)

/-- Non-vacuity: `AttnThermo.Fugacity.partitionFunction_attentionStates` over `Rat` with
`a_d = 1/d²` (`γ = 2`), `z = 1/2`, `N = 4`: `Z = Li_{2,4}(1/2) = 1337/2304`. -/
theorem partitionFunction_attentionStates_witness :
    partitionFunction (attentionStates ratEnergy (polylogCoeff 2) (1/2 : Rat) 4)
      = truncatedSeries (polylogCoeff 2) (1/2 : Rat) 4
    ∧ truncatedSeries (polylogCoeff 2) (1/2 : Rat) 4 = 1337/2304 :=
  ⟨partitionFunction_attentionStates ratEnergy (polylogCoeff 2) (1/2 : Rat) 4,
    by decide +kernel⟩

/-- The `∂_γ` witness family over the dual numbers: every coefficient is `ε` (energy `2`). -/
noncomputable def dualCoeff (_ : Nat) : DualNumber := epsilon

/-- The `∂_γ` witness energies over the dual numbers: every energy is `2`. -/
noncomputable def dualEnergy (_ : Nat) : DualNumber := 2

/-- Non-vacuity: `AttnThermo.Fugacity.derivation_partitionFunction_attentionStates` over the
dual numbers with `gammaDerivation`, `z = 1/2`, `a_d = ε`, `E_d = 2`, `N = 3`:
`Z = (7/8) ε`, `DZ = -(7/4) ε`. -/
theorem derivation_partitionFunction_attentionStates_witness :
    gammaDerivation (truncatedSeries dualCoeff ⟨1/2, 0⟩ 3)
      = -energyMoment 1 (attentionStates dualEnergy dualCoeff ⟨1/2, 0⟩ 3)
    ∧ truncatedSeries dualCoeff ⟨1/2, 0⟩ 3 = ⟨0, 7/8⟩
    ∧ gammaDerivation (truncatedSeries dualCoeff ⟨1/2, 0⟩ 3) = ⟨0, -7/4⟩ :=
  ⟨derivation_partitionFunction_attentionStates gammaDerivation (by decide +kernel)
    (fun _ => (by decide +kernel : gammaDerivation epsilon = -(2 * epsilon))) 3,
    by decide +kernel, by decide +kernel⟩

/-- The fugacity witness coefficients over the dual numbers: `a_d = 1 + d` (constants). -/
def dualConstCoeff (d : Nat) : DualNumber := ⟨1 + (d : Rat), 0⟩

/-- `fugacityDerivation` kills the constant coefficients `dualConstCoeff`. -/
theorem fugacityDerivation_dualConstCoeff (d : Nat) :
    fugacityDerivation (dualConstCoeff d) = 0 :=
  ext rfl (by show (1 : Rat) * 0 = 0; grind)

/-- Non-vacuity: `AttnThermo.Fugacity.fugacity_partitionFunction_attentionStates` over the
dual numbers with `fugacityDerivation`, `z = ε` (`D ε = ε`), `a_d = 1 + d`, `N = 3`:
`D Z = 2 ε`. -/
theorem fugacity_partitionFunction_attentionStates_witness :
    fugacityDerivation (partitionFunction (attentionStates dualEnergy dualConstCoeff epsilon 3))
      = truncatedSeries (fugacityOp dualConstCoeff) epsilon 3
    ∧ truncatedSeries (fugacityOp dualConstCoeff) epsilon 3 = ⟨0, 2⟩ :=
  ⟨fugacity_partitionFunction_attentionStates fugacityDerivation dualEnergy
    (by decide +kernel) fugacityDerivation_dualConstCoeff 3, by decide +kernel⟩

/-- Non-vacuity: `AttnThermo.Fugacity.fugacity_truncatedSeries_shift` over the dual numbers
with `fugacityDerivation`, `z = ε`, `a_d = 1 + d`, `b_d = d (1 + d)`, `N = 3`: `D Z = 2 ε`. -/
theorem fugacity_truncatedSeries_shift_witness :
    fugacityDerivation (truncatedSeries dualConstCoeff epsilon 3)
      = truncatedSeries (fugacityOp dualConstCoeff) epsilon 3
    ∧ truncatedSeries (fugacityOp dualConstCoeff) epsilon 3 = ⟨0, 2⟩ :=
  ⟨fugacity_truncatedSeries_shift fugacityDerivation (by decide +kernel)
    fugacityDerivation_dualConstCoeff (b := fugacityOp dualConstCoeff) (fun _ => rfl) 3,
    by decide +kernel⟩

/-- Non-vacuity: `AttnThermo.Fugacity.derivation_truncatedSeries` with `fugacityDerivation`,
`z = ε` and the constant coefficients `1 + d`: `D Z = 2 ε`. -/
theorem derivation_truncatedSeries_witness :
    fugacityDerivation (truncatedSeries dualConstCoeff epsilon 3)
      = truncatedSeries (fugacityOp dualConstCoeff) epsilon 3
    ∧ fugacityDerivation (truncatedSeries dualConstCoeff epsilon 3) = ⟨0, 2⟩ :=
  ⟨derivation_truncatedSeries fugacityDerivation (z := epsilon) (by decide +kernel)
    dualConstCoeff fugacityDerivation_dualConstCoeff 3, by decide +kernel⟩

/-- Non-vacuity: `AttnThermo.Fugacity.fugacity_truncatedPolylog` at `s = 2`, `N = 3`,
`z = 1/2` over `Rat`: `Li_{1,3}(1/2) = 2/3`. -/
theorem fugacity_truncatedPolylog_witness :
    truncatedSeries (fugacityOp (polylogCoeff 2)) (1/2 : Rat) 3
      = truncatedPolylog (2 - 1) 3 (1/2 : Rat)
    ∧ truncatedPolylog (2 - 1) 3 (1/2 : Rat) = 2/3 :=
  ⟨fugacity_truncatedPolylog (by decide) 3 (1/2 : Rat), by decide +kernel⟩

/-- Non-vacuity: `AttnThermo.Fugacity.fugacityOp_polylogCoeff` at `s = 3`, `d = 2` over `Rat`:
`2 · 2^{-3} = 1/4`. -/
theorem fugacityOp_polylogCoeff_witness :
    fugacityOp (α := Rat) (polylogCoeff 3) 2 = polylogCoeff (3 - 1) 2
    ∧ polylogCoeff (α := Rat) (3 - 1) 2 = 1/4 :=
  ⟨fugacityOp_polylogCoeff (by decide) (by decide), by decide +kernel⟩

/-- Non-vacuity: `AttnThermo.Fugacity.natCast_ne_zero_of_pos` at `n = 3` over `Rat`. -/
theorem natCast_ne_zero_of_pos_witness : ((3 : Nat) : Rat) ≠ 0 :=
  natCast_ne_zero_of_pos (by decide)

/-- Non-vacuity: `AttnThermo.Fugacity.pow_ne_zero_of_ne_zero` at `x = 2`, `n = 3` over `Rat`. -/
theorem pow_ne_zero_of_ne_zero_witness : (2 : Rat) ^ 3 ≠ 0 :=
  pow_ne_zero_of_ne_zero (by grind) 3

/-- Applies `logSeries_secondDerivative_eq_energyVariance` over `Rat` with the derivation `0`
(which forces `E_d = 0`), `a_d = 1/d²`, `z = 1/2`, `N = 3`.
Non-vacuity: `AttnThermo.Fugacity.logSeries_secondDerivative_eq_energyVariance` -/
theorem logSeries_secondDerivative_eq_energyVariance_witness :
    Derivation.zero Rat (Derivation.zero Rat (truncatedSeries (polylogCoeff 2) (1/2 : Rat) 3)
        / truncatedSeries (polylogCoeff 2) (1/2 : Rat) 3)
      = energyVariance (attentionStates (fun _ => 0) (polylogCoeff 2) (1/2 : Rat) 3) :=
  logSeries_secondDerivative_eq_energyVariance (Derivation.zero Rat) (E := fun _ => 0) rfl
    (fun d => by show (0 : Rat) = -(0 * polylogCoeff 2 d); grind) (fun _ => rfl) 3
    (by decide +kernel)

end AttnThermo.Fugacity
