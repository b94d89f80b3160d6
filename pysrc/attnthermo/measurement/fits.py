"""Fits of attention decay: power law vs exponential on the same points, bootstrap over prompts.

Every fit uses every integer distance d in the stated window [a, b] with equal weight, on
log A(d). The power law is ``log A = c − γ log d``; the exponential ``log A = c − d/λ``. Both
have two parameters, so their AIC (Gaussian residuals on log A, k = 3 with the variance)
differ only through the residual sums; R² on log–log axes alone is not evidence for a power
law, the comparison is.

>>> import numpy as np
>>> d = np.arange(1, 201)
>>> fit = fit_power_law(d, 0.3 * d ** -0.8, window=(4, 150))
>>> round(fit.gamma, 6), round(fit.r2, 6)
(0.8, 1.0)
>>> compare_decay_models(d, 0.3 * d ** -0.8, window=(4, 150))["preferred"]
'power_law'
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from attnthermo.errors import DomainError


@dataclass(frozen=True)
class PowerLawFit:
    """γ (minus the log–log slope), intercept, R² and the window [a, b] it was fitted over."""

    gamma: float
    intercept: float
    r2: float
    window: tuple[int, int]
    points: int


def check_window(window: tuple[int, int], tokens: int) -> tuple[int, int]:
    """A window [a, b] of integer distances with 1 ≤ a < b < N/2 (at least 3 points)."""
    try:
        a, b = (int(window[0]), int(window[1]))
    except (TypeError, ValueError, IndexError):
        raise DomainError("window", window, "expected two integers (a, b)") from None
    if (a, b) != tuple(window):
        raise DomainError("window", window, "distances must be integers")
    limit = tokens // 2
    if a < 1:
        raise DomainError("window", window, "the lower end must be ≥ 1 (d = 0 is the query itself)")
    if b >= limit:
        raise DomainError("window", window,
                          f"the upper end must be < N/2 = {limit} for tokens N={tokens} "
                          f"(the fixed query window [N/2, N) only reaches distances below N/2)")
    if b - a < 2:
        raise DomainError("window", window, "need at least 3 distances: b − a ≥ 2")
    return a, b


def _design(window: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    d = np.arange(window[0], window[1] + 1, dtype=np.float64)
    return d, np.log(d)


def _slope_fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """OLS of y (..., n) on x (n,): slopes, intercepts and R² over the leading axes."""
    xc = x - x.mean()
    sxx = float((xc**2).sum())
    ym = y.mean(axis=-1, keepdims=True)
    slope = ((y - ym) * xc).sum(axis=-1) / sxx
    intercept = ym[..., 0] - slope * x.mean()
    resid = y - (intercept[..., None] + slope[..., None] * x)
    sst = ((y - ym) ** 2).sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        r2 = 1.0 - (resid**2).sum(axis=-1) / sst
    return slope, intercept, r2


def _log_window(profile: np.ndarray, window: tuple[int, int]) -> np.ndarray:
    """log A over the window; the profile's last axis is indexed by distance d = 0, 1, …"""
    values = np.asarray(profile, dtype=np.float64)[..., window[0] : window[1] + 1]
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(values > 0, np.log(np.where(values > 0, values, 1.0)), np.nan)


