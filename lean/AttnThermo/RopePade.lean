module

/-!
# RoPE wavelengths and the `γ_Padé` algebra

RoPE rotates pair `i` of a `d_h`-dimensional head with frequency `θ^{-2i/d_h}`, so its
wavelength is `λ_i = 2π q^i` with `q = θ^{2/d_h}`, `i = 0, …, d_h/2 - 1`. A generic ordered
field has neither `π` nor `√2`: a positive constant `c` stands for `2π`, and `s` for `√2` (a
positive `s` with `s² = 2` when that matters).

## Main definitions
* `wavelength c q i = c q^i`.
* `padeExp x = (2 - x)/(2 + x)`, the `[1,1]` Padé approximant of `e^{-x}`.
* `padeGamma θ T s = (2θ - T s)/(2θ + T s)`, i.e. `padeExp (T s/θ)`.
* `horizon θ s γ = θ (1 - γ) s/(1 + γ)`.

## Main results
* `slowestWavelength_lt`: with `q > 1`, `θ = q^m`, `m ≥ 1`, the slowest pair's wavelength
  `c q^{m-1}` is strictly below `c θ`, so `T_max = 2πθ` is only an upper bound.
* `wavelength_strictMono`: wavelengths increase with the pair index.
* `middleWavelength_sq`: the middle pair (`θ = q^{2k}`, index `k`) has wavelength `c q^k` with
  `(q^k)² = θ`, i.e. `c √θ` (`T_cross`).
* `padeExp_sub_taylor`: `(2-x)/(2+x) - (1 - x + x²/2) = -x³/(2(2+x))`.
* `horizon_padeGamma`: `horizon θ s (padeGamma θ T s) = T s²/2`; with `s² = 2`
  (`horizon_padeGamma_eq`) it returns `T`: the horizon formula at `γ_Padé` is circular.
* `padeGamma_neg_of_lt`: for `2θ < T s` the formula gives `γ < 0`, outside its range.
-/

@[expose] public section

universe u

namespace AttnThermo.RopePade

/-- Wavelength `c q^i` of RoPE pair `i` (`c` stands for `2π`, `q = θ^{2/d_h}`). -/
def wavelength {α : Type u} [Lean.Grind.Field α] (c q : α) (i : Nat) : α :=
  c * q ^ i

/-- The `[1,1]` Padé approximant `(2 - x)/(2 + x)` of `e^{-x}`. -/
def padeExp {α : Type u} [Lean.Grind.Field α] (x : α) : α :=
  (2 - x) / (2 + x)

/-- `γ_Padé = (2θ - T s)/(2θ + T s)` (`s` stands for `√2`).
Claim: `pade-form` -/
def padeGamma {α : Type u} [Lean.Grind.Field α] (θ T s : α) : α :=
  (2 * θ - T * s) / (2 * θ + T * s)

/-- Effective horizon `θ (1 - γ) s/(1 + γ)` (`s` stands for `√2`).
Claim: `horizon-formula` -/
def horizon {α : Type u} [Lean.Grind.Field α] (θ s γ : α) : α :=
  θ * (1 - γ) * s / (1 + γ)

/-- Powers of a positive element are positive. -/
theorem pow_pos_of_pos {α : Type u} [Lean.Grind.Field α] [LE α] [LT α] [Std.LawfulOrderLT α]
    [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α] {q : α} (hq : 0 < q) (n : Nat) :
    0 < q ^ n := by
  induction n with
  | zero => rw [Lean.Grind.Semiring.pow_zero]; exact Lean.Grind.OrderedRing.zero_lt_one
  | succ n ih => rw [Lean.Grind.Semiring.pow_succ]; exact Lean.Grind.OrderedRing.mul_pos ih hq

/-- For `q > 1`, `q^i < q^j` whenever `i < j`. -/
theorem pow_lt_pow_of_lt {α : Type u} [Lean.Grind.Field α] [LE α] [LT α]
    [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α] {q : α}
    (hq : 1 < q) {i j : Nat} (hij : i < j) : q ^ i < q ^ j := by
  induction j with
  | zero => exact absurd hij (Nat.not_lt_zero i)
  | succ j ih =>
    have hq0 : 0 < q := by grind
    have hqj : 0 < q ^ j := pow_pos_of_pos hq0 j
    have step : q ^ j < q ^ (j + 1) := by
      have hmul := Lean.Grind.OrderedRing.mul_lt_mul_of_pos_left hq hqj
      rw [Lean.Grind.Semiring.pow_succ]
      grind
    by_cases h : i < j
    · have hij' := ih h
      grind
    · have hji : i = j := by omega
      rw [hji]
      exact step

