"""Exceptions shared across attnthermo. Every one names the problem and, where there is one, the fix."""

from __future__ import annotations


class AttnThermoError(Exception):
    """Base class for attnthermo's own errors."""


class DomainError(ValueError, AttnThermoError):
    """A parameter outside the domain where the quantity is defined (names the parameter)."""

    def __init__(self, parameter: str, value: object, reason: str):
        self.parameter = parameter
        self.value = value
        self.reason = reason
        super().__init__(f"{parameter}={value!r}: {reason}")


class PrecisionError(ArithmeticError, AttnThermoError):
    """The requested precision cannot be met by the available evaluation routes."""


class ToolchainError(RuntimeError, AttnThermoError):
    """The Lean toolchain is missing, broken or cannot be installed."""


class LeanCheckFailed(AttnThermoError):
    """The Lean library did not check clean (carries the manifest)."""

    def __init__(self, message: str, manifest: dict | None = None):
        self.manifest = manifest
        super().__init__(message)


class ModelError(ValueError, AttnThermoError):
    """A model name or path that cannot be loaded, or lacks a fact that was asked for."""
