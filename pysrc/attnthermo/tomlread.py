"""The TOML reader on every supported Python: the standard library's ``tomllib`` (3.11+), else
``tomli`` (the same parser, a dependency on 3.10 only). Import ``tomllib`` from here.

>>> tomllib.loads('a = "b"')
{'a': 'b'}
"""

from __future__ import annotations

import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised by the Python 3.10 run
    import tomli as tomllib

__all__ = ["tomllib"]
