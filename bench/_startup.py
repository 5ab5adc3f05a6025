"""Start-up in fresh processes: the child programs and how their runs are timed.

Shared by ``bench_gui.py`` (SafeNote with a file-backed key store, against a bare PySide6
window and the floor) and ``bench_startup_keyring.py`` (the same, with the real system
keyring). Each child prints the moment its window is interactive; see ``Child``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

# Each child prints the wall-clock time at which its window was interactive and the CPU time
# the whole process (every thread) had used by then, then its peak resident memory (VmHWM,
# which starts afresh at exec, unlike the fork-inherited ru_maxrss).
REPORT = """
def report_ready():
    import time
    print("ready", time.time(), time.process_time(), flush=True)

def report_memory():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            print("hwm", int(line.split()[1]), flush=True)
"""

# The end of the bare and floor children: report once the event loop runs, then quit.
UNTIL_READY = """
def ready():
    report_ready()
    app.quit()

QTimer.singleShot(0, ready)
app.exec()
report_memory()
"""

BARE = (
    REPORT
    + """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QPlainTextEdit())
window.show()
"""
    + UNTIL_READY
)

# The least any window that shows the latest encrypted draft must do, written as tightly as
# we can: the bare window, plus opening the vault (cryptography, sqlite3), decrypting the
# newest draft into the editor, and PySide's Qt namespace (every real widget sets a flag
# from it; PySide builds its ~100 enum types on first use). Informational: it shows how
# much of the start-up goal is left once that unavoidable work is done.
FLOOR = (
    REPORT
    + """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from safenote.core.paths import app_paths
from safenote.core.vault import Vault
from bench._filekeys import FileKeyStore
from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
app = QApplication(sys.argv[:1])
window = QMainWindow()
editor = QPlainTextEdit()
editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
window.setCentralWidget(editor)
window.setWindowFlag(Qt.WindowType.Window)
window.show()
vault = Vault.open(app_paths(), keystore=FileKeyStore(Path({keys!r})))
listing = vault.list_drafts()
editor.setPlainText(vault.get_draft(listing.drafts[0].id).body)
"""
    + UNTIL_READY
)

SAFENOTE = (
    REPORT
    + """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
# The installed command's own path: `safenote` with no arguments (safenote.cli.main), in
# its import order (SafeNote first, Qt through it), making its own QApplication. A timer
# watches for the window; the marker below is where bench_gui swaps in its file key store.
from safenote.cli import main
import safenote.gui.app as gui_app
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from safenote.gui.compose_window import ComposeWindow
KEY_STORE_SWAP

def ready():
    app = QApplication.instance()
    windows = [w for w in app.topLevelWidgets() if isinstance(w, ComposeWindow)]
    if not windows or windows[0].editor.isReadOnly() or not windows[0].isVisible():
        QTimer.singleShot(1, ready)
    else:
        report_ready()
        windows[0].close()
        app.quit()

begin = gui_app.Startup.begin

def begin_and_watch(self):
    QTimer.singleShot(0, ready)
    begin(self)

gui_app.Startup.begin = begin_and_watch
main([])
report_memory()
"""
)


class Child:
    """One kind of child process, and what its runs measured."""

    def __init__(self, name: str, code: str) -> None:
        self.name = name
        self.code = code
        self.wall: list[float] = []  # seconds from launch to an interactive window
        self.cpu: list[float] = []  # CPU seconds the process had used by then
        self.rss: list[int] = []  # peak resident memory over the whole run, KiB

    def run(self, env: dict[str, str]) -> None:
        start = time.time()
        result = subprocess.run(
            [sys.executable, "-c", self.code], env=env, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            failure = f"({result.returncode}): {result.stderr}"
            raise SystemExit(f"bench child {self.name} failed {failure}")
        fields = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
        ready, cpu = fields["ready"].split()
        self.wall.append(float(ready) - start)
        self.cpu.append(float(cpu))
        self.rss.append(int(fields["hwm"]))


def paired(ours: list[float], baseline: list[float]) -> float:
    """Median of the per-round ratios: each round runs both sides back to back, so a slow
    moment of the machine lands on both halves of a ratio rather than on one side's median."""
    return statistics.median(a / b for a, b in zip(ours, baseline, strict=True))


# SafeNote with the bench's file key store instead of the system keyring (bench_gui.py).
FILE_KEY_STORE = """
from bench._filekeys import FileKeyStore
gui_app.SystemKeyStore = lambda: FileKeyStore(Path({keys!r}))
"""


def safenote_child(root: str, keys: str | None) -> str:
    """The SafeNote child's code: with the file key store in ``keys``, or (None) the real
    system keyring, exactly as the installed command uses it."""
    import textwrap

    swap = textwrap.dedent(FILE_KEY_STORE) if keys is not None else ""
    code = textwrap.dedent(SAFENOTE).replace("KEY_STORE_SWAP", swap)
    return code.format(root=root, keys=keys)


def run_rounds(children: list[Child], env: dict[str, str], repeats: int) -> None:
    """Warm every child once (file cache, bytecode) and forget that run, then ``repeats``
    rounds, each running every child back to back in an order rotated per round, so no
    side always runs first."""
    for child in children:
        child.run(env)
        child.wall.clear()
        child.cpu.clear()
        child.rss.clear()
    for i in range(repeats):
        for child in children[i % len(children) :] + children[: i % len(children)]:
            child.run(env)
