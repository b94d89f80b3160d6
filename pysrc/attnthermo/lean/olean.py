"""Reading the ``.olean`` files of the wasm toolchain (Lean 4.28.0-pre, commit 38f3c0c4).

An ``.olean`` is a compacted region: a header, then Lean runtime objects laid out as the
32-bit WebAssembly runtime holds them in memory, every pointer stored as ``base + offset``.
A module of the module system is written in up to three parts (``.olean``, ``.olean.server``,
``.olean.private``), each a whole ``ModuleData`` at a higher base address that may point into
the parts before it: :meth:`Olean.parts` reads them as one address space.

Header (88 bytes): ``b"olean"``, format version ``2``, a zero byte, the Lean version (33 bytes,
NUL padded), the commit (40 hex characters), the base address and the root object's address
(4 bytes each, little-endian). Objects are 4-byte aligned; each starts with an 8-byte header:
reference count (``i32``, 0 here), size (``u16``; a constructor's whole size), ``other``
(``u8``; a constructor's number of pointer fields, a scalar array's element size) and the tag
(``u8``; 0..244 a constructor, 246 array, 248 scalar array, 249 string, 250 big number (sign, limb count, limb address, 32-bit limbs), 251
thunk). A pointer with its low bit set is a boxed scalar ``n`` stored as ``2n + 1``.
A constructor holds its pointer fields, then its scalar fields (widest first).

The root is ``Lean.ModuleData``: pointer fields ``imports, constNames, constants,
extraConstNames, entries`` and the scalar ``isModule``. :mod:`attnthermo.lean.closure` and
:mod:`attnthermo.lean.exprdigest` read Names, Levels, Exprs and ``ConstantInfo`` through the
accessors here. Anything that does not fit this layout raises LeanCheckFailed naming the file
and the byte offset: nothing is guessed.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from pathlib import Path

from attnthermo.errors import LeanCheckFailed

MAGIC = b"olean"
FORMAT_VERSION = 2
LEAN_VERSION = "4.28.0-pre"
LEAN_COMMIT = "38f3c0c45b8df6da2652faff6dcaa15afb5a6981"
HEADER_SIZE = 88
MAX_CTOR_TAG = 244
ARRAY, SCALAR_ARRAY, STRING, MPZ, THUNK = 246, 248, 249, 250, 251

# ConstantInfo constructors, in declaration order (Lean.ConstantInfo)
CONSTANT_KINDS = ("axiom", "definition", "theorem", "opaque", "quot", "inductive", "constructor", "recursor")
# pointer fields of each kind's value after ``toConstantVal`` (Lean.AxiomVal, Lean.DefinitionVal, …)
_VAL_FIELDS = {
    "axiom": (), "definition": ("value", "hints", "all"), "theorem": ("value", "all"),
    "opaque": ("value", "all"), "quot": (),
    "inductive": ("numParams", "numIndices", "all", "ctors", "numNested"),
    "constructor": ("induct", "cidx", "numParams", "numFields"),
    "recursor": ("all", "numParams", "numIndices", "numMotives", "numMinors", "rules"),
}


@dataclass(frozen=True)
class Constant:
    """One ``ConstantInfo``: its kind, name, universe parameters, and the addresses of its type,
    its value (definitions, theorems, opaques; else None) and of its value's other fields."""

    kind: str
    name: str
    level_params: tuple[str, ...]
    type: int
    value: int | None
    fields: dict[str, int]


def name_text(parts: tuple[str | int, ...]) -> str:
    """A Name as one string: components joined by ``.``, a string component that is empty,
    numeric or holds ``.`` in ``«»`` (so distinct names stay distinct).

    >>> name_text(("Nat", "add_comm")), name_text(("a.b", 3)), name_text(())
    ('Nat.add_comm', '«a.b».3', '[anonymous]')
    """
    if not parts:
        return "[anonymous]"
    out = []
    for p in parts:
        if isinstance(p, int):
            out.append(str(p))
        elif p == "" or "." in p or p.isdigit() or "«" in p:
            out.append(f"«{p}»")
        else:
            out.append(p)
    return ".".join(out)


