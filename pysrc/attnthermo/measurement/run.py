"""Step 3 of ``measure()``: load the model, run every prompt (and every θ factor), keep profiles.

The output, :class:`RunOutput`, is raw data: per-prompt attention profiles ``(K, L, H, N/2)``
and sink weights ``(K, L, H)`` for the model as trained and for each θ factor, the
architecture facts, the model's own names of its attention modules, and the facts about the
prompts. Turning those into numbers is the assembly step's job.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from attnthermo.errors import DomainError, ModelError
from attnthermo.measurement.corpus import PROMPT_CONSTRUCTION, prompt_token_ids, shuffled
from attnthermo.measurement.facts import architecture_facts
from attnthermo.measurement.models import (
    ModelSource, converted_checkpoint, load_model, stored_gguf_keys,
)
from attnthermo.measurement.prompt_store import PromptStore
from attnthermo.measurement.protocol import MeasurementProtocol, check_int
from attnthermo.measurement.rope import scaled_rope_theta
from attnthermo.measurement.streaming import ATTENTION_NAME, DistanceAccumulator, use_streaming_attention


@dataclass
class ScanRun:
    """The profiles of one θ factor, with the rotary-embedding report of the rescaling."""

    scale: float
    rope: dict
    profiles: np.ndarray
    sinks: np.ndarray


@dataclass
class RunOutput:
    """Everything the forward passes produced, before any fitting."""

    facts: dict
    modules: list[str]
    profiles: np.ndarray
    sinks: np.ndarray
    scan: list[ScanRun] = field(default_factory=list)
    prompt_facts: dict = field(default_factory=dict)


def pick_device(device: str) -> str:
    """"auto" → CUDA when present, else CPU; "cpu", "cuda" or "cuda:N" checked."""
    import torch

    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device == "cpu" or device == "cuda" or device.startswith("cuda:"):
        if device.startswith("cuda") and not torch.cuda.is_available():
            raise DomainError("device", device, "CUDA is not available on this machine")
        return device
    raise DomainError("device", device, "expected 'auto', 'cpu' or 'cuda'")


def attention_modules(model: Any) -> list[str]:
    """The model's own name of each layer's attention module, by layer index."""
    names: dict[int, str] = {}
    for name, module in model.named_modules():
        layer = getattr(module, "layer_idx", None)
        if layer is not None and hasattr(module, "head_dim") and layer not in names:
            names[layer] = name
    count = model.config.num_hidden_layers
    return [names.get(i, f"layer {i} (attention module not found by name)") for i in range(count)]


def _random_init(config: Any, seed: int) -> Any:
    import torch
    from transformers import AutoModelForCausalLM

    torch.manual_seed(seed)
    return AutoModelForCausalLM.from_config(config, dtype=torch.float32,
                                            attn_implementation="eager").eval()


def run_prompts(model: Any, prompt_ids: list[list[int]], device: str, chunk: int,
                done: Callable[[int, np.ndarray, np.ndarray], None],
                before_pass: Callable[[], None] = lambda: None) -> None:
    """One forward pass per prompt; ``before_pass()`` before each, ``done(k, profile (L, H, N/2),
    sink (L, H))`` after each."""
    import torch

    config = model.config
    body = model.base_model  # the transformer body: the LM head plays no part in attention
    for k, ids in enumerate(prompt_ids):
        before_pass()
        acc = DistanceAccumulator(config.num_hidden_layers, config.num_attention_heads, len(ids), chunk)
        with acc, torch.no_grad():
            body(input_ids=torch.tensor([ids], device=device), use_cache=False)
        done(k, acc.profile(), acc.sink())


def stored_or_run(model: Any, prompt_ids: list[list[int]], factor: float, device: str, chunk: int,
                  store: PromptStore | None, tick: Callable[[str], None],
                  before_pass: Callable[[], None] = lambda: None) -> tuple[np.ndarray, np.ndarray]:
    """Per-prompt profiles (K, L, H, N/2) and sinks (K, L, H): the stored ones read, the rest run.

    Each prompt's sums are stored as soon as its forward pass ends, so a killed run resumes at
    its next prompt. ``tick(how)`` once per prompt ("stored" or "measured").
    """
    sums: list[tuple[np.ndarray, np.ndarray] | None] = [
        store.get(ids, factor) if store is not None else None for ids in prompt_ids]
    missing = [k for k, found in enumerate(sums) if found is None]
    for _ in range(len(prompt_ids) - len(missing)):
        tick("stored")

    def done(i: int, profile: np.ndarray, sink: np.ndarray) -> None:
        k = missing[i]
        if store is not None:
            store.put(prompt_ids[k], factor, profile, sink)
        sums[k] = (profile, sink)
        tick("measured")

    if missing:
        run_prompts(model, [prompt_ids[k] for k in missing], device, chunk, done, before_pass)
    return np.stack([p for p, _ in sums]), np.stack([s for _, s in sums])


def _thread_counts(counts: list[int], device: str) -> int | list[int] | None:
    """The CPU thread count of the passes (the counts in order when it changed; None off the CPU)."""
    import torch

    if device != "cpu":
        return None
    if len(counts) > 1:
        return counts
    return counts[0] if counts else torch.get_num_threads()


@functools.lru_cache(maxsize=2)
def loaded_model(checkpoint: Path, device: str) -> tuple[Any, Any]:
    """(model, tokenizer), kept for the next protocol on the same model in this process.

    A Gemma-3 tokenizer alone takes seconds to load; the audit runs three protocols per model.
    Every run leaves the model as it found it (θ rescaling restores on exit; the streaming
    attention computes the eager output).
    """
    return load_model(checkpoint, device)


def run(source: ModelSource, protocol: MeasurementProtocol, docs: Sequence[str], device: str,
        say: Callable[[str], None] | None, tick: Callable[[float, str], None],
        store: PromptStore | None = None, threads: Callable[[], int] | None = None) -> RunOutput:
    """Load ``source`` on ``device`` and run the protocol's prompts for every θ factor.

    ``store`` (None: nothing read or written) supplies the prompts already measured under the
    same weights; ``tick(factor, how)`` once per prompt; ``threads()`` (None: torch's setting)
    gives the CPU threads before each forward pass. The prompt facts record the thread counts
    the passes ran with (one number, or the counts in the order used when they changed).
    """
    import torch

    checkpoint = converted_checkpoint(source, say)
    net, tokenizer = loaded_model(checkpoint, device)
    facts = architecture_facts(net.config, stored_gguf_keys(checkpoint))
    if protocol.theta_scales and facts["rope_theta"] is None:
        raise ModelError(f"model {source.name!r} has no RoPE: θ rescaling is not defined")
    if protocol.tokens > facts["context_length"]:
        raise DomainError("tokens", protocol.tokens,
                          f"larger than the model's context length {facts['context_length']}")
    modules = attention_modules(net)
    if protocol.control == "random-init":
        net = _random_init(net.config, protocol.seed).to(device)
    use_streaming_attention(net)
    torch.manual_seed(protocol.seed)

    prompt_ids = prompt_token_ids(tokenizer, docs, protocol.prompts, protocol.tokens, protocol.seed)
    if protocol.control == "shuffled":
        prompt_ids = [shuffled(ids, protocol.seed, k) for k, ids in enumerate(prompt_ids)]
    counts: list[int] = []

    def before_pass() -> None:
        if device == "cpu":
            if threads is not None:
                torch.set_num_threads(check_int("threads", threads(), 1))
            if torch.get_num_threads() not in counts:
                counts.append(torch.get_num_threads())

    profiles, sinks = stored_or_run(net, prompt_ids, 1.0, device, protocol.chunk, store,
                                    lambda how: tick(1.0, how), before_pass)
    scan = []
    for factor in [f for f in protocol.theta_scales if f != 1.0]:
        with scaled_rope_theta(net, factor) as rope_report:
            p, s = stored_or_run(net, prompt_ids, factor, device, protocol.chunk, store,
                                 lambda how, f=factor: tick(f, how), before_pass)
        scan.append(ScanRun(factor, rope_report, p, s))
    bos = getattr(tokenizer, "bos_token_id", None)
    prompt_facts = {
        "bos_prepended": bos is not None and all(ids[0] == bos for ids in prompt_ids),
        "prompt_construction": PROMPT_CONSTRUCTION,
        "threads": _thread_counts(counts, device),
        "attention": f"{ATTENTION_NAME} (query-chunked softmax(QKᵀ) with the model's mask)",
    }
    return RunOutput(facts, modules, profiles, sinks, scan, prompt_facts)
