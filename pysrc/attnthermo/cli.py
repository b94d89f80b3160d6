"""The ``attnthermo`` command line: one subcommand per use.

Each subsystem registers its own subcommands through a ``register(subparsers)`` function in
its ``cli`` module; heavy imports (torch, sympy) happen only inside the handlers.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from attnthermo import __version__
from attnthermo.errors import AttnThermoError

# subsystem cli modules, in the order their commands appear in --help
_SUBSYSTEMS = (
    "attnthermo.lean.cli",
    "attnthermo.thermo.cli",
    "attnthermo.measurement.cli",
    "attnthermo.ledger.cli",
    "attnthermo.atlas.cli",
    "attnthermo.dojo.cli",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="attnthermo",
        description=(
            "Thermodynamics of attention decay: check the Lean proofs, query the identities, "
            "audit the book's claims against measurements."
        ),
    )
    parser.add_argument("--version", action="version", version=f"attnthermo {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _SUBSYSTEMS:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except AttnThermoError as exc:
        print(f"attnthermo: error: {exc}", file=sys.stderr)
        return 1
    except (ValueError, FileNotFoundError) as exc:
        print(f"attnthermo: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # an unwritable --json/--out/--markdown, a read-only cache or HOME, a full disk
        where = f": {exc.filename}" if exc.filename else ""
        print(f"attnthermo: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("attnthermo: interrupted (files are written whole or not at all)", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
