"""Helpers shared by the subcommand modules."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO


class CliError(Exception):
    """Bad input to a command: the message is shown as one line and the exit status is 2.

    Say what went wrong and what to do, e.g. "cannot read notes.txt: no such file".
    """


# No message SafeNote reads is anywhere near this; a bigger input is a mistake, so refuse it
# before reading it all into memory.
MAX_INPUT_BYTES = 512 * 1024 * 1024


def read_bytes_arg(source: str | None) -> bytes:
    """Read a whole file, or stdin when ``source`` is None or ``-``, with plain errors."""
    try:
        if source in (None, "-"):
            data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        else:
            with Path(source).open("rb") as handle:
                data = _read_capped(handle)
    except FileNotFoundError:
        raise CliError(f"cannot read {source}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"cannot read {source}: it is a folder, not a file") from None
    except PermissionError:
        raise CliError(f"cannot read {source}: permission denied") from None
    except OSError as err:
        raise CliError(f"cannot read {source}: {err.strerror or err}") from None
    if len(data) > MAX_INPUT_BYTES:
        raise CliError(f"cannot read {source or 'standard input'}: it is far too large")
    return data


def _read_capped(handle: BinaryIO) -> bytes:
    """At most ``MAX_INPUT_BYTES + 1`` bytes of an open file.

    Sized from the file when it says its size: ``read(cap)`` allocates the whole 512 MB cap
    first, which cost ~5 ms on a 10 MB message (most of ``safenote encrypt``'s reading).
    """
    info = os.fstat(handle.fileno())
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_INPUT_BYTES:
        return handle.read(MAX_INPUT_BYTES + 1)
    data = handle.read(info.st_size + 1)
    if len(data) > info.st_size:
        # It grew since (or says 0 bytes, like files in /proc): read on, to the cap.
        data += handle.read(MAX_INPUT_BYTES + 1 - len(data))
    return data


def read_text_arg(source: str | None) -> str:
    """Read UTF-8 text from a file path, or from stdin when ``source`` is None or ``-``."""
    data = read_bytes_arg(source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise not_utf8_error(source, err) from None


def not_utf8_error(source: str | None, err: UnicodeDecodeError) -> CliError:
    """The error for input that is not UTF-8 text (also for readers that keep the bytes)."""
    label = "standard input" if source in (None, "-") else str(source)
    return CliError(
        f"cannot read {label}: not UTF-8 text (bad byte at offset {err.start}); "
        "save it as UTF-8 and try again"
    )
