"""``attnthermo audit``, ``attnthermo claim ID``, ``attnthermo claims`` and ``attnthermo ledger diff``.

``attnthermo audit`` exits 0 whenever the audit ran, whatever the verdicts; it fails (non-zero,
with a message) only when a check that should run could not (Lean toolchain, audited model).
"""

from __future__ import annotations

import argparse
import sys

from attnthermo.defaults import MEASUREMENT


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``audit`` and ``ledger diff`` to the attnthermo command line."""
    audit = subparsers.add_parser(
        "audit", help="re-check every receipt and bucket every claim (ledger.json, LEDGER.md, plots)",
        description="Runs the Lean check (cached), the identity checks and the measurements the claims "
                    "need, then writes ledger.json, LEDGER.md and the plots. Exit 0 whenever the audit ran.")
    audit.add_argument("--model", nargs="+", default=None, metavar="MODEL",
                       help="models to measure: smollm2, gemma3-270m or paths (default: both shipped models)")
    full, quick = MEASUREMENT.full, MEASUREMENT.quick
    audit.add_argument("--prompts", type=int, default=None, metavar="K",
                       help=f"prompts per measurement (default {full.prompts}; --quick {quick.prompts}; "
                            "more narrows the CIs)")
    audit.add_argument("--seed", type=int, default=0, help="seed of the prompt draw and the bootstrap (default 0)")
    audit.add_argument("--device", default="auto", choices=("auto", "cpu", "cuda"))
    audit.add_argument("--quick", action="store_true",
                       help=f"{quick.describe()} instead of {full.describe()}: a first look")
    audit.add_argument("--out", default=None, metavar="DIR",
                       help="folder for ledger.json, LEDGER.md and plots (default audit-out, or audit-out-quick with "
                            "--quick: a quick audit never overwrites a full one's folder)")
    audit.add_argument("--json", metavar="PATH", help="where to write ledger.json (default DIR/ledger.json)")
    audit.add_argument("--markdown", metavar="PATH", help="where to write LEDGER.md (default DIR/LEDGER.md)")
    audit.add_argument("--manifest", metavar="PATH", help="use a Lean manifest written earlier instead of checking now")
    audit.add_argument("--claims", metavar="PATH", help="a claims file to use instead of the shipped one")
    audit.add_argument("--pinned", metavar="PATH", help="pinned statements to re-compare the manifest with")
    audit.add_argument("--root", metavar="DIR", help="Lean project to check, whose Claim: tags link the claims "
                                                     "(default: the shipped one)")
    audit.add_argument("--fresh", action="store_true", help="re-check the Lean library from scratch (no cached Lean result)")
    audit.add_argument("--no-plots", action="store_true", help="skip the figures")
    audit.add_argument("--no-progress", action="store_true", help="no progress bar")
    audit.set_defaults(handler=_audit)

    one = subparsers.add_parser(
        "claim", help="one claim on one screen: statement, bucket and why, Lean, identities, measurements",
        description="From the last audit when there is one (else computed now, without measurements; the "
                    "output says which).")
    one.add_argument("id", help="claim id (see `attnthermo claims`)")
    one.add_argument("--ledger", metavar="PATH", help="a ledger.json to read instead of the last audit's")
    one.add_argument("--manifest", metavar="PATH", help="a Lean manifest, when computing without an audit")
    one.add_argument("--claims", metavar="PATH", help="a claims file to use instead of the shipped one")
    one.add_argument("--json", action="store_true", help="print the view as JSON")
    one.set_defaults(handler=_claim)

    many = subparsers.add_parser("claims", help="list the claims with their buckets, filtered")
    many.add_argument("--bucket", help="verified, folklore or numerology")
    many.add_argument("--kind", help="math, empirical or interpretive")
    many.add_argument("--chapter", type=int, help="the book's chapter")
    many.add_argument("--ledger", metavar="PATH", help="a ledger.json to read instead of the last audit's")
    many.add_argument("--manifest", metavar="PATH", help="a Lean manifest, when computing without an audit")
    many.add_argument("--claims", metavar="PATH", help="a claims file to use instead of the shipped one")
    many.add_argument("--json", action="store_true", help="print the rows as JSON")
    many.set_defaults(handler=_claims)

    ledger = subparsers.add_parser("ledger", help="work with ledger.json files")
    sub = ledger.add_subparsers(dest="ledger_command", metavar="COMMAND")
    diff = sub.add_parser("diff", help="list the claims whose bucket changed and the Lean pins that changed between two ledgers")
    diff.add_argument("old", metavar="OLD.json")
    diff.add_argument("new", metavar="NEW.json")
    diff.set_defaults(handler=_diff)
    ledger.set_defaults(handler=lambda args: ledger.print_help() or 2)


def _audit(args: argparse.Namespace) -> int:
    from attnthermo.ledger.audit import run_audit

    from attnthermo.ledger.protocols import AUDIT_MODELS

    out = args.out or ("audit-out-quick" if args.quick else "audit-out")
    result = run_audit(model=args.model or AUDIT_MODELS, seed=args.seed, prompts=args.prompts, device=args.device, quick=args.quick, out_dir=out,
                       json_path=args.json, markdown_path=args.markdown, manifest=args.manifest,
                       claims=args.claims, pinned=args.pinned, root=args.root, plots=not args.no_plots,
                       progress=not args.no_progress, fresh=args.fresh)
    s = result.data.summary
    print(f"{s['verified']} verified, {s['folklore']} folklore, {s['numerology']} numerology; "
          f"{s['disagreements_with_book']} disagree with the book.")
    print(f"ledger: {result.json_path}\ntable:  {result.markdown_path}")
    for name, path in result.data.plots.items():
        print(f"plot:   {path} ({name})")
    return 0


def _diff(args: argparse.Namespace) -> int:
    from attnthermo.ledger.comparable import setting_differences
    from attnthermo.ledger.diff import bucket_changes, format_changes
    from attnthermo.ledger.ledger_json import read_ledger
    from attnthermo.ledger.pins import format_pin_changes

    old, new = read_ledger(args.old, "OLD"), read_ledger(args.new, "NEW")
    for line in setting_differences(old, new):
        print(f"warning: the ledgers were made differently — {line}", file=sys.stderr)
    print(format_changes(bucket_changes(old, new)))
    print(format_pin_changes(old.provenance.pins, new.provenance.pins))
    return 0


def _claim(args: argparse.Namespace) -> int:
    import json

    from attnthermo.ledger.claim_view import claim_view, render_claim

    view = claim_view(args.id, ledger=args.ledger, manifest=args.manifest, claims=args.claims)
    print(json.dumps(view.to_json(), indent=2, ensure_ascii=False, allow_nan=False) if args.json
          else render_claim(view))
    return 0


def _claims(args: argparse.Namespace) -> int:
    import json

    from attnthermo.ledger.claim_view import claim_rows
    from attnthermo.render import truncate

    rows, source = claim_rows(ledger=args.ledger, manifest=args.manifest, claims=args.claims, bucket=args.bucket,
                              kind=args.kind, chapter=args.chapter)
    if args.json:
        print(json.dumps({"source": source, "claims": [r.to_json() for r in rows]}, indent=2, ensure_ascii=False))
        return 0
    print(source)
    width = max((len(r.id) for r in rows), default=10)
    for r in rows:
        print(f"{r.id:<{width}}  ch.{r.chapter:<3} {r.kind:<12} {r.bucket:<10} {truncate(r.statement, 80)}")
    print(f"{len(rows)} claim(s)")
    return 0
