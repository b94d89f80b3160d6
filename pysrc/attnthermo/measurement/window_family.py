"""Window families: the distance scales a claim is about, and γ fitted on each of their windows.

A member is written against the context length N, e.g. ``"[4, N/16]"`` or ``"[N/32, N/2)"``:
each end is an integer, ``N`` or ``N/k`` (k a positive integer, rounded down); ``]`` keeps the
upper end, ``)`` stops one below it. Resolved at a run's N it is a window [a, b] that
``fits.check_window`` accepts (1 ≤ a, b < N/2, b − a ≥ 2).

Every member is fitted from the per-prompt profiles the run already measured
(:class:`~attnthermo.measurement.result.PromptProfiles`: per layer type, the mean over that type's
layers and heads, one row per prompt) — no extra forward pass — pooled over the layers the
member uses, with the headline's bootstrap (same seed, same prompt resamples), so each member
carries its own resamples and a verdict can count its own agreement.

>>> [resolve(parse_member(m), 256) for m in DEFAULT_FAMILY]
[(4, 16), (4, 64), (8, 127)]
>>> [resolve(parse_member(m), 1024) for m in DEFAULT_FAMILY]
[(4, 64), (4, 256), (32, 511)]
>>> parse_member("[4, M/2]")
Traceback (most recent call last):
...
attnthermo.errors.DomainError: window='[4, M/2]': an end must be an integer, N or N/k (k a positive integer), not 'M/2'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from attnthermo.errors import DomainError
from attnthermo.measurement.fits import (
    bootstrap_means, check_window, gammas, interval, power_law_advantages,
)

DEFAULT_FAMILY = ("[4, N/16]", "[4, N/4]", "[N/32, N/2)")
# which layers a member pools: every layer whose mask reaches its upper end, only the global
# (full-attention) layers, or only the sliding-window layers (reported apart, never judged)
LAYER_CHOICES = ("reaching", "full_attention", "sliding_attention")

_MEMBER = re.compile(r"\s*\[\s*([^,\[\]()]+?)\s*,\s*([^,\[\]()]+?)\s*([\])])\s*")
_END = re.compile(r"(\d+)|N(?:\s*/\s*([1-9]\d*))?")


@dataclass(frozen=True)
class WindowSpec:
    """One member of a family: its text and its two ends, each (integer, None) or (None, k) for N/k."""

    text: str
    low: tuple[int | None, int | None]
    high: tuple[int | None, int | None]
    closed: bool  # "]": the upper end is a fitted distance; ")": it is not


def _end(text: str, member: str) -> tuple[int | None, int | None]:
    match = _END.fullmatch(text)
    if not match:
        raise DomainError("window", member, f"an end must be an integer, N or N/k (k a positive integer), not {text!r}")
    if match.group(1) is not None:
        return int(match.group(1)), None
    return None, int(match.group(2) or 1)


def parse_member(text: str) -> WindowSpec:
    """A member such as ``"[4, N/16]"`` (DomainError naming it when it is not one)."""
    if not isinstance(text, str):
        raise DomainError("window", text, 'expected text such as "[4, N/16]"')
    match = _MEMBER.fullmatch(text)
    if not match:
        raise DomainError("window", text, 'expected "[a, b]" or "[a, b)" with ends an integer, N or N/k')
    return WindowSpec(text, _end(match.group(1), text), _end(match.group(2), text), match.group(3) == "]")


def parse_family(members: list[str] | tuple[str, ...]) -> tuple[WindowSpec, ...]:
    """A non-empty family of distinct members."""
    if not isinstance(members, (list, tuple)) or not members:
        raise DomainError("windows", members, "a non-empty list of windows such as \"[4, N/16]\"")
    specs = tuple(parse_member(m) for m in members)
    if len({s.text.replace(" ", "") for s in specs}) != len(specs):
        raise DomainError("windows", list(members), "a window appears twice")
    return specs


def resolve(spec: WindowSpec, tokens: int) -> tuple[int, int]:
    """The window [a, b] this member means at context length N = ``tokens``."""
    def value(end: tuple[int | None, int | None]) -> int:
        return end[0] if end[0] is not None else tokens // int(end[1])

    a, b = value(spec.low), value(spec.high) - (0 if spec.closed else 1)
    try:
        return check_window((a, b), tokens)
    except DomainError as exc:
        raise DomainError("window", spec.text, f"at N = {tokens} it is [{a}, {b}]: {exc.reason}") from None


def curve_windows(tokens: int, count: int = 8) -> list[tuple[int, int]]:
    """Local windows [d, 4d] for the γ-against-window curve, d log-spaced from 2 to the reach N/2 − 1."""
    top = tokens // 2 - 1
    starts = np.unique(np.round(np.geomspace(2, max(3, top // 4), count)).astype(int)).tolist()
    return [(s, min(4 * s, top)) for s in starts if min(4 * s, top) - s >= 2]


def member_layers(layer_types: list[str] | tuple[str, ...], sliding_window: int | None, upper: int,
                  layers: str) -> list[int]:
    """The layers a member on [a, ``upper``] pools under the choice ``layers`` (see LAYER_CHOICES)."""
    if layers not in LAYER_CHOICES:
        raise DomainError("layers", layers, f"must be one of {', '.join(LAYER_CHOICES)}")
    reach = [i for i, t in enumerate(layer_types)
             if t != "sliding_attention" or (sliding_window is not None and upper < sliding_window)]
    if layers == "reaching":
        return reach
    if layers == "full_attention":
        return [i for i in reach if layer_types[i] != "sliding_attention"]
    return [i for i in reach if layer_types[i] == "sliding_attention"]


def fit_member(per_prompt, window: tuple[int, int], layers: str = "reaching") -> dict:
    """γ (with R² and resamples) and the power-law advantage on one window, from ``PromptProfiles``."""
    a, b = window
    used = member_layers(per_prompt.layer_types, per_prompt.sliding_window, b, layers)
    out = {"window": [a, b], "layers": used, "layer_choice": layers}
    if not used:
        return {**out, "gamma": None, "power_law_advantage": None,
                "reason": f"no {layers.replace('_', '-')} layer's attention reaches d = {b}"}
    counts: dict[str, int] = {}
    for i in used:
        counts[per_prompt.layer_types[i]] = counts.get(per_prompt.layer_types[i], 0) + 1
    total = sum(counts.values())
    pooled = sum(np.asarray(per_prompt.groups[t], dtype=np.float64) * (n / total) for t, n in counts.items())
    boot = bootstrap_means(pooled, per_prompt.bootstrap, per_prompt.seed)
    mean = pooled.mean(axis=0)
    g, _, r2 = gammas(mean, window)
    gb, _, r2b = gammas(boot, window)
    advantage = power_law_advantages(boot, window)
    return {**out, "gamma": {"value": float(g), "ci": interval(gb), "r2": float(r2),
                             "resamples": gb.tolist(), "r2_resamples": r2b.tolist()},
            "power_law_advantage": {"value": float(power_law_advantages(mean, window)),
                                    "ci": interval(advantage), "resamples": advantage.tolist()}}


def gamma_against_window(per_prompt, layers: str = "reaching") -> list[dict]:
    """γ with its CI on every local window [d, 4d] of the curve (summaries; empty where no layer reaches)."""
    fits = [fit_member(per_prompt, w, layers) for w in curve_windows(per_prompt.tokens)]
    return [summary(f) for f in fits if f["gamma"] is not None]


def summary(fit: dict) -> dict:
    """A member fit without its resamples (what a result shows and a plot draws)."""
    gamma = fit.get("gamma") or {}
    return {"window": fit["window"], "layers": fit["layers"], "layer_choice": fit["layer_choice"],
            "gamma": gamma.get("value"), "ci": gamma.get("ci", [None, None]), "r2": gamma.get("r2")}
