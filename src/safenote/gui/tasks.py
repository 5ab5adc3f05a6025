"""Run slow work (keyring, disk, key derivation) off the GUI thread, results back on it.

A :class:`TaskRunner` owns a one-thread pool, so vault calls run in the order they were
asked for (a save never overtakes an earlier save) and the GUI thread only ever handles the
finished result, delivered through a queued signal.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from safenote.core.vault import VaultError

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from the worker arrive there queued.

    The callbacks are called from this object's own methods: a signal connected to a bare
    Python function would run it on the emitting (worker) thread.
    """

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        finish: Callable[[_Relay], None],
        parent: QObject,
    ) -> None:
        # A child of the runner: if the runner goes away first, pending results are dropped
        # with it instead of reaching objects that no longer exist.
        super().__init__(parent)
        self._on_done = on_done
        self._on_error = on_error
        self._finish = finish
        self.succeeded.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)

    def _deliver_result(self, result: object) -> None:
        try:
            if self._on_done is not None:
                self._on_done(result)
        finally:
            self._finish(self)

    def _deliver_error(self, error: BaseException) -> None:
        try:
            if self._on_error is not None:
                self._on_error(error)
            elif not isinstance(error, VaultError):
                raise error
        finally:
            self._finish(self)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._work()
        except VaultError as err:
            self._emit(self._relay.failed, err)
        except Exception as err:  # an unexpected bug: keep its type, never its message
            log.error("Background task failed: %s", type(err).__name__)
            self._emit(self._relay.failed, err)
        else:
            self._emit(self._relay.succeeded, result)

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        # The window may have closed while this ran; then nobody is waiting for the result.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


class TaskRunner(QObject):
    """Queue callables on one background thread; call back on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relays: set[_Relay] = set()

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        relay = _Relay(on_done, on_error, self._finish, self)
        self._relays.add(relay)
        self._pool.start(_Task(work, relay))

    def _finish(self, relay: _Relay) -> None:
        self._relays.discard(relay)
        relay.deleteLater()

    def wait(self, msecs: int = -1) -> bool:
        """Block until queued work is done (used on quit, so nothing is lost)."""
        return bool(self._pool.waitForDone(msecs))

    @property
    def busy(self) -> bool:
        return self._pool.activeThreadCount() > 0 or bool(self._relays)
