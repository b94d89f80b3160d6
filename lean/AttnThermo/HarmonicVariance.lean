module

public import AttnThermo.Fisher

/-!
# The `(log N)²/12` law for the finite `γ = 1` ensemble, with explicit constants

The attention ensemble at `γ = 1`, `z = 1` has states `d = 1, …, N`, weight `1/d` and energy
`ℓ d`, where `ℓ` stands for the logarithm. Its energy variance is the heat capacity
`C_V(γ = 1) = 1² · Var(E)` (`AttnThermo.Fisher.heatCapacity_eq_sq_mul_energyVariance`). This
module proves, for every `N ≥ 2` and every *log-like* `ℓ`, with `L = ℓ N`,

  `-47/18 ≤ Var_N - L²/12 ≤ L/6 + 17/12`,

a non-asymptotic form of `C_V(1, N) ≈ (log N)²/12`; hence `Var_N ≠ L²/4` once `L ≥ 7/2`.

## Log-like sequences
`LogLike ℓ`: `ℓ 1 = 0` and `1/(d+1) ≤ ℓ(d+1) - ℓ d ≤ 1/d` for `d ≥ 1`. `Real.log` is log-like
(`Real.log_le_sub_one_of_pos` and `Real.one_sub_inv_le_log_of_pos` applied to `(d+1)/d`, under
Mathlib; not part of this core library and not checked here). So is `H_d - 1` over `Rat`
(`harmonicLog_logLike`), which the witnesses use.

## The proof on paper (no integrals: telescoping)
Write `δ = ℓ(N+1) - ℓ N ∈ [q, p]` with `p = 1/N`, `q = 1/(N+1)`, so `p - q = pq`, `q ≤ p ≤ 2q`,
`p ≤ 1`; `a = ℓ N ≥ 0`, `b = ℓ(N+1) = a + δ`. With `S_k = Σ_{d≤N} ℓ(d)^k/d` set
`S_0 = L + c`, `S_1 = L²/2 + e₁`, `S_2 = L³/3 + e₂`. Each bound below is an invariant proved
by induction on `N` from `N = 1` (`L = 0`, `S_0 = 1`, `S_1 = S_2 = 0`); the step is a polynomial
inequality in `a, δ, p, q` (`b³ - a³` and `b² - a²` factor through `δ`):
* `c`: `Δc = q - δ ≤ 0` and `Δ(c - 1/N) = p - δ ≥ 0`, so `1/N ≤ c ≤ 1`; `S_0 ≥ 2 - 1/N`.
* `e₁ ≥ (L + 1)/N - 1`: the step needs `a(p - δ) + pq - δ²/2 ≥ 0` (`δ ≤ p ≤ 2q`). The potential
  `(ℓ N + 1)/N` is the telescope `Σ_{d<N} H_{d-1}/(d(d+1)) = 1 - (H_{N-1} + 1)/N` with `ℓ`
  in place of `H_{d-1}`.
* `e₁ ≤ 1/2 - 1/(2N)`: `Δe₁ = a(q - δ) + δq - δ²/2 ≤ q²/2 ≤ pq/2` (a `Σ 1/d²` telescope).
* `e₂ + (L + 1)/N + 2/(3N) ≤ 5/3`: `Δe₂ = a²(q - δ) + aδ(2q - δ) + δ²(q - δ/3) ≤ apq + (2/3)pq`.
* `e₂ - (L² + 2L + 2)/N - 1/N ≥ -3`: `Δe₂ ≥ -a²pq`, and the potential `(ℓ² + 2ℓ + 2)/N` falls by
  at least `a²pq - p²q` (the telescope `g(d) = (H_{d-1}² + 2H_{d-1} + 2)/d`).
So `c ∈ [0, 1]`, `e₁ ∈ [-1, 1/2]`, `e₂ ∈ [-3, 5/3]`, and `S_0 ≥ 3/2` for `N ≥ 2`. Then exactly
  `(Var - L²/12) S_0² = c L³/6 - (e₁ + c²/12) L² + e₂ L + c e₂ - e₁²`,
so `(L/6 + 17/12) S_0² - (Var - L²/12) S_0²` and `(Var - L²/12 + 47/18) S_0²` are polynomials in
`L, c, e₁, e₂` that are nonnegative on the box `c ∈ [0, 1]`, `e₁ ∈ [-1, 1/2]`, `e₂ ∈ [-3, 5/3]`,
`L ≥ 0`, `L + c ≥ 3/2`: each is a nonnegative combination of products of the box constraints
(e.g. `(5/3 - e₂) L`, `(e₁ + 1)² c`, `(e₁ + 1)(1/2 - e₁)(L + c - 3/2)`, `L (1 - c)(L - 1)²`),
found by a linear program and checked by `grind`. Both constants are the best these ranges allow:
`17/12` is attained at `L = 3/2, c = 0, e₁ = -1, e₂ = 5/3` and `-47/18` at
`L = 3/2, c = 0, e₁ = 1/2, e₂ = -3`. The slope `1/6` is the one the hypotheses allow (it comes from
`c ≤ 1`). Tighter constants need tighter joint invariants (those corners are not reachable: `c` is
small only for large `N`, hence large `L`): with `ℓ = log`, `0 ≤ C_V - L²/12 ≤ L/6` holds
numerically for every `N` from `2` to `10⁶`, and so it does for `ℓ = H_d - 1` and `ℓ = H_{d-1}`
up to `N = 10⁵`.

## Main definitions
* `LogLike ℓ`; `harmonicStates ℓ N`: the states `(ℓ d, 1/d)`, `d = N, …, 1`;
  `harmonic N = Σ_{d≤N} 1/d`, `harmonicLog d = H_d - 1`.

