"""Notice when nobody has touched SafeNote for a while.

An application-wide event filter restarts a single-shot timer on every key, click, wheel
or touch (pointer moves alone don't count: a mouse nudged by someone walking past should
not keep a message on screen). When the timer runs out :attr:`IdleWatcher.idle` fires and
the window locks.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

DEFAULT_MINUTES = 5
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


class IdleWatcher(QObject):
    """Emits :attr:`idle` after ``timeout_ms`` without input anywhere in the app."""

    idle = Signal()
    """Nobody has used SafeNote for the configured time."""

    def __init__(
        self,
        timeout_ms: int = DEFAULT_MINUTES * 60_000,
        parent: QObject | None = None,
        *,
        watch_after_ms: int = 0,
    ):
        super().__init__(parent)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.idle)
        self._watching = False
        self.set_timeout_ms(timeout_ms)
        if watch_after_ms <= 0:
            self._watch_input()
        else:
            # An app-wide filter sees every event, and PySide builds the Python types (and
            # their enums) of each kind of object it is first handed: ~10 ms that would
            # otherwise delay the window at start-up. Input in that first moment can only
            # make the idle lock later, never sooner, so nothing is lost by waiting.
            QTimer.singleShot(watch_after_ms, self, self._watch_input)

    def _watch_input(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            self._watching = True

    def set_timeout_ms(self, timeout_ms: int) -> None:
        """0 turns idle locking off."""
        self._timeout_ms = max(0, timeout_ms)
        self._timer.setInterval(self._timeout_ms)
        self.restart()

    def set_minutes(self, minutes: int) -> None:
        self.set_timeout_ms(minutes * 60_000)

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    @property
    def watching(self) -> bool:
        """Input anywhere in the app restarts the countdown (from ``watch_after_ms`` on)."""
        return self._watching

    @property
    def remaining_ms(self) -> int:
        """Time left before :attr:`idle` fires; -1 when not counting."""
        return self._timer.remainingTime()

    def restart(self) -> None:
        if self._timeout_ms > 0:
            self._timer.start()
        else:
            self._timer.stop()

    def pause(self) -> None:
        """Stop counting (while locked there is nothing to protect)."""
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False
