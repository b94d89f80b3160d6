"""γ of attention decay measured on real transformer models.

``measure(...)`` (in :mod:`attnthermo.measurement.api`) loads a model offline, streams
per-distance attention sums over a fixed query window, and fits A(d) ∝ d^−γ with its window,
R², bootstrap CI, sensitivity curve, controls and θ-rescaling. Modules: ``models`` (names,
hashes, GGUF cache), ``facts`` (architecture facts and their sources), ``streaming`` (the
chunked attention and the accumulator), ``rope`` (θ facts and rescaling), ``corpus``
(prompts and their seeded draw), ``fits`` and ``analysis`` (numbers), ``result`` (the typed
result and its one reader ``read_result``), ``plot``, ``cli``; ``measure()`` itself is four
steps: ``protocol``, ``cache``, ``run``, ``assemble``.
"""
