module

public import AttnThermo.DualNumber

/-!
# Fisher information and heat capacity, both from the derivation: `I = C_V / γ²`

`∂_γ` is a derivation `D` with `D w_d = -E_d w_d`, `D E_d = 0` (see `AttnThermo.Derivation`).
Both sides of `I = C_V/γ²` are defined from `D`, not from `Var(E)`:

## Main definitions
* `fisherInformation D states = Σ_d (D p_d)² / p_d` with `p_d = w_d / Z` (a field).
* `heatCapacity D γ states = -γ² D⟨E⟩`, the thermodynamic `C = -β² ∂U/∂β` (`k_B = 1`,
  `β = γ`).
* Ring forms, for a commutative ring where `Z` has an inverse `u` (what the dual-number
  witnesses instantiate): `fisherOfUnit D u states = Σ_d p_d (D log p_d)²` with `p_d = w_d u` and
  `D log p_d = D log w_d - D log Z = -E_d - DZ·u`, and `heatCapacityOfUnit D γ u states =
  -γ² D(S_1 u)`.

## Main results
* `fisherInformation_eq_energyVariance`: `I = Var(E)` (weights nonzero, `Z ≠ 0`), from the
  derived score `AttnThermo.Derivation.derivation_probability`;
  `fisherInformation_eq_logPartition_secondDerivative`: `I = (Z D²Z - (DZ)²)/Z²`.
* `heatCapacity_eq_sq_mul_energyVariance`: `C_V = γ² Var(E)`, the finite
  fluctuation–dissipation theorem, from `AttnThermo.Derivation.derivation_meanEnergy`.
* `fisherInformation_eq_heatCapacity_div_sq`: `I = C_V/γ²` (`γ ≠ 0`).
* `energyVariance_nonneg`, `fisherInformation_nonneg`: `0 ≤ Var(E)`, `0 ≤ I` over an ordered
  field with positive weights.
* Ring forms: `fisherOfUnit_eq_variance`, `heatCapacityOfUnit_eq`,
  `fisherOfUnit_mul_sq_eq_heatCapacityOfUnit` (`γ² I = C_V`), with witnesses over the dual
  numbers, where `I = (8/3) ε` and `C_V = γ² (8/3) ε`.

`fisherInformation`, `heatCapacity`, `fisherOfUnit` and `heatCapacityOfUnit` are
`noncomputable`: they call definitions of `AttnThermo.Ensemble`, whose compiled code the
WebAssembly toolchain cannot link across modules; over `Rat` their values are trivial (the only
derivation of `Rat` is `0`) and over the dual numbers the witnesses pin them by kernel reduction.

Over `Rat` (the only ordered field of core Lean) every derivation is zero; the nonnegativity
witness `fisherInformation_nonneg_witness` therefore has `I = 0`, while
`energyVariance_nonneg_witness` pins `Var(E) = 26/49`. The field forms are applied there with
the zero derivation (`AttnThermo.Derivation.zero Rat`), which forces every weighted state to
energy `0`: their witnesses show the hypotheses satisfiable; the ring forms' witnesses over the
dual numbers are the non-degenerate ones.
-/

@[expose] public section

universe u

namespace AttnThermo.Fisher

open AttnThermo.Ensemble AttnThermo.Derivation AttnThermo.DualNumber

/-! ### Definitions -/

/-- `Σ_d (D p_d)² / p_d` over a list of states, with `p_d = w_d / Z` for a given `Z`. -/
def fisherSum {α : Type u} [Lean.Grind.Field α] (D : Derivation α) (Z : α) :
    List (α × α) → α
  | [] => 0
  | s :: rest => D (s.2 / Z) ^ 2 / (s.2 / Z) + fisherSum D Z rest

/-- Fisher information of `γ`: `I = Σ_d (D p_d)² / p_d` with `p_d = w_d / Z`. -/
noncomputable def fisherInformation {α : Type u} [Lean.Grind.Field α] (D : Derivation α)
    (states : List (α × α)) : α :=
  fisherSum D (partitionFunction states) states