## Main results
* `energyVariance_harmonicStates_bounds`: `-47/18 ≤ Var_N - L²/12 ≤ L/6 + 17/12` (`N ≥ 2`).
* `energyVariance_harmonicStates_ne_sq_div_four`: `Var_N ≠ L²/4` when `L ≥ 7/2` — the erratum
  refuted on the finite ensemble itself.
* `energyVariance_harmonicStates_ratio_bounds`: `-(94/3)/L² ≤ 12 Var_N/L² - 1 ≤ (2L + 17)/L²`.
* `harmonicStates_bounds`: the five invariants above; `harmonicLog_logLike`.

Statements are over an ordered field of characteristic zero (`Lean.Grind.OrderedRing`,
`Lean.Grind.IsCharP α 0`); the witnesses instantiate them over `Rat` with `ℓ = H_d - 1` at
`N = 10, 100, 1000` (and `N = 51` for `Var_N ≠ L²/4`).
-/

@[expose] public section

universe u

namespace AttnThermo.HarmonicVariance

open AttnThermo.Ensemble AttnThermo.Fisher

attribute [local instance] Lean.Grind.Semiring.natCast


/-- `ℓ` behaves like the logarithm on the integers: `ℓ 1 = 0` and
`1/(d+1) ≤ ℓ(d+1) - ℓ d ≤ 1/d` for every `d ≥ 1`. -/
def LogLike {α : Type u} [Lean.Grind.Field α] [LE α] (ℓ : Nat → α) : Prop :=
  ℓ 1 = 0 ∧ ∀ d : Nat, 1 ≤ d →
    1 / ((d : α) + 1) ≤ ℓ (d + 1) - ℓ d ∧ ℓ (d + 1) - ℓ d ≤ 1 / (d : α)

/-- The `γ = 1`, `z = 1` attention ensemble with energies `ℓ d`: the states `(ℓ d, 1/d)` for
`d = N, …, 1`. -/
def harmonicStates {α : Type u} [Lean.Grind.Field α] (ℓ : Nat → α) : Nat → List (α × α)
  | 0 => []
  | n + 1 => (ℓ (n + 1), 1 / ((n : α) + 1)) :: harmonicStates ℓ n

/-- The harmonic number `H_N = Σ_{d≤N} 1/d`. -/
def harmonic {α : Type u} [Lean.Grind.Field α] : Nat → α
  | 0 => 0
  | n + 1 => harmonic n + 1 / ((n : α) + 1)

/-- One more state: `Z_{N+1} = Z_N + 1/(N+1)`. -/
theorem partitionFunction_harmonicStates_succ {α : Type u} [Lean.Grind.Field α]
    (ℓ : Nat → α) (n : Nat) :
    partitionFunction (harmonicStates ℓ (n + 1))
      = partitionFunction (harmonicStates ℓ n) + 1 / ((n : α) + 1) := by
  simp only [harmonicStates, partitionFunction] <;> grind

/-- One more state: `S_k(N+1) = S_k(N) + ℓ(N+1)^k/(N+1)`. -/
theorem energyMoment_harmonicStates_succ {α : Type u} [Lean.Grind.Field α]
    (ℓ : Nat → α) (k n : Nat) :
    energyMoment k (harmonicStates ℓ (n + 1))
      = energyMoment k (harmonicStates ℓ n) + ℓ (n + 1) ^ k * (1 / ((n : α) + 1)) := by
  simp only [harmonicStates, energyMoment] <;> grind

/-- Natural numbers are nonnegative in an ordered ring. -/
theorem natCast_nonneg_of_ordered {α : Type u} [Lean.Grind.Field α] [LE α] [LT α]
    [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α] (n : Nat) :
    (0 : α) ≤ (n : α) := by
  induction n with
  | zero => rw [Lean.Grind.Semiring.natCast_zero]; grind
  | succ n ih =>
    have h1 := Lean.Grind.OrderedRing.zero_lt_one (R := α)
    rw [Lean.Grind.Semiring.natCast_succ]; grind

/-- For `x ≥ 1`, `p = 1/x` and `q = 1/(x+1)`: `0 < q ≤ p ≤ 2q`, `p ≤ 1`, `2q ≤ 1`,
`p - q = pq`. -/
theorem reciprocal_bounds {α : Type u} [Lean.Grind.Field α] [LE α] [LT α]
    [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]
    (x : α) (hx : 1 ≤ x) :
    0 < 1 / x ∧ 0 < 1 / (x + 1) ∧ 1 / (x + 1) ≤ 1 / x ∧ 1 / x ≤ 2 * (1 / (x + 1))
      ∧ 1 / x ≤ 1 ∧ 2 * (1 / (x + 1)) ≤ 1 ∧ 1 / x - 1 / (x + 1) = 1 / x * (1 / (x + 1)) := by
  have h01 := Lean.Grind.OrderedRing.zero_lt_one (R := α)
  have hx0 : x ≠ 0 := by intro h; grind
  have hx1 : x + 1 ≠ 0 := by intro h; grind
  have hi := Lean.Grind.Field.mul_inv_cancel hx0
  have hi1 := Lean.Grind.Field.mul_inv_cancel hx1
  have hp : 1 / x * x = 1 := by rw [Lean.Grind.Field.div_eq_mul_inv]; grind
  have hq : 1 / (x + 1) * (x + 1) = 1 := by rw [Lean.Grind.Field.div_eq_mul_inv]; grind
  generalize 1 / x = p at *
  generalize 1 / (x + 1) = q at *
  have hp0 : 0 < p := pos_of_mul_pos_of_pos (by grind) (by grind : (0 : α) < x)
  have hq0 : 0 < q := pos_of_mul_pos_of_pos (by grind) (by grind : (0 : α) < x + 1)
  have e1 : p * (q * (x + 1)) = p := by rw [hq]; grind
  have e2 : q * (p * x) = q := by rw [hp]; grind
  have hpq : p - q = p * q := by grind
  have m1 := Lean.Grind.OrderedRing.mul_nonneg (Std.le_of_lt hp0) (by grind : (0 : α) ≤ x - 1)
  have hp1 : p ≤ 1 := by grind
  have m2 := Lean.Grind.OrderedRing.mul_nonneg (Std.le_of_lt hq0) (by grind : (0 : α) ≤ 1 - p)
  have m3 := Lean.Grind.OrderedRing.mul_nonneg (Std.le_of_lt hq0) (by grind : (0 : α) ≤ x - 1)
  have m4 := Lean.Grind.OrderedRing.mul_pos hp0 hq0
  refine ⟨hp0, hq0, ?_, ?_, hp1, ?_, hpq⟩ <;> grind

