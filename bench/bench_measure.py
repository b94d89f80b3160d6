"""Benchmark: the measurement vs the plain forward pass on the default model, N = 1024 and 2048.

Time: one process per N loads the model once and runs ``--rounds`` rounds; each round runs every
method ``--repeats`` times in turn (eager, sdpa, the measurement at each ``--chunks``), so a drift in the machine's load or a
process's memory placement touches them all alike; a method's time is its best pass, wall and CPU
seconds (the CPU seconds are what a busy machine disturbs least: compare those when the load
average is above the core count). Memory: each method in its own process (peak RSS only rises),
the peak RSS (VmHWM, reset after loading) of one pass above the loaded model, the least over
``--rounds`` processes (the allocator's layout moves it by tens of MB from one process to the next). Linux only. Ratios
are to the sdpa forward pass (what users run; the target is ≤ 1.1× its time and ≤ 1.5× its
memory) and to the eager one.

    python bench/bench_measure.py [--threads 2] [--repeats 3] [--rounds 2] [--tokens 1024 2048]
    python bench/bench_measure.py --chunks 32 48 64 128     # the measurement at other query chunks
    python bench/bench_measure.py --quick-models smollm2 gemma3-270m   # the CI's quick measurement

``--quick-models`` times one quick measurement per model (the audit's decay-fit: N = 256, K = 4,
every head), each in a fresh process with the cache off, split into measure()'s steps: load
(model + tokenizer, from the converted float32 cache), forward passes, and the rest.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

BASELINES = ("eager", "sdpa")


def _status_mb(field: str) -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024.0
    raise RuntimeError(f"{field} missing from /proc/self/status")


def _reset_peak() -> float:
    """Reset the peak-RSS mark (Linux clear_refs 5) and return the current RSS in MB."""
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")
    return _status_mb("VmRSS")


def _loaded(tokens: int, threads: int):
    """The default model on the CPU, one prompt of ``tokens`` tokens, and a pass(method) function."""
    import torch

    torch.set_num_threads(threads)
    from attnthermo.measurement.corpus import prompt_token_ids, shipped_documents
    from attnthermo.measurement.models import converted_checkpoint, load_model, resolve_model
    from attnthermo.measurement.streaming import DistanceAccumulator, use_streaming_attention

    model, tokenizer = load_model(converted_checkpoint(resolve_model("smollm2")), "cpu")
    ids = torch.tensor(prompt_token_ids(tokenizer, shipped_documents(), 1, tokens))
    cfg, body = model.config, model.base_model

    def one_pass(method: str, length: int = tokens) -> None:
        """``eager``, ``sdpa`` or ``measure:CHUNK`` (the measurement with that query chunk)."""
        if method in BASELINES:
            model.set_attn_implementation(method)
            with torch.no_grad():
                body(input_ids=ids[:, :length], use_cache=False)
            return
        chunk = int(method.split(":")[1])
        use_streaming_attention(model)
        with torch.no_grad(), DistanceAccumulator(cfg.num_hidden_layers, cfg.num_attention_heads,
                                                  length, chunk) as acc:
            body(input_ids=ids[:, :length], use_cache=False)
        acc.profile()

    return one_pass


def time_child(methods: list[str], tokens: int, threads: int, rounds: int, repeats: int) -> dict:
    """Best wall and CPU seconds per method, the methods interleaved in one process."""
    import torch

    one_pass = _loaded(tokens, threads)
    for method in methods:  # warm-up: touch the (memory-mapped) weights and kernels once
        one_pass(method, 16)
    best: dict[str, dict] = {m: {"seconds": float("inf"), "cpu": float("inf")} for m in methods}
    for _ in range(rounds):
        for method in methods:
            for _ in range(repeats):
                start, cpu_start = time.perf_counter(), time.process_time()
                one_pass(method)
                best[method]["seconds"] = min(best[method]["seconds"], time.perf_counter() - start)
                best[method]["cpu"] = min(best[method]["cpu"], time.process_time() - cpu_start)
    return {"best": best, "threads": torch.get_num_threads()}


def memory_child(method: str, tokens: int, threads: int) -> dict:
    """Peak RSS of one pass above the loaded model, in MB (this process runs no other method)."""
    one_pass = _loaded(tokens, threads)
    one_pass(method, 16)
    base = _reset_peak()  # loading's own peak must not hide the forward pass's
    one_pass(method)
    return {"extra_mb": _status_mb("VmHWM") - base}


def quick_child(model: str, threads: int) -> dict:
    import torch

    torch.set_num_threads(threads)
    from attnthermo.measurement import run as run_step
    from attnthermo.measurement.api import measure

    seconds = {"load": 0.0, "forward": 0.0}

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                seconds[name] += time.perf_counter() - start
        return wrapper

    run_step.loaded_model = timed("load", run_step.loaded_model.__wrapped__)
    run_step.run_prompts = timed("forward", run_step.run_prompts)
    start = time.perf_counter()
    measure(model, quick=True, per_head=True, device="cpu", threads=threads, use_cache=False, progress=False)
    total = time.perf_counter() - start
    return {"model": model, "total": total, **seconds, "rest": total - sum(seconds.values())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--tokens", type=int, nargs="+", default=[1024, 2048])
    parser.add_argument("--chunks", type=int, nargs="+", default=None,
                        help="query chunks of the measurement (default: the measurement's own)")
    parser.add_argument("--quick-models", nargs="+", metavar="MODEL", default=None)
    parser.add_argument("--time-child", nargs="+", metavar="TOKENS METHOD", help=argparse.SUPPRESS)
    parser.add_argument("--memory-child", nargs=2, metavar=("METHOD", "TOKENS"), help=argparse.SUPPRESS)
    parser.add_argument("--quick-child", metavar="MODEL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.quick_child:
        print(json.dumps(quick_child(args.quick_child, args.threads)))
        return 0
    if args.quick_models:
        env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
        print(f"quick measurement (N=256, K=4, every head), CPU threads = {args.threads}, fresh process, no cache")
        print(f"{'model':>12} {'total s':>8} {'load s':>7} {'forward s':>10} {'rest s':>7}")
        for model in args.quick_models:
            out = subprocess.run([sys.executable, __file__, "--quick-child", model, "--threads", str(args.threads)],
                                 capture_output=True, text=True, env=env, check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"{model:>12} {r['total']:>8.1f} {r['load']:>7.1f} {r['forward']:>10.1f} {r['rest']:>7.1f}")
        return 0
    if args.time_child:
        tokens, *methods = args.time_child
        print(json.dumps(time_child(methods, int(tokens), args.threads, args.rounds, args.repeats)))
        return 0
    if args.memory_child:
        method, tokens = args.memory_child
        print(json.dumps(memory_child(method, int(tokens), args.threads)))
        return 0
    from attnthermo.defaults import MEASUREMENT

    methods = [*BASELINES, *(f"measure:{c}" for c in (args.chunks or [MEASUREMENT.chunk]))]
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")

    def child(*flags: str) -> dict:
        out = subprocess.run([sys.executable, __file__, *flags, "--threads", str(args.threads),
                              "--rounds", str(args.rounds), "--repeats", str(args.repeats)],
                             capture_output=True, text=True, env=env, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])

    print(f"model smollm2 (Q4_1 GGUF dequantised to float32), CPU threads = {args.threads}, "
          f"best of {args.rounds} rounds × {args.repeats} passes of the transformer body per method, "
          "interleaved in one process; memory = peak RSS of one pass above the loaded model, the least "
          f"of {args.rounds} processes per method")
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"{'N':>5} {'method':>11} {'seconds':>9} {'CPU s':>7} {'extra MB':>9} {'time/sdpa':>10} {'CPU/sdpa':>9} "
          f"{'mem/sdpa':>9} {'time/eager':>11} {'mem/eager':>10}")
    for tokens in args.tokens:
        rows = child("--time-child", str(tokens), *methods)["best"]
        for method in methods:
            rows[method]["extra_mb"] = min(child("--memory-child", method, str(tokens))["extra_mb"]
                                           for _ in range(args.rounds))
        print(f"load average {os.getloadavg()[0]:.2f}")
        for method in methods:
            r, sdpa, eager = rows[method], rows["sdpa"], rows["eager"]
            print(f"{tokens:>5} {method:>11} {r['seconds']:>9.3f} {r['cpu']:>7.2f} {r['extra_mb']:>9.1f} "
                  f"{r['seconds'] / sdpa['seconds']:>10.2f} {r['cpu'] / sdpa['cpu']:>9.2f} "
                  f"{r['extra_mb'] / max(sdpa['extra_mb'], 1e-9):>9.2f} "
                  f"{r['seconds'] / eager['seconds']:>11.2f} {r['extra_mb'] / max(eager['extra_mb'], 1e-9):>10.2f}",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
