"""Errors of the LeanDojo adapter: what is missing, or what LeanDojo cannot handle here."""

from __future__ import annotations

from attnthermo.errors import ToolchainError


class DojoUnavailable(ToolchainError):
    """A requirement of LeanDojo tracing is missing (the message lists each one and its fix)."""


class DojoIncompatible(ToolchainError):
    """Everything is installed, but the installed LeanDojo is known not to handle this project."""
