module

/-!
# Finite Gibbs ensembles

A finite ensemble is a list of states, each an `(energy, weight)` pair `(E_d, w_d)`; for the
attention ensemble `E_d = log d` and `w_d = z^d d^{-γ}`, but nothing here depends on that.

## Main definitions
* `partitionFunction`: `Z = Σ_d w_d`.
* `energyMoment k`: `S_k = Σ_d E_d^k w_d` (so `S_0 = Z`).
* `meanEnergy`: `⟨E⟩ = S_1 / Z`; `secondMoment`: `⟨E²⟩ = S_2 / Z`.
* `energyVariance`: `⟨E²⟩ - ⟨E⟩²`.
* `sqDeviationSum c`: `Σ_d w_d (E_d - c)²`; `meanSqDeviation`: `Σ_d w_d (E_d - ⟨E⟩)² / Z`.

## Main results
* `energyVariance_eq_meanSqDeviation`: the two forms of the variance agree (`Z ≠ 0`).
* `energyVariance_mul_sq_partition`: `Var(E) · Z² = Z · S_2 - S_1²` (`Z ≠ 0`).
* `meanEnergy_mul_partition`, `energyMoment_zero`: small facts used by importers.

Derivatives of these sums are in `AttnThermo.Derivation`, the Fisher information and heat
capacity in `AttnThermo.Fisher`, the attention ensemble `w_d = z^d a_d` in `AttnThermo.Fugacity`.

Sums and moments need only a commutative ring (`Lean.Grind.CommRing`); means and variances
divide by `Z` and need a field (`Lean.Grind.Field`). All statements are generic, so they apply
to `ℝ` under Mathlib unchanged; the `_witness` theorems instantiate them over `Rat` and pin
the values (`Z = 7/4`, `⟨E⟩ = 4/7`, `Var(E) = 26/49`), so a changed definition breaks them.

## Notation
States are `List (α × α)`; for a state `s`, `s.1` is its energy and `s.2` its weight.
-/

@[expose] public section

universe u

namespace AttnThermo.Ensemble

/-- Partition function `Z = Σ_d w_d` of a finite list of `(energy, weight)` states. -/
def partitionFunction {α : Type u} [Lean.Grind.CommRing α] : List (α × α) → α
  | [] => 0
  | s :: rest => s.2 + partitionFunction rest

/-- Unnormalised energy moment `S_k = Σ_d E_d^k w_d`. -/
def energyMoment {α : Type u} [Lean.Grind.CommRing α] (k : Nat) : List (α × α) → α
  | [] => 0
  | s :: rest => s.1 ^ k * s.2 + energyMoment k rest

/-- Mean energy `⟨E⟩ = S_1 / Z`. -/
def meanEnergy {α : Type u} [Lean.Grind.Field α] (states : List (α × α)) : α :=
  energyMoment 1 states / partitionFunction states

/-- Second moment `⟨E²⟩ = S_2 / Z`. -/
def secondMoment {α : Type u} [Lean.Grind.Field α] (states : List (α × α)) : α :=
  energyMoment 2 states / partitionFunction states

/-- Energy variance in moment form, `⟨E²⟩ - ⟨E⟩²`. -/
def energyVariance {α : Type u} [Lean.Grind.Field α] (states : List (α × α)) : α :=
  secondMoment states - meanEnergy states ^ 2

/-- Weighted sum of squared deviations from a centre `c`: `Σ_d w_d (E_d - c)²`. -/
def sqDeviationSum {α : Type u} [Lean.Grind.CommRing α] (c : α) : List (α × α) → α
  | [] => 0
  | s :: rest => s.2 * (s.1 - c) ^ 2 + sqDeviationSum c rest

/-- Energy variance in deviation form: `Σ_d w_d (E_d - ⟨E⟩)² / Z`. -/
def meanSqDeviation {α : Type u} [Lean.Grind.Field α] (states : List (α × α)) : α :=
  sqDeviationSum (meanEnergy states) states / partitionFunction states

/-- The zeroth moment is the partition function: `S_0 = Z`. -/
theorem energyMoment_zero {α : Type u} [Lean.Grind.CommRing α] (states : List (α × α)) :
    energyMoment 0 states = partitionFunction states := by
  induction states with
  | nil => simp only [energyMoment, partitionFunction]
  | cons s rest ih =>
    simp only [energyMoment, partitionFunction, ih, Lean.Grind.Semiring.pow_zero,
      Lean.Grind.Semiring.one_mul] <;> grind