/-- Heat capacity `C_V = -γ² ∂_γ ⟨E⟩` (`C = -β² ∂U/∂β`, `k_B = 1`, `β = γ`). -/
noncomputable def heatCapacity {α : Type u} [Lean.Grind.Field α] (D : Derivation α) (γ : α)
    (states : List (α × α)) : α :=
  -(γ ^ 2 * D (meanEnergy states))

/-- `Σ_d p_d (-E_d - λ)²` with `p_d = w_d u`: the expected squared score when `D log Z = λ`. -/
def expectedSqScore {α : Type u} [Lean.Grind.CommRing α] (u lam : α) :
    List (α × α) → α
  | [] => 0
  | s :: rest => s.2 * u * (-s.1 - lam) ^ 2 + expectedSqScore u lam rest

/-- Fisher information in a ring where `Z` has an inverse `u`: `E[(D log p)²]` with
`D log p_d = D log w_d - D log Z = -E_d - DZ·u`. -/
noncomputable def fisherOfUnit {α : Type u} [Lean.Grind.CommRing α] (D : Derivation α) (u : α)
    (states : List (α × α)) : α :=
  expectedSqScore u (D (partitionFunction states) * u) states

/-- Heat capacity in a ring where `Z` has an inverse `u`: `-γ² D(S_1 u)`. -/
noncomputable def heatCapacityOfUnit {α : Type u} [Lean.Grind.CommRing α] (D : Derivation α) (γ u : α)
    (states : List (α × α)) : α :=
  -(γ ^ 2 * D (energyMoment 1 states * u))

/-! ### Ring form -/

/-- `Σ_d w_d u (-E_d - λ)² = u (S_2 + 2λ S_1 + λ² Z)`. -/
theorem expectedSqScore_eq {α : Type u} [Lean.Grind.CommRing α] (u lam : α)
    (states : List (α × α)) :
    expectedSqScore u lam states
      = u * (energyMoment 2 states + 2 * lam * energyMoment 1 states
          + lam ^ 2 * partitionFunction states) := by
  induction states with
  | nil => simp only [expectedSqScore, energyMoment, partitionFunction] <;> grind
  | cons s rest ih =>
    simp only [expectedSqScore, energyMoment, partitionFunction, ih] <;> grind

/-- In a ring where `Z` has an inverse `u`, `E[(D log p)²] = S_2 u - (S_1 u)²`, the variance.
Claim: `fisher-equals-cv-over-gamma-sq` -/
theorem fisherOfUnit_eq_variance {α : Type u} [Lean.Grind.CommRing α] (D : Derivation α)
    (states : List (α × α)) (hw : ∀ s ∈ states, D s.2 = -(s.1 * s.2)) {u : α}
    (hu : partitionFunction states * u = 1) :
    fisherOfUnit D u states
      = energyMoment 2 states * u - (energyMoment 1 states * u) ^ 2 := by
  unfold fisherOfUnit
  rw [expectedSqScore_eq, derivation_partitionFunction D states hw]
  grind

/-- In a ring where `Z` has an inverse `u`, `C_V = γ² (S_2 u - (S_1 u)²)`.
Claim: `fisher-equals-cv-over-gamma-sq` -/
theorem heatCapacityOfUnit_eq {α : Type u} [Lean.Grind.CommRing α] (D : Derivation α)
    (γ : α) (states : List (α × α)) (hw : ∀ s ∈ states, D s.2 = -(s.1 * s.2))
    (hE : ∀ s ∈ states, D s.1 = 0) {u : α} (hu : partitionFunction states * u = 1) :
    heatCapacityOfUnit D γ u states
      = γ ^ 2 * (energyMoment 2 states * u - (energyMoment 1 states * u) ^ 2) := by
  unfold heatCapacityOfUnit
  rw [derivation_meanEnergy_of_unit D states hw hE hu]
  grind

