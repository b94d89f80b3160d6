"""θ rescaling rebuilds the rotary embedding: frequencies (and outputs) really change."""

from __future__ import annotations

import pytest
import torch
from transformers import LlamaConfig, LlamaForCausalLM

from attnthermo.errors import DomainError, ModelError
from attnthermo.measurement.rope import rope_thetas, scaled_rope_theta


def _gemma():
    from transformers import Gemma3ForCausalLM, Gemma3TextConfig

    cfg = Gemma3TextConfig(num_hidden_layers=2, hidden_size=64, intermediate_size=128,
                           num_attention_heads=4, num_key_value_heads=1, head_dim=16,
                           vocab_size=50, sliding_window=8, query_pre_attn_scalar=16,
                           layer_types=["sliding_attention", "full_attention"])
    return Gemma3ForCausalLM(cfg)


def _llama():
    return LlamaForCausalLM(LlamaConfig(num_hidden_layers=1, hidden_size=64, intermediate_size=64,
                                        num_attention_heads=4, vocab_size=50)).eval()


@pytest.mark.parametrize("factor", [0.25, 8.0])
def test_llama_frequencies_change_by_the_expected_factor(factor):
    model = _llama()
    before = model.model.rotary_emb.inv_freq.clone()
    ids = torch.arange(20)[None]
    with torch.no_grad():
        base = model(ids).logits
    with scaled_rope_theta(model, factor) as report:
        after = model.model.rotary_emb.inv_freq
        dim = 2 * before.numel()
        expected = before * factor ** (-torch.arange(0, dim, 2).float() / dim)
        torch.testing.assert_close(after, expected)
        assert not torch.equal(after, before)
        assert report["full_attention"]["theta"] == 10000.0 * factor
        with torch.no_grad():
            assert not torch.allclose(model(ids).logits, base)
    torch.testing.assert_close(model.model.rotary_emb.inv_freq, before)
    assert rope_thetas(model.config) == {"full_attention": 10000.0}


def test_gemma_both_layer_types_rescaled():
    model = _gemma().eval()
    thetas = rope_thetas(model.config)
    assert set(thetas) == {"full_attention", "sliding_attention"}
    rotary = model.model.rotary_emb
    old = {t: getattr(rotary, f"{t}_inv_freq").clone() for t in thetas}
    with scaled_rope_theta(model, 3.0) as report:
        rotary = model.model.rotary_emb
        for t in thetas:
            assert not torch.equal(getattr(rotary, f"{t}_inv_freq"), old[t])
            assert report[t]["theta"] == pytest.approx(3.0 * thetas[t])
            assert report[t]["frequencies_changed"]


def test_bad_factor_and_model_without_rope():
    with pytest.raises(DomainError, match="theta_scale"):
        with scaled_rope_theta(_llama(), -1.0):
            pass
    from transformers import GPT2Config

    with pytest.raises(ModelError, match="no RoPE"):
        rope_thetas(GPT2Config())
