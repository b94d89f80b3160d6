"""``attnthermo measure``: γ of attention decay on a real model, as JSON and a plot."""

from __future__ import annotations

import argparse

from attnthermo.defaults import DEFAULT_MODEL, MEASUREMENT


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``measure`` subcommand."""
    p = subparsers.add_parser(
        "measure", help="measure attention decay γ on a real model",
        description="Measure A(d) ∝ d^-γ on a transformer with a fixed query window, "
                    "bootstrap CI over prompts, controls and θ-rescaling.")
    full, quick = MEASUREMENT.full, MEASUREMENT.quick
    p.add_argument("--model", default=DEFAULT_MODEL,
                   help=f"{DEFAULT_MODEL} (default), gemma3-270m, a .gguf file or a checkpoint directory")
    p.add_argument("--tokens", type=int, default=None,
                   help=f"tokens N per prompt (default {full.tokens}; --quick {quick.tokens})")
    p.add_argument("--prompts", type=int, default=None, help=f"prompts K (default {full.prompts}; --quick {quick.prompts})")
    p.add_argument("--window", type=int, nargs=2, metavar=("A", "B"), default=None,
                   help=f"fit window of distances, 1 ≤ A < B < N/2 (default {full.window_text}; "
                        f"--quick {quick.window_text} when it lies below N/2)")
    p.add_argument("--per-head", action="store_true", help="also fit every head")
    p.add_argument("--control", choices=MEASUREMENT.controls, default=None)
    p.add_argument("--theta-scale", type=float, nargs="+", default=[], metavar="F",
                   help="also measure with every RoPE θ multiplied by each F")
    p.add_argument("--device", default="auto", help="auto (default), cpu or cuda")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=None, help="CPU threads (fixed for reproducibility)")
    p.add_argument("--quick", action="store_true", help=f"small N and few prompts (the CI setting: {quick.describe()})")
    p.add_argument("--no-cache", action="store_true", help="ignore and do not write the result cache")
    p.add_argument("--json", dest="json_path", default=None, metavar="PATH", help="write the result JSON")
    p.add_argument("--plot", dest="plot_path", default=None, metavar="PATH", help="write the decay plot")
    p.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    from attnthermo.measurement.api import measure

    result = measure(args.model, tokens=args.tokens, prompts=args.prompts,
                     window=tuple(args.window) if args.window else None, device=args.device,
                     control=args.control, theta_scales=tuple(args.theta_scale),
                     per_head=args.per_head, seed=args.seed, quick=args.quick,
                     threads=args.threads, use_cache=not args.no_cache, progress=True)
    g = result.fit
    print(f"{result.model.name}: γ = {g.value:.4f} (95% CI {g.ci[0]:.4f}–{g.ci[1]:.4f}), "
          f"R² = {g.r2:.4f}, window d ∈ [{g.window[0]}, {g.window[1]}], sink mass = {result.sink_mass:.3f}")
    cmp = result.decay_model_comparison
    if cmp:
        print(f"power law vs exponential: ΔAIC = {cmp['delta_aic']:.1f} → {cmp['preferred']}")
    for row in result.scan:
        print(f"  θ×{row.scale:g}: γ = {row.gamma.value:.4f} [{row.gamma.ci[0]:.4f}, {row.gamma.ci[1]:.4f}], "
              f"sink mass = {row.sink_mass.value:.3f}")
    for note in result.notes:
        print(f"note: {note}")
    if args.json_path:
        result.to_json(args.json_path)
        print(f"wrote {args.json_path}")
    if args.plot_path:
        result.plot(args.plot_path)
        print(f"wrote {args.plot_path}")
    return 0
