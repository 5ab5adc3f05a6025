"""Write a file all at once or not at all, private to this user.

The bytes go to a temporary file in the destination folder (so the final rename stays on one
file system and is atomic), are flushed to disk, then renamed over the target. A reader never
sees a half-written file and a failure leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

PRIVATE_FILE_MODE = 0o600


def write_private_atomic(path: Path, data: bytes | bytearray, *, overwrite: bool = True) -> None:
    """Atomically write ``data`` to ``path`` with mode 0600.

    With ``overwrite=False`` an existing file is never replaced (``FileExistsError``).
    """
    write_private_atomic_with(path, lambda handle: handle.write(data), overwrite=overwrite)


def write_private_atomic_with(
    path: Path, produce: Callable[[BinaryIO], object], *, overwrite: bool = True
) -> None:
    """Like :func:`write_private_atomic`, but ``produce`` writes into the open file.

    For content streamed from elsewhere (ciphertext) so it need not sit in memory whole.
    Never use it to stream unauthenticated plaintext.
    """
    folder = path.parent if str(path.parent) else Path(".")
    # mkstemp creates the file with mode 0600 already, whatever the umask.
    fd, tmp_name = tempfile.mkstemp(prefix=".safenote-", suffix=".part", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            produce(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            _publish_exclusive(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def _publish_exclusive(tmp: Path, path: Path) -> None:
    """Move ``tmp`` to ``path`` only if ``path`` does not exist yet."""
    try:
        # link() fails if the target exists, unlike rename(): no check-then-write race.
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:
        # No hard links here (FAT/exFAT USB sticks, some network shares): create the target
        # exclusively and copy, which is just as safe against overwriting, if not atomic.
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        with (
            tmp.open("rb") as source,
            os.fdopen(os.open(path, flags, PRIVATE_FILE_MODE), "wb") as target,
        ):
            shutil.copyfileobj(source, target)
            target.flush()
            os.fsync(target.fileno())
    tmp.unlink()
