"""Streaming per-distance attention sums: softmax(QKᵀ) in query chunks, never N×N for all heads.

The attention function registered here (``ATTENTION_NAME``) replaces the model's eager
attention. It keeps the model's own masking (the causal / sliding-window mask that transformers
builds for sdpa), scaling and optional logit softcap, returns the same output as eager attention
(to float32 rounding) at the cost of the sdpa path, and — while a :class:`DistanceAccumulator` is active — adds each layer's
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
import math
from typing import Any

import numpy as np
import torch

from attnthermo.defaults import MEASUREMENT
from attnthermo.errors import DomainError

ATTENTION_NAME = "attnthermo_streaming"

_ACTIVE: contextvars.ContextVar[DistanceAccumulator | None] = contextvars.ContextVar(
    "attnthermo_distance_accumulator", default=None
)


class DistanceAccumulator:
    """Per-layer, per-head sums of attention weight at each distance over the fixed query window.

    Active inside a ``with`` block; every forward pass through a model using the streaming
    attention adds to it. ``profile()`` is the mean weight per (layer, head, distance) over
    all queries seen; ``sink()`` the mean weight on key 0 per (layer, head).
    """

    def __init__(self, num_layers: int, num_heads: int, tokens: int, chunk: int = MEASUREMENT.chunk):
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


def _fused(query: torch.Tensor, key: torch.Tensor, value: torch.Tensor, mask: torch.Tensor | None,
           causal: bool, scaling: float) -> torch.Tensor:
    """torch's fused attention (what the sdpa implementation runs), K/V heads shared: (B, H, n, Dh) out."""
    return torch.nn.functional.scaled_dot_product_attention(
        query, key, value, attn_mask=mask, is_causal=causal and mask is None, scale=scaling,
        enable_gqa=query.shape[1] != key.shape[1])


def _query_splits(gemm_batch: int, device: torch.device) -> int:
    """Sub-blocks per query chunk so that ``gemm_batch`` × sub-blocks divides among the CPU threads.

    torch's batched GEMM on a CPU shares out whole batch entries, so three KV heads on two threads
    keep one thread idle a third of the time; off the CPU (one kernel for the batch) it is 1.
    """
    if device.type != "cpu":
        return 1
    threads = torch.get_num_threads()
    return threads // math.gcd(gemm_batch, threads)


