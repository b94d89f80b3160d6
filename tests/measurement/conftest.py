"""Fixtures for the measurement tests: small, fast settings on the default shipped model."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

SMALL = {"tokens": 160, "prompts": 4, "window": (2, 40), "device": "cpu", "threads": 2,
         "bootstrap": 300, "progress": False, "use_cache": False}


@pytest.fixture(scope="session")
def trained_result():
    from attnthermo import measure

    return measure("smollm2", **SMALL)


@pytest.fixture(scope="session")
def random_init_result():
    from attnthermo import measure

    return measure("smollm2", control="random-init", **SMALL)