/-- The slowest RoPE pair (index `m - 1` when `θ = q^m`, `m = d_h/2`) has wavelength strictly
below `c θ` (`c > 0`, `q > 1`, `m ≥ 1`): `T_max = 2πθ` is an upper bound, not attained.
Claim: `rope-tmax` Claim: `rope-tmax-upper-bound` -/
theorem slowestWavelength_lt {α : Type u} [Lean.Grind.Field α] [LE α] [LT α]
    [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]
    {c q θ : α} {m : Nat} (hc : 0 < c) (hq : 1 < q) (hθ : θ = q ^ m) (hm : 1 ≤ m) :
    wavelength c q (m - 1) < c * θ := by
  obtain ⟨k, rfl⟩ : ∃ k, m = k + 1 := ⟨m - 1, by omega⟩
  have hq0 : 0 < q := by grind
  have hqk : 0 < q ^ k := pow_pos_of_pos hq0 k
  have hcq : 0 < c * q ^ k := Lean.Grind.OrderedRing.mul_pos hc hqk
  have key := Lean.Grind.OrderedRing.mul_lt_mul_of_pos_left hq hcq
  rw [hθ, Lean.Grind.Semiring.pow_succ]
  simp only [wavelength, Nat.add_sub_cancel]
  grind

/-- Wavelengths increase strictly with the pair index (`c > 0`, `q > 1`).
Claim: `rope-tmax` Claim: `rope-wavelengths-increase` -/
theorem wavelength_strictMono {α : Type u} [Lean.Grind.Field α] [LE α] [LT α]
    [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]
    {c q : α} {i j : Nat} (hc : 0 < c) (hq : 1 < q) (hij : i < j) :
    wavelength c q i < wavelength c q j := by
  unfold wavelength
  exact Lean.Grind.OrderedRing.mul_lt_mul_of_pos_left (pow_lt_pow_of_lt hq hij) hc

/-- The middle RoPE pair: if `θ = q^{2k}` (`d_h = 4k`), pair `k` has wavelength `c r` with
`r = q^k` and `r² = θ`, i.e. `T_cross = 2π√θ`.
Claim: `rope-t-cross` -/
theorem middleWavelength_sq {α : Type u} [Lean.Grind.Field α] {q θ : α} {k : Nat}
    (hθ : θ = q ^ (2 * k)) :
    (q ^ k) ^ 2 = θ := by
  rw [hθ, show 2 * k = k + k by omega, Lean.Grind.Semiring.pow_add q k k]
  grind

/-- The Padé form and the Taylor polynomial of `e^{-x}` differ at third order:
`(2-x)/(2+x) - (1 - x + x²/2) = -x³/(2(2+x))` (`x ≠ -2`).
Claim: `pade-form` -/
theorem padeExp_sub_taylor {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]
    {x : α} (hx : x ≠ -2) :
    padeExp x - (1 - x + x ^ 2 / 2) = -x ^ 3 / (2 * (2 + x)) := by
  have h2x : 2 + x ≠ 0 := by grind
  have hinv := Lean.Grind.Field.mul_inv_cancel h2x
  unfold padeExp
  grind

/-- The horizon formula evaluated at `γ_Padé` gives `T s²/2` (`θ ≠ 0`, `2θ + T s ≠ 0`).
Claim: `horizon-formula` -/
theorem horizon_padeGamma {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]
    {θ T s : α} (hθ : θ ≠ 0) (hD : 2 * θ + T * s ≠ 0) :
    horizon θ s (padeGamma θ T s) = T * s ^ 2 / 2 := by
  have hθinv := Lean.Grind.Field.mul_inv_cancel hθ
  have hDinv := Lean.Grind.Field.mul_inv_cancel hD
  have h1 : 1 - padeGamma θ T s = 2 * T * s / (2 * θ + T * s) := by
    unfold padeGamma; grind
  have h2 : 1 + padeGamma θ T s = 4 * θ / (2 * θ + T * s) := by
    unfold padeGamma; grind
  unfold horizon
  rw [h1, h2]
  grind

/-- The circularity: with `s² = 2` (`s = √2`) the horizon formula at `γ_Padé` returns the `T`
that was put into `γ_Padé` (`θ ≠ 0`, `2θ + T s ≠ 0`).
No Rat witness: `s² = 2` has no rational solution; `horizon_padeGamma` is the companion
statement with `s` free, witnessed over `Rat` by `horizon_padeGamma_witness`.
Claim: `horizon-formula` -/
theorem horizon_padeGamma_eq {α : Type u} [Lean.Grind.Field α] [Lean.Grind.IsCharP α 0]
    {θ T s : α} (hs : s ^ 2 = 2) (hθ : θ ≠ 0) (hD : 2 * θ + T * s ≠ 0) :
    horizon θ s (padeGamma θ T s) = T := by
  rw [horizon_padeGamma hθ hD, hs]
  grind

