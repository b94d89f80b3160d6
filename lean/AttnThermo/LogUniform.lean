module

/-!
# The log-uniform law at `γ = 1`: variance `L²/12`, not `L²/4`

At `γ = 1` the log-distance `x = log d` is (to leading order) uniform on `[0, L]`, `L = log N`.
Its moments are `(1/L) ∫₀ᴸ x^k dx`. Core Lean has no integral, so the integral is computed by
the fundamental theorem of calculus from a stated antiderivative: for polynomials (coefficient
lists) with the formal derivative `polyDeriv`, `(1/L) ∫₀ᴸ f = (F(L) - F(0))/L` for any `F`
with `polyDeriv F = f`. The moments `L/2` and `L²/3` are then theorems about every such `F`
(whatever its constant term), not definitions; an exact discrete analogue needs no calculus.

## Main definitions
* `polyEval t c = c₀ + c₁ t + c₂ t² + …`, `polyDeriv c = [c₁, 2c₂, 3c₃, …]`.
* `uniformMoment F L = (F(L) - F(0))/L`: the mean of `f` under the uniform law on `[0, L]`,
  for an antiderivative `F` of `f`.
* `uniformVariance F₁ F₂ L = uniformMoment F₂ L - uniformMoment F₁ L ^ 2`, with `F₁' = x`,
  `F₂' = x²`.
* `gridPointSum h n`, `gridPointSqSum h n`: `Σ_{i<n} i h` and `Σ_{i<n} (i h)²`, by recursion.
* `gridMean n h`, `gridVariance n h`: mean and variance of the `n` equally weighted points
  `0, h, …, (n-1) h`, computed from those sums (not from a closed form).

## Main results
* `uniformMoment_eq_half`: `F' = x ⇒ ⟨x⟩ = L/2`; `uniformMoment_eq_sq_div_three`:
  `F' = x² ⇒ ⟨x²⟩ = L²/3` (`L ≠ 0`).
* `uniformVariance_eq_sq_div_twelve`: `Var = L²/12`.
* `uniformVariance_ne_sq_div_four`: `Var ≠ L²/4`.
* `erratum_eq_sq_mean`: `L²/4 = ⟨x⟩²` — the published `/4` is the squared mean.
* `gridMean_eq`: `h (n-1)/2`; `gridVariance_eq`: `h² (n² - 1)/12` (`n ≥ 1`).
* `gridVariance_eq_continuum_sub`: with `h = L/n`, `L²/12 - L²/(12 n²)`.

## Not formalised
The real integral and the fundamental theorem of calculus itself (only its polynomial form:
the definite integral is `F(L) - F(0)` for a formal antiderivative `F`) and the logarithm. The
finite ensemble `p_d ∝ 1/d` on `d = 1, …, N` is in `AttnThermo.HarmonicVariance`: for every
log-like `ℓ` (increments `1/(d+1) ≤ ℓ(d+1) - ℓ d ≤ 1/d`) its variance is within
`[-47/18, L/6 + 17/12]` of `L²/12`, by telescoping sum–integral comparisons. Python evaluates the
exact distance at `ℓ = log` to any precision and checks the expansion with the Stieltjes
constants (`attnthermo.thermo.asymptotics`, `attnthermo.thermo.identities.analysis`).

Statements are over a field of characteristic zero (`Lean.Grind.Field`, `Lean.Grind.IsCharP α 0`).
-/

@[expose] public section

universe u

namespace AttnThermo.LogUniform

attribute [local instance] Lean.Grind.Semiring.natCast

/-- Evaluation `c₀ + c₁ t + c₂ t² + …` of the polynomial with coefficient list `c` (Horner). -/
def polyEval {α : Type u} [Lean.Grind.CommRing α] (t : α) : List α → α
  | [] => 0
  | c :: cs => c + t * polyEval t cs

/-- `[k c₀, (k+1) c₁, (k+2) c₂, …]`: the coefficients of a derivative, from index `k`. -/
def polyDerivFrom {α : Type u} [Lean.Grind.CommRing α] (k : α) : List α → List α
  | [] => []
  | c :: cs => (k * c) :: polyDerivFrom (k + 1) cs

/-- Formal derivative `d/dx`: `c₀ + c₁ x + c₂ x² + … ↦ c₁ + 2 c₂ x + …`. -/
def polyDeriv {α : Type u} [Lean.Grind.CommRing α] : List α → List α
  | [] => []
  | _ :: cs => polyDerivFrom 1 cs

/-- `(1/L) ∫₀ᴸ f(x) dx = (F(L) - F(0))/L`, the mean of `f` under the uniform law on `[0, L]`,
from an antiderivative `F` of `f` (`polyDeriv F = f`). -/
def uniformMoment {α : Type u} [Lean.Grind.Field α] (F : List α) (L : α) : α :=
  (polyEval L F - polyEval 0 F) / L

