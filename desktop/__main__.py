"""`python -m desktop` is the same program as `compound-desk`."""

import sys

from desktop.cli.main import main

sys.exit(main())
