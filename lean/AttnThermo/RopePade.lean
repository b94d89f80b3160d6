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
* `RatSqrt2`: the field `ℚ(√2)` of pairs `a + b√2` over `Rat`, where `s² = 2` has a solution;
  it carries the witness of `horizon_padeGamma_eq`.

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
* `rat_sq_ne_two`: no rational squares to `2`, so `RatSqrt2` is a field.
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
`s² = 2` has no rational solution: the witness `horizon_padeGamma_eq_witness` applies it in
`ℚ(√2)` (`RatSqrt2`); `horizon_padeGamma` is the companion statement with `s` free.
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

/-! ### A field containing `√2`: `ℚ(√2)`

`horizon_padeGamma_eq` assumes `s² = 2`, which no rational satisfies, so its witness needs a
field of characteristic zero containing `√2`. `RatSqrt2` is `ℚ(√2)`: pairs `a + b√2` with
`(a + b√2)⁻¹ = (a - b√2)/(a² - 2b²)`, a field because `a² = 2b²` has no rational solution but
`0` (`rat_sq_ne_two`). Its casts, numerals and instances are `noncomputable` for the reason
given in `AttnThermo.DualNumber`; the witness evaluates by kernel reduction. -/

/-- No rational squares to `2`: the numerator `n` of such a rational would have `n² = 2`. -/
theorem rat_sq_ne_two (r : Rat) : r ^ 2 ≠ 2 := by
  intro h
  have h1 : r.num ^ 2 = 2 := by rw [← Rat.num_pow, h] <;> rfl
  have h2 : r.num.natAbs ^ 2 = 2 := by rw [← Int.natAbs_pow, h1] <;> rfl
  have key : ∀ m : Nat, m ^ 2 ≠ 2 := by
    intro m
    match m with
    | 0 => decide
    | 1 => decide
    | m + 2 =>
      intro hm
      have h4 := Nat.pow_le_pow_left (show 2 ≤ m + 2 by omega) 2
      rw [hm] at h4
      exact absurd h4 (by decide)
  exact key _ h2

/-- `a² - 2b² = 0` over `Rat` only for `a = b = 0`. -/
theorem sqrt2_norm_eq_zero {a b : Rat} (h : a * a - 2 * (b * b) = 0) : a = 0 ∧ b = 0 := by
  have hb : b = 0 := by
    apply Classical.byContradiction
    intro hb
    have hbinv := Lean.Grind.Field.mul_inv_cancel hb
    exact rat_sq_ne_two (a / b) (by grind)
  have ha : a = 0 := by
    apply Classical.byContradiction
    intro ha
    have hainv := Lean.Grind.Field.mul_inv_cancel ha
    grind
  exact ⟨ha, hb⟩

/-- `ℚ(√2)`: the numbers `re + im·√2` with rational `re`, `im`. -/
structure RatSqrt2 where
  /-- The rational part. -/
  re : Rat
  /-- The coefficient of `√2`. -/
  im : Rat
deriving DecidableEq

namespace RatSqrt2

/-- Two elements of `ℚ(√2)` are equal when both parts are. -/
theorem ext : ∀ {x y : RatSqrt2}, x.re = y.re → x.im = y.im → x = y
  | ⟨_, _⟩, ⟨_, _⟩, rfl, rfl => rfl

/-- Addition, componentwise. -/
instance instAdd : Add RatSqrt2 := ⟨fun x y => ⟨x.re + y.re, x.im + y.im⟩⟩
/-- Multiplication, `(a + b√2)(c + d√2) = (ac + 2bd) + (ad + bc)√2`. -/
noncomputable instance instMul : Mul RatSqrt2 :=
  ⟨fun x y => ⟨x.re * y.re + 2 * (x.im * y.im), x.re * y.im + x.im * y.re⟩⟩
