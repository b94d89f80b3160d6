module

/-!
# The log-uniform law at `γ = 1`: variance `L²/12`, not `L²/4`

At `γ = 1` the log-distance `x = log d` is (to leading order) uniform on `[0, L]`, `L = log N`.
The uniform law has moments `⟨x⟩ = L/2`, `⟨x²⟩ = L²/3` (from `∫₀ᴸ x^k dx / L`; the
integrals are taken as given, core Lean has no analysis). This file proves the algebra that
follows, and an exact discrete analogue that needs no calculus at all.

## Main definitions
* `uniformMean L = L/2`, `uniformSecondMoment L = L²/3`: moments of the uniform law on `[0, L]`.
* `uniformVariance L`: `⟨x²⟩ - ⟨x⟩²` of that law.
* `gridPointSum h n`, `gridPointSqSum h n`: `Σ_{i<n} i h` and `Σ_{i<n} (i h)²`, by recursion.
* `gridMean n h`, `gridVariance n h`: mean and variance of the `n` equally weighted points
  `0, h, …, (n-1) h`, computed from those sums (not from a closed form).

## Main results
* `uniformVariance_eq_sq_div_twelve`: `Var = L²/12`.
* `uniformVariance_ne_sq_div_four`: `Var ≠ L²/4` for `L ≠ 0`.
* `erratum_eq_sq_mean`: `L²/4 = ⟨x⟩²` — the published `/4` is the squared mean.
* `gridMean_eq`: `h (n-1)/2`; `gridVariance_eq`: `h² (n² - 1)/12` (`n ≥ 1`).
* `gridVariance_eq_continuum_sub`: with `h = L/n`, `L²/12 - L²/(12 n²)`.

Statements are over a field of characteristic zero (`Lean.Grind.Field`, `Lean.Grind.IsCharP α 0`).
-/

@[expose] public section

universe u

namespace AttnThermo.LogUniform

attribute [local instance] Lean.Grind.Semiring.natCast

/-- Mean `⟨x⟩ = (1/L) ∫₀ᴸ x dx = L/2` of the uniform law on `[0, L]`. -/
def uniformMean {α : Type u} [Lean.Grind.Field α] (L : α) : α :=
  L / 2

/-- Second moment `⟨x²⟩ = (1/L) ∫₀ᴸ x² dx = L²/3` of the uniform law on `[0, L]`. -/
def uniformSecondMoment {α : Type u} [Lean.Grind.Field α] (L : α) : α :=
  L ^ 2 / 3

/-- Variance `⟨x²⟩ - ⟨x⟩²` of the uniform law on `[0, L]`. -/
def uniformVariance {α : Type u} [Lean.Grind.Field α] (L : α) : α :=
  uniformSecondMoment L - uniformMean L ^ 2

/-- `Σ_{i<n} i h`: the sum of the grid points `0, h, …, (n-1) h`. -/
def gridPointSum {α : Type u} [Lean.Grind.Field α] (h : α) : Nat → α
  | 0 => 0
  | n + 1 => gridPointSum h n + (n : α) * h

/-- `Σ_{i<n} (i h)²`: the sum of the squared grid points. -/
def gridPointSqSum {α : Type u} [Lean.Grind.Field α] (h : α) : Nat → α
  | 0 => 0
  | n + 1 => gridPointSqSum h n + ((n : α) * h) ^ 2

/-- Mean of the `n` equally weighted grid points `0, h, …, (n-1) h`. -/
def gridMean {α : Type u} [Lean.Grind.Field α] (n : Nat) (h : α) : α :=
  gridPointSum h n / (n : α)

/-- Variance `⟨x²⟩ - ⟨x⟩²` of the `n` equally weighted grid points `0, h, …, (n-1) h`. -/
def gridVariance {α : Type u} [Lean.Grind.Field α] (n : Nat) (h : α) : α :=
  gridPointSqSum h n / (n : α) - gridMean n h ^ 2

/-- In characteristic zero a positive natural number is a nonzero field element. -/
theorem natCast_ne_zero_of_pos {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]
    {n : Nat} (hn : 1 ≤ n) : (n : α) ≠ 0 := by
  intro h
  have h0 := (Lean.Grind.IsCharP.natCast_eq_zero_iff (α := α) 0 n).mp h
  rw [Nat.mod_zero] at h0
  omega

/-- The uniform law on `[0, L]` has variance `L²/12`.
Claim: `cv-gamma1-twelfth` -/
theorem uniformVariance_eq_sq_div_twelve {α : Type u} [Lean.Grind.Field α]
    [Lean.Grind.IsCharP α 0] (L : α) :
    uniformVariance L = L ^ 2 / 12 := by
  unfold uniformVariance uniformSecondMoment uniformMean
  grind

/-- The published value `L²/4` is not the variance of the uniform law on `[0, L]`, `L ≠ 0`.
Claim: `cv-gamma1-quarter` Claim: `cv-gamma1-twelfth` -/
theorem uniformVariance_ne_sq_div_four {α : Type u} [Lean.Grind.Field α]
    [Lean.Grind.IsCharP α 0] (L : α) (hL : L ≠ 0) :
    uniformVariance L ≠ L ^ 2 / 4 := by
  have hLinv := Lean.Grind.Field.mul_inv_cancel hL
  rw [uniformVariance_eq_sq_div_twelve]
  intro h
  first
    | grind
    | (have h6 : L * L = 0 := by grind
       have hL1 : L * L * L⁻¹ = L := by grind
       grind)

/-- The erratum explained: `L²/4` is the squared mean `⟨x⟩²` of the uniform law on `[0, L]`.
Claim: `cv-gamma1-quarter` -/
theorem erratum_eq_sq_mean {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]
    (L : α) :
    L ^ 2 / 4 = uniformMean L ^ 2 := by
  unfold uniformMean
  grind

