"""``attnthermo identity NAME [--gamma … --N … --z … --dps … --param k=v --manifest PATH]`` and
``attnthermo identities``: statement, Lean status (from a manifest, never compiling), sympy form, value."""

from __future__ import annotations

import argparse

from attnthermo.defaults import DEFAULT_DPS
from attnthermo.manifest import Manifest

UNKNOWN = "Lean status unknown: run `attnthermo lean check`"


def register(subparsers: argparse._SubParsersAction) -> None:
    one = subparsers.add_parser("identity", help="show one identity: statement, Lean status, sympy form, value")
    one.add_argument("name", help="identity name (the Lean theorem's last component), see `attnthermo identities`")
    one.add_argument("--gamma", help="the exponent γ (exact decimals like 1.0000000001 are kept exact)")
    one.add_argument("--N", dest="N", help="number of states (integer, or inf)")
    one.add_argument("--z", help="fugacity, 0 < z <= 1")
    one.add_argument("--dps", type=int, help=f"decimal digits (default {DEFAULT_DPS})")
    one.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                     help="another parameter of the identity (theta, d_head, T, L, n, h, x, ...)")
    one.add_argument("--manifest", help="a manifest JSON written by `attnthermo lean check --json`")
    one.set_defaults(handler=_identity)
    every = subparsers.add_parser("identities", help="list the identities with their claims and Lean status")
    every.add_argument("--manifest", help="a manifest JSON written by `attnthermo lean check --json`")
    every.set_defaults(handler=_identities)


def manifest_for(path: str | None) -> Manifest | None:
    """The manifest at ``path``, else the one the last ``attnthermo lean check`` cached (or None)."""
    from attnthermo.lean.manifest_file import cached_manifest
    from attnthermo.manifest import load_manifest

    return load_manifest(path) if path else cached_manifest()


def supported_claims() -> dict[str, list[str]]:
    """{identity: the claims it is a receipt of}, as the shipped claims file and Lean tags link them."""
    from attnthermo.ledger.claims import load_claims
    from attnthermo.ledger.links import identity_claims

    return identity_claims(load_claims())


def _parameters(args: argparse.Namespace, point: dict) -> dict:
    from attnthermo.errors import DomainError
    from attnthermo.thermo.params import as_dps

    given: dict = {}
    if "dps" in point or args.dps is not None:
        given["dps"] = as_dps(DEFAULT_DPS if args.dps is None else args.dps)  # checked before anything else
    given.update({key: getattr(args, key) for key in ("gamma", "N", "z") if getattr(args, key) is not None})
    for item in args.param:
        key, sep, value = item.partition("=")
        if not sep:
            raise DomainError("--param", item, "must look like KEY=VALUE")
        given[key.strip()] = value.strip()
    for key, value in list(given.items()):
        if key in point and isinstance(point[key], int) and not isinstance(point[key], bool) \
                and isinstance(value, str) and value.lstrip("-").isdigit():
            given[key] = int(value)
    return given


def status_lines(ident, manifest: dict | None) -> list[str]:
    """Each mirrored Lean theorem with its status and Lean's own statement."""
    from attnthermo.ledger.lean_status import lean_statements, lean_status

    if not ident.lean_theorems:
        return [f"Lean: none ({ident.no_lean_reason})"]
    if manifest is None:
        return [UNKNOWN] + [f"  {name}" for name in ident.lean_theorems]
    statements = lean_statements(ident, manifest)
    lines = []
    for name, status in lean_status(ident, manifest).items():
        lines.append(f"  {name}: {status}")
        if statements.get(name):
            lines.append(f"    {' '.join(statements[name].split())}")
    return ["Lean:"] + lines


def _identity(args: argparse.Namespace) -> int:
    from attnthermo.render import SCREEN, format_value, truncate
    from attnthermo.thermo.registry import identity

    ident = identity(args.name)
    params = _parameters(args, ident.point)
    value = ident.evaluate(**params)
    manifest = manifest_for(args.manifest)
    shown = {**ident.point, **params}
    print(f"{ident.name}: {ident.statement}")
    print(f"claims: {', '.join(supported_claims().get(ident.name, [])) or 'none'}")
    for line in status_lines(ident, manifest):
        print(line)
    form = str(ident.sympy_form())
    print(f"sympy: {truncate(form, SCREEN, ' ({length} characters)')}")
    print(f"value at {', '.join(f'{k}={v}' for k, v in shown.items())}: "
          f"{format_value(value, shown.get('dps', DEFAULT_DPS))}")
    return 0


def _identities(args: argparse.Namespace) -> int:
    from attnthermo.ledger.lean_status import lean_status
    from attnthermo.thermo.registry import identities

    manifest = manifest_for(args.manifest)
    claims = supported_claims()
    if manifest is None:
        print(UNKNOWN)
    for ident in identities():
        if not ident.lean_theorems:
            status = "no Lean theorem"
        elif manifest is None:
            status = "unknown"
        else:
            statuses = set(lean_status(ident, manifest).values())
            status = "proved" if statuses == {"proved"} else ", ".join(sorted(statuses))
        print(f"{ident.name:50s} {status:16s} {', '.join(claims.get(ident.name, []))}")
    return 0
