"""Benchmark: a full first Lean check of the library against compiling a one-theorem module.

In one run, on the same machine and toolchain: (1) compile a module holding one theorem (one
Lean process: what loading the core library costs); (2) a first `attnthermo lean check` of a
fresh copy of the project (new build folder, nothing cached: every module, the #check/#print
commands and the value bridge); (3) the same check again (cached). Prints the ratio (2)/(1) of
wall seconds, target <= 1.6, the same ratios of Lean's CPU seconds (what other processes on a
shared machine cannot inflate) and of its peak resident memory (two checks run at once in the
tests, on 24 GiB), what reading the ``.olean`` files and walking the axiom closures adds (inside
the full check's seconds), and the cached seconds. Costs two Lean processes (~4 min each on 2 cores): run it
when no other Lean process is running. Run: ``python bench/bench_lean_check.py [--root DIR]``.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path

from attnthermo.lean.checker import check
from attnthermo.lean.compiler import compile_file
from attnthermo.lean.toolchain import find_toolchain
from attnthermo.paths import project_root

ONE_THEOREM = "module\n\n@[expose] public section\n\ntheorem benchOne (n : Nat) : n + 0 = n := by omega\n"
TARGET_RATIO = 1.6


def child_cpu() -> float:
    """CPU seconds used so far by finished child processes (the Lean runs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def child_peak_gb() -> float:
    """The largest peak resident memory of the finished child processes so far, in GB (Linux: KiB)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024 / 1e9


def one_theorem_seconds(workdir: Path) -> float:
    """Wall seconds of one Lean process compiling a one-theorem module (to an .olean)."""
    toolchain = find_toolchain(print)
    src = workdir / "one"
    (src / "Bench").mkdir(parents=True)
    (src / "Bench" / "One.lean").write_text(ONE_THEOREM)
    start = time.monotonic()
    result = compile_file(toolchain, src, "Bench/One.lean", search_path=[], olean=workdir / "olean" / "Bench" / "One.olean")
    seconds = time.monotonic() - start
    if not result.clean:
        raise SystemExit(f"the one-theorem module did not compile: {[m.summary() for m in result.messages]}")
    return seconds


def fresh_copy(root: Path, workdir: Path) -> Path:
    """A copy of the Lean project (its own, empty build folder)."""
    copy = workdir / "project"
    for part in ("lean", "bridge"):
        shutil.copytree(root / part, copy / part)
    for part in ("lakefile.lean", "lean-toolchain"):
        shutil.copyfile(root / part, copy / part)
    return copy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=None, help="Lean project (default: this one)")
    root = (parser.parse_args().root or project_root()).resolve()
    with tempfile.TemporaryDirectory(prefix="attnthermo-bench-", dir="/tmp") as tmp:
        workdir = Path(tmp)
        cpu = child_cpu()
        one = one_theorem_seconds(workdir)
        one_cpu, cpu = child_cpu() - cpu, child_cpu()
        one_peak = child_peak_gb()
        print(f"one-theorem module: {one:.1f} s wall, {one_cpu:.1f} s CPU (one Lean process)", flush=True)
        copy = fresh_copy(root, workdir)
        start = time.monotonic()
        first = check(copy, progress=None)
        full = time.monotonic() - start
        full_cpu = child_cpu() - cpu
        full_peak = child_peak_gb()  # the maximum over both runs; the check is the larger one
        start = time.monotonic()
        again = check(copy, progress=None)
        cached = time.monotonic() - start
    n_modules = len(first.modules)
    print(f"full first check: {full:.1f} s wall, {full_cpu:.1f} s CPU ({first.check.processes} Lean process(es); {n_modules} modules, "
          f"{len(first.theorems)} theorems, {len(first.definitions)} definitions, {len(first.values)} values; "
          f"{first.counts.line()})")
    print(f"ratio full / one-theorem: {full / one:.2f}x wall (target <= {TARGET_RATIO}x), {full_cpu / one_cpu:.2f}x CPU")
    print(f"of which .olean read + axiom closure walk: {first.check.closure_seconds:.1f} s "
          f"({first.check.closure_seconds / one:.2f}x of one Lean start)")
    print(f"peak resident memory: {full_peak:.1f} GB over both runs vs {one_peak:.1f} GB for the one-theorem "
          f"module ({full_peak / one_peak:.2f}x; 1.00x: the check needs no more than loading the core library)")
    print(f"cached re-check: {cached:.1f} s ({'cached' if again.check.cached else 'NOT cached'})")


if __name__ == "__main__":
    main()
