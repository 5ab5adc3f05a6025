"""PySide6 6.12.0 on CPython 3.11 drops a reference to None on every void call; importing
``safenote.gui`` must keep a long session alive (checked in a fresh process, since the
failure aborts the interpreter)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SESSION = textwrap.dedent(
    """
    import sys
    import safenote.gui
    from PySide6.QtCore import QObject, QTimer, Signal

    class Source(QObject):
        changed = Signal(object)

    source, timer = Source(), QTimer()
    # Far more calls than None's or True's reference count would survive unguarded.
    for _ in range(200_000):
        timer.setInterval(1)
        source.changed.emit(None)
    print("alive")
    """
)


def test_a_long_session_of_qt_calls_does_not_abort() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SESSION],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "alive"
