"""Walking ``Lean.Expr`` and ``Lean.Level`` trees inside an ``.olean`` (:mod:`attnthermo.lean.olean`).

Two questions are asked of an expression: which constants it names (``Expr.const`` nodes,
everywhere in the tree: what ``Expr.getUsedConstants`` returns, so what ``#print axioms``
follows), and its structural digest: a sha256 of the tree with every name, universe level,
binder name and binder info, literal, ``let`` flag, projection and metadata, leaving out only
the cached ``data`` field (hash and flags Lean recomputes from the rest). Two expressions with
the same printed text but a different instance argument, coercion or literal type get different
digests.

Layouts (32-bit runtime; pointer fields, then the 8-byte ``data``, then a binder-info or
``nonDep`` byte): ``bvar`` 0 (Nat), ``fvar`` 1, ``mvar`` 2, ``sort`` 3 (Level), ``const`` 4 (Name,
List Level), ``app`` 5 (fn, arg), ``lam`` 6 and ``forallE`` 7 (name, type, body; binder info),
``letE`` 8 (name, type, value, body; nonDep), ``lit`` 9 (Literal: ``natVal`` 0 / ``strVal`` 1),
``mdata`` 10 (KVMap, expr), ``proj`` 11 (struct name, index, expr). Levels: ``zero`` (boxed 0), ``succ``
1, ``max`` 2, ``imax`` 3, ``param`` 4, ``mvar`` 5.
"""

from __future__ import annotations

import hashlib
import struct

from attnthermo.lean.olean import ARRAY, MPZ, SCALAR_ARRAY, STRING, Olean

EXPR_FIELDS = (1, 1, 1, 1, 2, 2, 3, 3, 4, 1, 2, 3)
EXPR_KINDS = ("bvar", "fvar", "mvar", "sort", "const", "app", "lam", "forallE", "letE", "lit", "mdata", "proj")
LEVEL_FIELDS = (0, 1, 2, 2, 1, 1)
BINDER_INFOS = 4  # default, implicit, strictImplicit, instImplicit


def expr_node(olean: Olean, ptr: int) -> tuple[int, list[int], int]:
    """``(tag, pointer fields, offset)`` of one Expr node, its shape checked."""
    tag, off, fields = olean.ctor(ptr, "Expr", range(len(EXPR_KINDS)))
    if len(fields) != EXPR_FIELDS[tag]:
        olean.fail(off, f"Expr.{EXPR_KINDS[tag]} with {len(fields)} pointer fields, expected {EXPR_FIELDS[tag]}")
    return tag, fields, off


def expr_flag(olean: Olean, tag: int, off: int, nfields: int) -> int:
    """The byte after ``data`` of a binder (binder info) or ``letE`` (nonDep)."""
    value = olean.u8(off + 8 + 4 * nfields + 8)
    limit = BINDER_INFOS if tag in (6, 7) else 2
    if value >= limit:
        olean.fail(off, f"Expr.{EXPR_KINDS[tag]} flag byte {value} is out of range (< {limit})")
    return value


def used_constants(olean: Olean, root: int, memo: dict[int, frozenset[str]]) -> frozenset[str]:
    """The names of every ``Expr.const`` in the tree at ``root`` (memoised per root in ``memo``)."""
    hit = memo.get(root)
    if hit is not None:
        return hit
    found: set[str] = set()
    seen: set[int] = set()
    stack = [root]
    while stack:
        ptr = stack.pop()
        if ptr in seen:
            continue
        seen.add(ptr)
        tag, fields, _off = expr_node(olean, ptr)
        if tag == 4:
            found.add(olean.name_str(fields[0]))
        elif tag == 5:
            stack += fields
        elif tag in (6, 7):
            stack += fields[1:]
        elif tag == 8:
            stack += fields[1:]
        elif tag == 10:
            stack.append(fields[1])
        elif tag == 11:
            stack.append(fields[2])
    memo[root] = result = frozenset(found)
    return result


def is_binder(olean: Olean, ptr: int) -> bool:
    """Whether the expression at ``ptr`` is a ∀/→ (``forallE``), looking through metadata."""
    tag, fields, _off = expr_node(olean, ptr)
    while tag == 10:
        tag, fields, _off = expr_node(olean, fields[1])
    return tag == 7


