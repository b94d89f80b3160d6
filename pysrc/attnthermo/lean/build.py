"""Native Lean: compiling the project's modules one by one in dependency order (``.olean``
files for importers), with a cache keyed on what determines the result.

A module is compiled only when its cache key changed: the key is the sha256 of its source, its
imports' keys, the toolchain identity and the flags (that is what "re-checked" means). Up to
``jobs`` modules compile at once where the import order allows, and never more Lean processes
than the shared ``slots`` semaphore permits. A module whose import failed is not compiled: it
is "blocked" by the failed module(s). Results (messages included) are stored beside the
``.olean`` files, so a failure is cached too, except a crash without any Lean message. A cached
result is sealed (:mod:`attnthermo.lean.cache`) and its ``.olean`` re-hashed before it is trusted.
The wasm Lean elaborates the whole library in one process instead (see ``checker``).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from attnthermo.lean.cache import seal, sha256_file, unseal
from attnthermo.lean.compiler import CompileResult, Message, compile_file, lean_flags
from attnthermo.lean.project import SOURCE_DIR, Module, Project
from attnthermo.lean.toolchain import Toolchain

CACHE_FORMAT = 2  # bump when what a cached result holds changes


@dataclass
class BuildResult:
    """The outcome for one module: ``status`` is "ok", "failed" or "blocked"."""

    status: str
    key: str
    messages: list[Message] = field(default_factory=list)
    seconds: float = 0.0
    cached: bool = False
    blocked_by: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Message]:
        return [m for m in self.messages if m.severity == "error"]

    def to_state(self) -> dict:
        return {
            "format": CACHE_FORMAT, "key": self.key, "status": self.status, "seconds": self.seconds,
            "messages": [m.to_json() for m in self.messages],
        }


def cache_key(*, source_sha256: str, dependency_keys: dict[str, str], toolchain: Toolchain) -> str:
    """sha256 of (source, the imports' keys, toolchain, flags)."""
    payload = {
        "format": CACHE_FORMAT, "source": source_sha256, "deps": dict(sorted(dependency_keys.items())),
        "toolchain": toolchain.identity, "flags": list(lean_flags(toolchain)),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def olean_path(build: Path, module: str) -> Path:
    return build / "olean" / Path(*module.split(".")).with_suffix(".olean")


def load_state(build: Path, name: str, key: str, needs: Path | None,
               say: Callable[[str], None] | None, secret: bytes) -> BuildResult | None:
    """A cached result for ``name`` when its sealed entry is intact and for ``key`` and, for ok,
    its ``.olean`` still has the recorded sha256."""
    state = unseal(build, name, key, say, secret)
    if state is None or state.get("format") != CACHE_FORMAT:
        return None
    if state["status"] == "ok" and needs is not None:
        if not needs.is_file() or sha256_file(needs) != state.get("olean_sha256"):
            if say:
                say(f"cache: {needs} is missing or not the file that was built: discarded, re-compiling {name}")
            return None
    return BuildResult(
        status=state["status"], key=key, messages=[Message(**m) for m in state["messages"]],
        seconds=state.get("seconds", 0.0), cached=True,
    )


def save_state(build: Path, name: str, result: BuildResult, output: Path | None, secret: bytes) -> None:
    state = result.to_state()
    if output is not None and output.is_file():
        state["olean_sha256"] = sha256_file(output)
    seal(build, name, state, secret)


def result_of(compiled: CompileResult, key: str, output: Path | None) -> BuildResult:
    """Turn a Lean run into a module result (a crash becomes one synthetic error message)."""
    messages = list(compiled.messages)
    ok = compiled.clean and (output is None or output.is_file())
    if not ok and not compiled.errors:
        why = "timed out" if compiled.returncode == -1 else f"exited with code {compiled.returncode}"
        if compiled.returncode == 0:
            why = f"exited cleanly but wrote no {output}"
        messages.append(Message("error", 0, 0, 0, f"Lean {why} without an error message (out of memory or "
                                f"a broken toolchain?); last output: {' | '.join(compiled.tail[-4:])}", "crash"))
    return BuildResult("ok" if ok else "failed", key, messages, compiled.seconds)


def build_modules(
    project: Project,
    toolchain: Toolchain,
    build: Path,
    *,
    jobs: int,
    slots: threading.Semaphore,
    progress: Callable[[str], None],
    refused: frozenset[str] = frozenset(),
    secret: bytes,
    fresh: bool = False,
) -> dict[str, BuildResult]:
    """Compile (or reuse) every module; returns each module's result. Modules in ``refused``
    (the source audit rejected them) are not compiled: they fail, and their importers are blocked.
    ``fresh``: compile every module, reusing no cached result; ``secret`` seals the cached results
    (the check's, fixed when it started)."""
    results: dict[str, BuildResult] = {}
    total = len(project.order)
    pending = list(project.order)
    counter = iter(range(1, total + 1))

    def report(name: str, result: BuildResult) -> None:
        n = next(counter)
        if result.status == "blocked":
            detail = f"blocked by {', '.join(result.blocked_by)} (not compiled)"
        elif result.cached:
            detail = f"{result.status} (cached)"
        else:
            detail = f"{result.status} ({result.seconds:.0f} s)"
        if result.status == "failed":
            detail += ": " + "; ".join(m.summary() for m in result.errors[:3])
        progress(f"[{n}/{total}] {name}: {detail}")

    def compile_one(module: Module, key: str) -> BuildResult:
        output = olean_path(build, module.name)
        output.unlink(missing_ok=True)
        # compile a staged copy of exactly the text that was hashed (and that the wasm Lean can see)
        relfile = Path(module.relpath).relative_to(SOURCE_DIR)
        staged = build / "src" / relfile
        staged.parent.mkdir(parents=True, exist_ok=True)
        staged.write_bytes(module.data)
        with slots:
            progress(f"compiling {module.name} ({module.relpath}) with Lean {toolchain.version} [{toolchain.kind}]")
            compiled = compile_file(
                toolchain, build / "src", relfile.as_posix(), search_path=[build / "olean"], olean=output,
                tick=lambda seconds: progress(f"compiling {module.name}: {seconds:.0f} s elapsed"),
            )
        result = result_of(compiled, key, output)
        if not compiled.crashed:
            save_state(build, module.name, result, output, secret)
        return result

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        running: dict[Future[BuildResult], Module] = {}
        while pending or running:
            for module in list(pending):
                deps = module.project_imports
                if any(dep not in results for dep in deps):
                    continue
                pending.remove(module)
                key = cache_key(
                    source_sha256=module.source_sha256,
                    dependency_keys={dep: results[dep].key for dep in deps},
                    toolchain=toolchain,
                )
                bad = [dep for dep in deps if results[dep].status != "ok"]
                if bad:
                    causes = sorted({c for dep in bad for c in (results[dep].blocked_by or [dep])})
                    results[module.name] = BuildResult("blocked", key, blocked_by=causes)
                    report(module.name, results[module.name])
                    continue
                if module.name in refused:
                    results[module.name] = BuildResult("failed", key)
                    report(module.name, results[module.name])
                    continue
                cached = None if fresh else load_state(build, module.name, key, olean_path(build, module.name), progress,
                                                                 secret)
                if cached is not None:
                    results[module.name] = cached
                    report(module.name, cached)
                    continue
                running[pool.submit(compile_one, module, key)] = module
            if not running:
                continue
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                module = running.pop(future)
                results[module.name] = future.result()
                report(module.name, results[module.name])
    return results
