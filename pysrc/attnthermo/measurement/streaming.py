"""Streaming per-distance attention sums: softmax(QKᵀ) in query chunks, never N×N for all heads.

The attention function registered here (``ATTENTION_NAME``) replaces the model's eager
attention. It keeps the model's own masking (the boolean causal / sliding-window mask that
transformers builds for it), scaling and optional logit softcap, returns the same output as
eager attention, and — while a :class:`DistanceAccumulator` is active — adds each layer's
attention weights, per head and per distance ``d = i - j``, over the fixed query window
``i ∈ [N - D, N)``, ``d ∈ [0, D)`` with ``D = N // 2``. Every distance is therefore averaged
over the same ``D`` queries, and key 0 (the sink) never falls inside the distance window; its
weight is summed separately as the sink mass.

Example (a tiny randomly initialised Llama, streaming equals the full attention matrix):

>>> import torch
>>> from transformers import LlamaConfig, LlamaForCausalLM
>>> from attnthermo.measurement.streaming import DistanceAccumulator, use_streaming_attention
>>> torch.manual_seed(0) and None
>>> cfg = LlamaConfig(num_hidden_layers=2, hidden_size=64, intermediate_size=128,
...                   num_attention_heads=4, num_key_value_heads=2, vocab_size=100)
>>> model = use_streaming_attention(LlamaForCausalLM(cfg).eval())
>>> ids = torch.randint(0, 100, (1, 32))
>>> with DistanceAccumulator(num_layers=2, num_heads=4, tokens=32) as acc, torch.no_grad():
...     _ = model(ids)
>>> acc.profile().shape  # (layers, heads, distances): mean weight at distance d
(2, 4, 16)
>>> bool((acc.profile().sum(-1) + acc.sink() <= 1 + 1e-6).all())  # d < N/2, plus key 0
True
"""

from __future__ import annotations

import contextvars
from typing import Any

import numpy as np
import torch

from attnthermo.errors import DomainError

ATTENTION_NAME = "attnthermo_streaming"
DEFAULT_CHUNK = 128

_ACTIVE: contextvars.ContextVar[DistanceAccumulator | None] = contextvars.ContextVar(
    "attnthermo_distance_accumulator", default=None
)


class DistanceAccumulator:
    """Per-layer, per-head sums of attention weight at each distance over the fixed query window.

    Active inside a ``with`` block; every forward pass through a model using the streaming
    attention adds to it. ``profile()`` is the mean weight per (layer, head, distance) over
    all queries seen; ``sink()`` the mean weight on key 0 per (layer, head).
    """

    def __init__(self, num_layers: int, num_heads: int, tokens: int, chunk: int = DEFAULT_CHUNK):
        if chunk < 1:
            raise DomainError("chunk", chunk, "query chunk size must be a positive integer")
        if tokens < 4:
            raise DomainError("tokens", tokens, "need at least 4 tokens for a query window")
        self.num_layers = num_layers
        self.num_heads = num_heads
        self.tokens = tokens
        self.chunk = chunk
        self.distances = tokens // 2
        self.query_start = tokens - self.distances
        self._sums = np.zeros((num_layers, num_heads, self.distances), dtype=np.float64)
        self._sink = np.zeros((num_layers, num_heads), dtype=np.float64)
        self._queries = np.zeros(num_layers, dtype=np.int64)
        self._token: contextvars.Token | None = None

    def __enter__(self) -> DistanceAccumulator:
        self._token = _ACTIVE.set(self)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._token is not None:
            _ACTIVE.reset(self._token)
            self._token = None

    def add(self, layer: int, per_distance: torch.Tensor, sink: torch.Tensor, queries: int) -> None:
        """Add summed weights ``per_distance`` (heads, D) and ``sink`` (heads,) over ``queries``."""
        self._sums[layer] += per_distance.detach().to("cpu", torch.float64).numpy()
        self._sink[layer] += sink.detach().to("cpu", torch.float64).numpy()
        self._queries[layer] += queries

    def _check_complete(self) -> None:
        if (self._queries == 0).any():
            missing = np.flatnonzero(self._queries == 0).tolist()
            raise RuntimeError(f"no attention recorded for layers {missing}: is the model "
                               f"using the {ATTENTION_NAME!r} attention implementation?")

    def profile(self) -> np.ndarray:
        """Mean attention weight A[layer, head, d] for d in [0, N//2)."""
        self._check_complete()
        return self._sums / self._queries[:, None, None]

    def sink(self) -> np.ndarray:
        """Mean attention weight on key 0, per (layer, head)."""
        self._check_complete()
        return self._sink / self._queries[:, None]


