from __future__ import annotations

import logging
import stat
from pathlib import Path

from safenote.core.logsetup import PrivateRotatingHandler, configure_logging


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


def test_log_rolls_over_into_private_backups_and_keeps_only_a_few(tmp_path: Path) -> None:
    path = tmp_path / "logs" / "app.log"
    path.parent.mkdir()
    path.touch(mode=0o600)
    handler = PrivateRotatingHandler(path, max_bytes=200, backups=2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log = logging.getLogger("safenote.rolltest")
    log.addHandler(handler)
    log.propagate = False
    try:
        for n in range(60):
            log.warning("event number %03d happened", n)
    finally:
        log.removeHandler(handler)
        handler.close()
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == ["app.log", "app.log.1", "app.log.2"]
    for file in path.parent.iterdir():
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
        assert file.stat().st_size <= 200 + 40  # rolls over before a line crosses the cap
    # The newest line is in the live file, older ones in .1; the oldest have been dropped.
    assert "event number 059" in path.read_text(encoding="utf-8")
    assert "event number 000" not in "".join(
        p.read_text(encoding="utf-8") for p in path.parent.iterdir()
    )
    current = path.read_text(encoding="utf-8").split()
    previous = (path.parent / "app.log.1").read_text(encoding="utf-8").split()
    assert int(previous[-2]) < int(current[2])
