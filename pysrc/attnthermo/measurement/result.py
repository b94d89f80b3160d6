"""The result of a measurement: one JSON-ready dict with typed accessors (schema_version 1).

Top-level keys (stable; a test pins them): ``schema_version``, ``model``, ``config``,
``protocol``, ``gamma``, ``decay_model_comparison``, ``sensitivity``, ``sink_mass``, ``layers``,
``layer_groups``, ``heads``, ``profile``, ``pade``, ``theta_scan``, ``versions``, ``seed``,
``notes``, ``cache_key``.

>>> r = MeasurementResult({"schema_version": 1, "gamma": {"value": 0.5, "ci": [0.4, 0.6],
...                        "r2": 0.9, "window": [4, 64]}})
>>> r.gamma, r.ci, r.window
(0.5, (0.4, 0.6), (4, 64))
>>> MeasurementResult.from_json(r.to_json()).gamma
0.5
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1
TOP_LEVEL_KEYS = (
    "schema_version", "model", "config", "protocol", "gamma", "decay_model_comparison",
    "sensitivity", "sink_mass", "layers", "layer_groups", "heads", "profile", "pade",
    "theta_scan", "versions", "seed", "notes", "cache_key",
)


def json_ready(value: Any) -> Any:
    """Plain JSON types throughout; NaN and ±inf become None (strict JSON has no NaN)."""
    if isinstance(value, dict):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_ready(v) for v in value]
    if hasattr(value, "tolist"):
        return json_ready(value.tolist())
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


class MeasurementResult:
    """A measured γ with its window, CI, R², per-layer/per-head values, sink mass and protocol."""

    def __init__(self, data: dict):
        self.data = data

    @property
    def gamma(self) -> float:
        """The pooled γ over the stated window."""
        return self.data["gamma"]["value"]

    @property
    def ci(self) -> tuple[float, float]:
        """Bootstrap CI of γ over prompts."""
        return tuple(self.data["gamma"]["ci"])

    @property
    def r2(self) -> float:
        return self.data["gamma"]["r2"]

    @property
    def window(self) -> tuple[int, int]:
        return tuple(self.data["gamma"]["window"])

    @property
    def sink_mass(self) -> float:
        return self.data["sink_mass"]["value"]

    @property
    def theta_scan(self) -> list[dict]:
        return self.data.get("theta_scan") or []

    def to_json(self, path: str | Path | None = None) -> str:
        """The result as strict JSON text; also written to ``path`` when given."""
        text = json.dumps(json_ready(self.data), indent=1, allow_nan=False)
        if path is not None:
            Path(path).write_text(text + "\n", encoding="utf-8")
        return text

    @classmethod
    def from_json(cls, text: str) -> MeasurementResult:
        data = json.loads(text)
        if data.get("schema_version") != SCHEMA_VERSION:
            raise ValueError(f"measurement JSON has schema_version {data.get('schema_version')!r}, "
                             f"this attnthermo reads {SCHEMA_VERSION}")
        return cls(data)

    def plot(self, path: str | Path) -> Path:
        """A(d) on log–log axes with the fit, its bootstrap band and the γ_Padé slope."""
        from attnthermo.measurement.plot import plot_decay

        return plot_decay(self.data, Path(path))

    def __repr__(self) -> str:
        g = self.data["gamma"]
        return (f"MeasurementResult(model={self.data.get('model', {}).get('name')!r}, "
                f"gamma={g['value']:.4f}, ci={g['ci']}, r2={g['r2']:.4f}, window={g['window']})")
