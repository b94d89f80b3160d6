"""Benchmark: where the default audit's time goes, phase by phase, from empty caches.

Each run is ``attnthermo.run_audit`` in a fresh process with its own temporary cache folder
(``ATTNTHERMO_CACHE_DIR``); only the installed Lean toolchain is shared with this user's caches
(linked in, so nothing is downloaded again). Runs, in order, in the same temporary folder:

- ``cold``: nothing cached: the models converted from their GGUF files, Lean checked, every
  measurement made (what a new user's first audit does after install);
- ``lean-cached``: the Lean check and the converted models cached, every measurement removed again;
- ``warm``: everything cached (a re-run with nothing changed).

Per phase: when it started and ended (seconds from the start; the Lean check runs beside the
measurements, so phases overlap), and for each protocol per model the forward passes and tokens it
spent, split into model loading, forward passes and bootstrap + fits. The header of each run says how
busy the machine was (load average) and how much CPU the audit used (its own process and the Lean
process): on a shared machine the CPU seconds, not the wall time, say what a quiet one would take.

    python bench/bench_audit.py [--quick] [--runs cold lean-cached warm] [--threads 2]
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

RUNS = ("cold", "lean-cached", "warm")
print = functools.partial(print, flush=True)  # noqa: A001  (tables appear as each run ends)


class Recorder:
    """Phases with wall-clock start/end; measurement work attributed to the protocol that runs it."""

    def __init__(self) -> None:
        self.t0 = time.perf_counter()
        self.phases: list[dict] = []
        self.current = threading.local()
        self.lock = threading.Lock()

    def now(self) -> float:
        return time.perf_counter() - self.t0

    def wrap(self, owner, name: str, label, *, bucket: str | None = None, count=None, result_note=None):
        """Replace ``owner.name`` by a timed wrapper (a phase of its own, or a bucket of the current one)."""
        fn = getattr(owner, name)
        recorder = self

        def wrapper(*args, **kwargs):
            start = recorder.now()
            parent = getattr(recorder.current, "phase", None)
            own = None
            if bucket is None:
                own = {"phase": label(*args, **kwargs), "start": start, "forward_passes": 0, "tokens": 0,
                       "buckets": {}}
                recorder.current.phase = own
            try:
                out = fn(*args, **kwargs)
            finally:
                end = recorder.now()
                if own is not None:
                    own["end"] = end
                    recorder.current.phase = parent
                    with recorder.lock:
                        recorder.phases.append(own)
                elif parent is not None:
                    parent["buckets"][bucket] = parent["buckets"].get(bucket, 0.0) + end - start
            target = own if own is not None else parent
            if target is not None and count is not None:
                passes, tokens = count(*args, **kwargs)
                target["forward_passes"] += passes
                target["tokens"] += tokens
            if own is not None and result_note is not None:
                own["note"] = result_note(out)
            return out

        setattr(owner, name, wrapper)


def child(quick: bool, threads: int) -> dict:
    import torch

    torch.set_num_threads(threads)
    from attnthermo.ledger import audit, evidence
    from attnthermo.measurement import api, run

    rec = Recorder()
    rec.wrap(evidence, "run_lean_check", lambda *a, **k: "Lean check",
             result_note=lambda m: "cached" if m.check.cached else "Lean ran")
    rec.wrap(evidence, "check_identity", lambda name, dps: f"identity {name}")
    rec.wrap(evidence, "measure_protocol", lambda protocol, model, *a, **k: f"{protocol} on {model}")
    rec.wrap(run, "converted_checkpoint", None, bucket="model conversion")
    rec.wrap(run, "loaded_model", None, bucket="load model")
    rec.wrap(run, "run_prompts", None, bucket="forward passes",
             count=lambda model, ids, *a, **k: (len(ids), sum(len(x) for x in ids)))
    rec.wrap(api, "assemble", None, bucket="bootstrap + fits")
    rec.wrap(audit, "_draw", lambda *a, **k: "plots")
    out_dir = Path(tempfile.mkdtemp(prefix="bench-audit-out-"))
    cpu0, lean0 = time.process_time(), _children_cpu()
    load0 = os.getloadavg()
    start = time.perf_counter()
    ledger = audit.run_audit(quick=quick, out_dir=out_dir, device="cpu", progress=False)
    total = time.perf_counter() - start
    shutil.rmtree(out_dir, ignore_errors=True)
    return {"total": total, "cpu": time.process_time() - cpu0, "children_cpu": _children_cpu() - lean0,
            "load_before": load0, "load_after": os.getloadavg(),
            "phases": rec.phases, "audit_seconds": ledger.data.provenance.seconds}


def _children_cpu() -> float:
    """CPU seconds of the finished child processes (the Lean process)."""
    t = os.times()
    return t.children_user + t.children_system


def _link_toolchain(cache: Path) -> None:
    """Link the installed Lean toolchain into a fresh cache folder."""
    from attnthermo.lean.buildpaths import wasm_visible_dir

    (cache / "toolchain").symlink_to(wasm_visible_dir("toolchain"))


def _table(name: str, r: dict) -> None:
    print(f"\n## {name}: {r['total']:.1f} s wall, {r['cpu']:.1f} CPU s in the audit process "
          f"+ {r.get('children_cpu', 0):.1f} in its child processes (Lean) = "
          f"{(r['cpu'] + r.get('children_cpu', 0)) / r['total']:.2f} cores busy on average; load average "
          f"{r['load_before'][0]:.2f} before, {r['load_after'][0]:.2f} after")
    print(f"{'phase':<34} {'start':>6} {'end':>6} {'seconds':>8} {'passes':>6} {'tokens':>7}  split")
    identities = [p for p in r["phases"] if p["phase"].startswith("identity ")]
    rows = [p for p in r["phases"] if not p["phase"].startswith("identity ")]
    if identities:
        rows.append({"phase": f"identities ({len(identities)})", "start": min(p["start"] for p in identities),
                     "end": max(p["end"] for p in identities), "forward_passes": 0, "tokens": 0, "buckets": {},
                     "seconds": sum(p["end"] - p["start"] for p in identities)})
    idle = [p for p in rows if not p["forward_passes"] and p["end"] - p["start"] < 0.05 and not p.get("note")]
    if idle:  # receipts whose protocol or model is not available here: nothing runs for them
        print(f"({len(idle)} receipts with no receipt available here took no time: "
              + ", ".join(p["phase"] for p in idle) + ")")
    for p in sorted((p for p in rows if p not in idle), key=lambda p: p["start"]):
        seconds = p.get("seconds", p["end"] - p["start"])
        split = ", ".join(f"{k} {v:.1f}" for k, v in p["buckets"].items() if v >= 0.05)
        if p.get("note"):
            split = p["note"] + (f"; {split}" if split else "")
        print(f"{p['phase']:<34} {p['start']:>6.1f} {p['end']:>6.1f} {seconds:>8.1f} {p['forward_passes']:>6} "
              f"{p['tokens']:>7}  {split}")
    passes = sum(p["forward_passes"] for p in r["phases"])
    tokens = sum(p["tokens"] for p in r["phases"])
    print(f"{'all forward passes':<34} {'':>6} {'':>6} {'':>8} {passes:>6} {tokens:>7}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="the audit's --quick setting")
    parser.add_argument("--runs", nargs="+", choices=RUNS, default=list(RUNS))
    parser.add_argument("--threads", type=int, default=2, help="torch CPU threads")
    parser.add_argument("--json", metavar="PATH", help="also write every run's phases as JSON")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.quick, args.threads)))
        return 0
    cache = Path(tempfile.mkdtemp(prefix="bench-audit-cache-", dir="/tmp"))
    _link_toolchain(cache)
    env = dict(os.environ, ATTNTHERMO_CACHE_DIR=str(cache), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    print(f"default audit{' --quick' if args.quick else ''}, CPU, torch threads = {args.threads}, "
          f"{os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M')}; cache {cache} "
          "(the Lean toolchain linked from the shared cache)")
    results = {}
    try:
        for name in RUNS:
            if name not in args.runs:
                continue
            shutil.rmtree(cache / "measurements", ignore_errors=True) if name != "warm" else None
            command = [sys.executable, __file__, "--child", "--threads", str(args.threads)] + (
                ["--quick"] if args.quick else [])
            out = subprocess.run(command, capture_output=True, text=True, env=env)
            if out.returncode != 0:
                print(out.stderr[-3000:], file=sys.stderr)
                return out.returncode
            results[name] = json.loads(out.stdout.strip().splitlines()[-1])
            _table(name, results[name])
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
