"""Step 1 of ``measure()``: the protocol, every argument checked and written down as data.

A :class:`MeasurementProtocol` is what the result records under ``protocol`` and what the
cache key is made of (with the model hash and the package versions). The defaults, full and
quick, are :data:`attnthermo.defaults.MEASUREMENT`.

>>> p = resolve_protocol(quick=True)
>>> p.tokens, p.prompts, p.window, p.query_window
(256, 4, (4, 64), (128, 256))
>>> resolve_protocol(tokens=64, window=(4, 40))
Traceback (most recent call last):
...
attnthermo.errors.DomainError: window=(4, 40): the upper end must be < N/2 = 32 for tokens N=64 (the fixed query window [N/2, N) only reaches distances below N/2)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from attnthermo.defaults import MEASUREMENT
from attnthermo.errors import DomainError
from attnthermo.measurement.fits import check_window


def check_int(name: str, value: Any, minimum: int) -> int:
    """An integer ≥ ``minimum`` (bools and floats rejected, naming the parameter)."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise DomainError(name, value, "expected an integer")
    if value < minimum:
        raise DomainError(name, value, f"must be ≥ {minimum}")
    return int(value)


@dataclass(frozen=True)
class MeasurementProtocol:
    """How γ is measured: tokens N, prompts K, fit window, control, θ factors, seed, bootstrap."""

    tokens: int
    prompts: int
    window: tuple[int, int]
    control: str | None
    theta_scales: tuple[float, ...]
    per_head: bool
    seed: int
    bootstrap: int
    chunk: int
    ci_level: float = 0.95
    dtype: str = "float32"

    @property
    def query_window(self) -> tuple[int, int]:
        return (self.tokens - self.tokens // 2, self.tokens)

    @property
    def distances(self) -> tuple[int, int]:
        return (0, self.tokens // 2)

    def as_dict(self) -> dict[str, Any]:
        """The protocol as JSON-ready data (the cache key's and the result's ``protocol``)."""
        out = dataclasses.asdict(self)
        out.update(window=list(self.window), theta_scales=list(self.theta_scales),
                   query_window=list(self.query_window), distances=list(self.distances))
        return out


def resolve_protocol(tokens: int | None = None, prompts: int | None = None,
                     window: tuple[int, int] | None = None, control: str | None = None,
                     theta_scales: Sequence[float] = (), per_head: bool = False, seed: int = 0, *,
                     quick: bool = False, bootstrap: int = MEASUREMENT.bootstrap, chunk: int = MEASUREMENT.chunk
                     ) -> MeasurementProtocol:
    """The protocol for these arguments (``quick`` takes the quick setting's defaults), or a DomainError."""
    setting = MEASUREMENT.setting(quick)
    tokens = check_int("tokens", setting.tokens if tokens is None else tokens, 8)
    prompts = check_int("prompts", setting.prompts if prompts is None else prompts, 2)
    if window is None:
        window = setting.window_for(tokens)
    if control not in (None, *MEASUREMENT.controls):
        raise DomainError("control", control, f"expected one of {', '.join(MEASUREMENT.controls)} (or none)")
    scales = []
    for f in theta_scales:
        if isinstance(f, bool) or not isinstance(f, (int, float)) or not f > 0 or not np.isfinite(f):
            raise DomainError("theta_scales", f, "every θ factor must be a positive number")
        scales.append(float(f))
    return MeasurementProtocol(
        tokens=tokens, prompts=prompts, window=check_window(window, tokens), control=control,
        theta_scales=tuple(scales), per_head=bool(per_head), seed=check_int("seed", seed, 0),
        bootstrap=check_int("bootstrap", bootstrap, 10), chunk=check_int("chunk", chunk, 1))