def _chunks(begin: int, split: int, end: int, size: int) -> list[tuple[int, int]]:
    """Query chunks [i0, i1) covering [begin, end), none straddling ``split``."""
    edges = sorted({*range(begin, split, size), *range(max(begin, split), end, size), end})
    return list(zip(edges[:-1], edges[1:]))


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
    """Eager-equivalent attention that feeds the active accumulator, at the cost of sdpa.

    ``query`` is (B, H, N, Dh), ``key``/``value`` (B, Hkv, N, Dh); ``attention_mask`` a boolean
    (True = attend) or additive mask broadcastable to (B, H, N, N), or None (plain causal).
    Queries before the recorded window go through torch's fused attention (as with sdpa); the
    recorded queries ``[N - D, N)`` are computed in chunks as softmax(QKᵀ)V, and each chunk's
    weights are summed per distance through a strided view of its diagonals (no copy, no N×N).
    A logit softcap, which the fused kernel lacks, sends every query through the chunked path.
    Returns the attention output as (B, N, H, Dh) and no weights.
    """
    if dropout and module.training:
        raise DomainError("dropout", dropout, "the streaming attention is for evaluation only")
    if scaling is None:
        scaling = module.head_dim**-0.5
    batch, heads, n_q, head_dim = query.shape
    kv_heads, n_kv = key.shape[1], key.shape[2]
    groups = heads // kv_heads
    causal = bool(getattr(module, "is_causal", True)) and n_q == n_kv
    device = query.device

    acc = _ACTIVE.get()
    chunk = acc.chunk if acc is not None else MEASUREMENT.chunk
    layer = getattr(module, "layer_idx", None)
    recording = acc is not None and layer is not None and n_q == acc.tokens == n_kv
    first_recorded = acc.query_start if recording else n_q
    fused_until = 0 if softcap is not None else first_recorded

    out = torch.empty(batch, n_q, heads, head_dim, dtype=query.dtype, device=device)
    if fused_until > 0:
        k_end = fused_until if causal else n_kv
        mask = None if attention_mask is None else attention_mask[:, :, :fused_until, :k_end]
        out[:, :fused_until] = _fused(query[:, :, :fused_until], key[:, :, :k_end], value[:, :, :k_end],
                                      mask, causal, scaling).transpose(1, 2)
    if recording:
        dist = acc.distances
        reversed_sums = torch.zeros(batch, heads, dist, dtype=torch.float64, device=device)  # index D-1-d
        sink = torch.zeros(batch, heads, dtype=torch.float64, device=device)
    # on a CPU each chunk's queries are split into sub-blocks so that the GEMMs' batch (KV head ×
    # sub-block) divides evenly among the threads; K and V are repeated once per layer to match
    splits = _query_splits(batch * kv_heads, device)
    split_key = key.repeat_interleave(splits, dim=1) if splits > 1 else key
    split_value = value.repeat_interleave(splits, dim=1) if splits > 1 else value
    q = query.reshape(batch, kv_heads, groups, n_q, head_dim)
    future: dict[tuple[int, int], torch.Tensor] = {}  # causal mask of the chunk's last columns, per (c, parts)
    for i0, i1 in _chunks(fused_until, first_recorded, n_q, chunk):
        c = i1 - i0
        parts = splits if c % splits == 0 else 1
        keys, values = (split_key, split_value) if parts == splits else (key, value)
        sub = c // parts
        k_end = i1 if causal else n_kv
        # each sub-block's query rows of a KV head's group stacked: one GEMM per (KV head, sub-block),
        # K never repeated per head (scaled here: c·Dh multiplications, not c·keys)
        rows = torch.empty(batch, kv_heads, parts, groups, sub, head_dim, dtype=query.dtype, device=device)
        torch.mul(q[:, :, :, i0:i1].unflatten(3, (parts, sub)).transpose(2, 3), scaling, out=rows)
        rows = rows.view(batch, kv_heads * parts, groups * sub, head_dim)
        scores = torch.matmul(rows, keys[:, :, :k_end].transpose(-1, -2))
        if softcap is not None:
            scores.div_(softcap).tanh_().mul_(softcap)
        grid = scores.view(batch, kv_heads, parts, groups, sub, k_end)  # query i = i0 + part·sub + r
        if attention_mask is not None:  # (B, 1, c, k) over (Hkv, parts, g, sub)
            m = attention_mask[:, :, i0:i1, :k_end].unflatten(2, (parts, sub)).unsqueeze(3)
            if m.dtype == torch.bool:
                grid.masked_fill_(~m, float("-inf"))
            else:
                grid.add_(m)
        elif causal:  # keys after the query: the upper triangle of the chunk's last c columns
            if (c, parts) not in future:
                future[c, parts] = torch.ones(c, c, dtype=torch.bool, device=device).triu_(1).view(
                    parts, 1, sub, c)
            grid[..., i0:].masked_fill_(future[c, parts], float("-inf"))
        weights = (torch.softmax(scores, dim=-1, out=scores) if scores.dtype == torch.float32  # one buffer
                   else torch.softmax(scores, dim=-1, dtype=torch.float32))
        block = torch.matmul(weights.to(value.dtype), values[:, :, :k_end])
        out[:, i0:i1].view(batch, parts, sub, kv_heads, groups, head_dim).copy_(
            block.view(batch, kv_heads, parts, groups, sub, head_dim).permute(0, 2, 4, 1, 3, 5))
        if recording and i0 >= first_recorded:
            w = weights.view(batch, kv_heads, parts, groups, sub, k_end)
            # row r of sub-block p (query i = i0 + p·sub + r), column i - D + 1 + e holds distance
            # d = D - 1 - e: the diagonals are a strided view (row stride k_end + 1, and a sub-block
            # starts sub columns further on), summed over the chunk's queries
            diagonals = w.as_strided(
                (batch, kv_heads, groups, parts, sub, dist),
                (w.stride(0), w.stride(1), w.stride(3), w.stride(2) + sub, k_end + 1, 1),
                w.storage_offset() + i0 - dist + 1)
            reversed_sums += diagonals.sum(dim=4).sum(dim=3).view(batch, heads, dist)  # c terms in float32
            sink += w[..., 0].sum(dim=(2, 4)).view(batch, heads)
    if recording:
        acc.add(layer, reversed_sums.sum(dim=0).flip(-1), sink.sum(dim=0), batch * acc.distances)
    return out, None


def register_streaming_attention() -> None:
    """Register the streaming attention and its mask builder with transformers (idempotent)."""
    from transformers import AttentionInterface
    from transformers.masking_utils import AttentionMaskInterface, sdpa_mask

    AttentionInterface.register(ATTENTION_NAME, streaming_attention)
    # the sdpa path's masks: None where the mask is plain causal (then both paths mask by position)
    AttentionMaskInterface.register(ATTENTION_NAME, sdpa_mask)


def use_streaming_attention(model: torch.nn.Module) -> torch.nn.Module:
    """Switch ``model`` to the streaming attention (in place) and return it."""
    register_streaming_attention()
    model.set_attn_implementation(ATTENTION_NAME)
    return model