/-- Variance `⟨x²⟩ - ⟨x⟩²` of the uniform law on `[0, L]`, from antiderivatives `F₁` of `x`
and `F₂` of `x²`. -/
def uniformVariance {α : Type u} [Lean.Grind.Field α] (F₁ F₂ : List α) (L : α) : α :=
  uniformMoment F₂ L - uniformMoment F₁ L ^ 2

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

/-- The fundamental theorem of calculus for an antiderivative of `x`: if `F' = x` then
`F(L) - F(0) = L²/2`, whatever the constant term of `F`. -/
theorem antiderivative_x_sub {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]
    (F : List α) (hF : polyDeriv F = [0, 1]) (L : α) :
    polyEval L F - polyEval 0 F = L ^ 2 / 2 := by
  rcases F with _ | ⟨c, _ | ⟨a1, _ | ⟨a2, _ | ⟨a3, rest⟩⟩⟩⟩ <;>
    simp [polyDeriv, polyDerivFrom] at hF
  simp only [polyEval]
  grind

/-- The fundamental theorem of calculus for an antiderivative of `x²`: if `F' = x²` then
`F(L) - F(0) = L³/3`, whatever the constant term of `F`. -/
theorem antiderivative_sq_sub {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]
    (F : List α) (hF : polyDeriv F = [0, 0, 1]) (L : α) :
    polyEval L F - polyEval 0 F = L ^ 3 / 3 := by
  rcases F with _ | ⟨c, _ | ⟨a1, _ | ⟨a2, _ | ⟨a3, _ | ⟨a4, rest⟩⟩⟩⟩⟩ <;>
    simp [polyDeriv, polyDerivFrom] at hF
  simp only [polyEval]
  grind

/-- The mean of the uniform law on `[0, L]`, from any antiderivative `F` of `x`:
`(1/L) ∫₀ᴸ x dx = L/2` (`L ≠ 0`).
Claim: `cv-gamma1-twelfth` (algebraic core) -/
theorem uniformMoment_eq_half {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]
    (F : List α) (hF : polyDeriv F = [0, 1]) {L : α} (hL : L ≠ 0) :
    uniformMoment F L = L / 2 := by
  have hLinv := Lean.Grind.Field.mul_inv_cancel hL
  unfold uniformMoment
  rw [antiderivative_x_sub F hF L]
  grind

/-- The second moment of the uniform law on `[0, L]`, from any antiderivative `F` of `x²`:
`(1/L) ∫₀ᴸ x² dx = L²/3` (`L ≠ 0`).
Claim: `cv-gamma1-twelfth` (algebraic core) -/
theorem uniformMoment_eq_sq_div_three {α : Type u} [Lean.Grind.Field α]
    [Lean.Grind.IsCharP α 0] (F : List α) (hF : polyDeriv F = [0, 0, 1]) {L : α}
    (hL : L ≠ 0) : uniformMoment F L = L ^ 2 / 3 := by
  have hLinv := Lean.Grind.Field.mul_inv_cancel hL
  unfold uniformMoment
  rw [antiderivative_sq_sub F hF L]
  grind

/-- The uniform law on `[0, L]` has variance `L²/12` (`L ≠ 0`), its moments computed from
antiderivatives `F₁' = x`, `F₂' = x²`.
Claim: `cv-gamma1-twelfth` (algebraic core) -/
theorem uniformVariance_eq_sq_div_twelve {α : Type u} [Lean.Grind.Field α]
    [Lean.Grind.IsCharP α 0] (F₁ F₂ : List α) (hF₁ : polyDeriv F₁ = [0, 1])
    (hF₂ : polyDeriv F₂ = [0, 0, 1]) {L : α} (hL : L ≠ 0) :
    uniformVariance F₁ F₂ L = L ^ 2 / 12 := by
  unfold uniformVariance
  rw [uniformMoment_eq_half F₁ hF₁ hL, uniformMoment_eq_sq_div_three F₂ hF₂ hL]
  grind

/-- The published value `L²/4` is not the variance of the uniform law on `[0, L]`, `L ≠ 0`.
Claim: `cv-gamma1-quarter` (algebraic core) Claim: `cv-gamma1-twelfth` (algebraic core) -/
theorem uniformVariance_ne_sq_div_four {α : Type u} [Lean.Grind.Field α]
    [Lean.Grind.IsCharP α 0] (F₁ F₂ : List α) (hF₁ : polyDeriv F₁ = [0, 1])
    (hF₂ : polyDeriv F₂ = [0, 0, 1]) {L : α} (hL : L ≠ 0) :
    uniformVariance F₁ F₂ L ≠ L ^ 2 / 4 := by
  have hLinv := Lean.Grind.Field.mul_inv_cancel hL
  rw [uniformVariance_eq_sq_div_twelve F₁ F₂ hF₁ hF₂ hL]
  intro h
  grind

