"""Does a printed statement still say what the source signature says? A cheap, documented
comparison used to re-validate cached Lean output against the sources it claims to be of.

Every numeral of the source signature (projection indices such as the ``2`` of ``s.2`` excepted)
must occur in Lean's printed statement at least as often, and the last component of every
identifier that names something (not a bound variable, a universe or the type of an ascription
``(e : T)``, of a ``fun`` binder or a named argument ``(x := e)``, which Lean's printing may
elide) must occur as a component
of some identifier Lean printed. So it catches a changed or dropped numeral (``/ 4`` printed as
``/ 12``), a constant replaced by another (``meanEnergy`` printed as ``energyVariance``) and a
hypothesis about a constant or numeral that is no longer there; it does not catch a changed
operator or argument order, a change that reuses tokens already present, or a change in a
bound variable only.

>>> missing_from_statement("{α : Type u} [Field α] (x : α) (h : 0 < meanEnergy x) : x / 4 = (2 : Rat) * s.2",
...                        "∀ {α : Type u_1} [inst : Field α] (x : α), 0 < A.meanEnergy x → x / 12 = 2 * s.snd")
['4']
"""

from __future__ import annotations

from collections import Counter

from attnthermo.errors import LeanCheckFailed
from attnthermo.lean.lexer import Token, tokenize

_OPEN = {"(": ")", "{": "}", "[": "]", "⦃": "⦄", "⟨": "⟩"}
_BINDER_KEYWORDS = {"∀": True, "∃": True, "Π": True, "Σ": True, "fun": False, "λ": False}  # True: types printed
_KEYWORDS = frozenset({"fun", "by", "let", "have", "show", "from", "if", "then", "else", "match", "with", "do",
                       "in", "at", "Type", "Sort", "Prop"})


def _required(tokens: list[Token]) -> tuple[Counter[str], set[str]]:
    """The numerals (with counts) and identifier components a printed statement must contain."""
    numerals: Counter[str] = Counter()
    names: list[Token] = []
    bound: set[str] = set()
    skip: set[int] = set()  # token indices whose identifiers need not be printed

    def close_of(k: int) -> int:
        depth = 0
        for m in range(k, len(tokens)):
            if tokens[m].text in _OPEN:
                depth += 1
            elif tokens[m].text in _OPEN.values():
                depth -= 1
                if depth == 0:
                    return m
        return len(tokens) - 1

    def colon_in(k: int, close: int) -> int | None:
        depth = 0
        for m in range(k + 1, close):
            if tokens[m].text in _OPEN:
                depth += 1
            elif tokens[m].text in _OPEN.values():
                depth -= 1
            elif depth == 0 and tokens[m].text == ":":
                return m
        return None

    depth, concluded, binder_printed = 0, False, None  # binder_printed: inside a ∀/fun binder list
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        if tok.text in _BINDER_KEYWORDS and tok.kind in ("symbol", "ident"):
            binder_printed = _BINDER_KEYWORDS[tok.text]
            k += 1
            continue
        if tok.text in _OPEN and tok.kind == "symbol":
            close = close_of(k)
            if k + 2 < close and tokens[k + 1].kind == "ident" and tokens[k + 2].text == ":=":
                skip |= set(range(k, close))  # a named argument `(α := Rat)`: Lean prints it positionally or not at all
            colon = colon_in(k, close)
            is_binder = (depth == 0 and not concluded) or binder_printed is not None
            if colon is not None and is_binder:
                bound |= {t.name for t in tokens[k + 1:colon] if t.kind == "ident"}
                if binder_printed is False:
                    skip |= set(range(colon, close))
                k = colon + 1 if binder_printed is not False else close + 1
                depth += 1 if binder_printed is not False else 0
                continue
            if colon is not None:  # an ascription: Lean may elide its type
                skip |= set(range(colon, close))
            depth += 1
        elif tok.text in _OPEN.values():
            depth -= 1
        elif binder_printed is not None and tok.kind == "ident":
            bound.add(tok.name)
        elif binder_printed is not None:
            binder_printed = None
        if depth == 0 and tok.text == ":" and not concluded:
            concluded = True
        if tok.kind == "ident" and k not in skip:
            names.append(tok)
        elif tok.kind == "number" and not (k > 0 and tokens[k - 1].text == "." and tokens[k - 1].end == tok.start):
            numerals[tok.text] += 1
        if tok.text in ("Type", "Sort") and k + 1 < len(tokens) and tokens[k + 1].kind == "ident":
            bound.add(tokens[k + 1].name)
        k += 1
    return numerals, {t.parts[-1] for t in names if t.name not in bound and t.text not in _KEYWORDS}


def missing_from_statement(signature: str, statement: str) -> list[str]:
    """The numerals and names of the source ``signature`` that Lean's printed ``statement`` lacks
    (sorted; empty when it may be the statement of that signature)."""
    try:
        source, printed = tokenize(signature), tokenize(statement)
    except LeanCheckFailed:
        return [] if signature.split() == statement.split() else ["(unreadable)"]
    numerals, names = _required(source)
    have_numerals = Counter(t.text for t in printed if t.kind == "number")
    have_names = {part for t in printed if t.kind == "ident" for part in t.parts}
    missing = [n for n, count in numerals.items() if have_numerals[n] < count]
    return sorted(missing + [n for n in names if n not in have_names])
