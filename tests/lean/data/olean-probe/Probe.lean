module

public section

namespace Probe

structure Box where
  v : Nat

instance : Inhabited Box := ⟨⟨3⟩⟩

def f (n : Nat) : Nat := n + 1

@[expose] def g (n : Nat) : Nat := match n with
  | 0 => 1
  | k + 1 => g k + 2

theorem t1 (a b : Prop) (h : a = b) (x : a) : b := h ▸ x

theorem t2 (p q : Prop) (hp : p) (hq : q) : (p ∧ q) = True := by simp [hp, hq]

theorem t3 : ∀ n : Nat, g n ≥ 1 := by
  intro n; induction n <;> simp [g] <;> omega

private theorem t4 : (2:Nat) + 2 = 4 := rfl

theorem t5 : (2:Nat) + 2 = 4 := t4

theorem big : (18446744073709551617 : Nat) > 5 := by decide

theorem t6 (x : Nat) (h : x = x + 1) : False := by omega

theorem t6_witness : (True ∧ True) = True := t2 True True trivial trivial

noncomputable local instance (priority := high) myAdd : HAdd Nat Nat Nat := ⟨fun a b => a * b⟩
theorem t7 : (2:Nat) + 3 = 6 := rfl

theorem sneaky (h : Lean.reduceBool true = true) : true = true := Lean.ofReduceBool true true h
theorem sneakyUser (h : Lean.reduceBool true = true) : true = true := sneaky h

end Probe
