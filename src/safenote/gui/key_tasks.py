"""Keyring calls and key derivation off the GUI thread, with a visible busy state.

A keyring can take seconds to answer (or wait for a password prompt) and Argon2 takes a
noticeable moment, so dialogs run that work through a :class:`KeyTaskRunner`: one
background thread, results delivered on the GUI thread, and :attr:`busyChanged` so the
dialog can show progress and stop the person from starting the same thing twice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressBar, QWidget

from safenote.gui.tasks import TaskRunner


class KeyTaskRunner(QObject):
    """Runs one key task at a time; :attr:`busy` is true while one is in flight."""

    busyChanged = Signal(bool)
    """True when a task starts, False when its result (or error) has been delivered."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = TaskRunner(self)
        self._busy = False

    @property
    def busy(self) -> bool:
        return self._busy

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> bool:
        """Start ``work`` unless a task is already running; returns whether it started."""
        if self._busy:
            return False
        self._set_busy(True)

        def done(result: Any) -> None:
            self._set_busy(False)
            on_done(result)

        def failed(err: BaseException) -> None:
            self._set_busy(False)
            on_error(err)

        self._tasks.submit(work, done, failed)
        return True

    def wait(self) -> None:
        self._tasks.wait()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busyChanged.emit(busy)


def busy_bar(parent: QWidget, name: str) -> QProgressBar:
    """An indeterminate progress bar, hidden until work starts, named for screen readers."""
    bar = QProgressBar(parent)
    bar.setObjectName("busyBar")
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(8)
    bar.setAccessibleName(name)
    bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    bar.hide()
    return bar