/-- Expanding the square: `Σ_d w_d (E_d - c)² = S_2 - 2 c S_1 + c² Z`. -/
theorem sqDeviationSum_eq {α : Type u} [Lean.Grind.CommRing α] (c : α)
    (states : List (α × α)) :
    sqDeviationSum c states
      = energyMoment 2 states - 2 * c * energyMoment 1 states
        + c ^ 2 * partitionFunction states := by
  induction states with
  | nil => simp only [sqDeviationSum, energyMoment, partitionFunction] <;> grind
  | cons s rest ih =>
    simp only [sqDeviationSum, energyMoment, partitionFunction, ih] <;> grind

/-- The mean energy times `Z` is the first moment: `⟨E⟩ · Z = S_1` (`Z ≠ 0`).
Claim: `partition-generates-moments` -/
theorem meanEnergy_mul_partition {α : Type u} [Lean.Grind.Field α] (states : List (α × α))
    (hZ : partitionFunction states ≠ 0) :
    meanEnergy states * partitionFunction states = energyMoment 1 states := by
  have hZinv := Lean.Grind.Field.mul_inv_cancel hZ
  unfold meanEnergy
  grind

/-- The two forms of the variance agree: `⟨E²⟩ - ⟨E⟩² = Σ_d w_d (E_d - ⟨E⟩)² / Z` (`Z ≠ 0`).
Claim: `fisher-equals-cv-over-gamma-sq` Claim: `partition-generates-moments` -/
theorem energyVariance_eq_meanSqDeviation {α : Type u} [Lean.Grind.Field α]
    (states : List (α × α)) (hZ : partitionFunction states ≠ 0) :
    energyVariance states = meanSqDeviation states := by
  have hZinv := Lean.Grind.Field.mul_inv_cancel hZ
  unfold energyVariance meanSqDeviation secondMoment
  rw [sqDeviationSum_eq]
  unfold meanEnergy
  grind

/-- Variance times `Z²` in moment form: `Var(E) · Z² = Z · S_2 - S_1²` (`Z ≠ 0`).
Claim: `partition-generates-moments` -/
theorem energyVariance_mul_sq_partition {α : Type u} [Lean.Grind.Field α]
    (states : List (α × α)) (hZ : partitionFunction states ≠ 0) :
    energyVariance states * partitionFunction states ^ 2
      = partitionFunction states * energyMoment 2 states - energyMoment 1 states ^ 2 := by
  have hZinv := Lean.Grind.Field.mul_inv_cancel hZ
  unfold energyVariance secondMoment meanEnergy
  grind

/-- The three-state ensemble `E = 0, 1, 2` with weights `1, 1/2, 1/4` has `Z ≠ 0`. -/
theorem partitionFunction_threeStates_ne_zero :
    partitionFunction ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat)) ≠ 0 := by
  simp only [partitionFunction] <;> grind

/-- Non-vacuity: `AttnThermo.Ensemble.meanEnergy_mul_partition` at a three-state ensemble
over `Rat` (`Z = 7/4`), with the values pinned: `⟨E⟩ = 4/7`, `S_1 = 1`. -/
theorem meanEnergy_mul_partition_witness :
    meanEnergy ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat))
        * partitionFunction ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat))
      = energyMoment 1 ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat))
    ∧ meanEnergy ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat)) = 4/7
    ∧ energyMoment 1 ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat)) = 1 :=
  ⟨meanEnergy_mul_partition _ partitionFunction_threeStates_ne_zero, by decide +kernel,
    by decide +kernel⟩

/-- Non-vacuity: `AttnThermo.Ensemble.energyVariance_eq_meanSqDeviation` at a three-state
ensemble over `Rat` (`Z = 7/4`), with the value pinned: `Var(E) = 26/49`. -/
theorem energyVariance_eq_meanSqDeviation_witness :
    energyVariance ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat))
      = meanSqDeviation ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat))
    ∧ meanSqDeviation ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat)) = 26/49 :=
  ⟨energyVariance_eq_meanSqDeviation _ partitionFunction_threeStates_ne_zero,
    by decide +kernel⟩

/-- Non-vacuity: `AttnThermo.Ensemble.energyVariance_mul_sq_partition` at a three-state
ensemble over `Rat` (`Z = 7/4`), with the value pinned: `Z S_2 - S_1² = 13/8`. -/
theorem energyVariance_mul_sq_partition_witness :
    energyVariance ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat))
        * partitionFunction ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat)) ^ 2
      = partitionFunction ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat))
          * energyMoment 2 ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat))
        - energyMoment 1 ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat)) ^ 2
    ∧ partitionFunction ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat))
          * energyMoment 2 ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat))
        - energyMoment 1 ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat)) ^ 2 = 13/8 :=
  ⟨energyVariance_mul_sq_partition _ partitionFunction_threeStates_ne_zero, by decide +kernel⟩

end AttnThermo.Ensemble