/-- In a ring where `Z` has an inverse `u`, `γ² I = C_V`.
Claim: `fisher-equals-cv-over-gamma-sq` -/
theorem fisherOfUnit_mul_sq_eq_heatCapacityOfUnit {α : Type u} [Lean.Grind.CommRing α]
    (D : Derivation α) (γ : α) (states : List (α × α))
    (hw : ∀ s ∈ states, D s.2 = -(s.1 * s.2)) (hE : ∀ s ∈ states, D s.1 = 0) {u : α}
    (hu : partitionFunction states * u = 1) :
    γ ^ 2 * fisherOfUnit D u states = heatCapacityOfUnit D γ u states := by
  rw [fisherOfUnit_eq_variance D states hw hu, heatCapacityOfUnit_eq D γ states hw hE hu]

/-! ### Field form -/

/-- `Σ_d (D p_d)²/p_d = Σ_d w_d (E_d - μ)² / Z` when every state has the score
`D p_d = p_d (-E_d + μ)` and a nonzero weight. -/
theorem fisherSum_eq {α : Type u} [Lean.Grind.Field α] (D : Derivation α) {Z : α} (μ : α)
    (hZ : Z ≠ 0) (states : List (α × α))
    (hscore : ∀ s ∈ states, D (s.2 / Z) = s.2 / Z * (-s.1 + μ))
    (hne : ∀ s ∈ states, s.2 ≠ 0) :
    fisherSum D Z states = sqDeviationSum μ states / Z := by
  have hZinv := Lean.Grind.Field.mul_inv_cancel hZ
  induction states with
  | nil => simp only [fisherSum, sqDeviationSum] <;> grind
  | cons s rest ih =>
    have hs := hscore s (List.mem_cons.mpr (Or.inl rfl))
    have hs0 : s.2 ≠ 0 := hne s (List.mem_cons.mpr (Or.inl rfl))
    have ih' := ih (fun t ht => hscore t (List.mem_cons.mpr (Or.inr ht)))
      (fun t ht => hne t (List.mem_cons.mpr (Or.inr ht)))
    have hp : s.2 / Z ≠ 0 := by
      intro h
      apply hs0
      have h1 : s.2 / Z * Z = s.2 := by rw [Lean.Grind.Field.div_eq_mul_inv]; grind
      rw [h] at h1
      grind
    have hpinv := Lean.Grind.Field.mul_inv_cancel hp
    simp only [fisherSum, sqDeviationSum]
    rw [hs, ih']
    grind

/-- Fisher information is the energy variance: `Σ_d (D p_d)²/p_d = Var(E)` (`Z ≠ 0`, every
weight nonzero), from the derived score `D p_d = p_d (-E_d + ⟨E⟩)`. The field case of
`fisherOfUnit_eq_variance`, which has the non-degenerate witness.
Claim: `fisher-equals-cv-over-gamma-sq` -/
theorem fisherInformation_eq_energyVariance {α : Type u} [Lean.Grind.Field α]
    (D : Derivation α) (states : List (α × α)) (hw : ∀ s ∈ states, D s.2 = -(s.1 * s.2))
    (hZ : partitionFunction states ≠ 0) (hne : ∀ s ∈ states, s.2 ≠ 0) :
    fisherInformation D states = energyVariance states := by
  unfold fisherInformation
  rw [fisherSum_eq D (meanEnergy states) hZ states
    (fun s hs => derivation_probability D states hw hZ hs) hne,
    energyVariance_eq_meanSqDeviation states hZ]
  rfl

/-- The field Fisher information is the ring form at `u = Z⁻¹`: `Σ_d (D p_d)²/p_d =
E[(D log p)²]`.
Claim: `fisher-equals-cv-over-gamma-sq` -/
theorem fisherInformation_eq_fisherOfUnit {α : Type u} [Lean.Grind.Field α]
    (D : Derivation α) (states : List (α × α)) (hw : ∀ s ∈ states, D s.2 = -(s.1 * s.2))
    (hZ : partitionFunction states ≠ 0) (hne : ∀ s ∈ states, s.2 ≠ 0) :
    fisherInformation D states = fisherOfUnit D (partitionFunction states)⁻¹ states := by
  rw [fisherInformation_eq_energyVariance D states hw hZ hne,
    fisherOfUnit_eq_variance D states hw (Lean.Grind.Field.mul_inv_cancel hZ)]
  unfold energyVariance secondMoment meanEnergy
  simp only [Lean.Grind.Field.div_eq_mul_inv]

/-- Fisher information is the curvature of `log Z`: `I = (Z D²Z - (DZ)²)/Z²` (`Z ≠ 0`, every
weight nonzero).
Claim: `fisher-equals-cv-over-gamma-sq` Claim: `partition-generates-moments` -/
theorem fisherInformation_eq_logPartition_secondDerivative {α : Type u} [Lean.Grind.Field α]
    (D : Derivation α) (states : List (α × α))
    (hw : ∀ s ∈ states, D s.2 = -(s.1 * s.2)) (hE : ∀ s ∈ states, D s.1 = 0)
    (hZ : partitionFunction states ≠ 0) (hne : ∀ s ∈ states, s.2 ≠ 0) :
    fisherInformation D states
      = (partitionFunction states * D (D (partitionFunction states))
          - D (partitionFunction states) ^ 2) / partitionFunction states ^ 2 := by
  have hZinv := Lean.Grind.Field.mul_inv_cancel hZ
  rw [fisherInformation_eq_energyVariance D states hw hZ hne,
    partition_mul_derivation_sq_sub_sq D states hw hE,
    ← energyVariance_mul_sq_partition states hZ]
  grind

/-- The finite fluctuation–dissipation theorem: `C_V = -γ² ∂_γ⟨E⟩ = γ² Var(E)` (`Z ≠ 0`). The
field case of `heatCapacityOfUnit_eq`, which has the non-degenerate witness.
Claim: `fisher-equals-cv-over-gamma-sq` -/
theorem heatCapacity_eq_sq_mul_energyVariance {α : Type u} [Lean.Grind.Field α]
    (D : Derivation α) (γ : α) (states : List (α × α))
    (hw : ∀ s ∈ states, D s.2 = -(s.1 * s.2)) (hE : ∀ s ∈ states, D s.1 = 0)
    (hZ : partitionFunction states ≠ 0) :
    heatCapacity D γ states = γ ^ 2 * energyVariance states := by
  unfold heatCapacity
  rw [derivation_meanEnergy D states hw hE hZ]
  grind

/-- `I = C_V / γ²` with `I = Σ_d (D p_d)²/p_d` and `C_V = -γ² ∂_γ⟨E⟩` (`Z ≠ 0`, every weight
nonzero, `γ ≠ 0`). The field case of `fisherOfUnit_mul_sq_eq_heatCapacityOfUnit`, which has
the non-degenerate witness.
Claim: `fisher-equals-cv-over-gamma-sq` Claim: `fisher-describes-transformer-math` -/
theorem fisherInformation_eq_heatCapacity_div_sq {α : Type u} [Lean.Grind.Field α]
    (D : Derivation α) (γ : α) (states : List (α × α))
    (hw : ∀ s ∈ states, D s.2 = -(s.1 * s.2)) (hE : ∀ s ∈ states, D s.1 = 0)
    (hZ : partitionFunction states ≠ 0) (hne : ∀ s ∈ states, s.2 ≠ 0) (hγ : γ ≠ 0) :
    fisherInformation D states = heatCapacity D γ states / γ ^ 2 := by
  have hγinv := Lean.Grind.Field.mul_inv_cancel hγ
  rw [fisherInformation_eq_energyVariance D states hw hZ hne,
    heatCapacity_eq_sq_mul_energyVariance D γ states hw hE hZ]
  grind

/-! ### Nonnegativity over an ordered field -/

/-- `0 ≤ a` when `0 ≤ a b` and `0 < b`. -/
theorem nonneg_of_mul_nonneg_of_pos {α : Type u} [Lean.Grind.Field α] [LE α] [LT α]
    [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]
    {a b : α} (h : 0 ≤ a * b) (hb : 0 < b) : 0 ≤ a := by
  apply Classical.byContradiction
  intro hna
  have hlt : a < 0 := by grind
  have hm := Lean.Grind.OrderedRing.mul_neg_of_neg_of_pos hlt hb
  grind

/-- `0 < a` when `0 < a b` and `0 < b`. -/
theorem pos_of_mul_pos_of_pos {α : Type u} [Lean.Grind.Field α] [LE α] [LT α]
    [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]
    {a b : α} (h : 0 < a * b) (hb : 0 < b) : 0 < a := by
  apply Classical.byContradiction
  intro hna
  have hle : a ≤ 0 := by grind
  have hb' : 0 ≤ b := by grind
  have hm := Lean.Grind.OrderedRing.mul_nonpos_of_nonpos_of_nonneg hle hb'
  grind

/-- With positive weights, `0 ≤ Z`. -/
theorem partitionFunction_nonneg {α : Type u} [Lean.Grind.Field α] [LE α] [LT α]
    [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]
    (states : List (α × α)) (hpos : ∀ s ∈ states, 0 < s.2) :
    0 ≤ partitionFunction states := by
  induction states with
  | nil => simp only [partitionFunction] <;> grind
  | cons s rest ih =>
    have hs := hpos s (List.mem_cons.mpr (Or.inl rfl))
    have ih' := ih (fun t ht => hpos t (List.mem_cons.mpr (Or.inr ht)))
    simp only [partitionFunction]
    grind

/-- With positive weights and at least one state, `0 < Z`. -/
theorem partitionFunction_pos {α : Type u} [Lean.Grind.Field α] [LE α] [LT α]
    [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]
    (states : List (α × α)) (hpos : ∀ s ∈ states, 0 < s.2)
    (hne : states ≠ []) : 0 < partitionFunction states := by
  cases states with
  | nil => exact absurd rfl hne
  | cons s rest =>
    have hs := hpos s (List.mem_cons.mpr (Or.inl rfl))
    have hr := partitionFunction_nonneg rest (fun t ht => hpos t (List.mem_cons.mpr (Or.inr ht)))
    simp only [partitionFunction]
    grind

/-- With positive weights, `0 ≤ Σ_d w_d (E_d - c)²`. -/
theorem sqDeviationSum_nonneg {α : Type u} [Lean.Grind.Field α] [LE α] [LT α]
    [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]
    (c : α) (states : List (α × α))
    (hpos : ∀ s ∈ states, 0 < s.2) : 0 ≤ sqDeviationSum c states := by
  induction states with
  | nil => simp only [sqDeviationSum] <;> grind
  | cons s rest ih =>
    have hs := hpos s (List.mem_cons.mpr (Or.inl rfl))
    have ih' := ih (fun t ht => hpos t (List.mem_cons.mpr (Or.inr ht)))
    have hsq : 0 ≤ (s.1 - c) ^ 2 := Lean.Grind.OrderedRing.sq_nonneg
    have hterm := Lean.Grind.OrderedRing.mul_nonneg (by grind : 0 ≤ s.2) hsq
    simp only [sqDeviationSum]
    grind

/-- The energy variance is nonnegative for positive weights and at least one state.
Claim: `fisher-equals-cv-over-gamma-sq` -/
theorem energyVariance_nonneg {α : Type u} [Lean.Grind.Field α] [LE α] [LT α]
    [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]
    (states : List (α × α)) (hpos : ∀ s ∈ states, 0 < s.2)
    (hne : states ≠ []) : 0 ≤ energyVariance states := by
  have hZ := partitionFunction_pos states hpos hne
  have hZ0 : partitionFunction states ≠ 0 := by intro h; grind
  have hZinv := Lean.Grind.Field.mul_inv_cancel hZ0
  have hS := sqDeviationSum_nonneg (meanEnergy states) states hpos
  have hV : energyVariance states * partitionFunction states
      = sqDeviationSum (meanEnergy states) states := by
    rw [energyVariance_eq_meanSqDeviation states hZ0]
    unfold meanSqDeviation
    grind
  rw [← hV] at hS
  exact nonneg_of_mul_nonneg_of_pos hS hZ

/-- With positive weights, every term `(D p_d)²/p_d` is nonnegative, so `0 ≤ Σ_d (D p_d)²/p_d`
for any derivation `D` and any `Z > 0`. -/
theorem fisherSum_nonneg {α : Type u} [Lean.Grind.Field α] [LE α] [LT α]
    [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]
    (D : Derivation α) {Z : α} (hZ : 0 < Z) (states : List (α × α))
    (hpos : ∀ s ∈ states, 0 < s.2) : 0 ≤ fisherSum D Z states := by
  have hZ0 : Z ≠ 0 := by intro h; grind
  have hZinv := Lean.Grind.Field.mul_inv_cancel hZ0
  induction states with
  | nil => simp only [fisherSum] <;> grind
  | cons s rest ih =>
    have hs := hpos s (List.mem_cons.mpr (Or.inl rfl))
    have ih' := ih (fun t ht => hpos t (List.mem_cons.mpr (Or.inr ht)))
    have hpZ : s.2 / Z * Z = s.2 := by rw [Lean.Grind.Field.div_eq_mul_inv]; grind
    have hp : 0 < s.2 / Z := pos_of_mul_pos_of_pos (by rw [hpZ]; exact hs) hZ
    have hp0 : s.2 / Z ≠ 0 := by intro h; grind
    have hpinv := Lean.Grind.Field.mul_inv_cancel hp0
    have hsq : 0 ≤ D (s.2 / Z) ^ 2 := Lean.Grind.OrderedRing.sq_nonneg
    have hmul : D (s.2 / Z) ^ 2 / (s.2 / Z) * (s.2 / Z) = D (s.2 / Z) ^ 2 := by
      rw [Lean.Grind.Field.div_eq_mul_inv]
      grind
    have hterm : 0 ≤ D (s.2 / Z) ^ 2 / (s.2 / Z) :=
      nonneg_of_mul_nonneg_of_pos (by rw [hmul]; exact hsq) hp
    simp only [fisherSum]
    grind

/-- The Fisher information is nonnegative for positive weights and at least one state, for
any derivation.
Claim: `fisher-equals-cv-over-gamma-sq` -/
theorem fisherInformation_nonneg {α : Type u} [Lean.Grind.Field α] [LE α] [LT α]
    [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]
    (D : Derivation α) (states : List (α × α))
    (hpos : ∀ s ∈ states, 0 < s.2) (hne : states ≠ []) : 0 ≤ fisherInformation D states :=
  fisherSum_nonneg D (partitionFunction_pos states hpos hne) states hpos

/-! ### Witnesses -/

/-- The derivation `0` on `Rat`, the only derivation of `Rat`. -/
def ratDerivation : Derivation Rat where
  toFun _ := 0
  map_add _ _ := by show (0 : Rat) = 0 + 0; grind
  map_mul a b := by show (0 : Rat) = a * 0 + b * 0; grind

/-- Non-vacuity: `AttnThermo.Fisher.fisherOfUnit_eq_variance` over the dual numbers with the
nonzero derivation `gammaDerivation` and energies `0, 0, 2`: `I = (8/3) ε`. -/
theorem fisherOfUnit_eq_variance_witness :
    fisherOfUnit gammaDerivation dualInverse dualEnsemble
      = energyMoment 2 dualEnsemble * dualInverse
        - (energyMoment 1 dualEnsemble * dualInverse) ^ 2
    ∧ fisherOfUnit gammaDerivation dualInverse dualEnsemble = ⟨0, 8/3⟩ :=
  ⟨fisherOfUnit_eq_variance gammaDerivation dualEnsemble dualEnsemble_weights
    dualEnsemble_unit, by decide +kernel⟩

/-- The inverse temperature `γ = 3/2` as a dual number. -/
def dualGamma : DualNumber := ⟨3/2, 0⟩

/-- Non-vacuity: `AttnThermo.Fisher.heatCapacityOfUnit_eq` over the dual numbers at `γ = 3/2`:
`C_V = (9/4)(8/3) ε = 6 ε`. -/
theorem heatCapacityOfUnit_eq_witness :
    heatCapacityOfUnit gammaDerivation dualGamma dualInverse dualEnsemble
      = dualGamma ^ 2 * (energyMoment 2 dualEnsemble * dualInverse
          - (energyMoment 1 dualEnsemble * dualInverse) ^ 2)
    ∧ heatCapacityOfUnit gammaDerivation dualGamma dualInverse dualEnsemble = ⟨0, 6⟩ :=
  ⟨heatCapacityOfUnit_eq gammaDerivation dualGamma dualEnsemble dualEnsemble_weights
    dualEnsemble_energies dualEnsemble_unit, by decide +kernel⟩

/-- Non-vacuity: `AttnThermo.Fisher.fisherOfUnit_mul_sq_eq_heatCapacityOfUnit` over the dual
numbers at `γ = 3/2`: `γ² I = C_V = 6 ε`. -/
theorem fisherOfUnit_mul_sq_eq_heatCapacityOfUnit_witness :
    dualGamma ^ 2 * fisherOfUnit gammaDerivation dualInverse dualEnsemble
      = heatCapacityOfUnit gammaDerivation dualGamma dualInverse dualEnsemble
    ∧ dualGamma ^ 2 * fisherOfUnit gammaDerivation dualInverse dualEnsemble = ⟨0, 6⟩ :=
  ⟨fisherOfUnit_mul_sq_eq_heatCapacityOfUnit gammaDerivation dualGamma dualEnsemble
    dualEnsemble_weights dualEnsemble_energies dualEnsemble_unit, by decide +kernel⟩

/-- The three states `E = 0, 1, 2`, weights `1, 1/2, 1/4` have positive weights. -/
theorem threeStates_pos :
    ∀ s ∈ ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat)), 0 < s.2 := by
  decide +kernel

