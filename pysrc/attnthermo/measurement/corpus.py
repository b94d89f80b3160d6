"""Prompts of real English prose: the shipped corpus, or the caller's own documents.

Prompt k is the documents concatenated (blank line between) starting from document k and
wrapping round, in the order the seed draws: seed 0 keeps the files' order, any other seed a
permutation of it drawn with ``numpy.random.default_rng(seed)`` (so seeds 0 and 1 draw
different prompts: different starting documents and a different sequel), tokenized with the model's own tokenizer (its special-token convention,
e.g. a BOS token) and cut to exactly N tokens. The shuffled control permutes the tokens of
each prompt after position 0, with a generator seeded by (seed, k).

>>> docs = shipped_documents()
>>> len(docs) >= 8 and all(len(d.split()) > 200 for d in docs)
True
>>> prompt_texts(["Alpha.", "Beta."], prompts=2)
['Alpha.\\n\\nBeta.', 'Beta.\\n\\nAlpha.']
>>> document_order(8, seed=0), document_order(8, seed=1)
([0, 1, 2, 3, 4, 5, 6, 7], [5, 0, 1, 4, 2, 6, 3, 7])
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from attnthermo.errors import DomainError
from attnthermo.paths import data_file


def shipped_documents() -> list[str]:
    """The prose documents shipped in ``attnthermo/data/corpus`` (sorted by file name)."""
    folder = data_file("corpus")
    return [p.read_text(encoding="utf-8").strip() for p in sorted(folder.glob("*.txt"))]


def documents_from(text: str | Sequence[str] | None) -> list[str]:
    """The documents to use: the shipped corpus for None, else the given text(s), checked."""
    if text is None:
        return shipped_documents()
    docs = [text] if isinstance(text, str) else list(text)
    if not docs:
        raise DomainError("text", text, "no documents given")
    for i, doc in enumerate(docs):
        if not isinstance(doc, str) or not doc.strip():
            raise DomainError("text", doc if isinstance(doc, str) else type(doc).__name__,
                              f"document {i} is empty (or not a string)")
    return [d.strip() for d in docs]


def corpus_sha256(docs: Sequence[str]) -> str:
    """A hash of the documents, part of a measurement's cache key."""
    digest = hashlib.sha256()
    for doc in docs:
        digest.update(hashlib.sha256(doc.encode()).digest())
    return digest.hexdigest()


PROMPT_CONSTRUCTION = ("prompt k = the documents from k onward in the seed's order (seed 0: file order; "
                       "else a seeded permutation), wrapping round, joined by blank lines, cut to N tokens")


def document_order(count: int, seed: int) -> list[int]:
    """The order prompts walk the documents in: file order for seed 0, else a seeded permutation."""
    import numpy as np

    return list(range(count)) if seed == 0 else np.random.default_rng(seed).permutation(count).tolist()


def prompt_texts(docs: Sequence[str], prompts: int, seed: int = 0) -> list[str]:
    """``prompts`` texts, the k-th starting from document k of the seed's order (one per document)."""
    if prompts < 1:
        raise DomainError("prompts", prompts, "need at least one prompt")
    if prompts > len(docs):
        raise DomainError("prompts", prompts, f"the text has {len(docs)} documents; each prompt "
                          "starts at a different document, so at most that many prompts")
    ordered = [docs[i] for i in document_order(len(docs), seed)]
    return ["\n\n".join(ordered[k:] + ordered[:k]) for k in range(prompts)]


def prompt_token_ids(tokenizer: Any, docs: Sequence[str], prompts: int, tokens: int,
                     seed: int = 0) -> list[list[int]]:
    """Token ids of every prompt, each exactly ``tokens`` long."""
    out = []
    for k, text in enumerate(prompt_texts(docs, prompts, seed)):
        ids = tokenizer(text)["input_ids"]
        if len(ids) < tokens:
            raise DomainError("tokens", tokens, f"prompt {k} has only {len(ids)} tokens of text; "
                              "use fewer tokens or a longer text")
        out.append(list(ids[:tokens]))
    return out


def shuffled(ids: Sequence[int], seed: int, prompt: int) -> list[int]:
    """The shuffled-tokens control: position 0 kept, the rest permuted (seeded, reproducible)."""
    import numpy as np

    rng = np.random.default_rng([seed, prompt])
    rest = list(ids[1:])
    return [ids[0], *(rest[i] for i in rng.permutation(len(rest)))]