/-! ### Induction steps -/

/-- Induction step for `e₁ ≥ (L + 1)/N - 1`, with `a = ℓ N`, `b = ℓ(N+1)`, `p = 1/N`,
`q = 1/(N+1)`, `S = S_1(N)`. -/
theorem moment1Error_lower_step {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0] [LE α] [LT α]
    [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]
    {a b p q S : α} (ha : 0 ≤ a) (hp : 0 < p) (hp2q : p ≤ 2 * q) (hpq : p - q = p * q)
    (hδ : b - a ≤ p) (hδ' : q ≤ b - a)
    (h : (a + 1) * p - 1 ≤ S - a ^ 2 / 2) :
    (b + 1) * q - 1 ≤ (S + b ^ 1 * q) - b ^ 2 / 2 := by
  have h1 := Lean.Grind.OrderedRing.mul_nonneg ha (by grind : (0 : α) ≤ p - (b - a))
  have h2 := Lean.Grind.OrderedRing.mul_nonneg (by grind : (0 : α) ≤ b - a)
    (by grind : (0 : α) ≤ p - (b - a))
  have h3 := Lean.Grind.OrderedRing.mul_nonneg (Std.le_of_lt hp) (by grind : (0 : α) ≤ p - (b - a))
  have h4 := Lean.Grind.OrderedRing.mul_nonneg (Std.le_of_lt hp) (by grind : (0 : α) ≤ 2 * q - p)
  grind

/-- Induction step for `e₁ ≤ 1/2 - 1/(2N)` (names as in `moment1Error_lower_step`). -/
theorem moment1Error_upper_step {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0] [LE α] [LT α]
    [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]
    {a b p q S : α} (ha : 0 ≤ a) (hqp : q ≤ p) (hpq : p - q = p * q)
    (hδ' : q ≤ b - a) (hq : 0 < q)
    (h : S - a ^ 2 / 2 ≤ 1 / 2 - p / 2) :
    (S + b ^ 1 * q) - b ^ 2 / 2 ≤ 1 / 2 - q / 2 := by
  have h1 := Lean.Grind.OrderedRing.mul_nonneg ha (by grind : (0 : α) ≤ b - a - q)
  have h2 := Lean.Grind.OrderedRing.sq_nonneg (a := b - a - q)
  have h3 := Lean.Grind.OrderedRing.mul_nonneg (Std.le_of_lt hq) (by grind : (0 : α) ≤ p - q)
  grind

/-- Induction step for `e₂ + (L + 1)/N + 2/(3N) ≤ 5/3` (`S = S_2(N)`). -/
theorem moment2Error_upper_step {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0] [LE α] [LT α]
    [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]
    {a b p q S : α} (ha : 0 ≤ a) (hp : 0 < p) (hp1 : p ≤ 1) (hpq : p - q = p * q)
    (hδ : b - a ≤ p) (hδ' : q ≤ b - a) (hq : 0 < q)
    (h : S - a ^ 3 / 3 + (a + 1) * p + 2 / 3 * p ≤ 5 / 3) :
    (S + b ^ 2 * q) - b ^ 3 / 3 + (b + 1) * q + 2 / 3 * q ≤ 5 / 3 := by
  have hδ0 : (0 : α) ≤ b - a - q := by grind
  have ea : a * (p - q) = a * (p * q) := by rw [hpq]
  have f1 := Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.sq_nonneg (a := a)) hδ0
  have f2 := Lean.Grind.OrderedRing.mul_nonneg ha (Lean.Grind.OrderedRing.sq_nonneg (a := b - a - q))
  have f3 := Lean.Grind.OrderedRing.mul_nonneg ha
    (Lean.Grind.OrderedRing.mul_nonneg (Std.le_of_lt hq) (by grind : (0 : α) ≤ p - q))
  have f4 := Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.sq_nonneg (a := b - a)) hδ0
  have f5 := Lean.Grind.OrderedRing.mul_nonneg (Std.le_of_lt hq)
    (Lean.Grind.OrderedRing.mul_nonneg (by grind : (0 : α) ≤ p - (b - a))
      (by grind : (0 : α) ≤ p + (b - a)))
  have f6 := Lean.Grind.OrderedRing.mul_nonneg
    (Lean.Grind.OrderedRing.mul_nonneg (Std.le_of_lt hp) (Std.le_of_lt hq))
    (by grind : (0 : α) ≤ 1 - p)
  have f7 := Lean.Grind.OrderedRing.mul_nonneg (Std.le_of_lt hq) (by grind : (0 : α) ≤ p - (b - a))
  grind

/-- Induction step for `e₂ - (L² + 2L + 2)/N - 1/N ≥ -3` (`S = S_2(N)`). -/
theorem moment2Error_lower_step {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0] [LE α] [LT α]
    [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]
    {a b p q S : α} (ha : 0 ≤ a) (hp : 0 < p) (hp1 : p ≤ 1) (hp2q : p ≤ 2 * q)
    (hpq : p - q = p * q) (hδ : b - a ≤ p) (hδ' : q ≤ b - a) (hq : 0 < q)
    (h : -3 ≤ S - a ^ 3 / 3 - (a ^ 2 + 2 * a + 2) * p - p) :
    -3 ≤ (S + b ^ 2 * q) - b ^ 3 / 3 - (b ^ 2 + 2 * b + 2) * q - q := by
  have ea : a * (p - q) = a * (p * q) := by rw [hpq]
  have ea2 : a ^ 2 * (p - q) = a ^ 2 * (p * q) := by rw [hpq]
  have g1 := Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.sq_nonneg (a := a))
    (by grind : (0 : α) ≤ p - (b - a))
  have g2 := Lean.Grind.OrderedRing.mul_nonneg ha
    (Lean.Grind.OrderedRing.mul_nonneg (by grind : (0 : α) ≤ b - a)
      (by grind : (0 : α) ≤ 2 * q - (b - a)))
  have g3 := Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.sq_nonneg (a := b - a))
    (by grind : (0 : α) ≤ q - (b - a) / 3)
  have g4 := Lean.Grind.OrderedRing.mul_nonneg ha
    (Lean.Grind.OrderedRing.mul_nonneg (Std.le_of_lt hq) (by grind : (0 : α) ≤ p - (b - a)))
  have g5 := Lean.Grind.OrderedRing.mul_nonneg (Std.le_of_lt hq)
    (Lean.Grind.OrderedRing.mul_nonneg (by grind : (0 : α) ≤ p - (b - a))
      (by grind : (0 : α) ≤ p + (b - a)))
  have g6 := Lean.Grind.OrderedRing.mul_nonneg (Std.le_of_lt hq) (by grind : (0 : α) ≤ p - (b - a))
  have g7 := Lean.Grind.OrderedRing.mul_nonneg
    (Lean.Grind.OrderedRing.mul_nonneg (Std.le_of_lt hp) (Std.le_of_lt hq))
    (by grind : (0 : α) ≤ 1 - p)
  grind

