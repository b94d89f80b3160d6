module

public import AttnThermo.Derivation

/-!
# Dual numbers over `Rat`: a nonzero derivation with nonzero energies

Over `Rat` every derivation is zero, so the derivation theorems of `AttnThermo.Derivation` need
another ring to be instantiated non-trivially. Dual numbers `re + eps·ε` (`ε² = 0`) over `Rat`
form a commutative ring with the derivations `c · ε ∂/∂ε : a + bε ↦ c b ε`. With `c = -2` a
state of energy `2` and weight `ε` satisfies `D w = -E w`, a state of energy `0` and a rational
weight does too, and `Z = 3/2 + ε` is a unit (`Z⁻¹ = 2/3 - (4/9) ε`).

## Main definitions
* `AttnThermo.DualNumber`, its `Lean.Grind.CommRing` instance, `epsilon = ε`.
* `epsDerivation c`: the derivation `a + bε ↦ c b ε`; `gammaDerivation = epsDerivation (-2)`
  (plays `∂_γ`), `fugacityDerivation = epsDerivation 1` (plays `z ∂_z` at `z = ε`).
* `dualEnsemble = [(0, 1), (0, 1/2), (2, ε)]` and `dualInverse = 2/3 - (4/9) ε`, the inverse
  of its partition function.

## Main results
The `_witness` theorems instantiate the theorems of `AttnThermo.Derivation` with
`gammaDerivation` and `dualEnsemble`, and pin the values (`Z = 3/2 + ε`, `DZ = -2ε`,
`D²Z = S_2 = 4ε`, `D⟨E⟩ = -(8/3) ε`, `Var(E) = (8/3) ε`), so a changed definition breaks them.

## Implementation note
The casts, numerals and the ring instance are `noncomputable`: the WebAssembly toolchain has no
compiled code for `Rat`'s cast (`Rat.instNatCast._lam_0`). The witnesses evaluate by kernel
reduction (`decide +kernel`), which does not need compiled code.
-/

@[expose] public section

namespace AttnThermo

/-- Dual numbers `re + eps·ε` over `Rat`, with `ε² = 0`. -/
structure DualNumber where
  /-- The standard part. -/
  re : Rat
  /-- The `ε` part. -/
  eps : Rat
deriving DecidableEq

end AttnThermo

namespace AttnThermo.DualNumber

open AttnThermo.Ensemble AttnThermo.Derivation

/-- Two dual numbers are equal when both parts are. -/
theorem ext : ∀ {x y : DualNumber}, x.re = y.re → x.eps = y.eps → x = y
  | ⟨_, _⟩, ⟨_, _⟩, rfl, rfl => rfl

/-- Addition, componentwise. -/
instance instAdd : Add DualNumber := ⟨fun x y => ⟨x.re + y.re, x.eps + y.eps⟩⟩
/-- Multiplication, `(a + bε)(c + dε) = ac + (ad + bc)ε`. -/
instance instMul : Mul DualNumber := ⟨fun x y => ⟨x.re * y.re, x.re * y.eps + x.eps * y.re⟩⟩
/-- Negation, componentwise. -/
instance instNeg : Neg DualNumber := ⟨fun x => ⟨-x.re, -x.eps⟩⟩
/-- Subtraction, componentwise. -/
instance instSub : Sub DualNumber := ⟨fun x y => ⟨x.re - y.re, x.eps - y.eps⟩⟩
/-- Natural numbers embed as `n + 0ε`. -/
noncomputable instance instNatCast : NatCast DualNumber := ⟨fun n => ⟨(n : Rat), 0⟩⟩
/-- Integers embed as `i + 0ε`. -/
noncomputable instance instIntCast : IntCast DualNumber := ⟨fun i => ⟨(i : Rat), 0⟩⟩
/-- Numerals are `n + 0ε`. -/
noncomputable instance instOfNat (n : Nat) : OfNat DualNumber n := ⟨⟨OfNat.ofNat n, 0⟩⟩
/-- Scalar multiplication by a natural number is multiplication by its image. -/
noncomputable instance instSMulNat : SMul Nat DualNumber := ⟨fun n x => (n : DualNumber) * x⟩
/-- Scalar multiplication by an integer is multiplication by its image. -/
noncomputable instance instSMulInt : SMul Int DualNumber := ⟨fun i x => (i : DualNumber) * x⟩

/-- Natural powers by repeated multiplication. -/
noncomputable def npow (x : DualNumber) : Nat → DualNumber
  | 0 => 1
  | n + 1 => npow x n * x

