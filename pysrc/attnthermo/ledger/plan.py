"""What the audit is about to do, said before it starts: each protocol per model with its forward passes.

A protocol's forward passes are its prompts times its θ factors other than 1.0 and, for the
θ-scan, nothing for factor 1.0 when the decay fit on the same model runs too (its prompts are
read from measure()'s prompt store). Prompts stored by an earlier run cost nothing either; the
plan counts them, so it is an upper bound.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from attnthermo.ledger.protocols import ATLAS, PROTOCOLS
from attnthermo.measurement.protocol import resolve_protocol


def planned_passes(protocol: str, needed: Iterable[tuple[str, str]], model: str, *, quick: bool,
                   seed: int = 0, prompts: int | None = None) -> tuple[int, int] | None:
    """(forward passes, tokens per pass) the protocol costs on ``model`` within this audit; None for
    a protocol the audit cannot run (its receipt is reported unavailable, with the reason). The atlas
    census is derived from the decay fits: no forward pass."""
    if protocol == ATLAS:
        return 0, 0
    if protocol not in PROTOCOLS:
        return None
    arguments = PROTOCOLS[protocol].arguments(quick=quick, seed=seed, prompts=prompts)
    p = resolve_protocol(**{k: v for k, v in arguments.items() if k != "quick"}, quick=quick)
    factors = {1.0, *p.theta_scales}
    if p.control is None and ("decay-fit", model) in set(needed) and protocol != "decay-fit":
        factors.discard(1.0)  # the decay fit's prompts, same weights and tokens
    return len(factors) * p.prompts, p.tokens


def plan_banner(identities: dict[str, int], needed: Iterable[tuple[str, str]], models: Sequence[str], *,
                quick: bool, prompts: int | None = None, seed: int = 0, lean: bool = True) -> str:
    """The lines printed before the audit starts."""
    needed = sorted(set(needed), key=lambda pm: (pm[1], pm[0]))
    lines = [f"audit plan{' (--quick)' if quick else ''}: "
             + ("Lean check in the background; " if lean else "Lean manifest supplied; ")
             + f"{len(identities)} identity checks; {len(needed)} measurements on {', '.join(models)}"]
    total = 0
    for protocol, model in needed:
        planned = planned_passes(protocol, needed, model, quick=quick, seed=seed, prompts=prompts)
        if planned is None:
            lines.append(f"  {protocol} on {model}: not run by this audit (no such protocol here; the receipt says why)")
            continue
        passes, tokens = planned
        total += passes
        what = f"{passes} forward passes of {tokens} tokens" if passes else "derived, no forward pass"
        lines.append(f"  {protocol} on {model}: {what}")
    lines.append(f"  at most {total} forward passes (prompts already stored cost none); "
                 "an estimate follows each model's first measurement")
    return "\n".join(lines)
