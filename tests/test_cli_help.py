"""The measurement settings in ``measure``/``audit``/``atlas --help`` come from attnthermo.defaults.MEASUREMENT:
the help states the real ones, and changes with them (it is generated, not retyped)."""

from __future__ import annotations

import argparse
from dataclasses import replace

import pytest

from attnthermo import defaults
from attnthermo.atlas import cli as atlas_cli
from attnthermo.ledger import cli as ledger_cli
from attnthermo.measurement import cli as measure_cli

COMMANDS = {"measure": measure_cli, "audit": ledger_cli, "atlas": atlas_cli}


def _help(module, command: str) -> str:
    parser = argparse.ArgumentParser(prog="attnthermo")
    module.register(parser.add_subparsers())
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices[command]
    return " ".join(sub.format_help().split())


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_help_states_the_settings(command):
    text = _help(COMMANDS[command], command)
    quick, full = defaults.MEASUREMENT.quick, defaults.MEASUREMENT.full
    assert quick.describe() == "N=256, K=4, window (4, 64)" and full.describe() == "N=1024, K=8, window (4, N/4)"
    assert "256" in text and "4, 64" in text and f"default {full.prompts}" in text, text


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_help_follows_the_defaults(command, monkeypatch):
    other = replace(defaults.MEASUREMENT, quick=defaults.Setting("quick", tokens=384, prompts=3, window=(5, 77)),
                    full=defaults.Setting("full", tokens=2048, prompts=11))
    monkeypatch.setattr(COMMANDS[command], "MEASUREMENT", other)
    text = _help(COMMANDS[command], command)
    assert "384" in text and "(5, 77)" in text and "default 11" in text, text
    assert "4, 64" not in text and "default 8" not in text