/-- The upper bound from the error terms: if `S_0 = L + c`, `S_1 = L²/2 + e₁`, `S_2 = L³/3 + e₂`
with `c ∈ [0, 1]`, `e₁ ∈ [-1, 1/2]`, `e₂ ∈ [-3, 5/3]`, `S_0 ≥ 3/2`, and `V S_0² = S_0 S_2 - S_1²`,
then `V - L²/12 ≤ L/6 + 17/12` — the best constant from these ranges (attained at `L = 3/2`,
`c = 0`, `e₁ = -1`, `e₂ = 5/3`). The products below are the support of a linear certificate. -/
theorem sub_sq_div_twelve_le_of_errors {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0] [LE α] [LT α]
    [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]
    {L c e₁ e₂ V : α} (hL : 0 ≤ L) (hc0 : 0 ≤ c) (hc1 : c ≤ 1) (he1 : -1 ≤ e₁)
    (he1' : e₁ ≤ 1 / 2) (he2 : -3 ≤ e₂) (he2' : e₂ ≤ 5 / 3) (hZ : 3 / 2 ≤ L + c)
    (hV : V * (L + c) ^ 2 = (L + c) * (L ^ 3 / 3 + e₂) - (L ^ 2 / 2 + e₁) ^ 2) :
    V - L ^ 2 / 12 ≤ L / 6 + 17 / 12 := by
  have hZ0 : (0 : α) < L + c := by grind
  have hZ2 : (0 : α) < (L + c) ^ 2 := by
    have := Lean.Grind.OrderedRing.mul_pos hZ0 hZ0; grind
  have b1mc : (0 : α) ≤ 1 - c := by grind
  have bSm : (0 : α) ≤ L + c - 3 / 2 := by grind
  have be1p : (0 : α) ≤ e₁ + 1 := by grind
  have be1m : (0 : α) ≤ 1 / 2 - e₁ := by grind
  have be2p : (0 : α) ≤ e₂ + 3 := by grind
  have be2m : (0 : α) ≤ 5 / 3 - e₂ := by grind
  have u0 := Lean.Grind.OrderedRing.mul_nonneg be2m hL
  have u1 := Lean.Grind.OrderedRing.mul_nonneg be2m hc0
  have u2 := Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.sq_nonneg (a := e₁ + 1)) hL
  have u3 := Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.sq_nonneg (a := e₁ + 1)) hc0
  have u4 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.sq_nonneg (a := e₁ - 1 / 2)) hc0
  have u5 := Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg be1p be1m) bSm
  have u6 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.sq_nonneg (a := e₁ - 1 / 2)) (Lean.Grind.OrderedRing.sq_nonneg (a := L - 3 / 2))
  have u7 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.sq_nonneg (a := e₁ + 1)) (Lean.Grind.OrderedRing.sq_nonneg (a := L - 2))
  have u8 := Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg be1p hL) hL
  have u9 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.sq_nonneg (a := e₁ + 1)) hL) hL
  have u10 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.sq_nonneg (a := e₁ - 1 / 2)) hL) hc0
  have u11 := Lean.Grind.OrderedRing.mul_nonneg hL bSm
  have u12 := Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg be1p hL) bSm
  have u13 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg be1p be1m) hL) bSm
  have u14 := Lean.Grind.OrderedRing.mul_nonneg hc0 bSm
  have u15 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.sq_nonneg (a := e₁ - 1 / 2)) b1mc) (Lean.Grind.OrderedRing.sq_nonneg (a := L - 3 / 2))
  have u16 := Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg hL hL) hc0
  have u17 := Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg hL hc0) hc0
  have u18 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg be1p hL) b1mc) (Lean.Grind.OrderedRing.sq_nonneg (a := L - 1))
  have u19 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg be1p be1m) hL) b1mc) (Lean.Grind.OrderedRing.sq_nonneg (a := L - 1))
  have u20 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.sq_nonneg (a := e₁ - 1 / 2)) hL) b1mc) (Lean.Grind.OrderedRing.sq_nonneg (a := L - 3 / 2))
  have u21 := Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg hc0 hc0) hc0
  have u22 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg hc0 hc0) (Lean.Grind.OrderedRing.sq_nonneg (a := L - 2))
  have u23 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg b1mc b1mc) (Lean.Grind.OrderedRing.sq_nonneg (a := L - 3 / 2))
  have u24 := Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg b1mc bSm) bSm
  have key : 0 ≤ (L / 6 + 17 / 12 + L ^ 2 / 12 - V) * (L + c) ^ 2 := by grind
  have := nonneg_of_mul_nonneg_of_pos key hZ2
  grind