def streaming_attention(
    module: torch.nn.Module,
    query: torch.Tensor,
    key: torch.Tensor,
    value: torch.Tensor,
    attention_mask: torch.Tensor | None,
    scaling: float | None = None,
    dropout: float = 0.0,
    softcap: float | None = None,
    **kwargs: Any,
) -> tuple[torch.Tensor, None]:
    """Eager-equivalent attention computed in query chunks, feeding the active accumulator.

    ``query`` is (B, H, N, Dh), ``key``/``value`` (B, Hkv, N, Dh); ``attention_mask`` a boolean
    (True = attend) or additive mask broadcastable to (B, H, N, N), or None (plain causal).
    Returns the attention output as (B, N, H, Dh) and no weights.
    """
    if dropout and module.training:
        raise DomainError("dropout", dropout, "the streaming attention is for evaluation only")
    if scaling is None:
        scaling = module.head_dim**-0.5
    batch, heads, n_q, head_dim = query.shape
    kv_heads, n_kv = key.shape[1], key.shape[2]
    groups = heads // kv_heads
    q = query.reshape(batch, kv_heads, groups, n_q, head_dim)
    k = key.unsqueeze(2)  # (B, Hkv, 1, N, Dh): GQA by broadcasting, no repeated copy
    v = value.unsqueeze(2)
    causal = bool(getattr(module, "is_causal", True)) and n_q == n_kv

    acc = _ACTIVE.get()
    chunk = acc.chunk if acc is not None else DEFAULT_CHUNK
    layer = getattr(module, "layer_idx", None)
    recording = acc is not None and layer is not None and n_q == acc.tokens == n_kv
    if recording:
        dist = acc.distances
        per_distance = torch.zeros(heads, dist, dtype=torch.float64, device=query.device)
        sink = torch.zeros(heads, dtype=torch.float64, device=query.device)
        offsets = torch.arange(dist, device=query.device)

    out = torch.empty(batch, n_q, heads, head_dim, dtype=query.dtype, device=query.device)
    for i0 in range(0, n_q, chunk):
        i1 = min(i0 + chunk, n_q)
        k_end = i1 if causal else n_kv
        scores = torch.matmul(q[:, :, :, i0:i1], k[:, :, :, :k_end].transpose(-1, -2)) * scaling
        if softcap is not None:
            scores = torch.tanh(scores / softcap) * softcap
        if attention_mask is not None:
            m = attention_mask[:, :, i0:i1, :k_end].unsqueeze(1)  # (B, 1, 1, c, k) over (Hkv, g)
            if m.dtype == torch.bool:
                scores = scores.masked_fill(~m, float("-inf"))
            else:
                scores = scores + m
        elif causal:
            rows = torch.arange(i0, i1, device=query.device)[:, None]
            cols = torch.arange(k_end, device=query.device)[None, :]
            scores = scores.masked_fill(cols > rows, float("-inf"))
        weights = torch.softmax(scores, dim=-1, dtype=torch.float32)
        block = torch.matmul(weights.to(value.dtype), v[:, :, :, :k_end])  # (B, Hkv, g, c, Dh)
        out[:, i0:i1] = block.reshape(batch, heads, i1 - i0, head_dim).transpose(1, 2)
        if recording and i1 > acc.query_start:
            r0 = max(i0, acc.query_start)
            w = weights[:, :, :, r0 - i0 :].reshape(batch, heads, i1 - r0, k_end)
            rows = torch.arange(r0, i1, device=query.device)[:, None]
            index = (rows - offsets[None, :]).expand(batch, heads, -1, -1)  # key j = i - d
            per_distance += torch.gather(w, 3, index).sum(dim=(0, 2), dtype=torch.float64)
            sink += w[..., 0].sum(dim=(0, 2), dtype=torch.float64)
    if recording:
        acc.add(layer, per_distance, sink, batch * acc.distances)
    return out, None


def _boolean_mask(**kwargs: Any) -> torch.Tensor | None:
    """The model's own mask as a boolean (True = attend) tensor, never skipped for pure causal."""
    from transformers.masking_utils import sdpa_mask

    kwargs["allow_is_causal_skip"] = False
    return sdpa_mask(**kwargs)


def register_streaming_attention() -> None:
    """Register the streaming attention and its mask builder with transformers (idempotent)."""
    from transformers import AttentionInterface
    from transformers.masking_utils import AttentionMaskInterface

    AttentionInterface.register(ATTENTION_NAME, streaming_attention)
    AttentionMaskInterface.register(ATTENTION_NAME, _boolean_mask)


def use_streaming_attention(model: torch.nn.Module) -> torch.nn.Module:
    """Switch ``model`` to the streaming attention (in place) and return it."""
    register_streaming_attention()
    model.set_attn_implementation(ATTENTION_NAME)
    return model
