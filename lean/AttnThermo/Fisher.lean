module

public import AttnThermo.Ensemble

/-!
# The partition function generates the moments; Fisher information `= C_V / γ²`

No analysis is needed: `∂_γ` is modelled by an abstract *derivation* `D` on a commutative ring
(additive and Leibniz) with `D w_d = -E_d w_d` and `D E_d = 0`, which is what `∂_γ` does to the
weights `w_d = z^d e^{-γ E_d}` of the attention ensemble. Likewise the fugacity operator `z ∂_z`
is any derivation with `D z = z`, or, on truncated series, multiplication of the `d`-th
coefficient by `d`.

## Main definitions
* `Derivation α`: an additive map with the Leibniz rule, on a `Lean.Grind.CommRing`.
* `truncatedSeries c z N = Σ_{d=1}^{N} c_d z^d`, `fugacityOp c = (d ↦ d c_d)`,
  `polylogCoeff s d = 1/d^s`, `truncatedPolylog s N z = Σ_{d=1}^{N} z^d / d^s`.
* `weightedSum f = Σ_d w_d f(E_d)`, `score` (`-E + ⟨E⟩`), `fisherInformation`
  (`Σ_d w_d score_d² / Z`), `heatCapacity γ` (`γ² Var(E)`).
* `DualInt` (dual numbers over `Int`) and `epsDerivation` (`a + bε ↦ bε`): a concrete nonzero
  derivation, used by the non-vacuity witnesses.

## Main results
* `derivation_energyMoment`: `D S_k = -S_{k+1}`; `derivation_partitionFunction`: `D Z = -S_1`;
  `derivation_sq_partitionFunction`: `D² Z = S_2`;
  `partition_mul_derivation_sq_sub_sq`: `Z D²Z - (DZ)² = Z S_2 - S_1²`.
* `logPartition_derivation_eq_neg_meanEnergy`: `DZ/Z = -⟨E⟩`;
  `logPartition_secondDerivative_eq_energyVariance`: `(Z D²Z - (DZ)²)/Z² = Var(E)`.
* `derivation_truncatedSeries`: a derivation with `D z = z` acts as `fugacityOp`;
  `fugacity_truncatedPolylog`: `z∂_z Li_{s,N} = Li_{s-1,N}` (`s ≥ 1`, characteristic zero).
* `fisherInformation_eq_energyVariance`, `fisherInformation_eq_logPartition_secondDerivative`,
  `fisherInformation_eq_heatCapacity_div_sq` (`I(γ) = C_V/γ²`, `γ ≠ 0`).

## Notation
`D x` applies a derivation (coercion to a function). States as in `AttnThermo.Ensemble`.

