"""Helpers shared by the subcommand modules."""

from __future__ import annotations

import sys
from pathlib import Path


class CliError(Exception):
    """Bad input to a command: the message is shown as one line and the exit status is 2.

    Say what went wrong and what to do, e.g. "cannot read notes.txt: no such file".
    """


def read_text_arg(source: str | None) -> str:
    """Read UTF-8 text from a file path, or from stdin when ``source`` is None or ``-``."""
    try:
        if source in (None, "-"):
            data = sys.stdin.buffer.read()
            label = "standard input"
        else:
            path = Path(source)
            label = str(path)
            data = path.read_bytes()
    except FileNotFoundError:
        raise CliError(f"cannot read {source}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"cannot read {source}: it is a folder, not a file") from None
    except PermissionError:
        raise CliError(f"cannot read {source}: permission denied") from None
    except OSError as err:
        raise CliError(f"cannot read {source}: {err.strerror or err}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise CliError(
            f"cannot read {label}: not UTF-8 text (bad byte at offset {err.start}); "
            "save it as UTF-8 and try again"
        ) from None
