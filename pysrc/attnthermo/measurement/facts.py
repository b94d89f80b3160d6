"""Architecture facts read from a model's config, each with where it came from.

For a converted GGUF the source is ``"gguf"`` when the file stores the value and
``"transformers default (not stored in the GGUF)"`` otherwise (e.g. Gemma 3's local-layer θ);
for a Hugging Face checkpoint it is ``"config.json"``.

>>> from transformers import LlamaConfig
>>> f = architecture_facts(LlamaConfig(num_hidden_layers=2, hidden_size=64, num_attention_heads=4,
...                                    num_key_value_heads=2), gguf_keys=None)
>>> f["head_dim"], f["gqa_groups"], f["rope_theta"], f["sources"]["rope_theta"]
(16, 2, {'full_attention': 10000.0}, 'config.json')
"""

from __future__ import annotations

from typing import Any

from attnthermo.errors import ModelError
from attnthermo.measurement.rope import layer_types, rope_thetas

_DEFAULT = "transformers default (not stored in the GGUF)"


def _gguf_key(config: Any, keys: set[str], suffix: str) -> bool:
    arch = {"gemma3_text": "gemma3"}.get(config.model_type, config.model_type)
    return f"{arch}.{suffix}" in keys


def architecture_facts(config: Any, gguf_keys: set[str] | None) -> dict:
    """Layers, heads, head dim, GQA groups, context, θ per layer type, windows, with sources."""
    heads = config.num_attention_heads
    kv_heads = getattr(config, "num_key_value_heads", None) or heads
    head_dim = getattr(config, "head_dim", None) or config.hidden_size // heads
    types = layer_types(config)
    try:
        thetas: dict[str, float] | None = rope_thetas(config)
    except ModelError:
        thetas = None  # no RoPE: asking for RoPE facts later raises
    window = getattr(config, "sliding_window", None)
    has_sliding = any(t == "sliding_attention" for t in types)
    facts = {
        "model_type": config.model_type,
        "num_layers": config.num_hidden_layers,
        "num_heads": heads,
        "num_kv_heads": kv_heads,
        "gqa_groups": heads // kv_heads,
        "head_dim": head_dim,
        "hidden_size": config.hidden_size,
        "context_length": config.max_position_embeddings,
        "rope_theta": thetas,
        "layer_types": types,
        "sliding_window": window if has_sliding else None,
        "attn_logit_softcapping": getattr(config, "attn_logit_softcapping", None),
        "query_pre_attn_scalar": getattr(config, "query_pre_attn_scalar", None),
    }
    if gguf_keys is None:
        sources = {name: "config.json" for name in facts}
    else:
        stored = {
            "num_layers": "block_count", "num_heads": "attention.head_count",
            "num_kv_heads": "attention.head_count_kv", "head_dim": "attention.key_length",
            "hidden_size": "embedding_length", "context_length": "context_length",
            "sliding_window": "attention.sliding_window",
        }
        sources = {name: "gguf" if _gguf_key(config, gguf_keys, key) else _DEFAULT
                   for name, key in stored.items()}
        if sources["head_dim"] != "gguf" and _gguf_key(config, gguf_keys, "embedding_length"):
            sources["head_dim"] = "derived: hidden_size / num_heads"
        sources["gqa_groups"] = "derived: num_heads / num_kv_heads"
        base_stored = _gguf_key(config, gguf_keys, "rope.freq_base")
        if thetas is None:
            sources["rope_theta"] = "no RoPE in this model"
        elif len(thetas) == 1:
            sources["rope_theta"] = "gguf" if base_stored else _DEFAULT
        else:  # the file has one freq_base: the global layers'; the local θ is a library default
            sources["rope_theta"] = {t: ("gguf" if base_stored and t == "full_attention" else _DEFAULT)
                                     for t in thetas}
        sources["layer_types"] = _DEFAULT if len(set(types)) > 1 else "derived: no sliding layers"
        for name in ("model_type", "attn_logit_softcapping", "query_pre_attn_scalar"):
            sources[name] = "gguf architecture + transformers defaults"
        if not has_sliding:
            sources["sliding_window"] = "not used: no sliding-window layers"
    facts["sources"] = sources
    facts["not_stored_in_file"] = sorted(
        name for name, src in sources.items()
        if src == _DEFAULT or (isinstance(src, dict) and _DEFAULT in src.values()))
    return facts
