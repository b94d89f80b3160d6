"""The identities of the power-law attention ensemble: exact numerics, sympy forms, a registry.

- :mod:`attnthermo.thermo.ensemble`    Z, ⟨log d⟩, Var, C_V, Fisher, entropy, free energy (mpmath, O(1) in N)
- :mod:`attnthermo.thermo.power_sums`  the sums S_k = Σ_{d≤N} (log d)^k z^d d^-γ by Hurwitz/Stieltjes/Lerch
- :mod:`attnthermo.thermo.asymptotics` C_V(γ=1) expansion in log N, its remainder, the erratum beside it
- :mod:`attnthermo.thermo.tails`       tails and partial sums of Σ d^-γ with two-sided integral-test bounds
- :mod:`attnthermo.thermo.rope`, :mod:`attnthermo.thermo.pade`  RoPE wavelengths, n_active, γ_Padé, d_horizon
- :mod:`attnthermo.thermo.finite`      exact rational mirror of the Lean definitions (Fractions)
- :mod:`attnthermo.thermo.symbolic`    the sympy forms
- :mod:`attnthermo.thermo.registry`    ``identity(name)`` / ``identities()``, linked to Lean theorems
"""