/-- Natural powers. -/
noncomputable instance instPow : HPow DualNumber Nat DualNumber := ⟨npow⟩

/-- Standard part of a sum. -/
theorem add_re (x y : DualNumber) : (x + y).re = x.re + y.re := rfl
/-- `ε` part of a sum. -/
theorem add_eps (x y : DualNumber) : (x + y).eps = x.eps + y.eps := rfl
/-- Standard part of a product. -/
theorem mul_re (x y : DualNumber) : (x * y).re = x.re * y.re := rfl
/-- `ε` part of a product. -/
theorem mul_eps (x y : DualNumber) : (x * y).eps = x.re * y.eps + x.eps * y.re := rfl
/-- Standard part of a negation. -/
theorem neg_re (x : DualNumber) : (-x).re = -x.re := rfl
/-- `ε` part of a negation. -/
theorem neg_eps (x : DualNumber) : (-x).eps = -x.eps := rfl
/-- Standard part of a difference. -/
theorem sub_re (x y : DualNumber) : (x - y).re = x.re - y.re := rfl
/-- `ε` part of a difference. -/
theorem sub_eps (x y : DualNumber) : (x - y).eps = x.eps - y.eps := rfl
/-- Standard part of `0`. -/
theorem zero_re : (0 : DualNumber).re = 0 := rfl
/-- `ε` part of `0`. -/
theorem zero_eps : (0 : DualNumber).eps = 0 := rfl
/-- Standard part of `1`. -/
theorem one_re : (1 : DualNumber).re = 1 := rfl
/-- `ε` part of `1`. -/
theorem one_eps : (1 : DualNumber).eps = 0 := rfl
/-- Standard part of a numeral. -/
theorem ofNat_re (n : Nat) : (OfNat.ofNat n : DualNumber).re = OfNat.ofNat n := rfl
/-- `ε` part of a numeral. -/
theorem ofNat_eps (n : Nat) : (OfNat.ofNat n : DualNumber).eps = 0 := rfl
/-- Standard part of an embedded integer. -/
theorem intCast_re (i : Int) : (i : DualNumber).re = i := rfl
/-- `ε` part of an embedded integer. -/
theorem intCast_eps (i : Int) : (i : DualNumber).eps = 0 := rfl
/-- Standard part of an embedded natural number. -/
theorem natCast_re (n : Nat) : (n : DualNumber).re = (n : Rat) := rfl
/-- `ε` part of an embedded natural number. -/
theorem natCast_eps (n : Nat) : (n : DualNumber).eps = 0 := rfl
/-- Integer scalar multiplication unfolded. -/
theorem zsmul_def (i : Int) (x : DualNumber) : i • x = (i : DualNumber) * x := rfl
/-- Natural scalar multiplication unfolded. -/
theorem nsmul_def (n : Nat) (x : DualNumber) : n • x = (n : DualNumber) * x := rfl

attribute [local grind =] add_re add_eps mul_re mul_eps neg_re neg_eps sub_re sub_eps zero_re
  zero_eps one_re one_eps ofNat_re ofNat_eps intCast_re intCast_eps natCast_re natCast_eps
  zsmul_def nsmul_def

/-- Dual numbers over `Rat` form a commutative ring. -/
noncomputable instance instCommRing : Lean.Grind.CommRing DualNumber where
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

/-- The dual unit `ε = 0 + 1ε`. -/
def epsilon : DualNumber := ⟨0, 1⟩

/-- The derivation `a + bε ↦ c b ε`, i.e. `c · ε ∂/∂ε`: it kills `Rat` and scales `ε` by `c`. -/
def epsDerivation (c : Rat) : Derivation DualNumber where
  toFun x := ⟨0, c * x.eps⟩
  map_add x y := by
    apply ext
    · show (0 : Rat) = 0 + 0
      grind
    · show c * (x + y).eps = c * x.eps + c * y.eps
      rw [add_eps]
      grind
  map_mul x y := by
    apply ext
    · show (0 : Rat) = x.re * 0 + y.re * 0
      grind
    · show c * (x * y).eps = x.re * (c * y.eps) + x.eps * 0 + (y.re * (c * x.eps) + y.eps * 0)
      rw [mul_eps]
      grind

/-- `epsDerivation c` applied. -/
theorem epsDerivation_apply (c : Rat) (x : DualNumber) : epsDerivation c x = ⟨0, c * x.eps⟩ :=
  rfl

