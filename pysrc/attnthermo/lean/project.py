"""The Lean project on disk: its module files, their imports and the order they compile in.

A project root holds ``lean/`` (the source directory; ``lean/AttnThermo/Fisher.lean`` is module
``AttnThermo.Fisher``). Imports must resolve to a project file or to core Lean (``Init``,
``Std``, ``Lean``, ``Lake``); anything else is an error before any compile.

>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> (root / "lean" / "P").mkdir(parents=True)
>>> _ = (root / "lean" / "P" / "A.lean").write_text("module\\n")
>>> _ = (root / "lean" / "P" / "B.lean").write_text("module\\npublic import P.A\\n")
>>> [m.name for m in load_project(root).order]
['P.A', 'P.B']
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from attnthermo.errors import LeanCheckFailed
from attnthermo.lean.sources import LeanSource, parse_source

SOURCE_DIR = "lean"
CORE_ROOTS = ("Init", "Std", "Lean", "Lake")


@dataclass(frozen=True)
class Module:
    """One module file: name, path relative to the project root, source hash, parsed source and bytes."""

    name: str
    relpath: str
    path: Path
    source_sha256: str
    source: LeanSource
    data: bytes = field(repr=False, default=b"")

    @property
    def project_imports(self) -> tuple[str, ...]:
        """Imports that are project modules (core imports dropped)."""
        return tuple(i for i in self.source.imports if i.split(".")[0] not in CORE_ROOTS)


@dataclass(frozen=True)
class Project:
    """All modules of a project root, in dependency order (every module after its imports)."""

    root: Path
    modules: dict[str, Module]
    order: tuple[Module, ...]

    def dependents(self, name: str) -> list[str]:
        """Modules that import ``name``, directly or transitively."""
        found: list[str] = []
        for module in self.order:
            if any(dep == name or dep in found for dep in module.project_imports):
                found.append(module.name)
        return found


def module_name(relative: Path) -> str:
    """``AttnThermo/Fisher.lean`` -> ``AttnThermo.Fisher``."""
    return ".".join(relative.with_suffix("").parts)


def load_project(root: Path) -> Project:
    """Read every ``.lean`` file under ``root/lean`` and order the modules by their imports.

    Raises LeanCheckFailed for an import that resolves to no file or for an import cycle.
    """
    root = Path(root).resolve()
    src_dir = root / SOURCE_DIR
    if not src_dir.is_dir():
        raise FileNotFoundError(f"root={str(root)!r}: no Lean source directory {src_dir}")
    modules: dict[str, Module] = {}
    for path in sorted(src_dir.rglob("*.lean")):
        name = module_name(path.relative_to(src_dir))
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[:exc.start].count(b"\n") + 1
            raise LeanCheckFailed(f"{path.relative_to(root).as_posix()}:{line}: not UTF-8 ({exc.reason}); "
                                  "Lean reads sources as UTF-8") from exc
        modules[name] = Module(
            name=name,
            relpath=path.relative_to(root).as_posix(),
            path=path,
            source_sha256=hashlib.sha256(data).hexdigest(),
            source=parse_source(text, name),
            data=data,
        )
    if not modules:
        raise FileNotFoundError(f"root={str(root)!r}: no .lean files under {src_dir}")
    for module in modules.values():
        for imported in module.project_imports:
            if imported not in modules:
                expected = Path(SOURCE_DIR, *imported.split(".")).with_suffix(".lean").as_posix()
                line = module.source.import_lines[imported]
                raise LeanCheckFailed(
                    f"{module.relpath}:{line}: imports {imported}, but there is no file {expected} "
                    f"in {root} and it is not a core Lean module ({', '.join(CORE_ROOTS)}); "
                    "fix the import or add the file"
                )
    return Project(root, modules, _topological_order(modules))


def tags_from_sources(root: Path) -> dict[str, tuple[str, ...]]:
    """{theorem: the claim ids its docstring names} read straight from the Lean sources of ``root``
    (no compiling): what a manifest of ``root`` would carry (``Manifest.claim_tags``)."""
    from attnthermo.lean.sources import claim_ids

    return {d.name: tuple(claim_ids(d.docstring)) for m in load_project(Path(root)).order
            for d in m.source.declarations if d.kind == "theorem"}


def _topological_order(modules: dict[str, Module]) -> tuple[Module, ...]:
    order: list[Module] = []
    state: dict[str, str] = {}

    def visit(name: str, path: list[str]) -> None:
        if state.get(name) == "done":
            return
        if state.get(name) == "visiting":
            cycle = " -> ".join(path[path.index(name):] + [name])
            raise LeanCheckFailed(f"import cycle between Lean modules: {cycle}")
        state[name] = "visiting"
        for dep in modules[name].project_imports:
            visit(dep, path + [name])
        state[name] = "done"
        order.append(modules[name])

    for name in sorted(modules):
        visit(name, [])
    return tuple(order)
