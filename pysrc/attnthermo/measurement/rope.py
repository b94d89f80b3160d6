"""RoPE facts read from a model's config, and rescaling θ with the rotary embedding rebuilt.

In transformers 5.x the base lives in ``config.rope_parameters`` — either one dict
(``{"rope_theta": …}``) or one per layer type (Gemma 3: ``full_attention`` and
``sliding_attention``). Changing it does nothing until the rotary-embedding module is rebuilt,
so :func:`scaled_rope_theta` rebuilds every rotary module and checks that the inverse
frequencies really moved by the expected factor.

>>> from transformers import LlamaConfig, LlamaForCausalLM
>>> model = LlamaForCausalLM(LlamaConfig(num_hidden_layers=1, hidden_size=64, intermediate_size=64,
...                                      num_attention_heads=4, vocab_size=10))
>>> rope_thetas(model.config)
{'full_attention': 10000.0}
>>> with scaled_rope_theta(model, 4.0) as report:
...     report["full_attention"]["theta"], report["full_attention"]["frequencies_changed"]
(40000.0, True)
>>> rope_thetas(model.config)  # restored afterwards
{'full_attention': 10000.0}
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Iterator
from typing import Any

import torch

from attnthermo.errors import DomainError, ModelError

DEFAULT_LAYER_TYPE = "full_attention"


def _nested(params: dict) -> bool:
    return bool(params) and all(isinstance(v, dict) or v is None for v in params.values())


def rope_parameters(config: Any) -> dict[str, dict]:
    """RoPE parameters per layer type; ModelError for a model without RoPE."""
    params = getattr(config, "rope_parameters", None)
    if not params:
        raise ModelError(f"model type {getattr(config, 'model_type', '?')!r} has no RoPE "
                         "(config.rope_parameters is missing): RoPE facts cannot be given")
    if _nested(params):
        return {k: v for k, v in params.items() if v is not None}
    return {DEFAULT_LAYER_TYPE: params}


def rope_thetas(config: Any) -> dict[str, float]:
    """θ (``rope_theta``) per layer type."""
    out = {}
    for layer_type, params in rope_parameters(config).items():
        if "rope_theta" not in params:
            raise ModelError(f"RoPE parameters for {layer_type!r} carry no rope_theta: {params}")
        out[layer_type] = float(params["rope_theta"])
    return out


def layer_types(config: Any) -> list[str]:
    """The attention type of every layer (``full_attention`` when the config does not say)."""
    types = getattr(config, "layer_types", None)
    return list(types) if types else [DEFAULT_LAYER_TYPE] * config.num_hidden_layers


def _rotary_modules(model: torch.nn.Module) -> list[tuple[torch.nn.Module, str, torch.nn.Module]]:
    found = []
    for parent in model.modules():
        for name, child in parent.named_children():
            if type(child).__name__.endswith("RotaryEmbedding"):
                found.append((parent, name, child))
    if not found:
        raise ModelError(f"{type(model).__name__} has no rotary-embedding module to rebuild")
    return found


def _inv_freqs(module: torch.nn.Module) -> dict[str, torch.Tensor]:
    return {name: buf.detach().clone() for name, buf in module.named_buffers()
            if name.endswith("inv_freq") and "original" not in name}


def _set_thetas(config: Any, thetas: dict[str, float]) -> None:
    params = config.rope_parameters
    for layer_type, theta in thetas.items():
        target = params[layer_type] if _nested(params) else params
        target["rope_theta"] = theta


def _rebuild(model: torch.nn.Module) -> list[tuple[dict, dict]]:
    changes = []
    for parent, name, old in _rotary_modules(model):
        device = next(iter(old.buffers())).device
        new = type(old)(config=old.config).to(device)
        changes.append((_inv_freqs(old), _inv_freqs(new)))
        setattr(parent, name, new)
    return changes


@contextlib.contextmanager
def scaled_rope_theta(model: torch.nn.Module, factor: float) -> Iterator[dict[str, dict]]:
    """Multiply every RoPE θ by ``factor`` inside the block (rotary modules rebuilt and checked).

    Yields a report per layer type: the new θ, the expected and measured change of the
    inverse frequencies. Raises ModelError if the frequencies did not change as expected.
    """
    if not factor > 0:
        raise DomainError("theta_scale", factor, "the θ factor must be positive")
    config = model.config
    original = copy.deepcopy(config.rope_parameters)
    base = rope_thetas(config)
    _set_thetas(config, {k: v * factor for k, v in base.items()})
    try:
        changes = _rebuild(model)
        report = {}
        for layer_type, theta in base.items():
            report[layer_type] = {"theta_original": theta, "theta": theta * factor,
                                  "frequencies_changed": factor == 1.0}
        for before, after in changes:
            for buf_name, old in before.items():
                new = after[buf_name]
                dim = 2 * old.numel()
                expected = old * factor ** (-torch.arange(0, dim, 2, dtype=old.dtype) / dim)
                layer_type = buf_name.removesuffix("inv_freq").removesuffix("_") or None
                layer_type = layer_type if layer_type in report else next(iter(report))
                rope_type = rope_parameters(config)[layer_type].get("rope_type", "default")
                moved = not torch.equal(old, new) if factor != 1.0 else torch.equal(old, new)
                exact = torch.allclose(new, expected, rtol=1e-5) if rope_type == "default" else moved
                if not (moved and exact):
                    raise ModelError(f"rescaling θ by {factor} did not change the rotary "
                                     f"frequencies {buf_name!r} as expected")
                entry = report[layer_type]
                entry["frequencies_changed"] = True
                entry["rope_type"] = rope_type
                entry["max_relative_change"] = float(((new - old).abs() / old).max())
        yield report
    finally:
        config.rope_parameters = original
        _rebuild(model)