/-- Gauss: `2 Σ_{i<n} i h = n (n-1) h`. -/
theorem two_mul_gridPointSum {α : Type u} [Lean.Grind.Field α] (h : α) (n : Nat) :
    2 * gridPointSum h n = (n : α) * ((n : α) - 1) * h := by
  induction n with
  | zero => simp only [gridPointSum, Lean.Grind.Semiring.natCast_zero] <;> grind
  | succ n ih => simp only [gridPointSum, Lean.Grind.Semiring.natCast_succ] <;> grind

/-- `6 Σ_{i<n} (i h)² = (n-1) n (2n-1) h²`. -/
theorem six_mul_gridPointSqSum {α : Type u} [Lean.Grind.Field α] (h : α) (n : Nat) :
    6 * gridPointSqSum h n = ((n : α) - 1) * (n : α) * (2 * (n : α) - 1) * h ^ 2 := by
  induction n with
  | zero => simp only [gridPointSqSum, Lean.Grind.Semiring.natCast_zero] <;> grind
  | succ n ih => simp only [gridPointSqSum, Lean.Grind.Semiring.natCast_succ] <;> grind

/-- The mean of the grid `0, h, …, (n-1) h` is `h (n-1)/2` (`n ≥ 1`).
Claim: `cv-gamma1-twelfth` -/
theorem gridMean_eq {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]
    (n : Nat) (h : α) (hn : 1 ≤ n) :
    gridMean n h = h * ((n : α) - 1) / 2 := by
  have hn0 : (n : α) ≠ 0 := natCast_ne_zero_of_pos hn
  have hninv := Lean.Grind.Field.mul_inv_cancel hn0
  have hs := two_mul_gridPointSum h n
  unfold gridMean
  grind

/-- The variance of the grid `0, h, …, (n-1) h` is `h² (n² - 1)/12` (`n ≥ 1`).
Claim: `cv-gamma1-twelfth` -/
theorem gridVariance_eq {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]
    (n : Nat) (h : α) (hn : 1 ≤ n) :
    gridVariance n h = h ^ 2 * ((n : α) ^ 2 - 1) / 12 := by
  have hn0 : (n : α) ≠ 0 := natCast_ne_zero_of_pos hn
  have hninv := Lean.Grind.Field.mul_inv_cancel hn0
  have hs := six_mul_gridPointSqSum h n
  unfold gridVariance
  rw [gridMean_eq n h hn]
  grind

/-- With spacing `h = L/n` the grid variance is the continuum value minus a `1/n²` correction:
`L²/12 - L²/(12 n²)` (`n ≥ 1`).
Claim: `cv-gamma1-twelfth` -/
theorem gridVariance_eq_continuum_sub {α : Type u} [Lean.Grind.Field α]
    [Lean.Grind.IsCharP α 0] (n : Nat) (L : α) (hn : 1 ≤ n) :
    gridVariance n (L / (n : α)) = L ^ 2 / 12 - L ^ 2 / (12 * (n : α) ^ 2) := by
  have hn0 : (n : α) ≠ 0 := natCast_ne_zero_of_pos hn
  have hninv := Lean.Grind.Field.mul_inv_cancel hn0
  rw [gridVariance_eq n (L / (n : α)) hn]
  grind

/-- Non-vacuity: `AttnThermo.LogUniform.uniformVariance_eq_sq_div_twelve` at `L = 3` over
`Rat`. -/
theorem uniformVariance_eq_sq_div_twelve_witness :
    uniformVariance (3 : Rat) = 3 ^ 2 / 12 :=
  uniformVariance_eq_sq_div_twelve 3

/-- Non-vacuity: `AttnThermo.LogUniform.uniformVariance_ne_sq_div_four` at `L = 3` over
`Rat`. -/
theorem uniformVariance_ne_sq_div_four_witness :
    uniformVariance (3 : Rat) ≠ 3 ^ 2 / 4 :=
  uniformVariance_ne_sq_div_four 3 (by grind)

/-- Non-vacuity: `AttnThermo.LogUniform.erratum_eq_sq_mean` at `L = 3` over `Rat`. -/
theorem erratum_eq_sq_mean_witness :
    (3 : Rat) ^ 2 / 4 = uniformMean (3 : Rat) ^ 2 :=
  erratum_eq_sq_mean 3

/-- Non-vacuity: `AttnThermo.LogUniform.gridMean_eq` at `n = 5`, `h = 1/2` over `Rat`. -/
theorem gridMean_eq_witness :
    gridMean 5 (1/2 : Rat) = 1/2 * (((5 : Nat) : Rat) - 1) / 2 :=
  gridMean_eq 5 (1/2 : Rat) (by decide)

/-- Non-vacuity: `AttnThermo.LogUniform.gridVariance_eq` at `n = 5`, `h = 1/2` over `Rat`. -/
theorem gridVariance_eq_witness :
    gridVariance 5 (1/2 : Rat) = (1/2) ^ 2 * (((5 : Nat) : Rat) ^ 2 - 1) / 12 :=
  gridVariance_eq 5 (1/2 : Rat) (by decide)

/-- Non-vacuity: `AttnThermo.LogUniform.gridVariance_eq_continuum_sub` at `n = 4`, `L = 2`
over `Rat`. -/
theorem gridVariance_eq_continuum_sub_witness :
    gridVariance 4 ((2 : Rat) / ((4 : Nat) : Rat))
      = 2 ^ 2 / 12 - 2 ^ 2 / (12 * ((4 : Nat) : Rat) ^ 2) :=
  gridVariance_eq_continuum_sub 4 (2 : Rat) (by decide)

end AttnThermo.LogUniform
