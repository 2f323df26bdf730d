"""``python -m sphinxext_httpstatus``: the terminal companion (see :mod:`.cli`)."""

import sys

from .cli import main

sys.exit(main())