def gammas(profiles: np.ndarray, window: tuple[int, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(γ, intercept, R²) for every profile along the leading axes (NaN where A ≤ 0 in the window)."""
    _, logd = _design(window)
    slope, intercept, r2 = _slope_fit(logd, _log_window(profiles, window))
    return -slope, intercept, r2


def fit_power_law(d: np.ndarray, A: np.ndarray, window: tuple[int, int]) -> PowerLawFit:
    """Least-squares fit of log A on log d for integer d in the window (d, A aligned arrays)."""
    profile = _as_profile(d, A, window)
    g, c, r2 = gammas(profile, window)
    return PowerLawFit(float(g), float(c), float(r2), window, window[1] - window[0] + 1)


def _as_profile(d: np.ndarray, A: np.ndarray, window: tuple[int, int]) -> np.ndarray:
    d = np.asarray(d)
    profile = np.full(int(d.max()) + 1, np.nan)
    profile[d.astype(int)] = A
    if window[1] >= len(profile) or np.isnan(profile[window[0] : window[1] + 1]).any():
        raise DomainError("window", window, "the data do not cover every distance in the window")
    return profile


def _aic(rss: float, n: int, k: int = 3) -> float:
    return n * math.log(rss / n) + 2 * k


def compare_decay_models(d: np.ndarray, A: np.ndarray, window: tuple[int, int]) -> dict:
    """Power law vs exponential on the same points: parameters, R², AIC and the preferred model."""
    profile = _as_profile(d, A, window)
    dist, logd = _design(window)
    y = _log_window(profile, window)
    if np.isnan(y).any():
        raise DomainError("A", "profile", "attention is zero somewhere in the window; cannot take logs")
    out = {}
    for name, x in (("power_law", logd), ("exponential", dist)):
        slope, intercept, r2 = _slope_fit(x, y)
        rss = float(((y - intercept - slope * x) ** 2).sum())
        out[name] = {"slope": float(slope), "intercept": float(intercept), "r2": float(r2),
                     "aic": _aic(max(rss, 1e-300), len(y))}
    out["power_law"]["gamma"] = -out["power_law"].pop("slope")
    slope = out["exponential"].pop("slope")
    out["exponential"]["decay_length"] = float(-1.0 / slope) if slope != 0 else math.inf
    out["delta_aic"] = out["power_law"]["aic"] - out["exponential"]["aic"]
    out["preferred"] = "power_law" if out["delta_aic"] < 0 else "exponential"
    out["window"] = list(window)
    out["criterion"] = "AIC on log A, Gaussian residuals, k=3 each (lower is better)"
    return out


def power_law_advantages(profiles: np.ndarray, window: tuple[int, int]) -> np.ndarray:
    """AIC(exponential) − AIC(power law) on log A over the window, for every profile (…, D).

    Positive means the power law fits better; NaN where A ≤ 0 somewhere in the window.
    """
    dist, logd = _design(window)
    y = _log_window(profiles, window)
    n = y.shape[-1]
    aic = []
    for x in (logd, dist):
        slope, intercept, _ = _slope_fit(x, y)
        rss = ((y - intercept[..., None] - slope[..., None] * x) ** 2).sum(axis=-1)
        aic.append(n * np.log(np.maximum(rss, 1e-300) / n) + 6)
    return aic[1] - aic[0]


def bootstrap_means(per_prompt: np.ndarray, samples: int, seed: int) -> np.ndarray:
    """Means over prompts (axis 0) of ``samples`` resamples with replacement: (samples, …)."""
    k = per_prompt.shape[0]
    draws = np.random.default_rng(seed).integers(0, k, (samples, k))  # the stream of k draws per sample
    counts = (draws[:, :, None] == np.arange(k)).sum(axis=1)  # how often each prompt is drawn
    flat = per_prompt.reshape(k, -1)
    return (counts @ flat / k).reshape(samples, *per_prompt.shape[1:])


def interval(values: np.ndarray, level: float = 0.95) -> list[float]:
    """The central percentile interval over axis 0 (NaNs ignored)."""
    tail = (1 - level) / 2 * 100
    lo, hi = np.nanpercentile(values, [tail, 100 - tail], axis=0)
    return [float(lo), float(hi)] if np.ndim(lo) == 0 else [lo.tolist(), hi.tolist()]


def sensitivity_uppers(window: tuple[int, int], tokens: int, count: int = 12) -> list[int]:
    """Upper ends for the γ-vs-window curve: log-spaced from a + 2 to N/2 − 1, including b."""
    a, b = window
    top = tokens // 2 - 1
    grid = np.unique(np.round(np.geomspace(a + 2, top, count)).astype(int)).tolist()
    return sorted(set(grid) | {b})
