"""Whole-or-nothing file writes: a reader (or a Ctrl-C) never sees half a file.

The text goes to a temporary file beside the target, is flushed to disk and renamed over it
(``os.replace`` is atomic on one filesystem). On any failure the temporary file is removed and the
target is left as it was.

>>> import pathlib, tempfile
>>> target = pathlib.Path(tempfile.mkdtemp()) / "a.json"
>>> write_text(target, "{}\\n"); target.read_text()
'{}\\n'
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically; OSError (naming the path) when it cannot."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