def _check_header(path: str, d: bytes) -> tuple[int, int]:
    """``(base address, root address)`` of one file, its header checked."""
    def fail(offset: int, what: str):
        raise LeanCheckFailed(f"{path}: byte {offset}: {what} (unexpected .olean layout; not guessing)")
    if len(d) < HEADER_SIZE or d[:5] != MAGIC:
        fail(0, "not an .olean file (no `olean` magic)")
    if d[5] != FORMAT_VERSION:
        fail(5, f"olean format version {d[5]}, this reader knows {FORMAT_VERSION}")
    version = d[7:40].split(b"\0", 1)[0].decode("ascii", "replace")
    commit = d[40:80].decode("ascii", "replace")
    if version != LEAN_VERSION or commit != LEAN_COMMIT:
        fail(7, f"written by Lean {version} ({commit}), this reader knows {LEAN_VERSION} ({LEAN_COMMIT})")
    return struct.unpack_from("<II", d, 80)


class Olean:
    """One ``.olean`` file (or one part of a module: ``.olean.server`` and ``.olean.private`` lie
    at higher addresses and point into the parts before them), decoded on demand (memoised per
    address). Build the parts of one module with :meth:`parts`."""

    def __init__(self, path: Path | str, data: bytes | None = None):
        self.path = str(path)
        raw = data if data is not None else Path(path).read_bytes()
        self.sha256 = hashlib.sha256(raw).hexdigest()
        self.base, self.root = _check_header(self.path, raw)
        self.data = raw
        self.segments = [(0, len(raw), self.path)]  # (offset in data, length, file)
        self._names: dict[int, tuple[str | int, ...]] = {}
        self._strings: dict[int, str] = {}
        self._module: tuple | None = None

    @classmethod
    def parts(cls, paths: list[Path]) -> list[Olean]:
        """The parts of one module (``.olean`` first), sharing one address space: each part is
        placed at its base address, above the previous one."""
        first = cls(paths[0])
        out = [first]
        image = bytearray(first.data)
        segments = list(first.segments)
        for path in paths[1:]:
            raw = Path(path).read_bytes()
            base, root = _check_header(str(path), raw)
            start = base - first.base
            if start < len(image):
                raise LeanCheckFailed(f"{path}: byte 80: base address {base:#x} overlaps the part before it "
                                      "(unexpected .olean layout; not guessing)")
            image += bytes(start - len(image)) + raw
            segments.append((start, len(raw), str(path)))
            part = cls.__new__(cls)
            part.path, part.sha256, part.base, part.root = str(path), hashlib.sha256(raw).hexdigest(), first.base, root
            part._names, part._strings, part._module = {}, {}, None
            out.append(part)
        data = bytes(image)
        for part in out:
            part.data, part.segments = data, segments
        return out

    # -------------------------------------------------------------------------- raw objects

    def fail(self, offset: int, what: str):
        """Raise LeanCheckFailed naming the file and byte of ``offset`` (an offset into ``data``)."""
        path, local = self.path, offset
        for start, length, file in self.segments:
            if start <= offset < start + length:
                path, local = file, offset - start
        raise LeanCheckFailed(f"{path}: byte {local}: {what} (unexpected .olean layout; not guessing)")

    def offset(self, ptr: int) -> int:
        """The offset in ``data`` of the object at address ``ptr`` (never a boxed scalar)."""
        off = ptr - self.base
        inside = any(start + HEADER_SIZE <= off and off + 8 <= start + length for start, length, _f in self.segments)
        if ptr & 1 or off % 4 or not inside:
            self.fail(off, f"pointer {ptr:#x} is outside the region or misaligned")
        return off

    def header(self, ptr: int) -> tuple[int, int, int, int]:
        """``(offset, tag, other, size)`` of the object at ``ptr``."""
        off = self.offset(ptr)
        rc, size, other, tag = struct.unpack_from("<iHBB", self.data, off)
        if rc != 0:
            self.fail(off, f"object with reference count {rc} (a compacted object has 0)")
        return off, tag, other, size

    def ctor(self, ptr: int, what: str, tags: range | tuple[int, ...] | None = None,
             fields: int | None = None) -> tuple[int, int, list[int]]:
        """``(tag, offset, pointer fields)`` of a constructor object, checked against the
        expected ``tags`` and number of pointer ``fields``."""
        if ptr & 1:
            self.fail(ptr - self.base, f"{what}: a boxed scalar where a constructor object was expected")
        off, tag, other, size = self.header(ptr)
        if tag > MAX_CTOR_TAG or (tags is not None and tag not in tags):
            self.fail(off, f"{what}: object tag {tag}, expected a constructor with tag in {tags}")
        if fields is not None and other != fields:
            self.fail(off, f"{what}: constructor {tag} with {other} pointer fields, expected {fields}")
        if size < 8 + 4 * other or off + size > len(self.data):
            self.fail(off, f"{what}: constructor size {size} does not hold {other} fields")
        return tag, off, list(struct.unpack_from(f"<{other}I", self.data, off + 8))

    def scalar(self, ptr: int, what: str) -> int:
        """A boxed scalar (an enum constructor, a small Nat)."""
        if not ptr & 1:
            self.fail(self.offset(ptr), f"{what}: an object where a boxed scalar was expected")
        return ptr >> 1

    def u8(self, off: int) -> int:
        return self.data[off]

    def array(self, ptr: int, what: str) -> list[int]:
        """The element pointers of an ``Array``."""
        off, tag, _other, _size = self.header(ptr)
        if tag != ARRAY:
            self.fail(off, f"{what}: object tag {tag}, expected an Array ({ARRAY})")
        n, cap = struct.unpack_from("<II", self.data, off + 8)
        if n > cap or off + 16 + 4 * n > len(self.data):
            self.fail(off, f"{what}: array of size {n} (capacity {cap}) runs past the file")
        return list(struct.unpack_from(f"<{n}I", self.data, off + 16))

    def string(self, ptr: int, what: str = "string") -> str:
        """A ``String``."""
        hit = self._strings.get(ptr)
        if hit is not None:
            return hit
        off, tag, _other, _size = self.header(ptr)
        if tag != STRING:
            self.fail(off, f"{what}: object tag {tag}, expected a String ({STRING})")
        size, cap, length = struct.unpack_from("<III", self.data, off + 8)
        end = off + 20 + size
        if size < 1 or size > cap or end > len(self.data) or self.data[end - 1] != 0:
            self.fail(off, f"{what}: string of {size} bytes (capacity {cap}) is not NUL-terminated in the file")
        try:
            text = self.data[off + 20:end - 1].decode("utf-8")
        except UnicodeDecodeError as exc:
            self.fail(off, f"{what}: string is not UTF-8 ({exc})")
        if len(text) != length:
            self.fail(off, f"{what}: string of {len(text)} characters, header says {length}")
        self._strings[ptr] = text
        return text

    def nat(self, ptr: int, what: str = "Nat") -> int:
        """A ``Nat``: a boxed scalar or a big number (its decimal digits follow the object)."""
        if ptr & 1:
            return ptr >> 1
        off, tag, _other, _size = self.header(ptr)
        if tag != MPZ:
            self.fail(off, f"{what}: object tag {tag}, expected a boxed Nat or a big number ({MPZ})")
        return self._mpz(off, what)

    def _mpz(self, off: int, what: str) -> int:
        # sign (Bool, padded to 4 bytes), number of 32-bit limbs, address of the limbs (just
        # after), the limbs (least significant first)
        sign, size, limbs = struct.unpack_from("<III", self.data, off + 8)
        if sign > 1 or size == 0 or limbs != self.base + off + 20 or off + 20 + 4 * size > len(self.data):
            self.fail(off, f"{what}: big number with sign {sign}, {size} limbs at {limbs:#x}: not the expected layout")
        value = int.from_bytes(self.data[off + 20:off + 20 + 4 * size], "little")
        return -value if sign else value

    def sarray(self, ptr: int, what: str) -> bytes:
        """The bytes of a scalar array (``ByteArray``, ``FloatArray``)."""
        off, tag, other, _size = self.header(ptr)
        if tag != SCALAR_ARRAY:
            self.fail(off, f"{what}: object tag {tag}, expected a scalar array ({SCALAR_ARRAY})")
        n, cap = struct.unpack_from("<II", self.data, off + 8)
        if n > cap or off + 16 + n * other > len(self.data):
            self.fail(off, f"{what}: scalar array of {n} elements runs past the file")
        return self.data[off + 16:off + 16 + n * other]

    # -------------------------------------------------------------------------- Lean values

    def name(self, ptr: int) -> tuple[str | int, ...]:
        """A ``Lean.Name`` as its components (``()`` for the anonymous name)."""
        hit = self._names.get(ptr)
        if hit is not None:
            return hit
        chain: list[int] = []
        p = ptr
        while not p & 1 and p not in self._names:
            chain.append(p)
            p = self.ctor(p, "Name", (1, 2), 2)[2][0]
        if p & 1 and self.scalar(p, "Name") != 0:
            self.fail(p - self.base, f"Name: boxed scalar {p >> 1}, expected the anonymous name (0)")
        parts = self._names.get(p, ())
        for q in reversed(chain):
            tag, _off, (_prefix, part) = self.ctor(q, "Name", (1, 2), 2)
            parts = parts + ((self.string(part, "Name component"),) if tag == 1 else (self.nat(part, "Name component"),))
            self._names[q] = parts
        return parts

    def name_str(self, ptr: int) -> str:
        return name_text(self.name(ptr))

    def list(self, ptr: int, what: str) -> list[int]:
        """The element pointers of a ``List``."""
        out = []
        while not ptr & 1:
            _tag, _off, (head, ptr) = self.ctor(ptr, what, (1,), 2)
            out.append(head)
        if self.scalar(ptr, what) != 0:
            self.fail(ptr - self.base, f"{what}: list ends in boxed scalar {ptr >> 1}, expected List.nil (0)")
        return out

    def module(self) -> tuple[bool, list[int], list[int], list[int], list[int], list[int]]:
        """``(isModule, imports, constNames, constants, extraConstNames, entries)`` of the root
        ``ModuleData`` (the arrays as element pointers)."""
        if self._module is None:
            _tag, off, (imports, names, constants, extra, entries) = self.ctor(self.root, "ModuleData", (0,), 5)
            flag = self.u8(off + 8 + 20)
            if flag > 1:
                self.fail(off + 28, f"ModuleData.isModule is {flag}, not a Bool")
            self._module = (bool(flag), self.array(imports, "ModuleData.imports"),
                            self.array(names, "ModuleData.constNames"), self.array(constants, "ModuleData.constants"),
                            self.array(extra, "ModuleData.extraConstNames"), self.array(entries, "ModuleData.entries"))
        return self._module

    def imports(self) -> list[str]:
        """The modules this one imports (``Lean.Import``: its ``module`` name is the first field)."""
        return [self.name_str(self.ctor(i, "Import", (0,))[2][0]) for i in self.module()[1]]

    def constants(self) -> list[Constant]:
        """Every ``ConstantInfo`` the file holds, checked against ``constNames``."""
        _is_module, _imports, names, infos, _extra, _entries = self.module()
        if len(names) != len(infos):
            self.fail(self.offset(self.root), f"{len(names)} constNames but {len(infos)} constants")
        out = []
        for name_ptr, info in zip(names, infos):
            constant = self.constant(info)
            if constant.name != self.name_str(name_ptr):
                self.fail(self.offset(info), f"constant {constant.name} listed as {self.name_str(name_ptr)}")
            out.append(constant)
        return out

    def constant(self, ptr: int) -> Constant:
        """One ``ConstantInfo``."""
        tag, _off, (val,) = self.ctor(ptr, "ConstantInfo", range(len(CONSTANT_KINDS)), 1)
        kind = CONSTANT_KINDS[tag]
        rest = _VAL_FIELDS[kind]
        _t, _o, (cval, *more) = self.ctor(val, f"ConstantInfo.{kind} value", (0,), 1 + len(rest))
        _t, _o, (name, params, type_) = self.ctor(cval, "ConstantVal", (0,), 3)
        fields = dict(zip(rest, more))
        return Constant(kind, self.name_str(name), tuple(self.name_str(p) for p in self.list(params, "levelParams")),
                        type_, fields.get("value"), fields)

