"""Published γ values (the book's companion tool), shown beside ours as citations, never as receipts.

Each entry says what the number is and how it was estimated, so the table can state the
difference from this project's estimator (fixed query window [N/2, N), sink excluded, fit over
the stated window, bootstrap over prompts). A model matches an entry by its checkpoint's
``_name_or_path`` / directory name (case-insensitive); the GGUF SmolLM2 shipped here is the
*instruct* model, which matches no entry (the published value is for the base model).

>>> published_for("HuggingFaceTB/SmolLM2-135M")["gamma"]
0.748
>>> published_for("smollm2")["same_model"]
False
"""

from __future__ import annotations

SOURCE = "the book's companion tool (γ atlas, Ch. 15–16)"
ESTIMATOR = ("companion tool: all (query, key) pairs at each distance, fitted over its own window; "
             "here: fixed queries in [N/2, N), key 0 excluded, fitted over the window stated in each row")

PUBLISHED = {
    "smollm2-135m": {"gamma": 0.748, "ci": [0.66, 0.86], "window": [30, 2000], "what": "SmolLM2-135M (base)"},
    "smollm2-360m": {"gamma": 0.969, "ci": None, "window": None, "what": "SmolLM2-360M"},
    "qwen2.5-0.5b": {"gamma": 1.028, "ci": None, "window": None, "what": "Qwen2.5-0.5B"},
    "pythia-70m": {"gamma": 0.748, "ci": None, "window": None, "what": "pythia-70m"},
    "pythia-160m": {"gamma": 0.511, "ci": None, "window": None, "what": "pythia-160m"},
}


# shipped models with a published neighbour that is not the same checkpoint
RELATED = {"smollm2": ("smollm2-135m", "the published value is for the base model; the shipped smollm2 is "
                                       "SmolLM2-135M-Instruct (Q4_1), so the two are not compared")}


def published_for(name: str) -> dict | None:
    """The published entry for a model name or hub id (its last path part), or None.

    ``same_model`` is False for a shipped model whose published neighbour is another checkpoint.
    """
    key = str(name).rstrip("/").rsplit("/", 1)[-1].lower()
    note = None
    if key in RELATED:
        key, note = RELATED[key]
    entry = PUBLISHED.get(key)
    return None if entry is None else {**entry, "source": SOURCE, "estimator": ESTIMATOR, "same_model": note is None,
                                       "note": note, "role": "citation: shown for comparison, never verifies"}