/-- Negation, componentwise. -/
instance instNeg : Neg RatSqrt2 := ⟨fun x => ⟨-x.re, -x.im⟩⟩
/-- Subtraction, componentwise. -/
instance instSub : Sub RatSqrt2 := ⟨fun x y => ⟨x.re - y.re, x.im - y.im⟩⟩
/-- Natural numbers embed as `n + 0√2`. -/
noncomputable instance instNatCast : NatCast RatSqrt2 := ⟨fun n => ⟨(n : Rat), 0⟩⟩
/-- Integers embed as `i + 0√2`. -/
noncomputable instance instIntCast : IntCast RatSqrt2 := ⟨fun i => ⟨(i : Rat), 0⟩⟩
/-- Numerals are `n + 0√2`. -/
noncomputable instance instOfNat (n : Nat) : OfNat RatSqrt2 n := ⟨⟨OfNat.ofNat n, 0⟩⟩
/-- Scalar multiplication by a natural number is multiplication by its image. -/
noncomputable instance instSMulNat : SMul Nat RatSqrt2 := ⟨fun n x => (n : RatSqrt2) * x⟩
/-- Scalar multiplication by an integer is multiplication by its image. -/
noncomputable instance instSMulInt : SMul Int RatSqrt2 := ⟨fun i x => (i : RatSqrt2) * x⟩
/-- The inverse `(a - b√2)/(a² - 2b²)`, `0` at `0`. -/
noncomputable instance instInv : Inv RatSqrt2 :=
  ⟨fun x => ⟨x.re / (x.re * x.re - 2 * (x.im * x.im)),
    -x.im / (x.re * x.re - 2 * (x.im * x.im))⟩⟩
/-- Division is multiplication by the inverse. -/
noncomputable instance instDiv : Div RatSqrt2 := ⟨fun x y => x * y⁻¹⟩

/-- Natural powers by repeated multiplication. -/
noncomputable def npow (x : RatSqrt2) : Nat → RatSqrt2
  | 0 => 1
  | n + 1 => npow x n * x

/-- Natural powers. -/
noncomputable instance instPow : HPow RatSqrt2 Nat RatSqrt2 := ⟨npow⟩

/-- Integer powers: `x^n` for `n ≥ 0`, `(x^(n+1))⁻¹` for `-(n+1)`. -/
noncomputable def zpow (x : RatSqrt2) : Int → RatSqrt2
  | .ofNat n => npow x n
  | .negSucc n => (npow x (n + 1))⁻¹

/-- Integer powers. -/
noncomputable instance instZPow : HPow RatSqrt2 Int RatSqrt2 := ⟨zpow⟩

