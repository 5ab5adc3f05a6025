"""Input and output helpers shared by the export commands (encrypt, decrypt, pdf).

``read_bytes_arg`` lives in :mod:`safenote.cli._common` and is re-exported here.
"""

from __future__ import annotations

import sys
from pathlib import Path

from safenote.cli._common import CliError, read_bytes_arg
from safenote.core.export.atomic import write_private_atomic

__all__ = ["check_output_path", "read_bytes_arg", "read_passphrase_file", "write_output"]


def read_passphrase_file(path: str) -> str:
    """The passphrase in ``path``: its first line, without the line break."""
    raw = read_bytes_arg(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CliError(f"cannot read {path}: the passphrase file is not UTF-8 text") from None
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise CliError(f"{path} is empty: put the passphrase on its first line")
    return lines[0]


def write_output(data: bytes | bytearray, out: str | None, *, binary: bool) -> None:
    """Write to ``out`` atomically (0600), or to stdout when no file is named."""
    if out is None or out == "-":
        if binary and sys.stdout.isatty():
            raise CliError(
                "refusing to print binary data to the terminal: add -o FILE (or --armor)"
            )
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = check_output_path(out)
    try:
        write_private_atomic(target, data)
    except FileNotFoundError:
        raise CliError(f"cannot write {out}: its folder does not exist") from None
    except PermissionError:
        raise CliError(f"cannot write {out}: permission denied") from None
    except OSError as err:
        raise CliError(f"cannot write {out}: {err.strerror or err}") from None


def check_output_path(out: str) -> Path:
    """``out`` as a path, refused early if it cannot be a file we write."""
    target = Path(out)
    if target.is_dir():
        raise CliError(f"cannot write {out}: it is a folder; name a file inside it")
    if not target.parent.is_dir():
        raise CliError(f"cannot write {out}: its folder does not exist")
    return target