/-- Non-vacuity: `AttnThermo.Fisher.energyVariance_nonneg` over `Rat` at the three states
`E = 0, 1, 2`, weights `1, 1/2, 1/4`: `Var(E) = 26/49`. -/
theorem energyVariance_nonneg_witness :
    0 ≤ energyVariance ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat))
    ∧ energyVariance ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat)) = 26/49 :=
  ⟨energyVariance_nonneg _ threeStates_pos (by simp), by decide +kernel⟩

/-- Non-vacuity: `AttnThermo.Fisher.fisherInformation_nonneg` over `Rat` (the only ordered
field of core Lean, whose only derivation is `0`), at the three states `E = 0, 1, 2`:
`I = 0` there. -/
theorem fisherInformation_nonneg_witness :
    0 ≤ fisherInformation ratDerivation ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat))
    ∧ fisherInformation ratDerivation ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat)) = 0 :=
  ⟨fisherInformation_nonneg ratDerivation _ threeStates_pos (by simp), by decide +kernel⟩

/-- Three states over `Rat` with nonzero weights that the derivation `0` allows: `D w = -E w`
forces every energy to be `0`. -/
def ratGroundEnsemble : List (Rat × Rat) := [(0, 1), (0, 1/2), (0, 1/4)]

/-- Every weight of `ratGroundEnsemble` satisfies `D w = -E w` for the derivation `0`. -/
theorem ratGroundEnsemble_weights :
    ∀ s ∈ ratGroundEnsemble, Derivation.zero Rat s.2 = -(s.1 * s.2) := by
  decide +kernel