/-- Rational part of a sum. -/
theorem add_re (x y : RatSqrt2) : (x + y).re = x.re + y.re := rfl
/-- `√2` part of a sum. -/
theorem add_im (x y : RatSqrt2) : (x + y).im = x.im + y.im := rfl
/-- Rational part of a product. -/
theorem mul_re (x y : RatSqrt2) : (x * y).re = x.re * y.re + 2 * (x.im * y.im) := rfl
/-- `√2` part of a product. -/
theorem mul_im (x y : RatSqrt2) : (x * y).im = x.re * y.im + x.im * y.re := rfl
/-- Rational part of a negation. -/
theorem neg_re (x : RatSqrt2) : (-x).re = -x.re := rfl
/-- `√2` part of a negation. -/
theorem neg_im (x : RatSqrt2) : (-x).im = -x.im := rfl
/-- Rational part of a difference. -/
theorem sub_re (x y : RatSqrt2) : (x - y).re = x.re - y.re := rfl
/-- `√2` part of a difference. -/
theorem sub_im (x y : RatSqrt2) : (x - y).im = x.im - y.im := rfl
/-- Rational part of a numeral. -/
theorem ofNat_re (n : Nat) : (OfNat.ofNat n : RatSqrt2).re = OfNat.ofNat n := rfl
/-- `√2` part of a numeral. -/
theorem ofNat_im (n : Nat) : (OfNat.ofNat n : RatSqrt2).im = 0 := rfl
/-- Rational part of `0`. -/
theorem zero_re : (0 : RatSqrt2).re = 0 := rfl
/-- `√2` part of `0`. -/
theorem zero_im : (0 : RatSqrt2).im = 0 := rfl
/-- Rational part of `1`. -/
theorem one_re : (1 : RatSqrt2).re = 1 := rfl
/-- `√2` part of `1`. -/
theorem one_im : (1 : RatSqrt2).im = 0 := rfl
/-- Rational part of an embedded integer. -/
theorem intCast_re (i : Int) : (i : RatSqrt2).re = i := rfl
/-- `√2` part of an embedded integer. -/
theorem intCast_im (i : Int) : (i : RatSqrt2).im = 0 := rfl
/-- Rational part of an embedded natural number. -/
theorem natCast_re (n : Nat) : (n : RatSqrt2).re = (n : Rat) := rfl
/-- `√2` part of an embedded natural number. -/
theorem natCast_im (n : Nat) : (n : RatSqrt2).im = 0 := rfl
/-- Integer scalar multiplication unfolded. -/
theorem zsmul_def (i : Int) (x : RatSqrt2) : i • x = (i : RatSqrt2) * x := rfl
/-- Natural scalar multiplication unfolded. -/
theorem nsmul_def (n : Nat) (x : RatSqrt2) : n • x = (n : RatSqrt2) * x := rfl
/-- Rational part of an inverse. -/
theorem inv_re (x : RatSqrt2) : x⁻¹.re = x.re / (x.re * x.re - 2 * (x.im * x.im)) := rfl
/-- `√2` part of an inverse. -/
theorem inv_im (x : RatSqrt2) : x⁻¹.im = -x.im / (x.re * x.re - 2 * (x.im * x.im)) := rfl

attribute [local grind =] add_re add_im mul_re mul_im neg_re neg_im sub_re sub_im zero_re
  zero_im one_re one_im ofNat_re ofNat_im intCast_re intCast_im natCast_re natCast_im
  zsmul_def nsmul_def inv_re inv_im

/-- `ℚ(√2)` is a commutative ring. -/
noncomputable instance instCommRing : Lean.Grind.CommRing RatSqrt2 where
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
  add_zero _ := by apply ext <;> grind
  add_comm _ _ := by apply ext <;> grind
  add_assoc _ _ _ := by apply ext <;> grind
  mul_assoc _ _ _ := by apply ext <;> grind
  mul_one _ := by apply ext <;> grind
  one_mul _ := by apply ext <;> grind
  left_distrib _ _ _ := by apply ext <;> grind
  right_distrib _ _ _ := by apply ext <;> grind
  zero_mul _ := by apply ext <;> grind
  mul_zero _ := by apply ext <;> grind
  neg_add_cancel _ := by apply ext <;> grind
  sub_eq_add_neg _ _ := by apply ext <;> grind
  neg_zsmul _ _ := by apply ext <;> grind
  mul_comm _ _ := by apply ext <;> grind
  pow_zero _ := rfl
  pow_succ _ _ := rfl
  ofNat_succ n := by
    exact ext (Lean.Grind.Semiring.ofNat_succ (α := Rat) n) (by
      show (0 : Rat) = 0 + 0
      grind)
  ofNat_eq_natCast n := by
    exact ext (Lean.Grind.Semiring.ofNat_eq_natCast (α := Rat) n) rfl
  nsmul_eq_natCast_mul _ _ := rfl
  zsmul_natCast_eq_nsmul n x := by
    rfl
  intCast_ofNat n := by
    exact ext (Lean.Grind.Ring.intCast_ofNat (α := Rat) n) rfl
  intCast_neg i := by
    exact ext (Lean.Grind.Ring.intCast_neg (α := Rat) i) (by
      show (0 : Rat) = -0
      grind)