/-- The derivation playing `∂_γ`: `a + bε ↦ -2bε`, so `D ε = -2 ε` (a weight of energy `2`). -/
def gammaDerivation : Derivation DualNumber := epsDerivation (-2)

/-- The derivation playing `z ∂_z` at `z = ε`: `a + bε ↦ bε`, so `D ε = ε`. -/
def fugacityDerivation : Derivation DualNumber := epsDerivation 1

/-- Three states `(E, w)`: `(0, 1)`, `(0, 1/2)` and `(2, ε)`; `Z = 3/2 + ε`. -/
noncomputable def dualEnsemble : List (DualNumber × DualNumber) :=
  [(0, 1), (0, ⟨1/2, 0⟩), (2, epsilon)]

/-- The inverse `2/3 - (4/9) ε` of the partition function `3/2 + ε` of `dualEnsemble`. -/
def dualInverse : DualNumber := ⟨2/3, -4/9⟩

/-- Every weight of `dualEnsemble` satisfies `D w = -E w` for `gammaDerivation`. -/
theorem dualEnsemble_weights :
    ∀ s ∈ dualEnsemble, gammaDerivation s.2 = -(s.1 * s.2) := by
  decide +kernel

/-- Every energy of `dualEnsemble` is killed by `gammaDerivation`. -/
theorem dualEnsemble_energies : ∀ s ∈ dualEnsemble, gammaDerivation s.1 = 0 := by
  decide +kernel

/-- `dualInverse` is the inverse of the partition function of `dualEnsemble`. -/
theorem dualEnsemble_unit : partitionFunction dualEnsemble * dualInverse = 1 := by
  decide +kernel

/-- Non-vacuity: `AttnThermo.Derivation.derivation_partitionFunction` with the nonzero
derivation `gammaDerivation` and the energies `0, 0, 2`: `Z = 3/2 + ε`, `DZ = -2ε`. -/
theorem derivation_partitionFunction_witness :
    gammaDerivation (partitionFunction dualEnsemble) = -energyMoment 1 dualEnsemble
    ∧ partitionFunction dualEnsemble = ⟨3/2, 1⟩
    ∧ gammaDerivation (partitionFunction dualEnsemble) = ⟨0, -2⟩ :=
  ⟨derivation_partitionFunction gammaDerivation dualEnsemble dualEnsemble_weights,
    by decide +kernel, by decide +kernel⟩

/-- Non-vacuity: `AttnThermo.Derivation.derivation_energyMoment` (`k = 1`) with
`gammaDerivation`: `D S_1 = -S_2 = -4ε`. -/
theorem derivation_energyMoment_witness :
    gammaDerivation (energyMoment 1 dualEnsemble) = -energyMoment (1 + 1) dualEnsemble
    ∧ energyMoment (1 + 1) dualEnsemble = ⟨0, 4⟩ :=
  ⟨derivation_energyMoment gammaDerivation 1 dualEnsemble dualEnsemble_weights
    dualEnsemble_energies, by decide +kernel⟩

/-- Non-vacuity: `AttnThermo.Derivation.derivation_sq_partitionFunction` with
`gammaDerivation`: `D² Z = S_2 = 4ε`. -/
theorem derivation_sq_partitionFunction_witness :
    gammaDerivation (gammaDerivation (partitionFunction dualEnsemble))
      = energyMoment 2 dualEnsemble
    ∧ energyMoment 2 dualEnsemble = ⟨0, 4⟩ :=
  ⟨derivation_sq_partitionFunction gammaDerivation dualEnsemble dualEnsemble_weights
    dualEnsemble_energies, by decide +kernel⟩

/-- Non-vacuity: `AttnThermo.Derivation.partition_mul_derivation_sq_sub_sq` with
`gammaDerivation`: `Z D²Z - (DZ)² = 6ε`. -/
theorem partition_mul_derivation_sq_sub_sq_witness :
    partitionFunction dualEnsemble
          * gammaDerivation (gammaDerivation (partitionFunction dualEnsemble))
        - gammaDerivation (partitionFunction dualEnsemble) ^ 2
      = partitionFunction dualEnsemble * energyMoment 2 dualEnsemble
        - energyMoment 1 dualEnsemble ^ 2
    ∧ partitionFunction dualEnsemble * energyMoment 2 dualEnsemble
        - energyMoment 1 dualEnsemble ^ 2 = ⟨0, 6⟩ :=
  ⟨partition_mul_derivation_sq_sub_sq gammaDerivation dualEnsemble dualEnsemble_weights
    dualEnsemble_energies, by decide +kernel⟩

