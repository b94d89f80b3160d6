"""The plain records the adapter hands out: one dict per theorem, the same shape from either source.

A theorem record has exactly the keys in :data:`THEOREM_KEYS`:

- ``full_name`` -- the Lean name, e.g. ``AttnThermo.Ensemble.variance_eq_moment_sub_sq``;
- ``file`` -- the source file relative to the project root (POSIX separators);
- ``line`` -- 1-based line where the declaration starts;
- ``statement`` -- the source text of the signature (up to ``:=``);
- ``premises`` -- full names of the constants the proof uses, in first-use order, or ``None``
  when the source cannot know them (the attnthermo manifest);
- ``source`` -- :data:`LEANDOJO` or :data:`MANIFEST`, so no one mistakes one for the other.

>>> theorem_record(full_name="A.b", file="lean/A.lean", line=3, statement="theorem b : True",
...                premises=["trivial", "trivial"], source=LEANDOJO)["premises"]
['trivial']
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any, Iterable

from attnthermo.errors import DomainError

LEANDOJO = "leandojo"
MANIFEST = "attnthermo-manifest (not LeanDojo data: no premises)"
THEOREM_KEYS = ("full_name", "file", "line", "statement", "premises", "source")

_DEPENDENCY_DIRS = (PurePath(".lake/packages"), PurePath("lake-packages"))


def theorem_record(
    *,
    full_name: str,
    file: str,
    line: int,
    statement: str,
    premises: Iterable[str] | None,
    source: str,
) -> dict[str, Any]:
    """A checked theorem record; premises are de-duplicated keeping first-use order."""
    if not isinstance(full_name, str) or not full_name:
        raise DomainError("full_name", full_name, "must be a non-empty Lean name")
    if not isinstance(file, str) or not file.endswith(".lean"):
        raise DomainError("file", file, f"must be the path of a .lean file (theorem {full_name})")
    if isinstance(line, bool) or not isinstance(line, int) or line < 1:
        raise DomainError("line", line, f"must be a 1-based line number (theorem {full_name})")
    if not isinstance(statement, str) or not statement.strip():
        raise DomainError("statement", statement, f"must be the non-empty signature text (theorem {full_name})")
    if source not in (LEANDOJO, MANIFEST):
        raise DomainError("source", source, f"must be {LEANDOJO!r} or {MANIFEST!r}")
    return {
        "full_name": full_name,
        "file": file,
        "line": line,
        "statement": statement.strip(),
        "premises": None if premises is None else list(dict.fromkeys(premises)),
        "source": source,
    }


def _own_file(path: PurePath) -> bool:
    """Whether a traced file belongs to the traced project rather than a dependency."""
    return not any(path.is_relative_to(deps) for deps in _DEPENDENCY_DIRS)


def _signature(code: str) -> str:
    code = code.strip()
    return code[:-2].rstrip() if code.endswith(":=") else code


def records_from_traced_repo(traced_repo: Any) -> dict[str, list[dict[str, Any]]]:
    """Theorems (with the premises each proof uses) and premise definitions of the project itself.

    ``traced_repo`` is a ``lean_dojo.TracedRepo``; files of dependencies (Lean core, packages)
    are left out. Returns ``{"theorems": [...], "premises": [...]}``; a premise definition has
    ``full_name``, ``kind``, ``file``, ``line`` and ``code`` (LeanDojo's premise corpus entry).
    """
    theorems: list[dict[str, Any]] = []
    definitions: list[dict[str, Any]] = []
    for traced_file in traced_repo.traced_files:
        path = PurePath(traced_file.path)
        if not _own_file(path):
            continue
        for traced in traced_file.get_traced_theorems():
            theorems.append(
                theorem_record(
                    full_name=traced.theorem.full_name,
                    file=path.as_posix(),
                    line=traced.start.line_nb,
                    statement=_signature(traced.get_theorem_statement()),
                    premises=traced.get_premise_full_names(),
                    source=LEANDOJO,
                )
            )
        for premise in traced_file.get_premise_definitions():
            definitions.append(
                {
                    "full_name": premise["full_name"],
                    "kind": premise["kind"],
                    "file": path.as_posix(),
                    "line": premise["start"][0],
                    "code": premise["code"],
                }
            )
    theorems.sort(key=lambda record: (record["file"], record["line"], record["full_name"]))
    definitions.sort(key=lambda record: (record["file"], record["line"], record["full_name"]))
    return {"theorems": theorems, "premises": definitions}
