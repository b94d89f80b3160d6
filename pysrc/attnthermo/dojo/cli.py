"""``attnthermo dojo status`` and ``attnthermo dojo trace``: the optional LeanDojo adapter."""

from __future__ import annotations

import argparse
import json


def _status(args: argparse.Namespace) -> int:
    from attnthermo.dojo.compatibility import known_incompatibilities
    from attnthermo.dojo.requirements import requirements

    report = requirements(args.root)
    found = known_incompatibilities(report.root, report.lean_dojo_version)
    if args.json:
        print(json.dumps({**report.to_dict(), "incompatibilities": [i.to_dict() for i in found]}, indent=2))
    else:
        print(report.describe())
        if report.missing:
            print("\nTo get what is missing:\n" + report.describe_missing())
        version = report.lean_dojo_version or "the pinned lean-dojo"
        if found:
            print(f"\nKnown incompatibilities of {version} with this project:")
            print("\n".join(f"- {item.topic}: {item.detail}" for item in found))
        else:
            print(f"\nNo known incompatibility of {version} with this project.")
    return 0 if report.ok and not found else 1


def _trace(args: argparse.Namespace) -> int:
    from attnthermo.dojo.tracing import TRACE_FILE, trace

    result = trace(args.root, args.out, force=args.force)
    print(
        f"traced {len(result['theorems'])} theorems and {len(result['premises'])} premise "
        f"definitions at {result['commit']}"
        + (f"; wrote {args.out}/{TRACE_FILE}" if args.out else f"; wrote {TRACE_FILE} in the cache")
    )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``dojo status`` and ``dojo trace`` to the ``attnthermo`` command line."""
    dojo = subparsers.add_parser(
        "dojo",
        help="optional LeanDojo adapter (needs lean-dojo, a native Lean toolchain and network)",
        description="Trace the Lean library with LeanDojo, or report what is missing for it.",
    )
    commands = dojo.add_subparsers(dest="dojo_command", metavar="DOJO_COMMAND")
    status = commands.add_parser(
        "status",
        help="what LeanDojo tracing needs, present or missing (exit 1 when tracing cannot work)",
    )
    status.add_argument("--root", default=None, help="Lean project root (default: found from the working directory)")
    status.add_argument("--json", action="store_true", help="print the report as JSON")
    status.set_defaults(handler=_status)
    trace = commands.add_parser("trace", help="trace the committed Lean library with LeanDojo, write JSON")
    trace.add_argument("--root", default=None, help="Lean project root (default: found from the working directory)")
    trace.add_argument("--out", default=None, help="directory for leandojo-trace.json (default: the cache)")
    trace.add_argument("--force", action="store_true", help="try even when LeanDojo is known not to handle the project")
    trace.set_defaults(handler=_trace)
    dojo.set_defaults(handler=lambda _args: dojo.print_help() or 2)
