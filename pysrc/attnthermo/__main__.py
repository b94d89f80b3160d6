"""``python -m attnthermo`` is the ``attnthermo`` command."""

import sys

from attnthermo.cli import main

sys.exit(main())
