"""The identities of the power-law attention ensemble: exact numerics, and each identity beside
its sympy form and re-check, laid out like the Lean library.

Numerics (mpmath; ``dps=None`` means the current ``mpmath.mp.dps``):

- :mod:`attnthermo.thermo.ensemble`    Z, ⟨log d⟩, Var, C_V, Fisher, entropy, free energy (O(1) in N)
- :mod:`attnthermo.thermo.power_sums`  the sums S_k = Σ_{d≤N} (log d)^k z^d d^-γ by Hurwitz/Stieltjes (z = 1), direct or Euler–Maclaurin (z < 1)
- :mod:`attnthermo.thermo.asymptotics` C_V(γ=1) expansion in log N, its remainder, the erratum beside it
- :mod:`attnthermo.thermo.tails`       tails and partial sums of Σ d^-γ with two-sided integral-test bounds
- :mod:`attnthermo.thermo.rope`, :mod:`attnthermo.thermo.pade`  RoPE wavelengths, n_active, γ_Padé (the one implementation), d_horizon
- :mod:`attnthermo.thermo.finite`      exact rational mirror of the Lean definitions (Fractions; the value bridge)

Identities: :mod:`attnthermo.thermo.identities` (one module per Lean module) and
:mod:`attnthermo.thermo.registry` (``identity(name)`` / ``identities()``).
"""