/-- The lower bound from the error terms (names and ranges as in
`sub_sq_div_twelve_le_of_errors`): `V - L²/12 ≥ -47/18`, the best constant from these ranges
(attained at `L = 3/2`, `c = 0`, `e₁ = 1/2`, `e₂ = -3`). -/
theorem le_sub_sq_div_twelve_of_errors {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0] [LE α] [LT α]
    [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]
    {L c e₁ e₂ V : α} (hL : 0 ≤ L) (hc0 : 0 ≤ c) (hc1 : c ≤ 1) (he1 : -1 ≤ e₁)
    (he1' : e₁ ≤ 1 / 2) (he2 : -3 ≤ e₂) (he2' : e₂ ≤ 5 / 3) (hZ : 3 / 2 ≤ L + c)
    (hV : V * (L + c) ^ 2 = (L + c) * (L ^ 3 / 3 + e₂) - (L ^ 2 / 2 + e₁) ^ 2) :
    -(47 / 18) ≤ V - L ^ 2 / 12 := by
  have hZ0 : (0 : α) < L + c := by grind
  have hZ2 : (0 : α) < (L + c) ^ 2 := by
    have := Lean.Grind.OrderedRing.mul_pos hZ0 hZ0; grind
  have b1mc : (0 : α) ≤ 1 - c := by grind
  have bSm : (0 : α) ≤ L + c - 3 / 2 := by grind
  have be1p : (0 : α) ≤ e₁ + 1 := by grind
  have be1m : (0 : α) ≤ 1 / 2 - e₁ := by grind
  have be2p : (0 : α) ≤ e₂ + 3 := by grind
  have be2m : (0 : α) ≤ 5 / 3 - e₂ := by grind
  have k0 := Lean.Grind.OrderedRing.mul_nonneg be2p hL
  have k1 := Lean.Grind.OrderedRing.mul_nonneg be2p hc0
  have k2 := Lean.Grind.OrderedRing.mul_nonneg be1p be1m
  have k3 := bSm
  have k4 := Lean.Grind.OrderedRing.mul_nonneg be1m bSm
  have k5 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg be1p be1m) (Lean.Grind.OrderedRing.sq_nonneg (a := L - 2))
  have k6 := Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg be1m hL) hL
  have k7 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg be1p be1m) hL) hL
  have k8 := Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg be1p hL) hc0
  have k9 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg be1p be1m) hL) hc0
  have k10 := Lean.Grind.OrderedRing.mul_nonneg hL bSm
  have k11 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.sq_nonneg (a := e₁ - 1 / 2)) hL) bSm
  have k12 := Lean.Grind.OrderedRing.mul_nonneg hc0 hc0
  have k13 := Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg be1p hc0) hc0
  have k14 := Lean.Grind.OrderedRing.mul_nonneg hc0 bSm
  have k15 := Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg be1m hc0) bSm
  have k16 := Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg hL hL) hc0
  have k17 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg be1p hL) hL) hc0
  have k18 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg be1p be1m) hL) hL) hc0
  have k19 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.sq_nonneg (a := e₁ - 1 / 2)) hL) hc0) (Lean.Grind.OrderedRing.sq_nonneg (a := L - 1))
  have k20 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg be1p hL) hc0) (Lean.Grind.OrderedRing.sq_nonneg (a := L - 2))
  have k21 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg be1p be1m) hL) hc0) (Lean.Grind.OrderedRing.sq_nonneg (a := L - 2))
  have k22 := Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg hc0 hc0) hc0
  have k23 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg hc0 b1mc) (Lean.Grind.OrderedRing.sq_nonneg (a := L - 1))
  have k24 :=
    Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg hc0 bSm) (Lean.Grind.OrderedRing.sq_nonneg (a := L - 2))
  have k25 := Lean.Grind.OrderedRing.mul_nonneg (Lean.Grind.OrderedRing.mul_nonneg b1mc bSm) bSm
  have key : 0 ≤ (V - L ^ 2 / 12 + 47 / 18) * (L + c) ^ 2 := by grind
  have := nonneg_of_mul_nonneg_of_pos key hZ2
  grind


