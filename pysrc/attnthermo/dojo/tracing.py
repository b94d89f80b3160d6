"""Trace the project's Lean repository with LeanDojo and keep the result as plain JSON.

:func:`trace` checks the requirements first and refuses, naming every missing piece and the
known incompatibilities, before LeanDojo is imported. With everything present it traces the
committed state (``lean_dojo.trace(LeanGitRepo(root, commit), build_deps=False)``: the project's
own files, not Lean core) and writes ``leandojo-trace.json``::

    {"schema_version": 1, "source": "leandojo", "lean_dojo_version": "4.20.0",
     "root": "...", "commit": "...", "incompatibilities_overridden": [...],
     "theorems": [<theorem record>, ...], "premises": [<premise definition>, ...]}
"""

from __future__ import annotations

import importlib
import json
import os
from pathlib import Path
from typing import Any

from attnthermo import paths
from attnthermo.dojo.compatibility import Incompatibility, known_incompatibilities
from attnthermo.dojo.errors import DojoIncompatible, DojoUnavailable
from attnthermo.dojo.records import LEANDOJO, records_from_traced_repo
from attnthermo.dojo.requirements import RequirementsReport, requirements
from attnthermo.errors import DomainError, ToolchainError

SCHEMA_VERSION = 1
TRACE_FILE = "leandojo-trace.json"


def _describe_incompatibilities(found: list[Incompatibility]) -> str:
    return "\n".join(f"- {item.topic}: {item.detail}" for item in found)


def unavailable_message(report: RequirementsReport, found: list[Incompatibility]) -> str:
    """Why tracing cannot start: each missing requirement with its fix, then the known incompatibilities."""
    message = f"LeanDojo cannot trace {report.root}; missing:\n{report.describe_missing()}"
    if found:
        message += (
            "\nEven with these installed, the pinned LeanDojo is not expected to trace this "
            f"project:\n{_describe_incompatibilities(found)}"
        )
    message += (
        "\nWithout LeanDojo, attnthermo.dojo.theorems_from_manifest(manifest) gives the theorem "
        "records from `attnthermo lean check` (no premises)."
    )
    return message


def _output_dir(out_dir: str | os.PathLike | None, commit: str) -> Path:
    if out_dir is None:
        return paths.cache_dir("dojo", commit)
    path = Path(out_dir).expanduser()
    if path.exists() and not path.is_dir():
        raise DomainError("out_dir", str(out_dir), "exists and is not a directory")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _run_lean_dojo(report: RequirementsReport) -> Any:
    """LeanDojo's TracedRepo for the committed project (imported only here: it is optional)."""
    lean_dojo = importlib.import_module("lean_dojo")
    try:
        repo = lean_dojo.LeanGitRepo(str(report.root), report.commit)
        return lean_dojo.trace(repo, build_deps=False)
    except Exception as exc:  # LeanDojo reports failures as assertions and subprocess errors
        raise ToolchainError(
            f"LeanDojo {report.lean_dojo_version} failed to trace {report.root} at {report.commit}: "
            f"{type(exc).__name__}: {exc} (set VERBOSE=1 for LeanDojo's log)"
        ) from exc


def trace(
    root: str | os.PathLike | None = None,
    out_dir: str | os.PathLike | None = None,
    *,
    force: bool = False,
    network_timeout: float = 3.0,
) -> dict[str, Any]:
    """Trace ``root`` (default: the project found from the working directory) with LeanDojo.

    Writes ``out_dir/leandojo-trace.json`` (default ``out_dir``: the cache, per commit) and
    returns the same data. Raises :class:`DojoUnavailable` listing each missing requirement,
    :class:`DojoIncompatible` when the installed LeanDojo is known not to handle the project
    (``force=True`` tries anyway), and ``ToolchainError`` when LeanDojo itself fails or traces
    no theorem of the project.
    """
    report = requirements(root, network_timeout=network_timeout)
    found = known_incompatibilities(report.root, report.lean_dojo_version)
    if not report.ok:
        raise DojoUnavailable(unavailable_message(report, found))
    if found and not force:
        raise DojoIncompatible(
            f"lean-dojo {report.lean_dojo_version} is not expected to trace {report.root}:\n"
            f"{_describe_incompatibilities(found)}\nPass force=True (CLI: --force) to try anyway."
        )
    assert report.commit is not None  # report.ok implies a commit was found
    target = _output_dir(out_dir, report.commit)
    data = records_from_traced_repo(_run_lean_dojo(report))
    if not data["theorems"]:
        raise ToolchainError(
            f"LeanDojo traced no theorem of {report.root} at {report.commit}"
            + (f"; likely because:\n{_describe_incompatibilities(found)}" if found else "")
        )
    result = {
        "schema_version": SCHEMA_VERSION,
        "source": LEANDOJO,
        "lean_dojo_version": report.lean_dojo_version,
        "root": str(report.root),
        "commit": report.commit,
        "incompatibilities_overridden": [item.to_dict() for item in found],
        **data,
    }
    json_path = target / TRACE_FILE
    json_path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return result
