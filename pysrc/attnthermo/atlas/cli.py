"""``attnthermo atlas MODEL... --out DIR``: γ per model, layer and head, resumable, on processes or Ray."""

from __future__ import annotations

import argparse

from attnthermo.defaults import MEASUREMENT


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``atlas`` subcommand."""
    p = subparsers.add_parser(
        "atlas", help="γ per model, layer and head across models (resumable; local processes or Ray)",
        description="Measures every MODEL not yet in DIR/store (one result per model hash, protocol and "
                    "attnthermo version), then writes DIR/atlas.json, DIR/ATLAS.md and the plots.")
    p.add_argument("models", nargs="+", metavar="MODEL",
                   help="smollm2, gemma3-270m, a local checkpoint directory or .gguf file, or a hub id (org/name, "
                        "only when the hub is reachable)")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the store, atlas.json, ATLAS.md, plots")
    full, quick = MEASUREMENT.full, MEASUREMENT.quick
    p.add_argument("--quick", action="store_true", help=f"{quick.describe()}: a first look (default {full.describe()})")
    p.add_argument("--prompts", type=int, default=None, metavar="K",
                   help=f"prompts per model (default {full.prompts}; --quick {quick.prompts})")
    p.add_argument("--tokens", type=int, default=None, metavar="N",
                   help=f"tokens per prompt (default {full.tokens}; --quick {quick.tokens})")
    p.add_argument("--seed", type=int, default=0, help="prompt draw and bootstrap seed (default 0)")
    p.add_argument("--workers", type=int, default=1, metavar="K", help="local worker processes (default 1)")
    p.add_argument("--ray", default=None, metavar="ADDRESS",
                   help="'auto' starts a local Ray, an address joins a cluster (needs attnthermo[atlas])")
    p.add_argument("--threads", type=int, default=None, help="torch CPU threads per worker")
    p.add_argument("--force", action="store_true",
                   help="re-measure models already in the store, every prompt (past measure()'s caches)")
    p.add_argument("--no-plots", action="store_true", help="skip the figures")
    p.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    import json
    import time
    from pathlib import Path

    from attnthermo import atomic
    from attnthermo.atlas.scheduler import build_atlas
    from attnthermo.atlas.table import atlas_data, render_markdown
    from attnthermo.atlas.tasks import atlas_arguments

    t0 = time.perf_counter()
    out = Path(args.out)
    arguments = atlas_arguments(quick=args.quick, prompts=args.prompts, tokens=args.tokens, seed=args.seed)
    entries = build_atlas(args.models, out, arguments, workers=args.workers, ray=args.ray, force=args.force,
                          threads=args.threads)
    data = atlas_data(entries, arguments)
    if not args.no_plots:
        from attnthermo.atlas.plots import draw_all

        data["plots"] = draw_all(data["models"], out)
    atomic.write_text(out / "atlas.json", json.dumps(data, indent=1, allow_nan=False) + "\n")
    atomic.write_text(out / "ATLAS.md", render_markdown(data))
    for row in data["models"]:
        g = row["gamma"]
        print(f"{row['model']}: γ = {g['value']:.3f} [{g['ci'][0]:.3f}, {g['ci'][1]:.3f}], R² = {g['r2']:.3f}, "
              f"window {g['window'][0]}–{g['window'][1]}, phase {g['phase']}"
              f"{' (from the store)' if row['from_store'] else ''}")
    print(f"atlas: {out / 'atlas.json'}\ntable: {out / 'ATLAS.md'}")
    for name, path in data.get("plots", {}).items():
        print(f"plot:  {path} ({name})")
    print(f"{len(entries)} model(s) in {time.perf_counter() - t0:.1f} s")
    return 0
