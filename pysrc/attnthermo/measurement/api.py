"""``attnthermo.measure``: γ of attention decay measured on a real model, with its protocol.

The protocol:
queries in [N/2, N), distances d < N/2 (the same queries for every distance); key 0's weight
reported as the sink mass and never in the fit; A(d) per layer and head, pooled over the layers
that reach the whole window; a least-squares fit of log A on log d over the stated window,
R², a percentile bootstrap over prompts, the γ-vs-window curve and a power-law vs exponential
comparison. Controls (random weights, shuffled tokens) and the θ-rescaling run by the same code.

Example on a tiny randomly initialised Llama checkpoint (saved to a temporary directory):

>>> import tempfile, torch
>>> from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast
>>> from tokenizers import Tokenizer, models, pre_tokenizers
>>> tmp = tempfile.mkdtemp()
>>> tok = Tokenizer(models.WordLevel({"[UNK]": 0}, unk_token="[UNK]"))
>>> tok.pre_tokenizer = pre_tokenizers.Whitespace()
>>> PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]").save_pretrained(tmp) and None
>>> torch.manual_seed(0) and None
>>> LlamaForCausalLM(LlamaConfig(num_hidden_layers=2, hidden_size=64, intermediate_size=128,
...     num_attention_heads=4, vocab_size=8)).save_pretrained(tmp)
>>> r = measure(tmp, tokens=64, prompts=3, window=(2, 20), progress=False, use_cache=False)
>>> r.window, abs(r.gamma) < 0.1
((2, 20), True)
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import sys
from collections.abc import Sequence
from typing import Any

import numpy as np

from attnthermo import __version__
from attnthermo.errors import DomainError, ModelError
from attnthermo.measurement.analysis import analyse
from attnthermo.measurement.corpus import (
    corpus_sha256, documents_from, prompt_token_ids, shuffled,
)
from attnthermo.measurement.facts import architecture_facts
from attnthermo.measurement.fits import check_window, pade_gamma
from attnthermo.measurement.models import (
    converted_checkpoint, load_model, resolve_model, stored_gguf_keys,
)
from attnthermo.measurement.result import SCHEMA_VERSION, MeasurementResult
from attnthermo.measurement.rope import scaled_rope_theta
from attnthermo.measurement.streaming import (
    DEFAULT_CHUNK, DistanceAccumulator, use_streaming_attention,
)
from attnthermo.paths import cache_dir

CONTROLS = ("random-init", "shuffled")
DEFAULTS = {"tokens": 1024, "prompts": 8}
QUICK = {"tokens": 256, "prompts": 4, "window": (4, 64)}
BOOTSTRAP = 1000


def default_window(tokens: int) -> tuple[int, int]:
    """The window used when none is given: d from 4 to N/4 (reported with every result)."""
    return (4, max(6, tokens // 4))


def _device(device: str) -> str:
    import torch

    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device == "cpu" or device == "cuda" or device.startswith("cuda:"):
        if device.startswith("cuda") and not torch.cuda.is_available():
            raise DomainError("device", device, "CUDA is not available on this machine")
        return device
    raise DomainError("device", device, "expected 'auto', 'cpu' or 'cuda'")


def _versions() -> dict[str, str]:
    import safetensors
    import torch
    import transformers

    return {"attnthermo": __version__, "torch": torch.__version__,
            "transformers": transformers.__version__, "safetensors": safetensors.__version__,
            "numpy": np.__version__, "python": platform.python_version()}


def _check_int(name: str, value: Any, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise DomainError(name, value, "expected an integer")
    if value < minimum:
        raise DomainError(name, value, f"must be ≥ {minimum}")
    return int(value)


def _random_init(config: Any, seed: int) -> Any:
    import torch
    from transformers import AutoModelForCausalLM

    torch.manual_seed(seed)
    return AutoModelForCausalLM.from_config(config, dtype=torch.float32,
                                            attn_implementation="eager").eval()


def _run_prompts(model: Any, prompt_ids: list[list[int]], device: str, chunk: int,
                 bar: Any) -> tuple[np.ndarray, np.ndarray]:
    """Per-prompt profiles (K, L, H, N/2) and sink weights (K, L, H), one forward pass each."""
    import torch

    config = model.config
    body = model.base_model  # the transformer body: the LM head plays no part in attention
    profiles, sinks = [], []
    for ids in prompt_ids:
        acc = DistanceAccumulator(config.num_hidden_layers, config.num_attention_heads, len(ids), chunk)
        with acc, torch.no_grad():
            body(input_ids=torch.tensor([ids], device=device), use_cache=False)
        profiles.append(acc.profile())
        sinks.append(acc.sink())
        bar.update(1)
    return np.stack(profiles), np.stack(sinks)


def _pade(facts: dict, tokens: int, scale: float = 1.0) -> dict | None:
    thetas = facts["rope_theta"]
    if not thetas:
        return None
    theta = thetas.get("full_attention", next(iter(thetas.values()))) * scale
    T = facts["context_length"]
    return {"theta": theta, "theta_layer_type": "full_attention" if "full_attention" in thetas
            else next(iter(thetas)),
            "formula": "(2θ − T√2)/(2θ + T√2)",
            "T_trained": T, "gamma_trained_context": pade_gamma(theta, T),
            "T_measured": tokens, "gamma_measured_N": pade_gamma(theta, tokens)}


def measure(
    model: str | os.PathLike = "smollm2",
    tokens: int | None = None,
    prompts: int | None = None,
    window: tuple[int, int] | None = None,
    device: str = "auto",
    control: str | None = None,
    theta_scales: Sequence[float] = (),
    per_head: bool = False,
    seed: int = 0,
    *,
    quick: bool = False,
    text: str | Sequence[str] | None = None,
    bootstrap: int = BOOTSTRAP,
    threads: int | None = None,
    chunk: int = DEFAULT_CHUNK,
    use_cache: bool = True,
    progress: bool = True,
) -> MeasurementResult:
    """Measure attention decay A(d) ∝ d^−γ on ``model`` ("smollm2", "gemma3-270m" or a path).

    ``tokens`` N per prompt (default 1024; 256 with ``quick``), ``prompts`` K (default 8; 4),
    ``window`` (a, b) of distances for the fit with 1 ≤ a < b < N/2 (default (4, N/4);
    (4, 64) with ``quick``), ``control`` None, "random-init" or "shuffled", ``theta_scales``
    extra runs with every RoPE θ multiplied by each factor, ``text`` your own documents
    instead of the shipped prose. Results are cached by model hash, protocol and versions.
    """
    base = QUICK if quick else DEFAULTS
    tokens = _check_int("tokens", base["tokens"] if tokens is None else tokens, 8)
    prompts = _check_int("prompts", base["prompts"] if prompts is None else prompts, 2)
    bootstrap = _check_int("bootstrap", bootstrap, 10)
    seed = _check_int("seed", seed, 0)
    chunk = _check_int("chunk", chunk, 1)
    if window is None:
        window = QUICK["window"] if quick and tokens // 2 > QUICK["window"][1] else default_window(tokens)
    window = check_window(window, tokens)
    if control not in (None, *CONTROLS):
        raise DomainError("control", control, f"expected one of {', '.join(CONTROLS)} (or none)")
    scales = []
    for f in theta_scales:
        if not isinstance(f, (int, float)) or not f > 0 or not np.isfinite(f):
            raise DomainError("theta_scales", f, "every θ factor must be a positive number")
        scales.append(float(f))
    device = _device(device)
    docs = documents_from(text)
    source = resolve_model(model)

    import torch

    versions = _versions()
    protocol = {
        "tokens": tokens, "prompts": prompts, "window": list(window),
        "query_window": [tokens - tokens // 2, tokens], "distances": [0, tokens // 2],
        "control": control, "theta_scales": scales, "per_head": per_head, "seed": seed,
        "bootstrap": bootstrap, "ci_level": 0.95, "device_type": device.split(":")[0],
        "dtype": "float32", "text": "shipped corpus" if text is None else "caller's text",
        "text_sha256": corpus_sha256(docs),
    }
    key_material = {"model_sha256": source.sha256, "protocol": protocol, "versions": versions,
                    "schema_version": SCHEMA_VERSION}
    cache_key = hashlib.sha256(json.dumps(key_material, sort_keys=True).encode()).hexdigest()
    cache_file = cache_dir("measurements") / f"{cache_key}.json"
    if use_cache and cache_file.is_file():
        return MeasurementResult.from_json(cache_file.read_text(encoding="utf-8"))

    say = (lambda msg: print(msg, file=sys.stderr)) if progress else None
    if threads is not None:
        torch.set_num_threads(_check_int("threads", threads, 1))
    checkpoint = converted_checkpoint(source, say)
    net, tokenizer = load_model(checkpoint, device)
    facts = architecture_facts(net.config, stored_gguf_keys(checkpoint))
    if scales and facts["rope_theta"] is None:
        raise ModelError(f"model {source.name!r} has no RoPE: θ rescaling is not defined")
    if tokens > facts["context_length"]:
        raise DomainError("tokens", tokens,
                          f"larger than the model's context length {facts['context_length']}")
    if control == "random-init":
        net = _random_init(net.config, seed).to(device)
    use_streaming_attention(net)
    torch.manual_seed(seed)

    prompt_ids = prompt_token_ids(tokenizer, docs, prompts, tokens)
    if control == "shuffled":
        prompt_ids = [shuffled(ids, seed, k) for k, ids in enumerate(prompt_ids)]
    bos = getattr(tokenizer, "bos_token_id", None)
    protocol.update({
        "bos_prepended": bos is not None and all(ids[0] == bos for ids in prompt_ids),
        "prompt_construction": "prompt k = documents from k onward, wrapping round, "
                               "joined by blank lines, cut to N tokens",
        "threads": torch.get_num_threads() if device == "cpu" else None,
        "attention": "attnthermo_streaming (query-chunked softmax(QKᵀ) with the model's mask)",
        "chunk": chunk,
    })

    from tqdm.auto import tqdm

    runs = [1.0] + [f for f in scales if f != 1.0]
    common = {"window": window, "tokens": tokens, "layer_types": facts["layer_types"],
              "sliding_window": facts["sliding_window"], "bootstrap": bootstrap, "seed": seed}
    with tqdm(total=len(runs) * prompts, desc=f"measure {source.name}", unit="prompt",
              disable=not progress) as bar:
        profiles, sinks = _run_prompts(net, prompt_ids, device, chunk, bar)
        main = analyse(profiles, sinks, per_head=per_head, **common)
        scan = []
        for factor in runs[1:]:
            with scaled_rope_theta(net, factor) as freq_report:
                p, s = _run_prompts(net, prompt_ids, device, chunk, bar)
            row = analyse(p, s, per_head=False, **common)
            scan.append({"scale": factor, "rope": freq_report, "gamma": row["gamma"],
                         "sink_mass": row["sink_mass"], "layer_groups": row["layer_groups"],
                         "pade": _pade(facts, tokens, factor)})
    if scan:
        scan.insert(0, {"scale": 1.0, "rope": {t: {"theta": v, "theta_original": v,
                                                   "frequencies_changed": False}
                                               for t, v in facts["rope_theta"].items()},
                        "gamma": main["gamma"], "sink_mass": main["sink_mass"],
                        "layer_groups": main["layer_groups"], "pade": _pade(facts, tokens)})
        for row in scan:
            row["gamma"] = {k: v for k, v in row["gamma"].items() if k != "band"}
        scan.sort(key=lambda row: row["scale"])

    notes = [f"Weights: {source.note}."]
    if facts["not_stored_in_file"]:
        notes.append("Not stored in the model file, taken from transformers defaults: "
                     + ", ".join(facts["not_stored_in_file"]) + ".")
    if control == "random-init":
        notes.append(f"Control: the same architecture with random weights (torch seed {seed}); "
                     "γ should be ≈ 0 if the estimator is unbiased.")
    if control == "shuffled":
        notes.append("Control: every prompt's tokens shuffled after position 0.")
    sliding = [i for i, t in enumerate(facts["layer_types"]) if t == "sliding_attention"]
    if sliding and set(sliding) - set(main["gamma"]["pooled_layers"]):
        notes.append(f"Sliding-window layers (window {facts['sliding_window']}) cannot see the "
                     "whole fit window and are left out of the pooled γ; see layer_groups.")
    data = {
        "schema_version": SCHEMA_VERSION,
        "model": {"name": source.name, "kind": source.kind, "path": str(source.path),
                  "sha256": source.sha256, "weights": source.note},
        "config": facts,
        "protocol": protocol,
        "gamma": main["gamma"],
        "decay_model_comparison": main["decay_model_comparison"],
        "sensitivity": main["sensitivity"],
        "sink_mass": main["sink_mass"],
        "layers": main["layers"],
        "layer_groups": main["layer_groups"],
        "heads": main["heads"],
        "profile": main["profile"],
        "pade": _pade(facts, tokens),
        "theta_scan": scan or None,
        "versions": versions,
        "seed": seed,
        "notes": notes,
        "cache_key": cache_key,
    }
    result = MeasurementResult.from_json(MeasurementResult(data).to_json())
    if use_cache:
        tmp = cache_file.with_suffix(f".tmp{os.getpid()}")
        result.to_json(tmp)
        tmp.replace(cache_file)
    return result
