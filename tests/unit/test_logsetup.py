from __future__ import annotations

import logging
import stat
from pathlib import Path

from safenote.core.logsetup import configure_logging


def test_log_file_is_private_and_rotating(tmp_path: Path) -> None:
    path = configure_logging(tmp_path / "logs")
    logging.getLogger("safenote.test").info("draft %s saved", "d-1")
    for handler in logging.getLogger("safenote").handlers:
        handler.flush()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert "draft d-1 saved" in path.read_text(encoding="utf-8")


def test_reconfiguring_replaces_the_handler(tmp_path: Path) -> None:
    configure_logging(tmp_path / "a")
    second = configure_logging(tmp_path / "b")
    handlers = [h for h in logging.getLogger("safenote").handlers if h.get_name()]
    assert len(handlers) == 1
    logging.getLogger("safenote").warning("hello")
    handlers[0].flush()
    assert "hello" in second.read_text(encoding="utf-8")
