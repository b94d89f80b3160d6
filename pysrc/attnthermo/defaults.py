"""Defaults, in one place: the model the audit measures and the precisions.

- ``DEFAULT_MODEL``  the model ``attnthermo audit`` / ``measure`` use when none is named;
- ``DEFAULT_DPS``    the digits of the command line and of identity receipts (the ledger's
                     "identity at 30 digits"); library functions follow mpmath instead:
                     ``dps=None`` means the current ``mpmath.mp.dps``;
- ``MAX_DPS``        the most digits any evaluation accepts (see :data:`MAX_DPS_COST`).
"""

from __future__ import annotations

DEFAULT_MODEL = "smollm2"
DEFAULT_DPS = 30
MAX_DPS = 2000
MAX_DPS_COST = ("cost grows faster than quadratically with the digits: one heat_capacity at 1000 "
                "digits takes about a minute on one core, at 2000 several minutes")
