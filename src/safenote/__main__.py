"""`python -m safenote` runs the same entry point as the `safenote` command."""

import sys

from safenote.cli import main

sys.exit(main())