/-- Every weight of `ratGroundEnsemble` is nonzero. -/
theorem ratGroundEnsemble_weights_ne_zero : ∀ s ∈ ratGroundEnsemble, s.2 ≠ 0 := by
  decide +kernel

/-- The partition function `7/4` of `ratGroundEnsemble` is nonzero. -/
theorem ratGroundEnsemble_ne_zero : partitionFunction ratGroundEnsemble ≠ 0 := by
  decide +kernel

/-- Applies `fisherInformation_eq_energyVariance` over `Rat` (derivation `0`) to
`ratGroundEnsemble`.
Non-vacuity: `AttnThermo.Fisher.fisherInformation_eq_energyVariance` -/
theorem fisherInformation_eq_energyVariance_witness :
    fisherInformation (Derivation.zero Rat) ratGroundEnsemble
      = energyVariance ratGroundEnsemble :=
  fisherInformation_eq_energyVariance (Derivation.zero Rat) ratGroundEnsemble
    ratGroundEnsemble_weights ratGroundEnsemble_ne_zero ratGroundEnsemble_weights_ne_zero

/-- Applies `fisherInformation_eq_fisherOfUnit` over `Rat` (derivation `0`) to
`ratGroundEnsemble`.
Non-vacuity: `AttnThermo.Fisher.fisherInformation_eq_fisherOfUnit` -/
theorem fisherInformation_eq_fisherOfUnit_witness :
    fisherInformation (Derivation.zero Rat) ratGroundEnsemble
      = fisherOfUnit (Derivation.zero Rat) (partitionFunction ratGroundEnsemble)⁻¹
          ratGroundEnsemble :=
  fisherInformation_eq_fisherOfUnit (Derivation.zero Rat) ratGroundEnsemble
    ratGroundEnsemble_weights ratGroundEnsemble_ne_zero ratGroundEnsemble_weights_ne_zero

