"""TaskRunner: background work whose owner can be deleted at any moment."""

from __future__ import annotations

import functools
import subprocess
import sys
import textwrap

from pytestqt.qtbot import QtBot

from safenote.gui.tasks import TaskRunner

# An owner deleted by Qt from inside a Python event() override (as a dialog with
# WA_DeleteOnClose is), holding the GIL, while its runner's task still has Python to run.
# Before the fix ~QThreadPool waited for that task with the GIL held and the task waited
# for the GIL: the process hung. It runs in a child so a regression fails, not hangs.
SCENARIO = textwrap.dedent(
    """
    import threading, time
    from PySide6.QtCore import QCoreApplication, QObject, QTimer
    from safenote.gui.tasks import TaskRunner

    app = QCoreApplication([])

    class Owner(QObject):
        def event(self, event):
            return super().event(event)

    owner = Owner()
    runner = TaskRunner(owner)
    started, release = threading.Event(), threading.Event()
    finished = []

    def work():
        started.set()
        release.wait()
        time.sleep(0.2)  # the owner's deletion starts while the task sleeps...
        finished.append(sum(range(200_000)))  # ...and then the task needs the GIL
        return finished[-1]

    runner.submit(work)
    started.wait(5)
    release.set()
    owner.destroyed.connect(lambda: QTimer.singleShot(0, app.quit))
    owner.deleteLater()
    app.exec()
    print("finished" if finished else "not finished")
    """
)


def test_deleting_a_runners_owner_mid_task_waits_for_the_task_without_deadlock() -> None:
    child = subprocess.run(
        [sys.executable, "-c", SCENARIO], capture_output=True, text=True, timeout=30, check=False
    )
    assert child.returncode == 0, child.stderr
    assert child.stdout.strip() == "finished"


def test_results_come_back_in_order_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    results: list[int] = []
    for n in range(5):
        runner.submit(functools.partial(pow, n, 2), results.append)
    qtbot.waitUntil(lambda: len(results) == 5)
    assert results == [0, 1, 4, 9, 16]
    runner.deleteLater()
