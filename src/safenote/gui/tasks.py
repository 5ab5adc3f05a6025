"""Run slow work (keyring, disk, key derivation) off the GUI thread, results back on it.

A :class:`TaskRunner` owns a one-thread pool, so vault calls run in the order they were
asked for (a save never overtakes an earlier save) and the GUI thread only ever handles the
finished result, delivered through a queued signal.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import logging
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from safenote.core.vault import VaultError

log = logging.getLogger(__name__)

_Callbacks = tuple[Callable[[Any], None] | None, Callable[[BaseException], None] | None]


class _Task(QRunnable):
    """Runs one callable on the pool's thread and reports through the runner's signal.

    It holds only a weak reference to the runner: if the window (and so the runner) goes
    away while this runs, the result is dropped, and the runner is never released on the
    worker thread.
    """

    def __init__(self, work: Callable[[], Any], task_id: int, runner: TaskRunner) -> None:
        super().__init__()
        self._work = work
        self._task_id = task_id
        self._runner = weakref.ref(runner)
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result: object = self._work()
            ok = True
        except VaultError as err:
            result, ok = err, False
        except Exception as err:  # an unexpected bug: keep its type, never its message
            log.error("Background task failed: %s", type(err).__name__)
            result, ok = err, False
        runner = self._runner()
        if runner is None:
            return
        # The runner's C++ side may be gone although Python still holds it; nobody waits then.
        with contextlib.suppress(RuntimeError):
            runner.finished_task.emit(self._task_id, ok, result)
        del runner


def _drain(pool: QThreadPool, *_destroyed: object) -> None:
    """Wait for ``pool``'s running task with the GIL released (see TaskRunner)."""
    with contextlib.suppress(RuntimeError):  # the pool is already gone: nothing to wait for
        pool.waitForDone()


class TaskRunner(QObject):
    """Queue callables on one background thread; call back on the GUI thread.

    One long-lived signal carries every result back (queued, because the runner lives on
    the GUI thread and the signal is emitted on the worker). There is no per-task QObject,
    so no object's lifetime depends on when a deferred delete happens to run.
    """

    finished_task = Signal(int, bool, object)
    """Internal: (task id, succeeded, result or exception), emitted on the worker thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        # When the runner's owner is deleted (a dialog closing with WA_DeleteOnClose, say),
        # Qt deletes the pool as a child, and ~QThreadPool waits for its thread while the
        # deleting code holds Python's GIL. The thread needs the GIL to finish its task (to
        # return from run, to free the task), so that wait never ended: a deadlock, seen
        # once in ~50 runs of the unlock flow. ``destroyed`` fires before the children are
        # deleted, so wait here instead, through Python, which lets go of the GIL while it
        # waits; the pool's own wait then finds nothing running. The slot holds the pool,
        # not the runner, which is half gone by then.
        self.destroyed.connect(functools.partial(_drain, self._pool))
        self._pending: dict[int, _Callbacks] = {}
        self._ids = itertools.count(1)
        self.finished_task.connect(self._deliver)

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        task_id = next(self._ids)
        self._pending[task_id] = (on_done, on_error)
        self._pool.start(_Task(work, task_id, self))

    def _deliver(self, task_id: int, ok: bool, result: object) -> None:
        on_done, on_error = self._pending.pop(task_id, (None, None))
        if ok:
            if on_done is not None:
                on_done(result)
            return
        assert isinstance(result, BaseException)
        if on_error is not None:
            on_error(result)
        elif not isinstance(result, VaultError):
            raise result

    def wait(self, msecs: int = -1) -> bool:
        """Block until queued work is done (used on quit, so nothing is lost)."""
        return bool(self._pool.waitForDone(msecs))

    @property
    def busy(self) -> bool:
        return self._pool.activeThreadCount() > 0 or bool(self._pending)
