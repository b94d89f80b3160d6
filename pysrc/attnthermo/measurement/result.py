"""The result of a measurement, typed (schema_version 3), and its one reader :func:`read_result`.

A :class:`MeasurementResult` is a frozen dataclass whose fields are the JSON's top-level keys
(``TOP_LEVEL_KEYS``; three typed names differ, see the class); nested parts are dataclasses too (:class:`GammaFit`, :class:`Estimate`,
:class:`LayerFit`, :class:`HeadFit`, :class:`ScanRow`, :class:`ModelInfo`, :class:`PromptProfiles`,
:class:`PadeRow`).
Every estimate that
the ledger judges carries its bootstrap resamples (``resamples``: one value per resample, the
same prompt resamples for every metric and every θ factor of one measurement), so a verdict can
say how many resamples agree with it. ``per_prompt`` keeps the per-prompt profiles by layer type,
from which any window of a claim's window family is fitted later with those same resamples
(``attnthermo.measurement.window_family``); ``windows`` shows the default family and the
γ-against-window curve. ``read_result`` accepts a path, JSON text or a dict and
rejects any other schema version.

>>> r = read_result({"schema_version": 3, "model": {"name": "m", "kind": "hf", "path": "/m",
...     "sha256": "0", "weights": "w"}, "gamma": {"value": 0.5, "ci": [0.4, 0.6], "r2": 0.9,
...     "window": [4, 64]}, "sink_mass": {"value": 0.3, "ci": [0.2, 0.4]}})
>>> r.gamma, r.ci, r.window, r.fit.phase
(0.5, (0.4, 0.6), (4, 64), 'A')
>>> read_result(r.to_json()) == r
True
"""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from attnthermo import atomic

SCHEMA_VERSION = 3
TOP_LEVEL_KEYS = (
    "schema_version", "model", "config", "protocol", "gamma", "decay_model_comparison",
    "power_law_advantage", "sensitivity", "sink_mass", "layers", "layer_groups", "heads",
    "profile", "pade", "theta_scan", "per_prompt", "windows", "versions", "seed", "notes", "cache_key",
)


