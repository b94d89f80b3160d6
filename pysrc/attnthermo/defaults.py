"""Defaults, in one place: the model, the precisions and the measurement settings.

- ``DEFAULT_MODEL``  the model ``attnthermo audit`` / ``measure`` use when none is named;
- ``DEFAULT_DPS``    the digits of the command line and of identity receipts (the ledger's
                     "identity at 30 digits"); library functions follow mpmath instead:
                     ``dps=None`` means the current ``mpmath.mp.dps``;
- ``FLOAT_DPS``      the digits of a float64 (mpmath's own default): the least an identity
                     receipt may ask, and the precision of checks that need no more than a float;
- ``MAX_DPS``        the most digits any evaluation accepts (see :data:`MAX_DPS_COST`);
- ``MEASUREMENT``    measure()'s settings, full and quick (:class:`MeasurementDefaults`): what
                     ``measure``, the ledger's protocols, the atlas and the command-line help read.

>>> MEASUREMENT.full.describe(), MEASUREMENT.quick.describe()
('N=1024, K=8, window (4, N/4)', 'N=256, K=4, window (4, 64)')
>>> MEASUREMENT.setting(quick=True).window_for(96)
(4, 24)
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MODEL = "smollm2"
DEFAULT_DPS = 30
FLOAT_DPS = 15
MAX_DPS = 2000
MAX_DPS_COST = ("cost grows faster than quadratically with the digits: one heat_capacity at 1000 "
                "digits takes about a minute on one core, at 2000 several minutes")

WINDOW_START = 4  # the smallest distance a default window fits (d = 1 … 3 are dominated by local structure)


def default_window(tokens: int) -> tuple[int, int]:
    """The window used when a setting names none: d from 4 to N/4 (reported with every result)."""
    return (WINDOW_START, max(WINDOW_START + 2, tokens // 4))


@dataclass(frozen=True)
class Setting:
    """One setting of measure()'s defaults: tokens N per prompt, prompts K and the fit window
    (``window`` None: :func:`default_window`, (4, N/4))."""

    name: str
    tokens: int
    prompts: int
    window: tuple[int, int] | None = None

    def window_for(self, tokens: int) -> tuple[int, int]:
        """The fit window at ``tokens`` N: the setting's own when it lies below N/2, else (4, N/4)."""
        if self.window is not None and tokens // 2 > self.window[1]:
            return self.window
        return default_window(tokens)

    @property
    def window_text(self) -> str:
        """``(4, 64)``, or ``(4, N/4)`` for a setting with no window of its own."""
        return f"({self.window[0]}, {self.window[1]})" if self.window else f"({WINDOW_START}, N/4)"

    def describe(self) -> str:
        """``N=256, K=4, window (4, 64)``: the setting as the command-line help states it."""
        return f"N={self.tokens}, K={self.prompts}, window {self.window_text}"


@dataclass(frozen=True)
class MeasurementDefaults:
    """measure()'s defaults: the full and the quick (CI) setting, the bootstrap resamples, the query
    chunk of the streamed attention and the controls it can run."""

    full: Setting
    quick: Setting
    bootstrap: int
    chunk: int
    controls: tuple[str, ...]

    def setting(self, quick: bool) -> Setting:
        return self.quick if quick else self.full


MEASUREMENT = MeasurementDefaults(
    full=Setting("full", tokens=1024, prompts=8),
    quick=Setting("quick", tokens=256, prompts=4, window=(4, 64)),
    bootstrap=1000, chunk=128, controls=("random-init", "shuffled"))
