"""The identities, one module per Lean module (same topic, same theorem names):

- :mod:`.ensemble`    ``AttnThermo.Ensemble``    variance as the mean squared deviation
- :mod:`.derivation`  ``AttnThermo.Derivation``  ∂²_γ log Z = Var(E), D Z = -S₁, D²Z = S₂
- :mod:`.fisher`      ``AttnThermo.Fisher``      Fisher information = C_V/γ², C_V = -γ²∂_γ⟨E⟩ = γ²Var
- :mod:`.fugacity`    ``AttnThermo.Fugacity``    Z is the truncated polylog; z∂_z lowers its order
- :mod:`.log_uniform` ``AttnThermo.LogUniform``  the L²/12 law at γ = 1, the erratum L²/4, grids
- :mod:`.rope_pade`   ``AttnThermo.RopePade``    RoPE wavelengths, γ_Padé, the horizon
- :mod:`.analysis`    (no Lean module)           what core Lean cannot state: tails, maxent, limits

(``AttnThermo.DualNumber`` holds only witnesses: no identity mirrors it.) Each module ends with
``IDENTITIES``; :mod:`attnthermo.thermo.registry` collects them in this order.
"""
