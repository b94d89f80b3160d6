"""The audit's Lean check on its own thread, beside the identities and the measurements.

The wasm Lean elaborates on one thread, so on a machine with two cores the measurements can use
the other one meanwhile: the audit starts the check first, measures with one torch thread fewer
while it runs (all of them from the first forward pass after it is done) and waits for the
manifest only where the ledger needs it. Progress says how long Lean has run against how long it
usually takes.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from pathlib import Path

EXPECTED = "2–4 minutes beside the measurements on a quiet 2-core machine, more on a busy one; a cached check ~2 s"
_ELAPSED = re.compile(r"Lean: still elaborating, (\d+) s elapsed")
_EVERY = 30  # seconds between "still elaborating" lines


class BackgroundLeanCheck:
    """``attnthermo lean check`` (via the ledger's evidence step) running on a daemon thread
    (``fresh``: no cached Lean result)."""

    def __init__(self, root: Path, say: Callable[[str], None], fresh: bool = False):
        self.root = root
        self.fresh = fresh
        self.say = say
        self.started = time.perf_counter()
        self.seconds = 0.0
        self.waited = 0.0
        self._manifest: dict | None = None
        self._error: BaseException | None = None
        self._done = threading.Event()
        self._all_threads: int | None = None
        say(f"Lean check started in the background ({EXPECTED})")
        threading.Thread(target=self._run, name="lean-check", daemon=True).start()

    def _run(self) -> None:
        from attnthermo.ledger import evidence

        try:
            self._manifest = evidence.run_lean_check(self.root, self._progress, self.fresh)
        except BaseException as exc:  # re-raised in the audit's thread by result()
            self._error = exc
        finally:
            self.seconds = time.perf_counter() - self.started
            self._done.set()

    def _progress(self, message: str) -> None:
        found = _ELAPSED.match(message)
        if found is None:
            self.say(message)
        elif int(found.group(1)) % _EVERY < 15:
            self.say(f"Lean (background): {found.group(1)} s elapsed; expected {EXPECTED}")

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds; whether the check is done."""
        return self._done.wait(timeout)

    def torch_threads(self) -> int:
        """CPU threads for the next forward pass: one fewer than torch's default while Lean runs."""
        import torch

        if self._all_threads is None:
            self._all_threads = torch.get_num_threads()
        return self._all_threads if self._done.is_set() else max(1, self._all_threads - 1)

    def result(self) -> dict:
        """The manifest (waiting for the check if it still runs); the check's error re-raised."""
        if not self._done.is_set():
            self.say("waiting for the Lean check (the ledger needs its manifest)")
        t0 = time.perf_counter()
        self._done.wait()
        self.waited = time.perf_counter() - t0
        if self._error is not None:
            raise self._error
        self.say(f"Lean check done in {self.seconds:.0f} s" + (f" (waited {self.waited:.0f} s for it)"
                                                            if self.waited >= 1 else ""))
        return self._manifest
