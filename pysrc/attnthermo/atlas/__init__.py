"""The γ atlas: γ per model, layer and head across a model zoo, resumable, on processes or Ray.

``attnthermo atlas MODEL... --out DIR`` (:mod:`~attnthermo.atlas.cli`). One file per concept:

- :mod:`~attnthermo.atlas.sources`    what a MODEL argument means (shipped name, directory, hub id);
- :mod:`~attnthermo.atlas.store`      one result per (model hash, protocol, package version);
- :mod:`~attnthermo.atlas.tasks`      the task a worker runs: measure one model on its own device;
- :mod:`~attnthermo.atlas.scheduler`  what is left to measure, run inline or in local processes;
- :mod:`~attnthermo.atlas.ray_backend` the same tasks on a local or remote Ray cluster;
- :mod:`~attnthermo.atlas.published`  published γ values, shown as citations (they never verify);
- :mod:`~attnthermo.atlas.table`      atlas.json rows and the Markdown table;
- :mod:`~attnthermo.atlas.plots`      γ per layer, per-head heatmap, γ vs θ and context, Phase A/B.
"""
