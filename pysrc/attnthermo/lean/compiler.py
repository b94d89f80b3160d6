"""Running Lean on one file and reading its JSON messages.

Lean is run as ``lean --json -DwarningAsError=true [-o OUT.olean] Pkg/Mod.lean`` from the source
directory (the module name comes from the relative path). Only output lines starting with
``{"caption"`` are messages; everything else (the wasm build's debug chatter) is noise, of which
the last lines are kept to explain a crash.

>>> line = ('{"caption":"","data":"(9 : Rat)/4","endPos":{"column":5,"line":11},'
...         '"fileName":"T/A.lean","kind":"[anonymous]","pos":{"column":0,"line":11},'
...         '"severity":"information"}')
>>> parse_messages(line + "\\n[DEBUG:A] noise\\n")
[Message(severity='information', line=11, column=0, end_line=11, text='(9 : Rat)/4', kind='[anonymous]')]
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from attnthermo.errors import ToolchainError
from attnthermo.lean.toolchain import Toolchain

FLAGS = ("-DwarningAsError=true", "-DmaxErrors=1000000")  # never stop early: a later theorem unchecked would be "missing"
# Wasm Lean elaborates proofs on worker threads by default; on this library the node process then
# peaked at 19.7 GB resident (its wasm heap is capped at 2 GiB) in 276 s, and at 3.6 GB in 171 s
# with one thread (the same statements and definitions printed): one thread.
WASM_FLAGS = ("-DElab.async=false",)


def lean_flags(toolchain: Toolchain) -> tuple[str, ...]:
    """The options every Lean run gets from ``toolchain`` (they are part of every cache key)."""
    return FLAGS + (WASM_FLAGS if toolchain.kind == "wasm" else ())
COMPILE_TIMEOUT_SECONDS = 3 * 3600


@dataclass(frozen=True)
class Message:
    """One Lean message: severity ("error", "warning", "information"), position, text, kind."""

    severity: str
    line: int
    column: int
    end_line: int
    text: str
    kind: str

    def to_json(self) -> dict:
        return asdict(self)

    def summary(self) -> str:
        first = self.text.strip().splitlines()[0] if self.text.strip() else self.kind
        return f"line {self.line}: {self.severity}: {first}"


def parse_messages(output: str) -> list[Message]:
    """The messages in Lean's ``--json`` output (lines starting with ``{"caption"``)."""
    found: list[Message] = []
    for raw in output.splitlines():
        if not raw.startswith('{"caption"'):
            continue
        try:
            item = json.loads(raw)
        except json.JSONDecodeError:
            continue
        pos = item.get("pos") or {}
        end = item.get("endPos") or pos
        found.append(
            Message(
                severity=str(item.get("severity", "error")),
                line=int(pos.get("line", 0)),
                column=int(pos.get("column", 0)),
                end_line=int(end.get("line", pos.get("line", 0))),
                text=str(item.get("data", "")),
                kind=str(item.get("kind", "")),
            )
        )
    return found


@dataclass(frozen=True)
class CompileResult:
    """What one Lean run produced: exit code, messages, wall seconds, last lines of other output."""

    returncode: int
    messages: tuple[Message, ...]
    seconds: float
    tail: tuple[str, ...]

    @property
    def errors(self) -> list[Message]:
        return [m for m in self.messages if m.severity == "error"]

    @property
    def clean(self) -> bool:
        """Exit 0 and no error (with the flag, warnings and sorry are errors too)."""
        return self.returncode == 0 and not self.errors

    @property
    def crashed(self) -> bool:
        """Lean failed without saying why (killed, out of memory, broken toolchain)."""
        return self.returncode != 0 and not self.errors


TICK_SECONDS = 15.0


def compile_file(
    toolchain: Toolchain, cwd: Path, relfile: str, *, search_path: list[Path], olean: Path | None,
    tick: Callable[[float], None] | None = None,
) -> CompileResult:
    """Compile ``cwd/relfile`` with the project flags; ``search_path`` holds the built oleans.
    While Lean runs, ``tick(elapsed_seconds)`` is called every ``TICK_SECONDS``."""
    args = [*toolchain.command, "--json", *lean_flags(toolchain)]
    if olean is not None:
        olean.parent.mkdir(parents=True, exist_ok=True)
        args += ["-o", str(olean)]
    args.append(relfile)
    env = dict(os.environ)
    env["LEAN_PATH"] = os.pathsep.join([*toolchain.lean_path, *map(str, search_path)])
    start = time.monotonic()
    try:
        process = subprocess.Popen(
            args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="replace",
        )
    except FileNotFoundError as exc:
        raise ToolchainError(f"cannot run Lean ({args[0]}): {exc}; delete the toolchain cache and retry") from exc
    while True:
        elapsed = time.monotonic() - start
        if elapsed > COMPILE_TIMEOUT_SECONDS:
            process.kill()
            process.communicate()
            return CompileResult(-1, (), elapsed, (f"timed out after {COMPILE_TIMEOUT_SECONDS} s",))
        try:
            stdout, stderr = process.communicate(timeout=TICK_SECONDS)
            break
        except subprocess.TimeoutExpired:
            if tick is not None:
                tick(time.monotonic() - start)
    output = stdout + "\n" + stderr
    noise = [line for line in output.splitlines() if line.strip() and not line.startswith('{"caption"')]
    return CompileResult(
        returncode=process.returncode,
        messages=tuple(parse_messages(output)),
        seconds=round(time.monotonic() - start, 1),
        tail=tuple(noise[-12:]),
    )
