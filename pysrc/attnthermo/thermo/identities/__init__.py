"""The identities, one module per Lean module, named after it in snake case (same topic, same
theorem names: :mod:`.fisher` mirrors ``AttnThermo.Fisher``, :mod:`.log_uniform`
``AttnThermo.LogUniform``), each module's ``LEAN_MODULE`` naming it; :mod:`.analysis` holds what core
Lean cannot state (tails, maxent, limits). A Lean module may have no mirror (``AttnThermo.DualNumber``
holds only witnesses). :mod:`attnthermo.thermo.registry` finds the modules and the identities
declared in them; nothing lists them.
"""