/-- The invariants at `N = n + 1`, `p = 1/N`: `ℓ N ≥ 0`; `p ≤ c ≤ 1`; `S_0 ≥ 2 - p`;
`(L + 1) p - 1 ≤ e₁ ≤ 1/2 - p/2`; `e₂ + (L + 1) p + 2p/3 ≤ 5/3`;
`e₂ - (L² + 2L + 2) p - p ≥ -3`. -/
theorem harmonicStates_bounds {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]
    [LE α] [LT α] [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]
    (ℓ : Nat → α) (hℓ : LogLike ℓ) (n : Nat) :
    0 ≤ ℓ (n + 1)
    ∧ partitionFunction (harmonicStates ℓ (n + 1)) - ℓ (n + 1) ≤ 1
    ∧ 1 / ((n : α) + 1) ≤ partitionFunction (harmonicStates ℓ (n + 1)) - ℓ (n + 1)
    ∧ 2 - 1 / ((n : α) + 1) ≤ partitionFunction (harmonicStates ℓ (n + 1))
    ∧ (ℓ (n + 1) + 1) * (1 / ((n : α) + 1)) - 1
        ≤ energyMoment 1 (harmonicStates ℓ (n + 1)) - ℓ (n + 1) ^ 2 / 2
    ∧ energyMoment 1 (harmonicStates ℓ (n + 1)) - ℓ (n + 1) ^ 2 / 2
        ≤ 1 / 2 - 1 / ((n : α) + 1) / 2
    ∧ energyMoment 2 (harmonicStates ℓ (n + 1)) - ℓ (n + 1) ^ 3 / 3
        + (ℓ (n + 1) + 1) * (1 / ((n : α) + 1)) + 2 / 3 * (1 / ((n : α) + 1)) ≤ 5 / 3
    ∧ -3 ≤ energyMoment 2 (harmonicStates ℓ (n + 1)) - ℓ (n + 1) ^ 3 / 3
        - (ℓ (n + 1) ^ 2 + 2 * ℓ (n + 1) + 2) * (1 / ((n : α) + 1)) - 1 / ((n : α) + 1) := by
  induction n with
  | zero =>
    have h1 : ℓ 1 = 0 := hℓ.1
    simp only [harmonicStates, partitionFunction, energyMoment,
      Lean.Grind.Semiring.natCast_zero, h1] <;> grind
  | succ n ih =>
    obtain ⟨i0, i1, i2, i3, i4, i5, i6, i7⟩ := ih
    have hinc := hℓ.2 (n + 1) (by omega)
    have hx : (1 : α) ≤ (n : α) + 1 := by have := natCast_nonneg_of_ordered (α := α) n; grind
    obtain ⟨hp0, hq0, hqp, hp2q, hp1, _, hpq⟩ := reciprocal_bounds ((n : α) + 1) hx
    simp only [partitionFunction_harmonicStates_succ (n := n + 1),
      energyMoment_harmonicStates_succ (n := n + 1)]
    simp only [Lean.Grind.Semiring.natCast_succ] at hinc ⊢
    have s4 := moment1Error_lower_step i0 hp0 hp2q hpq hinc.2 hinc.1 i4
    have s5 := moment1Error_upper_step i0 hqp hpq hinc.1 hq0 i5
    have s6 := moment2Error_upper_step i0 hp0 hp1 hpq hinc.2 hinc.1 hq0 i6
    have s7 := moment2Error_lower_step i0 hp0 hp1 hp2q hpq hinc.2 hinc.1 hq0 i7
    generalize 1 / ((n : α) + 1) = p at *
    generalize 1 / ((n : α) + 1 + 1) = q at *
    refine ⟨?_, ?_, ?_, ?_, s4, s5, s6, s7⟩ <;> grind

/-- A log-like sequence is positive from `2` on. -/
theorem logLike_pos {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]
    [LE α] [LT α] [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]
    (ℓ : Nat → α) (hℓ : LogLike ℓ) (n : Nat) : 0 < ℓ (n + 1 + 1) := by
  have i0 := (harmonicStates_bounds ℓ hℓ n).1
  have hinc := hℓ.2 (n + 1) (by omega)
  simp only [Lean.Grind.Semiring.natCast_succ] at hinc
  have hx : (1 : α) ≤ (n : α) + 1 := by have := natCast_nonneg_of_ordered (α := α) n; grind
  have hq0 := (reciprocal_bounds ((n : α) + 1) hx).2.1
  grind

