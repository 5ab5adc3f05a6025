"""Logging to a private rotating file.

Logs say what happened, never what anyone wrote: callers log ids, counts and error kinds only.
The file lives in the platform log folder (or ``$SAFENOTE_HOME/logs``), mode 0600.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from safenote.core.paths import make_private_dir

LOG_FILE = "safenote.log"
_MAX_BYTES = 1_000_000
_BACKUPS = 3
_HANDLER_NAME = "safenote-file"


def configure_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Send the ``safenote`` logger to ``log_dir/safenote.log``; return the file's path.

    Calling it again (e.g. in tests with another folder) replaces the previous file handler.
    """
    make_private_dir(log_dir)
    path = log_dir / LOG_FILE
    # Create the file ourselves so it is 0600 even under a permissive umask.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.close(fd)
    if os.name == "posix":
        os.chmod(path, 0o600)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8"
    )
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("safenote")
    for old in [h for h in logger.handlers if h.get_name() == _HANDLER_NAME]:
        logger.removeHandler(old)
        old.close()
    logger.addHandler(handler)
    logger.setLevel(level)
    return path
