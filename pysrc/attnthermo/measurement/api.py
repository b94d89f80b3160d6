"""``attnthermo.measure``: γ of attention decay measured on a real model, with its protocol.

The protocol:
queries in [N/2, N), distances d < N/2 (the same queries for every distance); key 0's weight
reported as the sink mass and never in the fit; A(d) per layer and head, pooled over the layers
that reach the whole window; a least-squares fit of log A on log d over the stated window,
R², a percentile bootstrap over prompts, the γ-vs-window curve and a power-law vs exponential
comparison. Controls (random weights, shuffled tokens) and the θ-rescaling run by the same code.

``measure()`` is four steps, one module each: :mod:`~attnthermo.measurement.protocol` (check
the arguments, write the protocol down), :mod:`~attnthermo.measurement.cache` (return the
stored result for the same model hash, protocol and versions), :mod:`~attnthermo.measurement.run`
(load the model, the forward passes) and :mod:`~attnthermo.measurement.assemble` (fits, names,
notes → :class:`~attnthermo.measurement.result.MeasurementResult`).

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
>>> r.window, abs(r.gamma) < 0.1, r.layers[1].module
((2, 20), True, 'model.layers.1.self_attn')
"""

from __future__ import annotations

import os
import platform
import sys
from collections.abc import Callable, Sequence

import numpy as np

from attnthermo import __version__
from attnthermo.defaults import DEFAULT_MODEL, MEASUREMENT
from attnthermo.measurement.assemble import assemble
from attnthermo.measurement.cache import cache_key, cached_result, store_result
from attnthermo.measurement.corpus import corpus_sha256, documents_from
from attnthermo.measurement.models import resolve_model
from attnthermo.measurement.prompt_store import PromptStore
from attnthermo.measurement.protocol import MeasurementProtocol, check_int, resolve_protocol
from attnthermo.measurement.result import MeasurementResult
from attnthermo.measurement.run import pick_device, run
from attnthermo.measurement.streaming import ATTENTION_NAME
from attnthermo.paths import cache_dir


def package_versions() -> dict[str, str]:
    """The versions a measurement depends on (part of its cache key)."""
    import safetensors
    import torch
    import transformers

    return {"attnthermo": __version__, "torch": torch.__version__,
            "transformers": transformers.__version__, "safetensors": safetensors.__version__,
            "numpy": np.__version__, "python": platform.python_version()}


def prompt_store(model_sha256: str, protocol: MeasurementProtocol, device: str, versions: dict,
                 refresh: bool) -> PromptStore:
    """The per-prompt store for these weights and settings (``refresh``: write only, read nothing)."""
    weights = f"random-init, torch seed {protocol.seed}" if protocol.control == "random-init" else "trained"
    return PromptStore(cache_dir("measurements", "prompts"), {
        "model_sha256": model_sha256, "weights": weights, "chunk": protocol.chunk, "dtype": protocol.dtype,
        "device_type": device.split(":")[0], "attention": ATTENTION_NAME, "versions": versions},
        reuse=not refresh)


def measure(
    model: str | os.PathLike = DEFAULT_MODEL,
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
    bootstrap: int = MEASUREMENT.bootstrap,
    threads: int | Callable[[], int] | None = None,
    chunk: int = MEASUREMENT.chunk,
    use_cache: bool = True,
    refresh: bool = False,
    progress: bool = True,
) -> MeasurementResult:
    """Measure attention decay A(d) ∝ d^−γ on ``model`` ("smollm2", "gemma3-270m" or a path).

    ``tokens`` N per prompt, ``prompts`` K, ``window`` (a, b) of distances for the fit with
    1 ≤ a < b < N/2 (defaults: :data:`attnthermo.defaults.MEASUREMENT`, full or with ``quick``
    the quick setting), ``control`` None, "random-init" or "shuffled", ``theta_scales``
    extra runs with every RoPE θ multiplied by each factor, ``seed`` the prompt draw (0: the
    documents in file order), the bootstrap and the controls, ``text`` your own documents
    instead of the shipped prose. Results are cached by model hash, protocol and versions, and
    so is every prompt's forward pass (``prompt_store``: a killed run resumes at its next prompt;
    another window or protocol on the same prompts runs no forward pass again). ``use_cache=False``
    reads and writes neither; ``refresh=True`` re-measures everything and stores it anew.
    ``threads``: CPU threads for the forward passes, or a function giving them before each pass
    (the audit lends its Lean check's core back the moment the check ends).
    """
    protocol = resolve_protocol(tokens, prompts, window, control, theta_scales, per_head, seed,
                                quick=quick, bootstrap=bootstrap, chunk=chunk)
    device = pick_device(device)
    docs = documents_from(text)
    source = resolve_model(model)
    versions = package_versions()
    recorded = {**protocol.as_dict(), "device_type": device.split(":")[0],
                "text": "shipped corpus" if text is None else "caller's text",
                "text_sha256": corpus_sha256(docs)}
    key = cache_key(source.sha256, recorded, versions)
    if use_cache and not refresh and (hit := cached_result(key)) is not None:
        return hit

    import torch
    from tqdm.auto import tqdm

    if threads is not None and not callable(threads):
        torch.set_num_threads(check_int("threads", threads, 1))
    say = (lambda msg: print(msg, file=sys.stderr)) if progress else None
    factors = [1.0] + [f for f in protocol.theta_scales if f != 1.0]
    store = prompt_store(source.sha256, protocol, device, versions, refresh) if use_cache else None
    what = f"{source.name} {protocol.control or 'trained'}"
    done = {f: 0 for f in factors}

    with tqdm(total=len(factors) * protocol.prompts, desc=f"measure {what}", unit="prompt",
              disable=not progress, file=sys.stderr, dynamic_ncols=True) as bar:
        def tick(factor: float, how: str) -> None:
            done[factor] += 1
            bar.set_description_str(f"measure {what} θ×{factor:g} prompt {done[factor]}/{protocol.prompts}"
                                    + (" (stored)" if how == "stored" else ""), refresh=False)
            bar.update(1)

        out = run(source, protocol, docs, device, say, tick, store, threads if callable(threads) else None)
    result = assemble(source, protocol, recorded, out, versions, key)
    if use_cache:
        store_result(result)
    return result
