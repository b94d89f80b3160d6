"""``attnthermo lean check`` and ``attnthermo lean pin``."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``lean`` command and its ``check`` / ``pin`` subcommands."""
    lean = subparsers.add_parser("lean", help="check the Lean library and write its manifest")
    sub = lean.add_subparsers(dest="lean_command", metavar="SUBCOMMAND")
    lean.set_defaults(handler=lambda _args: lean.print_help() or 2)

    check = sub.add_parser(
        "check",
        help="audit the sources, elaborate the library (cached), compare pins, write the manifest",
    )
    check.add_argument("--root", help="Lean project directory (default: the project containing the working directory, else the shipped one)")
    check.add_argument("--json", dest="json_path", metavar="PATH", help="also write the manifest to PATH")
    check.add_argument("--jobs", type=int, default=2, help="Lean processes at once for a native toolchain (default 2; each needs ~4 GB)")
    check.add_argument("--fresh", action="store_true", help="re-check from scratch: use no cached Lean result")
    check.set_defaults(handler=_check)

    pin = sub.add_parser("pin", help="rewrite bridge/pinned-statements.toml from what Lean prints (#check/#print)")
    pin.add_argument("--root", help="Lean project directory (default as for check)")
    pin.set_defaults(handler=_pin)


def _check(args: argparse.Namespace) -> int:
    from attnthermo.lean.checker import check
    from attnthermo.lean.manifest_file import manifest_path

    manifest = check(args.root, json_path=args.json_path, jobs=args.jobs, progress=lambda m: print(m, flush=True),
                     fresh=args.fresh)
    unpinned = sorted(n for n, t in manifest.theorems.items() if t.pinned == "unpinned" and t.status == "proved")
    run = manifest.check
    how = ("Lean result from the sealed cache, re-validated against the sources; --fresh re-checks"
           if run.cached else f"{run.processes} Lean process(es), {run.seconds:.0f} s")
    failed = "" if manifest.ok else f"; {len(manifest.failures)} failure(s)"
    print(f"{manifest.counts.line()}{failed}; toolchain {manifest.toolchain.kind} {manifest.toolchain.version} ({how}); "
          f"axiom audit: {manifest.axiom_audit}")
    if unpinned:
        print(f"note: {len(unpinned)} theorem(s) not pinned (proved, but not trusted downstream): " + ", ".join(unpinned))
    print(f"manifest: {args.json_path or manifest_path(manifest.root, manifest.toolchain.kind)}")
    if manifest.ok:
        return 0
    for failure in manifest.failures:
        print(f"FAILED {failure}", file=sys.stderr)
    return 1


def _pin(args: argparse.Namespace) -> int:
    from attnthermo.lean.checker import pin

    path = pin(args.root, progress=lambda m: print(m, flush=True))
    print(f"wrote {path}")
    return 0
