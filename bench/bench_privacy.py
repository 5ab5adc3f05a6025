"""Privacy guards: what they cost, each against a baseline measured in the same run.

    .venv/bin/python bench/bench_privacy.py

* Idle watcher: GUI-thread time per key typed into a QPlainTextEdit with the app-wide
  idle event filter installed, against the same keys with no filter (samples interleaved).
  Goal: ratio < 1.1.
* Lock then unlock (keyring mode, in-memory key store): from Lock to the contents back on
  screen after pressing Unlock (the check re-opens the vault off the GUI thread and the
  result comes back through the event loop), against the same lock and unlock with no
  check (the widget swap alone). The difference is what the check costs.
* Passphrase unlock: the same with a passphrase (Argon2id at the real default cost), against
  the Argon2id derivation alone. Goal: ratio < 1.3 (the KDF is the cost, not the GUI).
* Copy through the clipboard guard (text plus a clear timer), against ``QClipboard.setText``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SAFENOTE_HOME"] = tempfile.mkdtemp(prefix="safenote-bench-privacy-")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._timing import median_seconds, report
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit

from safenote.core.paths import app_paths
from safenote.core.vault import MemoryKeyStore, Vault
from safenote.core.vault.crypto import KdfParams, passphrase_kek
from safenote.gui.clipboard_guard import ClipboardGuard
from safenote.gui.idle_lock import IdleWatcher
from safenote.gui.lock_screen import WindowLock

KEYS = 400
TEXT = "I wanted to say thank you for Tuesday. " * 20


def type_keys(editor: QPlainTextEdit) -> None:
    for ch in "abcdefghij" * (KEYS // 10):
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, int(Qt.Key.Key_A.value), Qt.KeyboardModifier.NoModifier, ch)
            QCoreApplication.sendEvent(editor, event)


def wait_until(condition: object) -> None:
    loop = QEventLoop()
    timer = QTimer(interval=1)
    timer.timeout.connect(lambda: loop.quit() if condition() else None)  # type: ignore[operator]
    timer.start()
    loop.exec()
    timer.stop()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    editor = QPlainTextEdit()
    editor.show()

    def keys_typed() -> None:
        editor.clear()
        type_keys(editor)

    keys_typed()  # warm up
    plain: list[float] = []
    filtered: list[float] = []
    watcher = IdleWatcher(timeout_ms=60_000)
    for _ in range(9):
        app.removeEventFilter(watcher)
        plain.append(median_seconds(keys_typed, repeats=1, warmup=0))
        app.installEventFilter(watcher)
        filtered.append(median_seconds(keys_typed, repeats=1, warmup=0))
    report(
        "Idle watcher, per key",
        statistics.median(filtered) / KEYS,
        statistics.median(plain) / KEYS,
        "ratio < 1.1",
    )
    watcher.deleteLater()

    paths = app_paths().ensure()
    keys = MemoryKeyStore()
    fast = KdfParams()  # the real default cost, as people get it
    phrase = "lantern orbit marble"
    vault, _code = Vault.create(paths, keystore=keys, passphrase=phrase, kdf=fast)
    vault.rotate_keyring_key(keys)
    window = QMainWindow()
    window.setCentralWidget(QPlainTextEdit())
    window.show()

    def verify_keyring(passphrase: str | None) -> None:
        Vault.open(paths, keystore=keys).close()

    lock = WindowLock(window, verify_keyring)

    def lock_and_unlock(passphrase: str | None = None) -> None:
        lock.lock()
        screen = lock.screen
        assert screen is not None
        if passphrase is not None:
            screen.passphrase.setText(passphrase)
        screen.unlock.click()
        wait_until(lambda: not lock.locked)

    def lock_and_unlock_unchecked() -> None:
        lock.lock()
        lock.unlock()
        wait_until(lambda: True)  # the same one trip through the event loop

    unlock_keyring = median_seconds(lock_and_unlock, repeats=9)
    swap_only = median_seconds(lock_and_unlock_unchecked, repeats=9)
    report("Lock + unlock with the keyring check", unlock_keyring, swap_only)

    def verify_phrase(passphrase: str | None) -> None:
        Vault.open(paths, passphrase=passphrase).close()

    lock.set_verify(verify_phrase)
    lock.set_passphrase_mode(True)
    unlock_phrase = median_seconds(lambda: lock_and_unlock(phrase), repeats=5)
    kdf_only = median_seconds(lambda: passphrase_kek(phrase, b"\0" * 16, fast), repeats=5)
    report("Lock + unlock with a passphrase", unlock_phrase, kdf_only, "ratio < 1.3")

    guard = ClipboardGuard(clear_after_ms=60_000)
    clipboard = QGuiApplication.clipboard()
    guarded = median_seconds(lambda: guard.copy(TEXT), repeats=21)
    set_text = median_seconds(lambda: clipboard.setText(TEXT), repeats=21)
    report("Copy through the clipboard guard", guarded, set_text)
    guard.clear_if_ours()
    vault.close()
    lock.wait()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
