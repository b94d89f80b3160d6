"""Compatibility: the manifest reader moved to the ground-floor :mod:`attnthermo.manifest`."""

from attnthermo.manifest import cached_manifest, load_manifest

__all__ = ["cached_manifest", "load_manifest"]
