"""What the installed LeanDojo is known not to handle in a Lean project, read from its files.

Three facts, found by reading lean-dojo 4.20.0's source (its ``ExtractData.lean`` is compiled
by the traced project's own toolchain at trace time):

- **Lean version.** lean-dojo's version names the Lean release its extractor was written for;
  a newer toolchain compiles that extractor against a changed Lean API (a user reports it
  panicking under Lean 4.22.0-rc3, LeanDojo issue #247).
- **Module system.** Files that begin with ``module`` (the header this project's library uses)
  came after lean-dojo 4.20.0, whose extractor processes headers with the Lean 4.20 API
  (how it fails on them is untested).
- **Source directory.** The extractor looks for the ``.olean`` of ``<dir>/<File>.lean`` at
  ``.lake/build/lib/lean/<dir>/<File>.olean``; with a lakefile ``srcDir`` other than the
  repository root, Lake writes it elsewhere and the file is silently skipped.

>>> import tempfile, pathlib
>>> tmp = pathlib.Path(tempfile.mkdtemp())
>>> _ = (tmp / "lean-toolchain").write_text("leanprover/lean4:v4.28.0\\n")
>>> _ = (tmp / "lakefile.lean").write_text('lean_lib X where\\n  srcDir := "lean"\\n')
>>> [i.topic for i in known_incompatibilities(tmp, "4.20.0")]
['lean version', 'source directory']
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from attnthermo.dojo.requirements import PINNED_LEAN_DOJO
from attnthermo.errors import DomainError
from attnthermo.lean.sources import mask

#: The oldest Lean LeanDojo 4.x traces (its own check).
MIN_LEAN = (4, 3)

_TOOLCHAIN = re.compile(r"leanprover/lean4:v?(\d+)\.(\d+)\.(\d+)\S*")
_SRC_DIR = re.compile(r"""\bsrcDir\s*(?::=|=)\s*"([^"]*)\"""")
_SKIPPED_DIRS = {".lake", "lake-packages", ".git"}


@dataclass(frozen=True)
class Incompatibility:
    """One reason the installed LeanDojo cannot be expected to trace the project."""

    topic: str
    detail: str

    def to_dict(self) -> dict:
        return {"topic": self.topic, "detail": self.detail}


def _major_minor(version: str, parameter: str) -> tuple[int, int]:
    match = re.match(r"v?(\d+)\.(\d+)", version.strip())
    if match is None:
        raise DomainError(parameter, version, "not a version of the form MAJOR.MINOR[.PATCH]")
    return int(match.group(1)), int(match.group(2))


def toolchain_version(root: Path) -> tuple[int, int, int] | None:
    """The Lean release named in ``root/lean-toolchain`` (None for nightlies or custom toolchains)."""
    path = root / "lean-toolchain"
    if not path.is_file():
        raise DomainError("root", str(root), "has no lean-toolchain file naming the Lean version")
    match = _TOOLCHAIN.fullmatch(path.read_text(encoding="utf-8").strip())
    return tuple(int(part) for part in match.groups()) if match else None  # type: ignore[return-value]


def source_dirs(root: Path) -> list[str]:
    """Every ``srcDir`` set in the lakefile (none set: the repository root)."""
    found: list[str] = []
    for name in ("lakefile.lean", "lakefile.toml"):
        path = root / name
        if path.is_file():
            found += _SRC_DIR.findall(path.read_text(encoding="utf-8"))
    return found


def is_module_file(text: str) -> bool:
    """Whether Lean source ``text`` opens with the module-system header ``module``.

    >>> is_module_file("/- a header comment -/\\nmodule\\n\\npublic import Init\\n")
    True
    >>> is_module_file("import Init\\n")
    False
    """
    return re.match(r"\s*module\b", mask(text).code) is not None


def module_files(root: Path) -> list[str]:
    """Lean files under ``root`` (lakefile and build folders excluded) written as modules."""
    found = []
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if d not in _SKIPPED_DIRS)
        for name in sorted(files):
            path = Path(directory) / name
            if name.endswith(".lean") and name != "lakefile.lean":
                if is_module_file(path.read_text(encoding="utf-8", errors="replace")):
                    found.append(path.relative_to(root).as_posix())
    return found


def known_incompatibilities(root: Path, lean_dojo_version: str | None = None) -> list[Incompatibility]:
    """Why LeanDojo ``lean_dojo_version`` (default: the pinned one) is not expected to trace ``root``."""
    dojo_version = lean_dojo_version or PINNED_LEAN_DOJO
    dojo = _major_minor(dojo_version, "lean_dojo_version")
    found: list[Incompatibility] = []
    lean = toolchain_version(root)
    if lean is None:
        found.append(
            Incompatibility(
                "lean version",
                "lean-toolchain does not name a Lean release (leanprover/lean4:vX.Y.Z); "
                "LeanDojo resolves the toolchain to a Lean release commit",
            )
        )
    elif lean[:2] < MIN_LEAN:
        found.append(Incompatibility("lean version", f"Lean {'.'.join(map(str, lean))} is older than 4.3, which LeanDojo 4.x needs"))
    elif lean[:2] > dojo:
        found.append(
            Incompatibility(
                "lean version",
                f"lean-toolchain names Lean {'.'.join(map(str, lean))}, newer than lean-dojo "
                f"{dojo_version} (written for Lean {dojo[0]}.{dojo[1]}): its ExtractData.lean is "
                "compiled by the project's toolchain and uses Lean internals that changed since",
            )
        )
    modules = module_files(root)
    if modules and (lean is None or lean[:2] > dojo):
        shown = ", ".join(modules[:3]) + (f" and {len(modules) - 3} more" if len(modules) > 3 else "")
        found.append(
            Incompatibility(
                "module system",
                f"{len(modules)} file(s) use the module system ({shown}), which postdates "
                f"lean-dojo {dojo_version}, whose extractor processes headers and imports with the older API",
            )
        )
    odd_dirs = sorted({d for d in source_dirs(root) if d.strip("./") != ""})
    if odd_dirs:
        found.append(
            Incompatibility(
                "source directory",
                f"the lakefile sets srcDir {', '.join(repr(d) for d in odd_dirs)}; lean-dojo "
                f"{dojo_version}'s extractor expects each file's .olean at .lake/build/lib/lean/"
                "<path from the repository root>, so files under a srcDir are skipped, not traced",
            )
        )
    return found