## Implementation note
`score`, `fisherInformation` and `heatCapacity` are `noncomputable`: they call definitions of
`AttnThermo.Ensemble`, and the WebAssembly toolchain cannot link compiled code across modules
(the compiler's auxiliary `_redArg` functions of imported definitions are not loaded). They are
specifications; evaluate them by reduction (`#reduce`, `decide`), not `#eval`.
-/

@[expose] public section

universe u

namespace AttnThermo.Fisher

open AttnThermo.Ensemble

attribute [local instance] Lean.Grind.Semiring.natCast

/-- A derivation on a commutative ring: an additive map obeying the Leibniz rule. -/
structure Derivation (α : Type u) [Lean.Grind.CommRing α] where
  /-- The underlying map. -/
  toFun : α → α
  /-- Additivity: `D (a + b) = D a + D b`. -/
  map_add : ∀ a b : α, toFun (a + b) = toFun a + toFun b
  /-- Leibniz rule: `D (a b) = a D b + b D a`. -/
  map_mul : ∀ a b : α, toFun (a * b) = a * toFun b + b * toFun a

/-- A derivation is applied as a function. -/
instance {α : Type u} [Lean.Grind.CommRing α] : CoeFun (Derivation α) (fun _ => α → α) :=
  ⟨Derivation.toFun⟩

namespace Derivation

/-- A derivation kills `0`. -/
theorem map_zero {α : Type u} [Lean.Grind.CommRing α] (D : Derivation α) : D 0 = 0 := by
  have h := D.map_add 0 0
  rw [Lean.Grind.Semiring.add_zero] at h
  grind

/-- A derivation kills `1`. -/
theorem map_one {α : Type u} [Lean.Grind.CommRing α] (D : Derivation α) : D 1 = 0 := by
  have h := D.map_mul 1 1
  rw [Lean.Grind.Semiring.mul_one] at h
  grind

/-- A derivation commutes with negation. -/
theorem map_neg {α : Type u} [Lean.Grind.CommRing α] (D : Derivation α) (x : α) :
    D (-x) = -D x := by
  have h := D.map_add (-x) x
  have h0 := D.map_zero
  rw [Lean.Grind.Ring.neg_add_cancel] at h
  grind

/-- A derivation kills every power of an element it kills. -/
theorem map_pow_of_map_eq_zero {α : Type u} [Lean.Grind.CommRing α] (D : Derivation α)
    {x : α} (hx : D x = 0) (n : Nat) : D (x ^ n) = 0 := by
  induction n with
  | zero => rw [Lean.Grind.Semiring.pow_zero]; exact D.map_one
  | succ n ih =>
    rw [Lean.Grind.Semiring.pow_succ, D.map_mul, ih, hx]
    grind

/-- If `D z = z` (the fugacity operator `z ∂_z`), then `D (z^n) = n z^n`. -/
theorem map_pow_of_map_eq_self {α : Type u} [Lean.Grind.CommRing α] (D : Derivation α)
    {z : α} (hz : D z = z) (n : Nat) : D (z ^ n) = (n : α) * z ^ n := by
  induction n with
  | zero =>
    have h1 := D.map_one
    simp only [Lean.Grind.Semiring.pow_zero, Lean.Grind.Semiring.natCast_zero] <;> grind
  | succ n ih =>
    rw [Lean.Grind.Semiring.pow_succ, D.map_mul, ih, hz, Lean.Grind.Semiring.natCast_succ]
    grind

end Derivation

/-! ### The partition function generates the moments -/

/-- `D S_k = -S_{k+1}` when `D w_d = -E_d w_d` and `D E_d = 0` for every state.
Claim: `partition-generates-moments` -/
theorem derivation_energyMoment {α : Type u} [Lean.Grind.CommRing α] (D : Derivation α)
    (k : Nat) (states : List (α × α))
    (hw : ∀ s ∈ states, D s.2 = -(s.1 * s.2)) (hE : ∀ s ∈ states, D s.1 = 0) :
    D (energyMoment k states) = -energyMoment (k + 1) states := by
  induction states with
  | nil =>
    have h0 := D.map_zero
    simp only [energyMoment] <;> grind
  | cons s rest ih =>
    have hws : D s.2 = -(s.1 * s.2) := hw s (List.mem_cons.mpr (Or.inl rfl))
    have hEs : D s.1 = 0 := hE s (List.mem_cons.mpr (Or.inl rfl))
    have ih' := ih (fun t ht => hw t (List.mem_cons.mpr (Or.inr ht)))
      (fun t ht => hE t (List.mem_cons.mpr (Or.inr ht)))
    have hpow := D.map_pow_of_map_eq_zero hEs k
    simp only [energyMoment]
    rw [D.map_add, D.map_mul, ih', hws, hpow, Lean.Grind.Semiring.pow_succ]
    grind

/-- `D Z = -S_1`: the derivative of the partition function is minus the first moment.
Claim: `partition-generates-moments` -/
theorem derivation_partitionFunction {α : Type u} [Lean.Grind.CommRing α] (D : Derivation α)
    (states : List (α × α)) (hw : ∀ s ∈ states, D s.2 = -(s.1 * s.2)) :
    D (partitionFunction states) = -energyMoment 1 states := by
  induction states with
  | nil =>
    have h0 := D.map_zero
    simp only [partitionFunction, energyMoment] <;> grind
  | cons s rest ih =>
    have hws : D s.2 = -(s.1 * s.2) := hw s (List.mem_cons.mpr (Or.inl rfl))
    have ih' := ih (fun t ht => hw t (List.mem_cons.mpr (Or.inr ht)))
    simp only [partitionFunction, energyMoment]
    rw [D.map_add, ih', hws]
    grind

/-- `D² Z = S_2`: the second derivative of the partition function is the second moment.
Claim: `partition-generates-moments` -/
theorem derivation_sq_partitionFunction {α : Type u} [Lean.Grind.CommRing α]
    (D : Derivation α) (states : List (α × α))
    (hw : ∀ s ∈ states, D s.2 = -(s.1 * s.2)) (hE : ∀ s ∈ states, D s.1 = 0) :
    D (D (partitionFunction states)) = energyMoment 2 states := by
  have h2 : energyMoment (1 + 1) states = energyMoment 2 states := rfl
  rw [derivation_partitionFunction D states hw, D.map_neg,
    derivation_energyMoment D 1 states hw hE]
  grind

/-- `Z · D²Z - (DZ)² = Z · S_2 - S_1²`, i.e. `Var(E) · Z²` (see
`AttnThermo.Ensemble.energyVariance_mul_sq_partition`).
Claim: `partition-generates-moments` Claim: `fisher-equals-cv-over-gamma-sq` -/
theorem partition_mul_derivation_sq_sub_sq {α : Type u} [Lean.Grind.CommRing α]
    (D : Derivation α) (states : List (α × α))
    (hw : ∀ s ∈ states, D s.2 = -(s.1 * s.2)) (hE : ∀ s ∈ states, D s.1 = 0) :
    partitionFunction states * D (D (partitionFunction states))
        - D (partitionFunction states) ^ 2
      = partitionFunction states * energyMoment 2 states - energyMoment 1 states ^ 2 := by
  rw [derivation_sq_partitionFunction D states hw hE, derivation_partitionFunction D states hw]
  grind

/-- `∂_γ log Z = DZ/Z = -⟨E⟩`.
Claim: `partition-generates-moments` -/
theorem logPartition_derivation_eq_neg_meanEnergy {α : Type u} [Lean.Grind.Field α]
    (D : Derivation α) (states : List (α × α)) (hw : ∀ s ∈ states, D s.2 = -(s.1 * s.2)) :
    D (partitionFunction states) / partitionFunction states = -meanEnergy states := by
  rw [derivation_partitionFunction D states hw]
  unfold meanEnergy
  grind

/-- `∂²_γ log Z = (Z D²Z - (DZ)²)/Z² = ⟨E²⟩ - ⟨E⟩²` (`Z ≠ 0`).
Claim: `partition-generates-moments` Claim: `fisher-equals-cv-over-gamma-sq` -/
theorem logPartition_secondDerivative_eq_energyVariance {α : Type u} [Lean.Grind.Field α]
    (D : Derivation α) (states : List (α × α))
    (hw : ∀ s ∈ states, D s.2 = -(s.1 * s.2)) (hE : ∀ s ∈ states, D s.1 = 0)
    (hZ : partitionFunction states ≠ 0) :
    (partitionFunction states * D (D (partitionFunction states))
        - D (partitionFunction states) ^ 2) / partitionFunction states ^ 2
      = energyVariance states := by
  have hZinv := Lean.Grind.Field.mul_inv_cancel hZ
  rw [partition_mul_derivation_sq_sub_sq D states hw hE,
    ← energyVariance_mul_sq_partition states hZ]
  grind

/-! ### The fugacity operator on truncated polylogarithms -/

/-- Truncated power series `Σ_{d=1}^{N} c_d z^d`. -/
def truncatedSeries {α : Type u} [Lean.Grind.CommRing α] (c : Nat → α) (z : α) : Nat → α
  | 0 => 0
  | N + 1 => truncatedSeries c z N + c (N + 1) * z ^ (N + 1)

/-- The fugacity operator `z ∂_z` on coefficients: it multiplies the `d`-th term by `d`. -/
def fugacityOp {α : Type u} [Lean.Grind.CommRing α] (c : Nat → α) (d : Nat) : α :=
  (d : α) * c d

/-- Polylogarithm coefficient `d^{-s} = 1/d^s`. -/
def polylogCoeff {α : Type u} [Lean.Grind.Field α] (s d : Nat) : α :=
  1 / (d : α) ^ s

/-- Truncated polylogarithm `Li_{s,N}(z) = Σ_{d=1}^{N} z^d / d^s`, the partition function
`Z_N(γ = s, z)` of the attention ensemble at natural `γ = s`.
Claim: `partition-polylog` -/
def truncatedPolylog {α : Type u} [Lean.Grind.Field α] (s N : Nat) (z : α) : α :=
  truncatedSeries (polylogCoeff s) z N

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

/-! ### Fisher information -/

/-- Weighted sum `Σ_d w_d f(E_d)` over the states. -/
def weightedSum {α : Type u} [Lean.Grind.CommRing α] (f : α → α) : List (α × α) → α
  | [] => 0
  | s :: rest => s.2 * f s.1 + weightedSum f rest

/-- Score of a state of energy `E`: `∂_γ log p = -E + ⟨E⟩`. -/
noncomputable def score {α : Type u} [Lean.Grind.Field α] (states : List (α × α)) (E : α) :
    α :=
  -E + meanEnergy states

/-- Fisher information of `γ`: the mean squared score `Σ_d w_d score_d² / Z`. -/
noncomputable def fisherInformation {α : Type u} [Lean.Grind.Field α]
    (states : List (α × α)) : α :=
  weightedSum (fun E => score states E ^ 2) states / partitionFunction states

/-- Heat capacity `C_V = γ² Var(E)` (`k_B = 1`, `T = 1/γ`). -/
noncomputable def heatCapacity {α : Type u} [Lean.Grind.Field α] (γ : α)
    (states : List (α × α)) : α :=
  γ ^ 2 * energyVariance states

/-- `Σ_d w_d (-E_d + μ)² = S_2 - 2 μ S_1 + μ² Z`. -/
theorem weightedSum_sq_shift {α : Type u} [Lean.Grind.CommRing α] (μ : α)
    (states : List (α × α)) :
    weightedSum (fun E => (-E + μ) ^ 2) states
      = energyMoment 2 states - 2 * μ * energyMoment 1 states
        + μ ^ 2 * partitionFunction states := by
  induction states with
  | nil => simp only [weightedSum, energyMoment, partitionFunction] <;> grind
  | cons s rest ih =>
    simp only [weightedSum, energyMoment, partitionFunction] <;> grind

/-- Fisher information is the energy variance: `I(γ) = Var(E)` (`Z ≠ 0`).
Claim: `fisher-equals-cv-over-gamma-sq` -/
theorem fisherInformation_eq_energyVariance {α : Type u} [Lean.Grind.Field α]
    (states : List (α × α)) (hZ : partitionFunction states ≠ 0) :
    fisherInformation states = energyVariance states := by
  have hZinv := Lean.Grind.Field.mul_inv_cancel hZ
  unfold fisherInformation score
  rw [weightedSum_sq_shift (meanEnergy states) states]
  unfold energyVariance secondMoment meanEnergy
  grind

/-- Fisher information is the curvature of `log Z`: `I(γ) = ∂²_γ log Z` (`Z ≠ 0`).
Claim: `fisher-equals-cv-over-gamma-sq` -/
theorem fisherInformation_eq_logPartition_secondDerivative {α : Type u} [Lean.Grind.Field α]
    (D : Derivation α) (states : List (α × α))
    (hw : ∀ s ∈ states, D s.2 = -(s.1 * s.2)) (hE : ∀ s ∈ states, D s.1 = 0)
    (hZ : partitionFunction states ≠ 0) :
    fisherInformation states
      = (partitionFunction states * D (D (partitionFunction states))
          - D (partitionFunction states) ^ 2) / partitionFunction states ^ 2 := by
  rw [logPartition_secondDerivative_eq_energyVariance D states hw hE hZ]
  exact fisherInformation_eq_energyVariance states hZ

/-- `I(γ) = C_V / γ²` with `C_V = γ² Var(E)` (`Z ≠ 0`, `γ ≠ 0`).
Claim: `fisher-equals-cv-over-gamma-sq` -/
theorem fisherInformation_eq_heatCapacity_div_sq {α : Type u} [Lean.Grind.Field α]
    (γ : α) (states : List (α × α)) (hZ : partitionFunction states ≠ 0) (hγ : γ ≠ 0) :
    fisherInformation states = heatCapacity γ states / γ ^ 2 := by
  have hγinv := Lean.Grind.Field.mul_inv_cancel hγ
  rw [fisherInformation_eq_energyVariance states hZ]
  unfold heatCapacity
  grind

/-! ### A concrete nonzero derivation: dual numbers -/

/-- Dual numbers `a + b ε` over `Int`, with `ε² = 0`. -/
structure DualInt where
  /-- The standard part `a`. -/
  re : Int
  /-- The `ε` part `b`. -/
  eps : Int
deriving DecidableEq

namespace DualInt

/-- Two dual numbers are equal when both parts are. -/
theorem ext : ∀ {x y : DualInt}, x.re = y.re → x.eps = y.eps → x = y
  | ⟨_, _⟩, ⟨_, _⟩, rfl, rfl => rfl

/-- Addition, componentwise. -/
instance instAdd : Add DualInt := ⟨fun x y => ⟨x.re + y.re, x.eps + y.eps⟩⟩
/-- Multiplication, `(a + bε)(c + dε) = ac + (ad + bc)ε`. -/
instance instMul : Mul DualInt := ⟨fun x y => ⟨x.re * y.re, x.re * y.eps + x.eps * y.re⟩⟩
/-- Negation, componentwise. -/
instance instNeg : Neg DualInt := ⟨fun x => ⟨-x.re, -x.eps⟩⟩
/-- Subtraction, componentwise. -/
instance instSub : Sub DualInt := ⟨fun x y => ⟨x.re - y.re, x.eps - y.eps⟩⟩
/-- Natural numbers embed as `n + 0ε`. -/
instance instNatCast : NatCast DualInt := ⟨fun n => ⟨Int.ofNat n, 0⟩⟩
/-- Integers embed as `i + 0ε`. -/
instance instIntCast : IntCast DualInt := ⟨fun i => ⟨i, 0⟩⟩
/-- Numerals are `n + 0ε`. -/
instance instOfNat (n : Nat) : OfNat DualInt n := ⟨⟨Int.ofNat n, 0⟩⟩
/-- Scalar multiplication by a natural number is multiplication by its image. -/
instance instSMulNat : SMul Nat DualInt := ⟨fun n x => (n : DualInt) * x⟩
/-- Scalar multiplication by an integer is multiplication by its image. -/
instance instSMulInt : SMul Int DualInt := ⟨fun i x => (i : DualInt) * x⟩

/-- Natural powers by repeated multiplication. -/
def npow (x : DualInt) : Nat → DualInt
  | 0 => 1
  | n + 1 => npow x n * x

/-- Natural powers. -/
instance instPow : HPow DualInt Nat DualInt := ⟨npow⟩

/-- Standard part of a sum. -/
theorem add_re (x y : DualInt) : (x + y).re = x.re + y.re := rfl
/-- `ε` part of a sum. -/
theorem add_eps (x y : DualInt) : (x + y).eps = x.eps + y.eps := rfl
/-- Standard part of a product. -/
theorem mul_re (x y : DualInt) : (x * y).re = x.re * y.re := rfl
/-- `ε` part of a product. -/
theorem mul_eps (x y : DualInt) : (x * y).eps = x.re * y.eps + x.eps * y.re := rfl
/-- Standard part of a negation. -/
theorem neg_re (x : DualInt) : (-x).re = -x.re := rfl
/-- `ε` part of a negation. -/
theorem neg_eps (x : DualInt) : (-x).eps = -x.eps := rfl
/-- Standard part of a difference. -/
theorem sub_re (x y : DualInt) : (x - y).re = x.re - y.re := rfl
/-- `ε` part of a difference. -/
theorem sub_eps (x y : DualInt) : (x - y).eps = x.eps - y.eps := rfl
/-- Standard part of `0`. -/
theorem zero_re : (0 : DualInt).re = 0 := rfl
/-- `ε` part of `0`. -/
theorem zero_eps : (0 : DualInt).eps = 0 := rfl
/-- Standard part of `1`. -/
theorem one_re : (1 : DualInt).re = 1 := rfl
/-- `ε` part of `1`. -/
theorem one_eps : (1 : DualInt).eps = 0 := rfl
/-- Standard part of an embedded integer. -/
theorem intCast_re (i : Int) : (i : DualInt).re = i := rfl
/-- `ε` part of an embedded integer. -/
theorem intCast_eps (i : Int) : (i : DualInt).eps = 0 := rfl
/-- Standard part of an embedded natural number. -/
theorem natCast_re (n : Nat) : (n : DualInt).re = (n : Int) := rfl
/-- `ε` part of an embedded natural number. -/
theorem natCast_eps (n : Nat) : (n : DualInt).eps = 0 := rfl
/-- Integer scalar multiplication unfolded. -/
theorem zsmul_def (i : Int) (x : DualInt) : i • x = (i : DualInt) * x := rfl

/-- Componentwise proof of an identity between dual numbers. -/
local macro "dual_ext" : tactic =>
  `(tactic| (apply AttnThermo.Fisher.DualInt.ext <;>
    simp only [AttnThermo.Fisher.DualInt.add_re, AttnThermo.Fisher.DualInt.add_eps,
      AttnThermo.Fisher.DualInt.mul_re, AttnThermo.Fisher.DualInt.mul_eps,
      AttnThermo.Fisher.DualInt.neg_re, AttnThermo.Fisher.DualInt.neg_eps,
      AttnThermo.Fisher.DualInt.sub_re, AttnThermo.Fisher.DualInt.sub_eps,
      AttnThermo.Fisher.DualInt.zero_re, AttnThermo.Fisher.DualInt.zero_eps,
      AttnThermo.Fisher.DualInt.one_re, AttnThermo.Fisher.DualInt.one_eps,
      AttnThermo.Fisher.DualInt.intCast_re, AttnThermo.Fisher.DualInt.intCast_eps,
      AttnThermo.Fisher.DualInt.zsmul_def] <;> grind))

/-- Dual numbers over `Int` form a commutative ring. -/
instance instCommRing : Lean.Grind.CommRing DualInt where
  toAdd := instAdd
  toMul := instMul
  toNeg := instNeg
  toSub := instSub
  natCast := instNatCast
  ofNat := instOfNat
  nsmul := instSMulNat
  npow := instPow
  intCast := instIntCast
  zsmul := instSMulInt
  add_zero _ := by dual_ext
  add_comm _ _ := by dual_ext
  add_assoc _ _ _ := by dual_ext
  mul_assoc _ _ _ := by dual_ext
  mul_one _ := by dual_ext
  one_mul _ := by dual_ext
  left_distrib _ _ _ := by dual_ext
  right_distrib _ _ _ := by dual_ext
  zero_mul _ := by dual_ext
  mul_zero _ := by dual_ext
  pow_zero _ := rfl
  pow_succ _ _ := rfl
  ofNat_succ _ := rfl
  ofNat_eq_natCast _ := rfl
  nsmul_eq_natCast_mul _ _ := rfl
  neg_add_cancel _ := by dual_ext
  sub_eq_add_neg _ _ := by dual_ext
  neg_zsmul _ _ := by dual_ext
  zsmul_natCast_eq_nsmul _ _ := rfl
  intCast_ofNat _ := rfl
  intCast_neg _ := rfl
  mul_comm _ _ := by dual_ext

/-- The dual unit `ε = 0 + 1ε`. -/
def epsilon : DualInt := ⟨0, 1⟩

/-- The derivation `a + bε ↦ bε`, i.e. `ε ∂/∂ε`; it is nonzero (`D ε = ε`). -/
def epsDerivation : Derivation DualInt where
  toFun x := ⟨0, x.eps⟩
  map_add x y := by
    apply DualInt.ext
    · show (0 : Int) = 0 + 0
      grind
    · show (x + y).eps = x.eps + y.eps
      rfl
  map_mul x y := by
    apply DualInt.ext
    · show (0 : Int) = x.re * 0 + y.re * 0
      grind
    · show (x * y).eps = x.re * y.eps + x.eps * 0 + (y.re * x.eps + y.eps * 0)
      rw [mul_eps]
      grind

/-- A two-state ensemble over the dual numbers: `(E, w) = (0, 3)` and `(-1, ε)`. It satisfies
`D w = -E w` and `D E = 0` for `epsDerivation`, with `D Z = ε ≠ 0`. -/
def dualEnsemble : List (DualInt × DualInt) := [(0, 3), (-1, epsilon)]

end DualInt

open DualInt in
/-- Non-vacuity: `AttnThermo.Fisher.derivation_partitionFunction` with the nonzero derivation
`ε ∂/∂ε` on dual numbers. -/
theorem derivation_partitionFunction_witness :
    epsDerivation (partitionFunction dualEnsemble) = -energyMoment 1 dualEnsemble :=
  derivation_partitionFunction epsDerivation dualEnsemble (by decide)

open DualInt in
/-- Non-vacuity: `AttnThermo.Fisher.derivation_energyMoment` (`k = 2`) with the nonzero
derivation `ε ∂/∂ε` on dual numbers. -/
theorem derivation_energyMoment_witness :
    epsDerivation (energyMoment 2 dualEnsemble) = -energyMoment (2 + 1) dualEnsemble :=
  derivation_energyMoment epsDerivation 2 dualEnsemble (by decide) (by decide)

open DualInt in
/-- Non-vacuity: `AttnThermo.Fisher.derivation_sq_partitionFunction` with the nonzero
derivation `ε ∂/∂ε` on dual numbers. -/
theorem derivation_sq_partitionFunction_witness :
    epsDerivation (epsDerivation (partitionFunction dualEnsemble))
      = energyMoment 2 dualEnsemble :=
  derivation_sq_partitionFunction epsDerivation dualEnsemble (by decide) (by decide)

open DualInt in
/-- Non-vacuity: `AttnThermo.Fisher.partition_mul_derivation_sq_sub_sq` with the nonzero
derivation `ε ∂/∂ε` on dual numbers. -/
theorem partition_mul_derivation_sq_sub_sq_witness :
    partitionFunction dualEnsemble
          * epsDerivation (epsDerivation (partitionFunction dualEnsemble))
        - epsDerivation (partitionFunction dualEnsemble) ^ 2
      = partitionFunction dualEnsemble * energyMoment 2 dualEnsemble
        - energyMoment 1 dualEnsemble ^ 2 :=
  partition_mul_derivation_sq_sub_sq epsDerivation dualEnsemble (by decide) (by decide)

open DualInt in
/-- Non-vacuity: `AttnThermo.Fisher.derivation_truncatedSeries` with `ε ∂/∂ε`, `z = ε`
(`D ε = ε`) and constant coefficients `c_d = d`. -/
theorem derivation_truncatedSeries_witness :
    epsDerivation (truncatedSeries (fun d => (d : DualInt)) epsilon 3)
      = truncatedSeries (fugacityOp (fun d => (d : DualInt))) epsilon 3 :=
  derivation_truncatedSeries epsDerivation (z := epsilon) rfl (fun d => (d : DualInt))
    (fun _ => rfl) 3

/-- The zero derivation on `Rat`. Over a field of characteristic zero that is generated by `1`
(such as `Rat`) it is the only derivation, so the field-level witnesses below use it with
zero energies; the ring-level identities have the nonzero witnesses above. -/
def zeroDerivation : Derivation Rat where
  toFun _ := 0
  map_add _ _ := by show (0 : Rat) = 0 + 0; grind
  map_mul a b := by show (0 : Rat) = a * 0 + b * 0; grind

/-- The zero-energy ensemble `(0, 1), (0, 2)` over `Rat` satisfies the derivation hypotheses
for `zeroDerivation`. -/
theorem zeroDerivation_weights :
    ∀ s ∈ ([(0, 1), (0, 2)] : List (Rat × Rat)), zeroDerivation s.2 = -(s.1 * s.2) := by
  first
    | decide
    | (intro s hs
       simp at hs
       rcases hs with rfl | rfl <;> (show (0 : Rat) = _; grind))

/-- The zero-energy ensemble `(0, 1), (0, 2)` over `Rat` has energies killed by
`zeroDerivation`. -/
theorem zeroDerivation_energies :
    ∀ s ∈ ([(0, 1), (0, 2)] : List (Rat × Rat)), zeroDerivation s.1 = 0 := by
  intro _ _
  rfl

/-- The zero-energy ensemble `(0, 1), (0, 2)` over `Rat` has `Z = 3 ≠ 0`. -/
theorem zeroEnergy_partition_ne_zero :
    partitionFunction ([(0, 1), (0, 2)] : List (Rat × Rat)) ≠ 0 := by
  first
    | (simp only [partitionFunction] <;> grind)
    | decide

/-- Non-vacuity: `AttnThermo.Fisher.logPartition_secondDerivative_eq_energyVariance` over
`Rat` (zero derivation, zero energies; see `zeroDerivation`). -/
theorem logPartition_secondDerivative_eq_energyVariance_witness :
    (partitionFunction ([(0, 1), (0, 2)] : List (Rat × Rat))
          * zeroDerivation
              (zeroDerivation (partitionFunction ([(0, 1), (0, 2)] : List (Rat × Rat))))
        - zeroDerivation (partitionFunction ([(0, 1), (0, 2)] : List (Rat × Rat))) ^ 2)
        / partitionFunction ([(0, 1), (0, 2)] : List (Rat × Rat)) ^ 2
      = energyVariance ([(0, 1), (0, 2)] : List (Rat × Rat)) :=
  logPartition_secondDerivative_eq_energyVariance zeroDerivation _ zeroDerivation_weights
    zeroDerivation_energies zeroEnergy_partition_ne_zero

/-- Non-vacuity: `AttnThermo.Fisher.logPartition_derivation_eq_neg_meanEnergy` over `Rat`. -/
theorem logPartition_derivation_eq_neg_meanEnergy_witness :
    zeroDerivation (partitionFunction ([(0, 1), (0, 2)] : List (Rat × Rat)))
        / partitionFunction ([(0, 1), (0, 2)] : List (Rat × Rat))
      = -meanEnergy ([(0, 1), (0, 2)] : List (Rat × Rat)) :=
  logPartition_derivation_eq_neg_meanEnergy zeroDerivation _ zeroDerivation_weights

/-- Non-vacuity: `AttnThermo.Fisher.fisherInformation_eq_logPartition_secondDerivative` over
`Rat` (zero derivation, zero energies). -/
theorem fisherInformation_eq_logPartition_secondDerivative_witness :
    fisherInformation ([(0, 1), (0, 2)] : List (Rat × Rat))
      = (partitionFunction ([(0, 1), (0, 2)] : List (Rat × Rat))
            * zeroDerivation
              (zeroDerivation (partitionFunction ([(0, 1), (0, 2)] : List (Rat × Rat))))
          - zeroDerivation (partitionFunction ([(0, 1), (0, 2)] : List (Rat × Rat))) ^ 2)
          / partitionFunction ([(0, 1), (0, 2)] : List (Rat × Rat)) ^ 2 :=
  fisherInformation_eq_logPartition_secondDerivative zeroDerivation _ zeroDerivation_weights
    zeroDerivation_energies zeroEnergy_partition_ne_zero

/-- Non-vacuity: `AttnThermo.Fisher.fisherInformation_eq_energyVariance` at the three-state
ensemble `E = 0, 1, 2`, weights `1, 1/2, 1/4` over `Rat`. -/
theorem fisherInformation_eq_energyVariance_witness :
    fisherInformation ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat))
      = energyVariance ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat)) :=
  fisherInformation_eq_energyVariance _ partitionFunction_threeStates_ne_zero

/-- Non-vacuity: `AttnThermo.Fisher.fisherInformation_eq_heatCapacity_div_sq` at `γ = 3/2` and
the three-state ensemble over `Rat`. -/
theorem fisherInformation_eq_heatCapacity_div_sq_witness :
    fisherInformation ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat))
      = heatCapacity (3/2 : Rat) ([(0, 1), (1, 1/2), (2, 1/4)] : List (Rat × Rat))
        / (3/2 : Rat) ^ 2 :=
  fisherInformation_eq_heatCapacity_div_sq (3/2 : Rat) _ partitionFunction_threeStates_ne_zero
    (by grind)

/-- Non-vacuity: `AttnThermo.Fisher.fugacity_truncatedPolylog` at `s = 2`, `N = 3`, `z = 1/2`
over `Rat`. -/
theorem fugacity_truncatedPolylog_witness :
    truncatedSeries (fugacityOp (polylogCoeff 2)) (1/2 : Rat) 3
      = truncatedPolylog (2 - 1) 3 (1/2 : Rat) :=
  fugacity_truncatedPolylog (by decide) 3 (1/2 : Rat)

/-- Non-vacuity: `AttnThermo.Fisher.fugacityOp_polylogCoeff` at `s = 3`, `d = 2` over `Rat`. -/
theorem fugacityOp_polylogCoeff_witness :
    fugacityOp (α := Rat) (polylogCoeff 3) 2 = polylogCoeff (3 - 1) 2 :=
  fugacityOp_polylogCoeff (by decide) (by decide)

open DualInt in
/-- Non-vacuity: `AttnThermo.Fisher.Derivation.map_pow_of_map_eq_zero` with `ε ∂/∂ε`, which
kills `3`. -/
theorem map_pow_of_map_eq_zero_witness :
    epsDerivation ((3 : DualInt) ^ 2) = 0 :=
  epsDerivation.map_pow_of_map_eq_zero (x := 3) (by decide) 2

open DualInt in
/-- Non-vacuity: `AttnThermo.Fisher.Derivation.map_pow_of_map_eq_self` with `ε ∂/∂ε` and
`z = ε` (`D ε = ε`). -/
theorem map_pow_of_map_eq_self_witness :
    epsDerivation (epsilon ^ 2) = ((2 : Nat) : DualInt) * epsilon ^ 2 :=
  epsDerivation.map_pow_of_map_eq_self (z := epsilon) rfl 2

/-- Non-vacuity: `AttnThermo.Fisher.natCast_ne_zero_of_pos` at `n = 3` over `Rat`. -/
theorem natCast_ne_zero_of_pos_witness : ((3 : Nat) : Rat) ≠ 0 :=
  natCast_ne_zero_of_pos (by decide)

/-- Non-vacuity: `AttnThermo.Fisher.pow_ne_zero_of_ne_zero` at `x = 2`, `n = 3` over `Rat`. -/
theorem pow_ne_zero_of_ne_zero_witness : (2 : Rat) ^ 3 ≠ 0 :=
  pow_ne_zero_of_ne_zero (by grind) 3

end AttnThermo.Fisher
