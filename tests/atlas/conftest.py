"""Tiny local checkpoints for the atlas tests (random Llamas: seconds to measure, no model files)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def tiny_checkpoint(path, seed: int, layers: int = 2):
    """A randomly initialised 2-layer Llama with a word-level tokenizer, saved to ``path``."""
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    words = sorted({w for doc in _docs() for w in doc.split()})[:500]
    tok = Tokenizer(models.WordLevel({"[UNK]": 0, **{w: i + 1 for i, w in enumerate(words)}}, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]").save_pretrained(path)
    torch.manual_seed(seed)
    LlamaForCausalLM(LlamaConfig(num_hidden_layers=layers, hidden_size=64, intermediate_size=128,
                                 num_attention_heads=4, num_key_value_heads=2, vocab_size=len(words) + 1,
                                 max_position_embeddings=512)).save_pretrained(path)
    return path


def _docs():
    from attnthermo.measurement.corpus import shipped_documents

    return shipped_documents()


@pytest.fixture(scope="module", autouse=True)
def _own_cache(tmp_path_factory):
    """measure()'s caches (results and per-prompt sums) in a temporary folder, never the user's, for
    each atlas test module (a session-wide one outlived tests/atlas and moved every later test's
    cache, the Lean build folders included)."""
    old = os.environ.get("ATTNTHERMO_CACHE_DIR")
    os.environ["ATTNTHERMO_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        del os.environ["ATTNTHERMO_CACHE_DIR"]
    else:
        os.environ["ATTNTHERMO_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory):
    """Two different tiny checkpoints; the second is named like a model with a published γ."""
    root = tmp_path_factory.mktemp("tiny")
    return [str(tiny_checkpoint(root / "tiny-a", 0)), str(tiny_checkpoint(root / "SmolLM2-135M", 1, layers=3))]


TINY = {"quick": False, "tokens": 64, "prompts": 3, "seed": 0, "per_head": True}
