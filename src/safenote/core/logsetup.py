"""Logging to a private rotating file.

Logs say what happened, never what anyone wrote: callers log ids, counts and error kinds only.
The file lives in the platform log folder (or ``$SAFENOTE_HOME/logs``), mode 0600.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from safenote.core.paths import make_private_dir

LOG_FILE = "safenote.log"
_MAX_BYTES = 1_000_000
_BACKUPS = 3
_HANDLER_NAME = "safenote-file"


class PrivateRotatingHandler(logging.FileHandler):
    """A log file that rolls over to ``.1`` … ``.N`` past ``max_bytes``, each file 0600.

    Our own few lines instead of ``logging.handlers.RotatingFileHandler``: that module
    pulls in ``socket``, ``pickle`` and ``queue`` for handlers SafeNote never uses (about
    10 ms on every start-up, and a network module we'd rather not load at all).
    """

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__(path, mode="a", encoding="utf-8")
        self.max_bytes, self.backups = max_bytes, backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None and self.stream.tell() >= self.max_bytes:
                self._roll_over()
        except OSError:
            self.handleError(record)
        super().emit(record)

    def _roll_over(self) -> None:
        self.close()  # also drops the stream; FileHandler.emit reopens it
        base = Path(self.baseFilename)
        for n in range(self.backups - 1, 0, -1):
            older = base.with_name(f"{base.name}.{n}")
            if older.exists():
                older.replace(base.with_name(f"{base.name}.{n + 1}"))
        if self.backups > 0:
            base.replace(base.with_name(f"{base.name}.1"))
        else:
            base.unlink(missing_ok=True)
        _create_private(base)


def _create_private(path: Path) -> None:
    """Create the file ourselves so it is 0600 even under a permissive umask."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.close(fd)
    if os.name == "posix":
        os.chmod(path, 0o600)


def configure_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Send the ``safenote`` logger to ``log_dir/safenote.log``; return the file's path.

    Calling it again (e.g. in tests with another folder) replaces the previous file handler.
    """
    make_private_dir(log_dir)
    path = log_dir / LOG_FILE
    _create_private(path)
    handler = PrivateRotatingHandler(path, _MAX_BYTES, _BACKUPS)
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("safenote")
    for old in [h for h in logger.handlers if h.get_name() == _HANDLER_NAME]:
        logger.removeHandler(old)
        old.close()
    logger.addHandler(handler)
    logger.setLevel(level)
    return path