/-- The `(log N)²/12` law for the finite ensemble: for every log-like `ℓ` and `N ≥ 2`, with
`L = ℓ N`, `-47/18 ≤ Var_N - L²/12 ≤ L/6 + 17/12`, where `Var_N = C_V(γ = 1, N)` is the energy
variance of the states `(ℓ d, 1/d)`, `d ≤ N`.
Claim: `cv-gamma1-twelfth` (statement for log-like ℓ) -/
theorem energyVariance_harmonicStates_bounds {α : Type u} [Lean.Grind.Field α]
    [Lean.Grind.IsCharP α 0] [LE α] [LT α] [Std.LawfulOrderLT α] [Std.IsLinearOrder α]
    [Lean.Grind.OrderedRing α] (ℓ : Nat → α) (hℓ : LogLike ℓ) (N : Nat) (hN : 2 ≤ N) :
    -(47 / 18) ≤ energyVariance (harmonicStates ℓ N) - ℓ N ^ 2 / 12
    ∧ energyVariance (harmonicStates ℓ N) - ℓ N ^ 2 / 12 ≤ ℓ N / 6 + 17 / 12 := by
  obtain ⟨n, rfl⟩ : ∃ n, N = n + 1 + 1 := ⟨N - 2, by omega⟩
  obtain ⟨i0, i1, i2, i3, i4, i5, i6, i7⟩ := harmonicStates_bounds ℓ hℓ (n + 1)
  have hx : (1 : α) ≤ (n : α) + 1 := by have := natCast_nonneg_of_ordered (α := α) n; grind
  obtain ⟨-, hq0, -, -, -, hq2, -⟩ := reciprocal_bounds ((n : α) + 1) hx
  simp only [Lean.Grind.Semiring.natCast_succ] at i2 i3 i4 i5 i6 i7
  have hZ : partitionFunction (harmonicStates ℓ (n + 1 + 1)) ≠ 0 := by intro h; grind
  have hV := energyVariance_mul_sq_partition (harmonicStates ℓ (n + 1 + 1)) hZ
  generalize 1 / ((n : α) + 1 + 1) = q at *
  generalize energyVariance (harmonicStates ℓ (n + 1 + 1)) = V at *
  generalize partitionFunction (harmonicStates ℓ (n + 1 + 1)) = Z at *
  generalize energyMoment 1 (harmonicStates ℓ (n + 1 + 1)) = S₁ at *
  generalize energyMoment 2 (harmonicStates ℓ (n + 1 + 1)) = S₂ at *
  generalize ℓ (n + 1 + 1) = L at *
  have m1 := Lean.Grind.OrderedRing.mul_nonneg (by grind : (0 : α) ≤ L + 1) (Std.le_of_lt hq0)
  have m2 := Lean.Grind.OrderedRing.mul_nonneg
    (by have := Lean.Grind.OrderedRing.sq_nonneg (a := L); grind : (0 : α) ≤ L ^ 2 + 2 * L + 2)
    (Std.le_of_lt hq0)
  have hV' : V * (L + (Z - L)) ^ 2
      = (L + (Z - L)) * (L ^ 3 / 3 + (S₂ - L ^ 3 / 3)) - (L ^ 2 / 2 + (S₁ - L ^ 2 / 2)) ^ 2 := by
    rw [show L + (Z - L) = Z by grind, show L ^ 3 / 3 + (S₂ - L ^ 3 / 3) = S₂ by grind,
      show L ^ 2 / 2 + (S₁ - L ^ 2 / 2) = S₁ by grind]
    exact hV
  have hc0 : (0 : α) ≤ Z - L := by grind
  have he1 : -1 ≤ S₁ - L ^ 2 / 2 := by grind
  have he1' : S₁ - L ^ 2 / 2 ≤ 1 / 2 := by grind
  have he2 : -3 ≤ S₂ - L ^ 3 / 3 := by grind
  have he2' : S₂ - L ^ 3 / 3 ≤ 5 / 3 := by grind
  have hZ3 : 3 / 2 ≤ L + (Z - L) := by grind
  exact ⟨le_sub_sq_div_twelve_of_errors i0 hc0 i1 he1 he1' he2 he2' hZ3 hV',
    sub_sq_div_twelve_le_of_errors i0 hc0 i1 he1 he1' he2 he2' hZ3 hV'⟩

/-- The published `L²/4` is not the finite ensemble's variance once `L = ℓ N ≥ 7/2` (`N ≥ 2`):
`Var_N - L²/12 ≤ L/6 + 17/12 < L²/6`.
Claim: `cv-gamma1-quarter` (statement for log-like ℓ) Claim: `cv-gamma1-twelfth` (statement for log-like ℓ) -/
theorem energyVariance_harmonicStates_ne_sq_div_four {α : Type u} [Lean.Grind.Field α]
    [Lean.Grind.IsCharP α 0] [LE α] [LT α] [Std.LawfulOrderLT α] [Std.IsLinearOrder α]
    [Lean.Grind.OrderedRing α] (ℓ : Nat → α) (hℓ : LogLike ℓ) (N : Nat) (hN : 2 ≤ N)
    (hL : 7 / 2 ≤ ℓ N) : energyVariance (harmonicStates ℓ N) ≠ ℓ N ^ 2 / 4 := by
  have h := (energyVariance_harmonicStates_bounds ℓ hℓ N hN).2
  have m := Lean.Grind.OrderedRing.mul_nonneg (by grind : (0 : α) ≤ ℓ N - 7 / 2)
    (by grind : (0 : α) ≤ ℓ N + 5 / 2)
  intro heq
  grind

/-- Ratio form (`N ≥ 2`, `L = ℓ N > 0`): `-(94/3)/L² ≤ 12 Var_N/L² - 1 ≤ (2L + 17)/L²`,
so `12 Var_N/L² → 1` as `L → ∞`.
Claim: `cv-gamma1-twelfth` (statement for log-like ℓ) -/
theorem energyVariance_harmonicStates_ratio_bounds {α : Type u} [Lean.Grind.Field α]
    [Lean.Grind.IsCharP α 0] [LE α] [LT α] [Std.LawfulOrderLT α] [Std.IsLinearOrder α]
    [Lean.Grind.OrderedRing α] (ℓ : Nat → α) (hℓ : LogLike ℓ) (N : Nat) (hN : 2 ≤ N) :
    -(94 / 3) / ℓ N ^ 2 ≤ 12 * energyVariance (harmonicStates ℓ N) / ℓ N ^ 2 - 1
    ∧ 12 * energyVariance (harmonicStates ℓ N) / ℓ N ^ 2 - 1 ≤ (2 * ℓ N + 17) / ℓ N ^ 2 := by
  have hb := energyVariance_harmonicStates_bounds ℓ hℓ N hN
  obtain ⟨n, rfl⟩ : ∃ n, N = n + 1 + 1 := ⟨N - 2, by omega⟩
  have hL := logLike_pos ℓ hℓ n
  generalize energyVariance (harmonicStates ℓ (n + 1 + 1)) = V at *
  generalize ℓ (n + 1 + 1) = L at *
  have hL2 : (0 : α) < L ^ 2 := by have := Lean.Grind.OrderedRing.mul_pos hL hL; grind
  have hL20 : L ^ 2 ≠ 0 := by intro h; grind
  have hinv := Lean.Grind.Field.mul_inv_cancel hL20
  have hu : (0 : α) < (L ^ 2)⁻¹ := pos_of_mul_pos_of_pos (by grind) hL2
  have m1 := Lean.Grind.OrderedRing.mul_nonneg
    (by grind : (0 : α) ≤ 12 * V - L ^ 2 + 94 / 3) (Std.le_of_lt hu)
  have m2 := Lean.Grind.OrderedRing.mul_nonneg
    (by grind : (0 : α) ≤ 2 * L + 17 - (12 * V - L ^ 2)) (Std.le_of_lt hu)
  simp only [Lean.Grind.Field.div_eq_mul_inv]
  constructor <;> grind

