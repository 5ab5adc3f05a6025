"""Frozen entry point of the ``safenote`` command: the same ``main`` as ``python -m safenote``."""

import sys

from safenote.cli import main

if __name__ == "__main__":
    sys.exit(main())