/-- A nonzero element has a nonzero norm `a² - 2b²`. -/
theorem norm_ne_zero {x : RatSqrt2} (hx : x ≠ 0) : x.re * x.re - 2 * (x.im * x.im) ≠ 0 := by
  intro h
  obtain ⟨h1, h2⟩ := sqrt2_norm_eq_zero h
  exact hx (ext h1 h2)

/-- A nonzero element times its inverse is `1`. -/
theorem mul_inv_cancel {x : RatSqrt2} (hx : x ≠ 0) : x * x⁻¹ = 1 := by
  have hNinv := Lean.Grind.Field.mul_inv_cancel (norm_ne_zero hx)
  apply ext <;> grind

/-- The inverse is an involution. -/
theorem inv_inv (x : RatSqrt2) : x⁻¹⁻¹ = x := by
  by_cases hx : x = 0
  · subst hx
    decide +kernel
  · have h1 := mul_inv_cancel hx
    have hinv : x⁻¹ ≠ 0 := by
      intro h
      rw [h] at h1
      have h10 := congrArg re h1
      grind
    have h2 := mul_inv_cancel hinv
    calc x⁻¹⁻¹ = 1 * x⁻¹⁻¹ := (Lean.Grind.Semiring.one_mul (α := RatSqrt2) _).symm
      _ = (x * x⁻¹) * x⁻¹⁻¹ := by rw [h1]
      _ = x * (x⁻¹ * x⁻¹⁻¹) := Lean.Grind.Semiring.mul_assoc (α := RatSqrt2) _ _ _
      _ = x * 1 := by rw [h2]
      _ = x := Lean.Grind.Semiring.mul_one (α := RatSqrt2) _

/-- `ℚ(√2)` is a field. -/
noncomputable instance instField : Lean.Grind.Field RatSqrt2 where
  toCommRing := instCommRing
  toInv := instInv
  toDiv := instDiv
  zpow := instZPow
  div_eq_mul_inv _ _ := rfl
  zero_ne_one := by decide +kernel
  inv_zero := by decide +kernel
  mul_inv_cancel := RatSqrt2.mul_inv_cancel
  zpow_zero _ := rfl
  zpow_succ _ _ := rfl
  zpow_neg x n := by
    cases n with
    | ofNat k =>
      cases k with
      | zero => show (1 : RatSqrt2) = (1 : RatSqrt2)⁻¹; decide +kernel
      | succ k => rfl
    | negSucc k => exact (RatSqrt2.inv_inv (npow x (k + 1))).symm

/-- `ℚ(√2)` has characteristic zero: its numerals are those of `Rat`. -/
noncomputable instance instIsCharP : Lean.Grind.IsCharP RatSqrt2 0 where
  ofNat_ext_iff := fun {_ _} =>
    ⟨fun h => (Lean.Grind.IsCharP.ofNat_ext_iff (α := Rat) 0).mp (congrArg re h),
      fun h => ext ((Lean.Grind.IsCharP.ofNat_ext_iff (α := Rat) 0).mpr h) rfl⟩

/-- `√2 = 0 + 1·√2`. -/
def sqrt2 : RatSqrt2 := ⟨0, 1⟩

end RatSqrt2

/-- Applies `horizon_padeGamma_eq` in `ℚ(√2)` at `θ = 10`, `T = 4`, `s = √2`, where
`γ_Padé = (27 - 10√2)/23`.
Non-vacuity: `AttnThermo.RopePade.horizon_padeGamma_eq` -/
theorem horizon_padeGamma_eq_witness :
    horizon (10 : RatSqrt2) RatSqrt2.sqrt2 (padeGamma 10 4 RatSqrt2.sqrt2) = 4
    ∧ padeGamma (10 : RatSqrt2) 4 RatSqrt2.sqrt2 = ⟨27/23, -10/23⟩ :=
  ⟨horizon_padeGamma_eq (by decide +kernel) (by decide +kernel) (by decide +kernel),
    by decide +kernel⟩

end AttnThermo.RopePade