/-- `H_d - 1`, a log-like sequence over any ordered field (`H_d - 1 ≤ log d ≤ H_{d-1}`). -/
def harmonicLog {α : Type u} [Lean.Grind.Field α] (d : Nat) : α := harmonic d - 1

/-- `H_d - 1` is log-like: its increments are `1/(d+1) ∈ [1/(d+1), 1/d]`. -/
theorem harmonicLog_logLike {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]
    [LE α] [LT α] [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α] :
    LogLike (harmonicLog : Nat → α) := by
  constructor
  · simp only [harmonicLog, harmonic, Lean.Grind.Semiring.natCast_zero]
    grind
  · intro d hd
    obtain ⟨m, rfl⟩ : ∃ m, d = m + 1 := ⟨d - 1, by omega⟩
    have hx : (1 : α) ≤ ((m + 1 : Nat) : α) := by
      rw [Lean.Grind.Semiring.natCast_succ]; have := natCast_nonneg_of_ordered (α := α) m; grind
    have hqp := (reciprocal_bounds ((m + 1 : Nat) : α) hx).2.2.1
    simp only [harmonicLog, harmonic]
    constructor <;> grind

/-! ### Witnesses over `Rat` with `ℓ = H_d - 1` -/

/-- Non-vacuity: `AttnThermo.HarmonicVariance.energyVariance_harmonicStates_bounds` over `Rat`
with `ℓ = H_d - 1` (`harmonicLog_logLike`) at `N = 10, 100, 1000`, with `L = H_10 - 1 = 4861/2520`
pinned. -/
theorem energyVariance_harmonicStates_bounds_witness :
    (-(47 / 18) ≤ energyVariance (harmonicStates (harmonicLog : Nat → Rat) 10)
        - harmonicLog 10 ^ 2 / 12
      ∧ energyVariance (harmonicStates (harmonicLog : Nat → Rat) 10) - harmonicLog 10 ^ 2 / 12
        ≤ harmonicLog 10 / 6 + 17 / 12)
    ∧ (-(47 / 18) ≤ energyVariance (harmonicStates (harmonicLog : Nat → Rat) 100)
        - harmonicLog 100 ^ 2 / 12
      ∧ energyVariance (harmonicStates (harmonicLog : Nat → Rat) 100) - harmonicLog 100 ^ 2 / 12
        ≤ harmonicLog 100 / 6 + 17 / 12)
    ∧ (-(47 / 18) ≤ energyVariance (harmonicStates (harmonicLog : Nat → Rat) 1000)
        - harmonicLog 1000 ^ 2 / 12
      ∧ energyVariance (harmonicStates (harmonicLog : Nat → Rat) 1000)
          - harmonicLog 1000 ^ 2 / 12 ≤ harmonicLog 1000 / 6 + 17 / 12)
    ∧ (harmonicLog 10 : Rat) = 4861 / 2520 :=
  ⟨energyVariance_harmonicStates_bounds harmonicLog harmonicLog_logLike 10 (by decide),
    energyVariance_harmonicStates_bounds harmonicLog harmonicLog_logLike 100 (by decide),
    energyVariance_harmonicStates_bounds harmonicLog harmonicLog_logLike 1000 (by decide),
    by decide +kernel⟩

/-- Non-vacuity: `AttnThermo.HarmonicVariance.energyVariance_harmonicStates_ne_sq_div_four` over
`Rat` with `ℓ = H_d - 1` at `N = 51`, the least `N` with `L = H_N - 1 ≥ 7/2` (checked by the kernel). -/
theorem energyVariance_harmonicStates_ne_sq_div_four_witness :
    energyVariance (harmonicStates (harmonicLog : Nat → Rat) 51) ≠ harmonicLog 51 ^ 2 / 4 :=
  energyVariance_harmonicStates_ne_sq_div_four harmonicLog harmonicLog_logLike 51 (by decide)
    (by decide +kernel)

/-- Non-vacuity: `AttnThermo.HarmonicVariance.energyVariance_harmonicStates_ratio_bounds` over
`Rat` with `ℓ = H_d - 1` at `N = 100`. -/
theorem energyVariance_harmonicStates_ratio_bounds_witness :
    -(94 / 3) / harmonicLog 100 ^ 2
        ≤ 12 * energyVariance (harmonicStates (harmonicLog : Nat → Rat) 100)
          / harmonicLog 100 ^ 2 - 1
    ∧ 12 * energyVariance (harmonicStates (harmonicLog : Nat → Rat) 100) / harmonicLog 100 ^ 2 - 1
        ≤ (2 * harmonicLog 100 + 17) / harmonicLog 100 ^ 2 :=
  energyVariance_harmonicStates_ratio_bounds harmonicLog harmonicLog_logLike 100 (by decide)

/-- Non-vacuity: `AttnThermo.HarmonicVariance.harmonicLog_logLike` over `Rat`. -/
theorem harmonicLog_logLike_witness : LogLike (harmonicLog : Nat → Rat) := harmonicLog_logLike

end AttnThermo.HarmonicVariance
