"""An exclusive lock on a file (fcntl), held for the duration of a ``with`` block.

A second process or thread asking for the same lock waits until the first releases it.

>>> import tempfile, pathlib
>>> with exclusive_lock(pathlib.Path(tempfile.mkdtemp()) / ".lock"):
...     pass
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``path`` (created if missing) while the block runs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