class Digests:
    """Structural digests of Exprs, Levels and other objects of one ``.olean`` (memoised)."""

    def __init__(self, olean: Olean):
        self.olean = olean
        self._memo: dict[tuple[str, int], bytes] = {}

    def expr(self, root: int) -> str:
        """The hex sha256 of the Expr at ``root`` (see the module docstring for what counts)."""
        return self._digest("expr", root).hex()

    def _digest(self, kind: str, root: int) -> bytes:
        memo = self._memo
        stack: list[tuple[str, int]] = [(kind, root)]
        while stack:
            kind, ptr = stack[-1]
            if (kind, ptr) in memo:
                stack.pop()
                continue
            parts = self._parts(kind, ptr)
            missing = [p for p in parts if isinstance(p, tuple) and p not in memo]
            if missing:
                stack += missing
                continue
            h = hashlib.sha256(kind.encode())
            for p in parts:
                h.update(memo[p] if isinstance(p, tuple) else p)
            memo[(kind, ptr)] = h.digest()
            stack.pop()
        return memo[(kind, root)]

    def _parts(self, kind: str, ptr: int) -> list:
        """What the digest of one node is made of: bytes, and ``(kind, ptr)`` of its children."""
        o = self.olean
        if kind == "name":
            text = o.name_str(ptr).encode()
            return [struct.pack("<I", len(text)), text]
        if kind == "nat":
            text = str(o.nat(ptr)).encode()
            return [struct.pack("<I", len(text)), text]
        if kind == "levels":
            return [struct.pack("<I", len(items := o.list(ptr, "List Level"))), *(("level", p) for p in items)]
        if kind == "level":
            if ptr & 1:  # Level.zero is a boxed scalar
                if o.scalar(ptr, "Level") != 0:
                    o.fail(ptr - o.base, f"Level: boxed scalar {ptr >> 1}, expected Level.zero (0)")
                return [b"\0"]
            tag, off, fields = o.ctor(ptr, "Level", range(len(LEVEL_FIELDS)))
            if len(fields) != LEVEL_FIELDS[tag]:
                o.fail(off, f"Level constructor {tag} with {len(fields)} pointer fields, expected {LEVEL_FIELDS[tag]}")
            child = "name" if tag in (4, 5) else "level"
            return [bytes([tag]), *((child, p) for p in fields)]
        if kind == "expr":
            tag, fields, off = expr_node(o, ptr)
            head = bytes([tag])
            if tag in (0, 1, 2):
                return [head, ("nat" if tag == 0 else "object", fields[0])]
            if tag == 3:
                return [head, ("level", fields[0])]
            if tag == 4:
                return [head, ("name", fields[0]), ("levels", fields[1])]
            if tag == 5:
                return [head, ("expr", fields[0]), ("expr", fields[1])]
            if tag in (6, 7, 8):
                flag = bytes([expr_flag(o, tag, off, len(fields))])
                return [head, flag, ("name", fields[0]), *(("expr", p) for p in fields[1:])]
            if tag == 9:
                lit_tag, _o, (value,) = o.ctor(fields[0], "Literal", (0, 1), 1)
                text = (str(o.nat(value)) if lit_tag == 0 else o.string(value, "Literal.strVal")).encode()
                return [head, bytes([lit_tag]), struct.pack("<I", len(text)), text]
            if tag == 10:
                return [head, ("object", fields[0]), ("expr", fields[1])]
            return [head, ("name", fields[0]), ("nat", fields[1]), ("expr", fields[2])]
        return self._object_parts(ptr)

    def _object_parts(self, ptr: int) -> list:
        """Any other object (metadata values): its tag, scalar bytes and children, by layout."""
        o = self.olean
        if ptr & 1:
            return [b"s", struct.pack("<I", ptr >> 1)]
        off, tag, other, size = o.header(ptr)
        if tag == ARRAY:
            items = o.array(ptr, "Array")
            return [b"a", struct.pack("<I", len(items)), *(("object", p) for p in items)]
        if tag == STRING:
            text = o.string(ptr).encode()
            return [b"t", struct.pack("<I", len(text)), text]
        if tag == MPZ:
            text = str(o.nat(ptr)).encode()
            return [b"z", struct.pack("<I", len(text)), text]
        if tag == SCALAR_ARRAY:
            data = o.sarray(ptr, "scalar array")
            return [b"b", bytes([other]), struct.pack("<I", len(data)), data]
        _tag, _off, fields = o.ctor(ptr, "metadata value")
        scalars = o.data[off + 8 + 4 * other:off + size]
        return [b"c", bytes([tag, other]), struct.pack("<I", len(scalars)), scalars, *(("object", p) for p in fields)]
