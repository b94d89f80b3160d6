"""The CPU thread count can change between forward passes (the audit gives the Lean check's core
back when the check ends): measure() asks before every pass and records the counts it ran with."""

from __future__ import annotations

import pytest
import torch

from attnthermo import measure
from attnthermo.errors import DomainError

from ..atlas.conftest import tiny_checkpoint

ARGS = {"tokens": 64, "prompts": 4, "window": (2, 20), "device": "cpu", "bootstrap": 50, "progress": False,
        "use_cache": False}


@pytest.fixture
def checkpoint(tmp_path_factory):
    return str(tiny_checkpoint(tmp_path_factory.mktemp("ckpt") / "tiny", 7))


@pytest.fixture(autouse=True)
def _threads_restored():
    previous = torch.get_num_threads()
    yield
    torch.set_num_threads(previous)


def test_threads_are_asked_before_every_pass(checkpoint):
    asked: list[int] = []

    def threads() -> int:
        asked.append(1 if len(asked) < 2 else 2)
        return asked[-1]

    result = measure(checkpoint, threads=threads, **ARGS)
    assert asked == [1, 1, 2, 2]
    assert result.protocol["threads"] == [1, 2]
    assert measure(checkpoint, threads=1, **ARGS).protocol["threads"] == 1


def test_a_bad_thread_count_is_refused(checkpoint):
    with pytest.raises(DomainError, match="threads"):
        measure(checkpoint, threads=lambda: 0, **ARGS)