def json_ready(value: Any) -> Any:
    """Plain JSON types throughout; NaN and ±inf become None (strict JSON has no NaN)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return json_ready({f.name: getattr(value, f.name) for f in dataclasses.fields(value)})
    if isinstance(value, dict):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_ready(v) for v in value]
    if hasattr(value, "tolist"):
        return json_ready(value.tolist())
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def phase_of(ci: tuple[float | None, float | None]) -> str | None:
    """Phase decided by the 95% CI: "A" when it lies below 1, "B" above 1, else "undecided"."""
    lo, hi = ci
    if lo is None or hi is None:
        return None
    return "A" if hi < 1 else "B" if lo > 1 else "undecided"


def _pair(values: Any) -> tuple[Any, Any]:
    lo, hi = values if values is not None else (None, None)
    return lo, hi


def _floats(values: Any) -> tuple[float | None, ...]:
    return tuple(None if v is None else float(v) for v in values or ())


@dataclass(frozen=True)
class Estimate:
    """A number with its 95% bootstrap CI over prompts and, when kept, its resamples."""

    value: float | None
    ci: tuple[float | None, float | None]
    resamples: tuple[float | None, ...] = ()
    over: str | None = None

    @classmethod
    def read(cls, d: dict) -> Estimate:
        return cls(d["value"], _pair(d["ci"]), _floats(d.get("resamples")), d.get("over"))


@dataclass(frozen=True)
class GammaFit:
    """γ fitted over ``window`` with CI, R², the layers pooled and the bootstrap resamples."""

    value: float | None
    ci: tuple[float | None, float | None]
    r2: float | None
    window: tuple[int, int]
    pooled_layers: tuple[int, ...] = ()
    points: str | None = None
    intercept: float | None = None
    band: dict | None = None
    reason: str | None = None
    resamples: tuple[float | None, ...] = ()
    r2_resamples: tuple[float | None, ...] = ()

    @property
    def phase(self) -> str | None:
        return phase_of(self.ci)

    @classmethod
    def read(cls, d: dict) -> GammaFit:
        return cls(d["value"], _pair(d["ci"]), d["r2"], tuple(d["window"]),
                   tuple(d.get("pooled_layers") or ()), d.get("points"), d.get("intercept"),
                   d.get("band"), d.get("reason"), _floats(d.get("resamples")),
                   _floats(d.get("r2_resamples")))


@dataclass(frozen=True)
class LayerFit:
    """γ of one layer (its heads averaged), named as the model names the module."""

    layer: int
    module: str
    type: str
    gamma: float | None
    ci: tuple[float | None, float | None]
    r2: float | None
    sink_mass: float
    rope_theta: float | None = None
    phase: str | None = None

    @classmethod
    def read(cls, d: dict) -> LayerFit:
        return cls(d["layer"], d["module"], d["type"], d["gamma"], _pair(d["ci"]), d["r2"],
                   d["sink_mass"], d.get("rope_theta"), d.get("phase"))


@dataclass(frozen=True)
class HeadFit:
    """γ of one attention head (``head`` counts query heads within the layer's module)."""

    layer: int
    head: int
    module: str
    type: str
    gamma: float | None
    ci: tuple[float | None, float | None]
    r2: float | None
    sink_mass: float
    phase: str | None = None

    @classmethod
    def read(cls, d: dict) -> HeadFit:
        return cls(d["layer"], d["head"], d["module"], d["type"], d["gamma"], _pair(d["ci"]),
                   d["r2"], d["sink_mass"], d.get("phase"))


@dataclass(frozen=True)
class PromptProfiles:
    """Per-prompt profiles by layer type: ``groups[type][k][d]``, the mean attention at distance d
    over that type's layers and heads for prompt k; with the bootstrap (count, seed) of the result,
    so a window fitted from them has the same prompt resamples as every other estimate."""

    bootstrap: int
    seed: int
    sliding_window: int | None
    layer_types: tuple[str, ...]
    groups: dict

    @property
    def tokens(self) -> int:
        """N: the profiles cover distances 0 … N/2 − 1."""
        return 2 * len(next(iter(self.groups.values()))[0])

    @classmethod
    def read(cls, d: dict | None) -> PromptProfiles | None:
        if d is None:
            return None
        groups = d["groups"]
        if not isinstance(groups, dict) or not groups or set(groups) - set(d["layer_types"]):
            raise ValueError("measurement JSON: per_prompt.groups must map the model's layer types to profiles")
        return cls(int(d["bootstrap"]), int(d["seed"]), d.get("sliding_window"), tuple(d["layer_types"]), groups)


@dataclass(frozen=True)
class PadeRow:
    """γ_Padé = (2θ − T√2)/(2θ + T√2) at the θ of ``theta_layer_type`` layers, for the trained context
    T and for the measured N (None where it is no decay exponent: T√2 > 2θ makes it negative)."""

    theta: float
    theta_layer_type: str
    formula: str
    T_trained: int | None
    gamma_trained_context: float | None
    T_measured: int
    gamma_measured_N: float | None

    @classmethod
    def read(cls, d: dict | None) -> PadeRow | None:
        if d is None:
            return None
        return cls(d["theta"], d["theta_layer_type"], d["formula"], d["T_trained"], d["gamma_trained_context"],
                   d["T_measured"], d["gamma_measured_N"])


@dataclass(frozen=True)
class ScanRow:
    """One θ factor of a θ-rescaling run: the rotary facts, γ and sink mass (with resamples)."""

    scale: float
    rope: dict
    gamma: GammaFit
    sink_mass: Estimate
    layer_groups: dict
    pade: PadeRow | None
    per_prompt: PromptProfiles | None = None

    @classmethod
    def read(cls, d: dict) -> ScanRow:
        return cls(d["scale"], d["rope"], GammaFit.read(d["gamma"]), Estimate.read(d["sink_mass"]),
                   d.get("layer_groups") or {}, PadeRow.read(d.get("pade")), PromptProfiles.read(d.get("per_prompt")))


@dataclass(frozen=True)
class ModelInfo:
    """Which weights were measured: name, file kind, path, sha256 and what they are."""

    name: str
    kind: str
    path: str
    sha256: str
    weights: str

    @classmethod
    def read(cls, d: dict) -> ModelInfo:
        return cls(d["name"], d["kind"], d["path"], d["sha256"], d["weights"])


# field name -> JSON key, where the typed name differs (``result.gamma`` reads as the value)
_JSON_KEYS = {"fit": "gamma", "sink": "sink_mass", "scan": "theta_scan"}


@dataclass(frozen=True)
class MeasurementResult:
    """A measured γ with its window, CI, R², per-layer/per-head values, sink mass and protocol.

    Typed parts: ``fit`` (the pooled :class:`GammaFit`, JSON key ``gamma``), ``sink`` (an
    :class:`Estimate`, key ``sink_mass``), ``scan`` (θ factors, key ``theta_scan``), ``layers``,
    ``heads``, ``model``; ``.gamma``, ``.ci``, ``.r2``, ``.window``, ``.sink_mass`` are the numbers.
    """

    model: ModelInfo
    fit: GammaFit
    sink: Estimate
    config: dict = field(default_factory=dict)
    protocol: dict = field(default_factory=dict)
    decay_model_comparison: dict | None = None
    power_law_advantage: Estimate | None = None
    sensitivity: tuple[dict, ...] = ()
    layers: tuple[LayerFit, ...] = ()
    layer_groups: dict = field(default_factory=dict)
    heads: tuple[HeadFit, ...] = ()
    profile: dict | None = None
    pade: PadeRow | None = None
    scan: tuple[ScanRow, ...] = ()
    per_prompt: PromptProfiles | None = None
    windows: dict | None = None
    versions: dict = field(default_factory=dict)
    seed: int = 0
    notes: tuple[str, ...] = ()
    cache_key: str | None = None
    schema_version: int = SCHEMA_VERSION

    @property
    def gamma(self) -> float | None:
        """The pooled γ over the stated window."""
        return self.fit.value

    @property
    def ci(self) -> tuple[float | None, float | None]:
        """Bootstrap CI of the pooled γ over prompts."""
        return self.fit.ci

    @property
    def r2(self) -> float | None:
        return self.fit.r2

    @property
    def window(self) -> tuple[int, int]:
        return self.fit.window

    @property
    def sink_mass(self) -> float | None:
        return self.sink.value

    @property
    def theta_scan(self) -> list[dict]:
        """The θ-rescaling rows as JSON dicts (``scan`` holds them typed)."""
        return self.data["theta_scan"]

    @property
    def data(self) -> dict:
        """The result as the JSON dict (keys in ``TOP_LEVEL_KEYS`` order)."""
        plain = {_JSON_KEYS.get(f.name, f.name): json_ready(getattr(self, f.name))
                 for f in dataclasses.fields(self)}
        return {k: plain[k] for k in TOP_LEVEL_KEYS}

    def to_json(self, path: str | Path | None = None) -> str:
        """The result as strict JSON text; also written to ``path`` when given."""
        text = json.dumps(self.data, indent=1, allow_nan=False)
        if path is not None:
            atomic.write_text(path, text + "\n")
        return text

    @classmethod
    def from_json(cls, text: str) -> MeasurementResult:
        return read_result(text)

    def plot(self, path: str | Path) -> Path:
        """A(d) on log–log axes with the fit, its bootstrap band and the γ_Padé slope."""
        from attnthermo.measurement.plot import plot_decay

        return plot_decay(self.data, Path(path))

    def __repr__(self) -> str:
        g = self.fit
        value = "None" if g.value is None else f"{g.value:.4f}"
        return (f"MeasurementResult(model={self.model.name!r}, gamma={value}, ci={list(g.ci)}, "
                f"r2={g.r2 if g.r2 is None else round(g.r2, 4)}, window={list(g.window)})")


def read_result(source: str | Path | dict) -> MeasurementResult:
    """The one reader of measurement JSON: a path, JSON text or a dict, schema_version 3 only."""
    if isinstance(source, dict):
        data = source
    else:
        text = source.read_text(encoding="utf-8") if isinstance(source, Path) else str(source)
        if not text.lstrip().startswith("{") and Path(text).is_file():
            text = Path(text).read_text(encoding="utf-8")
        data = json.loads(text)
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise ValueError(f"measurement JSON has schema_version {version!r}, "
                         f"this attnthermo reads {SCHEMA_VERSION}")
    advantage = data.get("power_law_advantage")
    return MeasurementResult(
        model=ModelInfo.read(data["model"]),
        fit=GammaFit.read(data["gamma"]),
        sink=Estimate.read(data["sink_mass"]),
        config=data.get("config") or {},
        protocol=data.get("protocol") or {},
        decay_model_comparison=data.get("decay_model_comparison"),
        power_law_advantage=None if advantage is None else Estimate.read(advantage),
        sensitivity=tuple(data.get("sensitivity") or ()),
        layers=tuple(LayerFit.read(d) for d in data.get("layers") or ()),
        layer_groups=data.get("layer_groups") or {},
        heads=tuple(HeadFit.read(d) for d in data.get("heads") or ()),
        profile=data.get("profile"),
        pade=PadeRow.read(data.get("pade")),
        scan=tuple(ScanRow.read(d) for d in data.get("theta_scan") or ()),
        per_prompt=PromptProfiles.read(data.get("per_prompt")),
        windows=data.get("windows"),
        versions=data.get("versions") or {},
        seed=data.get("seed", 0),
        notes=tuple(data.get("notes") or ()),
        cache_key=data.get("cache_key"),
        schema_version=version,
    )