/-- Applies `fisherInformation_eq_logPartition_secondDerivative` over `Rat` (derivation `0`) to
`ratGroundEnsemble`.
Non-vacuity: `AttnThermo.Fisher.fisherInformation_eq_logPartition_secondDerivative` -/
theorem fisherInformation_eq_logPartition_secondDerivative_witness :
    fisherInformation (Derivation.zero Rat) ratGroundEnsemble
      = (partitionFunction ratGroundEnsemble
            * Derivation.zero Rat (Derivation.zero Rat (partitionFunction ratGroundEnsemble))
          - Derivation.zero Rat (partitionFunction ratGroundEnsemble) ^ 2)
        / partitionFunction ratGroundEnsemble ^ 2 :=
  fisherInformation_eq_logPartition_secondDerivative (Derivation.zero Rat) ratGroundEnsemble
    ratGroundEnsemble_weights (fun _ _ => rfl) ratGroundEnsemble_ne_zero
    ratGroundEnsemble_weights_ne_zero

/-- Applies `heatCapacity_eq_sq_mul_energyVariance` over `Rat` (derivation `0`) at `γ = 3/2` to
`AttnThermo.Derivation.ratStandardEnsemble` (energies `0, 0, 2`).
Non-vacuity: `AttnThermo.Fisher.heatCapacity_eq_sq_mul_energyVariance` -/
theorem heatCapacity_eq_sq_mul_energyVariance_witness :
    heatCapacity (Derivation.zero Rat) (3/2) ratStandardEnsemble
      = (3/2) ^ 2 * energyVariance ratStandardEnsemble :=
  heatCapacity_eq_sq_mul_energyVariance (Derivation.zero Rat) (3/2) ratStandardEnsemble
    ratStandardEnsemble_weights (fun _ _ => rfl) ratStandardEnsemble_ne_zero

/-- Applies `fisherInformation_eq_heatCapacity_div_sq` over `Rat` (derivation `0`) at `γ = 3/2`
to `ratGroundEnsemble`.
Non-vacuity: `AttnThermo.Fisher.fisherInformation_eq_heatCapacity_div_sq` -/
theorem fisherInformation_eq_heatCapacity_div_sq_witness :
    fisherInformation (Derivation.zero Rat) ratGroundEnsemble
      = heatCapacity (Derivation.zero Rat) (3/2) ratGroundEnsemble / (3/2) ^ 2 :=
  fisherInformation_eq_heatCapacity_div_sq (Derivation.zero Rat) (3/2) ratGroundEnsemble
    ratGroundEnsemble_weights (fun _ _ => rfl) ratGroundEnsemble_ne_zero
    ratGroundEnsemble_weights_ne_zero (by decide +kernel)

end AttnThermo.Fisher