/-- The erratum explained: `L²/4` is the squared mean `⟨x⟩²` of the uniform law on `[0, L]`.
Claim: `cv-gamma1-quarter` (algebraic core) -/
theorem erratum_eq_sq_mean {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]
    (F₁ : List α) (hF₁ : polyDeriv F₁ = [0, 1]) {L : α} (hL : L ≠ 0) :
    L ^ 2 / 4 = uniformMoment F₁ L ^ 2 := by
  rw [uniformMoment_eq_half F₁ hF₁ hL]
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
Claim: `cv-gamma1-twelfth` (algebraic core) -/
theorem gridMean_eq {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]
    (n : Nat) (h : α) (hn : 1 ≤ n) :
    gridMean n h = h * ((n : α) - 1) / 2 := by
  have hn0 : (n : α) ≠ 0 := natCast_ne_zero_of_pos hn
  have hninv := Lean.Grind.Field.mul_inv_cancel hn0
  have hs := two_mul_gridPointSum h n
  unfold gridMean
  grind

/-- The variance of the grid `0, h, …, (n-1) h` is `h² (n² - 1)/12` (`n ≥ 1`).
Claim: `cv-gamma1-twelfth` (algebraic core) -/
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
Claim: `cv-gamma1-twelfth` (algebraic core) -/
theorem gridVariance_eq_continuum_sub {α : Type u} [Lean.Grind.Field α]
    [Lean.Grind.IsCharP α 0] (n : Nat) (L : α) (hn : 1 ≤ n) :
    gridVariance n (L / (n : α)) = L ^ 2 / 12 - L ^ 2 / (12 * (n : α) ^ 2) := by
  have hn0 : (n : α) ≠ 0 := natCast_ne_zero_of_pos hn
  have hninv := Lean.Grind.Field.mul_inv_cancel hn0
  rw [gridVariance_eq n (L / (n : α)) hn]
  grind

/-- `5 + x²/2` is an antiderivative of `x` (over `Rat`). -/
theorem antiderivative_x_witnessPoly : polyDeriv ([5, 0, 1/2] : List Rat) = [0, 1] := by
  decide +kernel

/-- `-2 + x³/3` is an antiderivative of `x²` (over `Rat`). -/
theorem antiderivative_sq_witnessPoly : polyDeriv ([-2, 0, 0, 1/3] : List Rat) = [0, 0, 1] := by
  decide +kernel

/-- Non-vacuity: `AttnThermo.LogUniform.uniformMoment_eq_half` at `F = 5 + x²/2`, `L = 3`
over `Rat`: `⟨x⟩ = 3/2`. -/
theorem uniformMoment_eq_half_witness :
    uniformMoment ([5, 0, 1/2] : List Rat) 3 = 3 / 2 :=
  uniformMoment_eq_half _ antiderivative_x_witnessPoly (by grind)

/-- Non-vacuity: `AttnThermo.LogUniform.uniformMoment_eq_sq_div_three` at `F = -2 + x³/3`,
`L = 3` over `Rat`: `⟨x²⟩ = 3`. -/
theorem uniformMoment_eq_sq_div_three_witness :
    uniformMoment ([-2, 0, 0, 1/3] : List Rat) 3 = 3 ^ 2 / 3 :=
  uniformMoment_eq_sq_div_three _ antiderivative_sq_witnessPoly (by grind)

/-- Non-vacuity: `AttnThermo.LogUniform.uniformVariance_eq_sq_div_twelve` at `L = 3` over
`Rat`, with the value pinned: `Var = 3/4`. -/
theorem uniformVariance_eq_sq_div_twelve_witness :
    uniformVariance ([5, 0, 1/2] : List Rat) [-2, 0, 0, 1/3] 3 = 3 ^ 2 / 12
    ∧ uniformVariance ([5, 0, 1/2] : List Rat) [-2, 0, 0, 1/3] 3 = 3/4 :=
  ⟨uniformVariance_eq_sq_div_twelve _ _ antiderivative_x_witnessPoly
    antiderivative_sq_witnessPoly (by grind), by decide +kernel⟩

/-- Non-vacuity: `AttnThermo.LogUniform.uniformVariance_ne_sq_div_four` at `L = 3` over
`Rat`. -/
theorem uniformVariance_ne_sq_div_four_witness :
    uniformVariance ([5, 0, 1/2] : List Rat) [-2, 0, 0, 1/3] 3 ≠ 3 ^ 2 / 4 :=
  uniformVariance_ne_sq_div_four _ _ antiderivative_x_witnessPoly antiderivative_sq_witnessPoly
    (by grind)

/-- Non-vacuity: `AttnThermo.LogUniform.erratum_eq_sq_mean` at `L = 3` over `Rat`, with the
value pinned: `⟨x⟩² = 9/4`. -/
theorem erratum_eq_sq_mean_witness :
    (3 : Rat) ^ 2 / 4 = uniformMoment ([5, 0, 1/2] : List Rat) 3 ^ 2
    ∧ uniformMoment ([5, 0, 1/2] : List Rat) 3 ^ 2 = 9/4 :=
  ⟨erratum_eq_sq_mean _ antiderivative_x_witnessPoly (by grind), by decide +kernel⟩

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