/-- Beyond `T s = 2θ` the Padé formula leaves its meaningful range: `γ_Padé < 0` when
`θ > 0` and `2θ < T s`.
Claim: `pade-form` -/
theorem padeGamma_neg_of_lt {α : Type u} [Lean.Grind.Field α] [LE α] [LT α]
    [Std.LawfulOrderLT α] [Std.IsLinearOrder α] [Lean.Grind.OrderedRing α]
    {θ T s : α} (hθ : 0 < θ) (hT : 2 * θ < T * s) :
    padeGamma θ T s < 0 := by
  have hD : 0 < 2 * θ + T * s := by grind
  have hD0 : 2 * θ + T * s ≠ 0 := by grind
  have hDinv := Lean.Grind.Field.mul_inv_cancel hD0
  have hmul : (2 * θ + T * s) * padeGamma θ T s = 2 * θ - T * s := by
    unfold padeGamma; grind
  by_cases hneg : padeGamma θ T s < 0
  · exact hneg
  · have hnn : 0 ≤ padeGamma θ T s := by grind
    have hprod := Lean.Grind.OrderedRing.mul_nonneg (Std.le_of_lt hD) hnn
    grind

/-- Non-vacuity: `AttnThermo.RopePade.slowestWavelength_lt` at `c = 6`, `q = 2`, `m = 3`,
`θ = 8` over `Rat`. -/
theorem slowestWavelength_lt_witness :
    wavelength (6 : Rat) 2 (3 - 1) < 6 * 8 :=
  slowestWavelength_lt (by grind) (by grind) (by grind) (by decide)

/-- Non-vacuity: `AttnThermo.RopePade.wavelength_strictMono` at `c = 6`, `q = 2`, `i = 1`,
`j = 3` over `Rat`. -/
theorem wavelength_strictMono_witness :
    wavelength (6 : Rat) 2 1 < wavelength (6 : Rat) 2 3 :=
  wavelength_strictMono (by grind) (by grind) (by decide)

/-- Non-vacuity: `AttnThermo.RopePade.middleWavelength_sq` at `q = 2`, `k = 2`, `θ = 16` over
`Rat`. -/
theorem middleWavelength_sq_witness :
    ((2 : Rat) ^ 2) ^ 2 = 16 :=
  middleWavelength_sq (by grind)

/-- Non-vacuity: `AttnThermo.RopePade.padeExp_sub_taylor` at `x = 1/2` over `Rat`. -/
theorem padeExp_sub_taylor_witness :
    padeExp (1/2 : Rat) - (1 - 1/2 + (1/2) ^ 2 / 2) = -(1/2) ^ 3 / (2 * (2 + 1/2)) :=
  padeExp_sub_taylor (by grind)

/-- Non-vacuity: `AttnThermo.RopePade.horizon_padeGamma` at `θ = 10`, `T = 4`, `s = 3/2` over
`Rat` (so `γ_Padé = 7/13` and the horizon is `9/2 = T s²/2`). -/
theorem horizon_padeGamma_witness :
    horizon (10 : Rat) (3/2) (padeGamma 10 4 (3/2)) = 4 * (3/2) ^ 2 / 2 :=
  horizon_padeGamma (by grind) (by grind)

/-- Non-vacuity: `AttnThermo.RopePade.padeGamma_neg_of_lt` at `θ = 1`, `T = 4`, `s = 3/2` over
`Rat`. -/
theorem padeGamma_neg_of_lt_witness :
    padeGamma (1 : Rat) 4 (3/2) < 0 :=
  padeGamma_neg_of_lt (by grind) (by grind)

/-- Non-vacuity: `AttnThermo.RopePade.pow_pos_of_pos` at `q = 2`, `n = 3` over `Rat`. -/
theorem pow_pos_of_pos_witness : (0 : Rat) < 2 ^ 3 :=
  pow_pos_of_pos (by grind) 3

/-- Non-vacuity: `AttnThermo.RopePade.pow_lt_pow_of_lt` at `q = 2`, `i = 1`, `j = 3` over
`Rat`. -/
theorem pow_lt_pow_of_lt_witness : (2 : Rat) ^ 1 < 2 ^ 3 :=
  pow_lt_pow_of_lt (by grind) (by decide)

end AttnThermo.RopePade
