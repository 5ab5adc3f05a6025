"""Write a file all at once or not at all, private to this user.

The bytes go to a temporary file in the destination folder (so the final rename stays on one
file system and is atomic), are flushed to disk, then renamed over the target, and the folder
is synced so the rename itself is on disk too. A reader never sees a half-written file and a
failure leaves nothing behind.

Speed: the kernel is asked to start writing each MiB out as soon as it is written (see
:class:`_WritebackFile`), so when the file is large the closing ``fsync`` has little left to
wait for: the disk works while the caller is still producing the rest (encrypting, say).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

PRIVATE_FILE_MODE = 0o600
# How much to write before asking the kernel to start writing it to disk. Measured on ext4
# for a 10 MB export: 256 KiB-2 MiB all take ~5 ms off; smaller steps cost more in calls.
WRITEBACK_STEP = 1 << 20


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
        try:
            with io.BufferedWriter(_WritebackFile(fd)) as handle:
                produce(handle)
                handle.flush()
                os.fsync(fd)
        finally:
            os.close(fd)
        if overwrite:
            os.replace(tmp, path)
        else:
            _publish_exclusive(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    _sync_folder(folder)


class _WritebackFile(io.RawIOBase):
    """Writes to ``fd`` and starts the kernel writing each finished MiB out to disk.

    ``posix_fadvise(DONTNEED)`` on pages just written starts their asynchronous write-out
    (it cannot drop them from the cache: they are still dirty); it waits for nothing. The
    ``fsync`` at the end is still what guarantees the data is on disk. Where the call does
    not exist (macOS, Windows) this is a plain writer. The caller closes ``fd``.
    """

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd
        self._written = 0
        self._started = 0  # write-out has been started for the bytes before this offset

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def write(self, data: ReadableBuffer) -> int:
        view = memoryview(data).cast("B")
        total = len(view)
        # In steps, so the disk writes one step while the next is being copied.
        while view:
            count = os.write(self._fd, view[:WRITEBACK_STEP])
            view = view[count:]
            self._written += count
            if self._written - self._started >= WRITEBACK_STEP:
                self._start_writeback()
        return total

    def _start_writeback(self) -> None:
        if hasattr(os, "posix_fadvise"):
            # Only a hint: a file system that refuses it just gets the fsync's write-out.
            with contextlib.suppress(OSError):
                length = self._written - self._started
                os.posix_fadvise(self._fd, self._started, length, os.POSIX_FADV_DONTNEED)
        self._started = self._written


def _sync_folder(folder: Path) -> None:
    """Make the new directory entry durable: fsync(2) says a file's own fsync does not.

    Without it the file is still complete or absent after a crash, but "absent" could
    follow a save the user was told had finished. Windows cannot open a folder this way.
    """
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        # A folder we may write into but not read (mode -wx): the data is synced; the
        # rename reaches the disk with the file system's next commit.
        return
    try:
        # Some file systems (certain network shares) refuse fsync on a folder; as above.
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


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
