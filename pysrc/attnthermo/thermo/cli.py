"""``attnthermo identity NAME [--gamma … --N … --z … --dps … --param k=v --manifest PATH]`` and
``attnthermo identities``: statement, Lean status (from a manifest, never compiling) and value."""

from __future__ import annotations

import argparse

UNKNOWN = "Lean status unknown: run `attnthermo lean check`"


def register(subparsers: argparse._SubParsersAction) -> None:
    one = subparsers.add_parser("identity", help="show one identity: statement, Lean status, value")
    one.add_argument("name", help="identity name (the Lean theorem's last component), see `attnthermo identities`")
    one.add_argument("--gamma", help="the exponent γ (exact decimals like 1.0000000001 are kept exact)")
    one.add_argument("--N", dest="N", help="number of states (integer, or inf)")
    one.add_argument("--z", help="fugacity, 0 < z <= 1")
    one.add_argument("--dps", type=int, help="decimal digits (default 30)")
    one.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                     help="another parameter of the identity (theta, d_head, T, L, n, h, x, ...)")
    one.add_argument("--manifest", help="a manifest JSON written by `attnthermo lean check --json`")
    one.set_defaults(handler=_identity)
    every = subparsers.add_parser("identities", help="list the identities with their claims and Lean status")
    every.add_argument("--manifest", help="a manifest JSON written by `attnthermo lean check --json`")
    every.set_defaults(handler=_identities)


def _manifest(path: str | None) -> dict | None:
    from attnthermo.lean import cached_manifest, load_manifest

    return load_manifest(path) if path else cached_manifest()


def _parameters(args: argparse.Namespace, defaults: dict) -> dict:
    from attnthermo.errors import DomainError

    given = {key: getattr(args, key) for key in ("gamma", "N", "z") if getattr(args, key) is not None}
    if args.dps is not None:
        given["dps"] = args.dps
    for item in args.param:
        key, sep, value = item.partition("=")
        if not sep:
            raise DomainError("--param", item, "must look like KEY=VALUE")
        given[key.strip()] = value.strip()
    for key, value in list(given.items()):
        if key in defaults and isinstance(defaults[key], int) and not isinstance(defaults[key], bool) \
                and isinstance(value, str) and value.lstrip("-").isdigit():
            given[key] = int(value)
    return given


def _status_lines(ident, manifest: dict | None) -> list[str]:
    if not ident.lean_theorems:
        return [f"Lean: none ({ident.no_lean_reason})"]
    if manifest is None:
        return [UNKNOWN] + [f"  {name}" for name in ident.lean_theorems]
    statements = ident.lean_statements(manifest)
    lines = []
    for name, status in ident.lean_status(manifest).items():
        lines.append(f"  {name}: {status}")
        if statements.get(name):
            lines.append(f"    {' '.join(statements[name].split())}")
    return ["Lean:"] + lines


def _identity(args: argparse.Namespace) -> int:
    import mpmath

    from attnthermo.thermo.registry import identity

    ident = identity(args.name)
    manifest = _manifest(args.manifest)
    params = _parameters(args, ident.parameters)
    value = ident.evaluate(**params)
    shown = {**ident.parameters, **params}
    print(f"{ident.name}: {ident.statement}")
    print(f"claims: {', '.join(ident.claims)}")
    for line in _status_lines(ident, manifest):
        print(line)
    digits = shown.get("dps", 30)
    text = mpmath.nstr(value, digits) if isinstance(value, mpmath.mpf) else str(value)
    print(f"value at {', '.join(f'{k}={v}' for k, v in shown.items())}: {text}")
    return 0


def _identities(args: argparse.Namespace) -> int:
    from attnthermo.thermo.registry import identities

    manifest = _manifest(args.manifest)
    if manifest is None:
        print(UNKNOWN)
    for ident in identities():
        if not ident.lean_theorems:
            status = "no Lean theorem"
        elif manifest is None:
            status = "unknown"
        else:
            statuses = set(ident.lean_status(manifest).values())
            status = "proved" if statuses == {"proved"} else ", ".join(sorted(statuses))
        print(f"{ident.name:50s} {status:16s} {', '.join(ident.claims)}")
    return 0
