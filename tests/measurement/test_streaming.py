"""The streaming per-distance sums equal those from the full attention matrix, and the streaming
attention's output equals eager attention (Llama with GQA; Gemma 3 with sliding windows; Gemma 2
with a logit softcap), whether a query goes through the fused kernel or the chunked path."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from transformers import (
    Gemma2Config, Gemma2ForCausalLM, Gemma3ForCausalLM, Gemma3TextConfig, LlamaConfig, LlamaForCausalLM,
)

from attnthermo.measurement.streaming import DistanceAccumulator, _query_splits, use_streaming_attention


def _llama():
    cfg = LlamaConfig(num_hidden_layers=2, hidden_size=64, intermediate_size=128,
                      num_attention_heads=4, num_key_value_heads=2, vocab_size=97,
                      attn_implementation="eager")
    return LlamaForCausalLM(cfg)


def _gemma():
    cfg = Gemma3TextConfig(num_hidden_layers=3, hidden_size=64, intermediate_size=128,
                           num_attention_heads=4, num_key_value_heads=1, head_dim=16,
                           vocab_size=97, sliding_window=9, query_pre_attn_scalar=16,
                           layer_types=["sliding_attention", "sliding_attention", "full_attention"],
                           attn_implementation="eager")
    return Gemma3ForCausalLM(cfg)


def _gemma2_softcap():
    """Gemma 2's attention logit softcap: the fused kernel has none, so every query goes the chunked way."""
    cfg = Gemma2Config(num_hidden_layers=2, hidden_size=64, intermediate_size=128, num_attention_heads=4,
                       num_key_value_heads=2, head_dim=16, vocab_size=97, sliding_window=12,
                       query_pre_attn_scalar=16, attn_logit_softcapping=5.0, attn_implementation="eager")
    return Gemma2ForCausalLM(cfg)


def _sharpen(model):
    """Scale Q and K so attention is far from uniform (random init is nearly flat)."""
    with torch.no_grad():
        for layer in model.model.layers:
            layer.self_attn.q_proj.weight.mul_(8)
            layer.self_attn.k_proj.weight.mul_(8)
    return model.eval()


def _reference(attentions, tokens):
    dist = tokens // 2
    start = tokens - dist
    prof, sink = [], []
    for att in attentions:
        a = att[0].double().numpy()  # (H, N, N)
        rows = np.arange(start, tokens)
        per_d = np.stack([a[:, rows, rows - d].mean(axis=1) for d in range(dist)], axis=1)
        prof.append(per_d)
        sink.append(a[:, rows, 0].mean(axis=1))
    return np.stack(prof), np.stack(sink)


@pytest.mark.parametrize("build", [_llama, _gemma, _gemma2_softcap], ids=["llama-gqa", "gemma3-sliding", "gemma2-softcap"])
@pytest.mark.parametrize("tokens,chunk", [(40, 7), (33, 128)])
def test_streaming_equals_full_matrix(build, tokens, chunk):
    torch.manual_seed(1)
    model = _sharpen(build())
    ids = torch.randint(0, 97, (1, tokens))
    with torch.no_grad():
        full = model(ids, output_attentions=True)
    ref_profile, ref_sink = _reference(full.attentions, tokens)
    assert ref_profile[:, :, 1:].std() > 1e-3  # the check is not trivially flat
    use_streaming_attention(model)
    layers, heads = len(full.attentions), full.attentions[0].shape[1]
    with DistanceAccumulator(layers, heads, tokens, chunk=chunk) as acc, torch.no_grad():
        out = model(ids)
    np.testing.assert_allclose(acc.profile(), ref_profile, atol=1e-6, rtol=0)
    np.testing.assert_allclose(acc.sink(), ref_sink, atol=1e-6, rtol=0)
    torch.testing.assert_close(out.logits, full.logits, atol=1e-5, rtol=1e-5)


@pytest.mark.parametrize("threads", [1, 2, 3])
@pytest.mark.parametrize("build", [_llama, _gemma], ids=["llama-gqa", "gemma3-sliding"])
def test_query_sub_blocks_leave_the_sums_unchanged(build, threads):
    """On a CPU each chunk's queries are split so the GEMM batch divides among the threads
    (chunks of 6 rows: 3 sub-blocks for Llama's 2 KV heads on 3 threads, none on 2; 2 or 3 for
    Gemma's one KV head; the last chunk, of 2 rows, in 2 sub-blocks or none)."""
    torch.manual_seed(3)
    model = _sharpen(build())
    ids = torch.randint(0, 97, (1, 40))
    with torch.no_grad():
        full = model(ids, output_attentions=True)
    ref_profile, ref_sink = _reference(full.attentions, 40)
    use_streaming_attention(model)
    layers, heads = len(full.attentions), full.attentions[0].shape[1]
    previous = torch.get_num_threads()
    torch.set_num_threads(threads)
    try:
        with DistanceAccumulator(layers, heads, 40, chunk=6) as acc, torch.no_grad():
            out = model(ids)
    finally:
        torch.set_num_threads(previous)
    np.testing.assert_allclose(acc.profile(), ref_profile, atol=1e-6, rtol=0)
    np.testing.assert_allclose(acc.sink(), ref_sink, atol=1e-6, rtol=0)
    torch.testing.assert_close(out.logits, full.logits, atol=1e-5, rtol=1e-5)


def test_query_splits_share_the_gemm_batch_evenly():
    previous = torch.get_num_threads()
    try:
        torch.set_num_threads(2)
        cpu = torch.device("cpu")
        assert [_query_splits(b, cpu) for b in (1, 2, 3, 4)] == [2, 1, 2, 1]
        torch.set_num_threads(4)
        assert [_query_splits(b, cpu) for b in (1, 2, 3, 6)] == [4, 2, 4, 2]
        assert _query_splits(3, torch.device("cuda")) == 1  # one kernel for the whole batch
    finally:
        torch.set_num_threads(previous)


def test_sliding_layer_sees_nothing_beyond_its_window():
    torch.manual_seed(2)
    model = use_streaming_attention(_sharpen(_gemma()))
    with DistanceAccumulator(3, 4, 40) as acc, torch.no_grad():
        model(torch.randint(0, 97, (1, 40)))
    prof = acc.profile()
    assert np.all(prof[:2, :, 9:] == 0)  # sliding window 9: distances ≥ 9 masked
    assert np.all(prof[2, :, 9:] > 0)  # the global layer sees them


def test_accumulator_reports_missing_layers():
    acc = DistanceAccumulator(2, 4, 16)
    with pytest.raises(RuntimeError, match="no attention recorded"):
        acc.profile()
