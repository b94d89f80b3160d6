"""Model resolution and the GGUF → safetensors cache (identical logits to the direct GGUF load)."""

from __future__ import annotations

import pytest
import torch

from attnthermo.errors import ModelError
from attnthermo.measurement.models import converted_checkpoint, load_model, resolve_model


def test_unknown_model_name_or_path(tmp_path):
    with pytest.raises(ModelError, match="not a known name"):
        resolve_model("no-such-model")
    with pytest.raises(ModelError, match="no config.json"):
        resolve_model(tmp_path)


@pytest.mark.model
def test_gguf_cache_gives_identical_logits():
    from transformers import AutoModelForCausalLM

    source = resolve_model("smollm2")
    cached, _ = load_model(converted_checkpoint(source), "cpu")
    direct = AutoModelForCausalLM.from_pretrained(
        source.path.parent, gguf_file=source.path.name, dtype=torch.float32,
        attn_implementation="eager").eval()
    ids = torch.arange(100, 164)[None]
    with torch.no_grad():
        a, b = cached(ids).logits, direct(ids).logits
    assert torch.equal(a, b)