/-- Non-vacuity: `AttnThermo.Derivation.map_inv_of_mul_eq_one` with `gammaDerivation`, `x = Z`
and `u = dualInverse`: `D u = (8/9) ε`. -/
theorem map_inv_of_mul_eq_one_witness :
    gammaDerivation dualInverse
      = -(dualInverse * dualInverse * gammaDerivation (partitionFunction dualEnsemble))
    ∧ gammaDerivation dualInverse = ⟨0, 8/9⟩ :=
  ⟨map_inv_of_mul_eq_one gammaDerivation dualEnsemble_unit, by decide +kernel⟩

/-- Non-vacuity: `AttnThermo.Derivation.derivation_probability_of_unit` at the state `(2, ε)`
of energy `2`: `p = (2/3) ε`, `D p = p (-2 + ⟨E⟩) = -(4/3) ε`. -/
theorem derivation_probability_of_unit_witness :
    gammaDerivation (epsilon * dualInverse)
      = epsilon * dualInverse * (-2 + energyMoment 1 dualEnsemble * dualInverse)
    ∧ gammaDerivation (epsilon * dualInverse) = ⟨0, -4/3⟩ :=
  ⟨derivation_probability_of_unit gammaDerivation dualEnsemble dualEnsemble_weights
    dualEnsemble_unit (s := (2, epsilon)) (by decide +kernel),
    by decide +kernel⟩

/-- Non-vacuity: `AttnThermo.Derivation.derivation_meanEnergy_of_unit` with
`gammaDerivation`: `⟨E⟩ = (4/3) ε`, `D⟨E⟩ = -Var(E) = -(8/3) ε`. -/
theorem derivation_meanEnergy_of_unit_witness :
    gammaDerivation (energyMoment 1 dualEnsemble * dualInverse)
      = -(energyMoment 2 dualEnsemble * dualInverse
          - (energyMoment 1 dualEnsemble * dualInverse) ^ 2)
    ∧ energyMoment 1 dualEnsemble * dualInverse = ⟨0, 4/3⟩
    ∧ gammaDerivation (energyMoment 1 dualEnsemble * dualInverse) = ⟨0, -8/3⟩ :=
  ⟨derivation_meanEnergy_of_unit gammaDerivation dualEnsemble dualEnsemble_weights
    dualEnsemble_energies dualEnsemble_unit, by decide +kernel, by decide +kernel⟩

/-- Non-vacuity: `AttnThermo.Derivation.logPartition_secondDerivative_of_unit` with
`gammaDerivation`: `D (DZ/Z) = Var(E) = (8/3) ε`. -/
theorem logPartition_secondDerivative_of_unit_witness :
    gammaDerivation (gammaDerivation (partitionFunction dualEnsemble) * dualInverse)
      = energyMoment 2 dualEnsemble * dualInverse
        - (energyMoment 1 dualEnsemble * dualInverse) ^ 2
    ∧ gammaDerivation (gammaDerivation (partitionFunction dualEnsemble) * dualInverse)
      = ⟨0, 8/3⟩ :=
  ⟨logPartition_secondDerivative_of_unit gammaDerivation dualEnsemble dualEnsemble_weights
    dualEnsemble_energies dualEnsemble_unit, by decide +kernel⟩

/-- Non-vacuity: `AttnThermo.Derivation.map_pow_of_map_eq_zero` with `gammaDerivation`, which
kills `3`. -/
theorem map_pow_of_map_eq_zero_witness : gammaDerivation ((3 : DualNumber) ^ 2) = 0 :=
  gammaDerivation.map_pow_of_map_eq_zero (x := 3) (by decide +kernel) 2

/-- Non-vacuity: `AttnThermo.Derivation.map_pow_of_map_eq_self` with `fugacityDerivation` and
`z = ε` (`D ε = ε`): `D (ε^1) = ε`. -/
theorem map_pow_of_map_eq_self_witness :
    fugacityDerivation (epsilon ^ 1) = ((1 : Nat) : DualNumber) * epsilon ^ 1
    ∧ fugacityDerivation (epsilon ^ 1) = epsilon :=
  ⟨fugacityDerivation.map_pow_of_map_eq_self (z := epsilon) (by decide +kernel) 1,
    by decide +kernel⟩

end AttnThermo.DualNumber
