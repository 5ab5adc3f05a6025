"""Privacy on a shared computer: clipboard clearing, no file-dialog trail, idle lock,
lock screen, quick hide."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from safenote.core.vault import WrongPassphraseError
from safenote.gui.clipboard_guard import (
    WINDOWS_EXCLUSION_FORMATS,
    ClipboardGuard,
    private_mime_data,
)
from safenote.gui.file_dialogs import close_privately, private_file_dialog
from safenote.gui.idle_lock import IdleWatcher
from safenote.gui.lock_screen import LockScreen, WindowLock
from safenote.gui.quick_hide import install_privacy_actions
from tests.gui.compose_fixtures import OpenWindow, compose, keys

__all__ = ["compose", "keys"]  # fixtures

TypeText = Callable[[QWidget, str], None]


# -- clipboard ----------------------------------------------------------------------------


def test_copied_text_is_cleared_after_the_delay(qtbot: QtBot) -> None:
    guard = ClipboardGuard(clear_after_ms=30)
    clipboard = QGuiApplication.clipboard()
    guard.copy("Dear Dr. Okafor — Zoë")
    assert clipboard.text() == "Dear Dr. Okafor — Zoë"
    with qtbot.waitSignal(guard.cleared, timeout=5000):
        pass
    assert clipboard.text() == ""
    assert not guard.pending


def test_something_copied_since_is_left_alone(qtbot: QtBot) -> None:
    guard = ClipboardGuard(clear_after_ms=30)
    clipboard = QGuiApplication.clipboard()
    guard.copy("our message")
    clipboard.setText("the person's own copy")
    qtbot.waitUntil(lambda: not guard.pending, timeout=5000)
    assert clipboard.text() == "the person's own copy"


def test_clear_now_on_lock_or_quit() -> None:
    guard = ClipboardGuard(clear_after_ms=60_000)
    guard.copy("our message")
    assert guard.clear_if_ours() is True
    assert QGuiApplication.clipboard().text() == ""
    assert guard.clear_if_ours() is False  # nothing of ours left


def test_windows_copies_are_marked_for_no_history_and_no_cloud() -> None:
    marked = private_mime_data("hello", platform="win32")
    assert marked.text() == "hello"
    for mime, value in WINDOWS_EXCLUSION_FORMATS.items():
        assert marked.hasFormat(mime)
        assert bytes(marked.data(mime).data()) == value
    assert 'value="CanIncludeInClipboardHistory"' in " ".join(marked.formats())
    assert 'value="CanUploadToCloudClipboard"' in " ".join(marked.formats())
    plain = private_mime_data("hello", platform="linux")
    assert plain.formats() == ["text/plain"]


# -- file dialogs -------------------------------------------------------------------------


def test_file_dialog_leaves_no_recent_files_trail(qtbot: QtBot, tmp_path: Path) -> None:
    home = Path.home()
    folder = tmp_path / "kit-folder-7f3a"
    folder.mkdir()
    dialog = private_file_dialog(
        None, "Save recovery kit", save=True, directory=str(folder), name_filter="PDF (*.pdf)"
    )
    assert dialog.testOption(dialog.Option.DontUseNativeDialog)
    dialog.open()
    dialog.selectFile(str(folder / "recovery-kit.pdf"))
    dialog.accept()
    assert dialog.selectedFiles() == [str(folder / "recovery-kit.pdf")]
    close_privately(dialog)
    assert list(home.rglob("recently-used.xbel")) == []
    # Qt did save its dialog state (so the scrub was needed), but no folder or file name.
    qt_state = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject")
    state_file = Path(qt_state.fileName())
    assert state_file.is_file()
    assert qt_state.value("FileDialog/history") is None
    written = [state_file, *(p for p in home.rglob("*") if p.is_file())]
    for path in written:
        assert "kit-folder-7f3a" not in path.read_text(errors="replace")


# -- idle lock, lock screen, quick hide ---------------------------------------------------


def ok(_passphrase: str | None) -> None:
    return None


def test_idle_watcher_fires_after_the_timeout_and_input_postpones_it(qtbot: QtBot) -> None:
    watcher = IdleWatcher(timeout_ms=50)
    assert watcher.running
    with qtbot.waitSignal(watcher.idle, timeout=5000):
        pass
    watcher.set_minutes(0)
    assert not watcher.running  # 0 means never


def test_input_restarts_the_countdown_once_watching_has_begun(qtbot: QtBot) -> None:
    target = QLineEdit()
    qtbot.addWidget(target)
    target.show()
    qtbot.waitExposed(target)
    watcher = IdleWatcher(timeout_ms=2_000, watch_after_ms=20)
    assert watcher.running  # counting from the start
    assert not watcher.watching
    qtbot.waitUntil(lambda: watcher.watching)
    qtbot.waitUntil(lambda: 0 <= watcher.remaining_ms < 1_500, timeout=5_000)
    QTest.keyClick(target, Qt.Key.Key_A)
    # Restarted: a coarse timer may round by up to 5% (100 ms), never down to 1,500.
    assert watcher.remaining_ms > 1_800


def test_idle_lock_hides_the_draft_until_unlocked(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    window = compose()
    type_text(window.editor, "Tuesday was hard")
    editor = window.editor
    lock = WindowLock(window, ok)
    saved: list[bool] = []
    lock.aboutToLock.connect(lambda: saved.append(True))
    watcher = IdleWatcher(timeout_ms=40, parent=window)
    watcher.idle.connect(lock.lock)
    qtbot.waitUntil(lambda: lock.locked, timeout=5000)
    assert saved == [True]
    assert not editor.isVisible()
    assert window.centralWidget() is lock.screen
    assert window.windowTitle() == "SafeNote"
    assert not window.menuBar().isEnabled()
    assert not window.save_action.isEnabled()
    screen = lock.screen
    assert screen is not None
    assert not screen.passphrase.isVisible()
    QTest.mouseClick(screen.unlock, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not lock.locked, timeout=5000)
    assert editor.isVisible()
    assert editor.toPlainText() == "Tuesday was hard"
    assert window.save_action.isEnabled()


def test_passphrase_lock_refuses_a_wrong_passphrase(qtbot: QtBot, compose: OpenWindow) -> None:
    window = compose()

    def verify(passphrase: str | None) -> None:
        if passphrase != "correct horse":
            raise WrongPassphraseError("That passphrase doesn't open this vault.")

    lock = WindowLock(window, verify, passphrase_mode=True)
    lock.lock()
    screen = lock.screen
    assert isinstance(screen, LockScreen)
    assert screen.passphrase.isVisible()
    assert screen.passphrase.hasFocus() or not window.isActiveWindow()
    QTest.keyClicks(screen.passphrase, "wrong")
    QTest.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.notice.isVisible(), timeout=10000)
    assert "doesn't open" in screen.notice.message
    assert lock.locked
    screen.passphrase.setText("correct horse")
    QTest.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not lock.locked, timeout=10000)


def test_lock_hides_open_dialogs_and_brings_them_back(qtbot: QtBot, compose: OpenWindow) -> None:
    window = compose()
    dialog = window.show_help()
    assert isinstance(dialog, QDialog)
    qtbot.waitUntil(dialog.isVisible)
    lock = WindowLock(window, ok)
    lock.lock()
    assert not dialog.isVisible()
    lock.unlock()
    assert dialog.isVisible()


def test_a_problem_while_locked_waits_for_the_unlock(qtbot: QtBot, compose: OpenWindow) -> None:
    # A save failing as the idle lock falls must not put a box over the lock screen.
    window = compose()
    lock = WindowLock(window, ok)
    window.when_unlocked = lock.when_unlocked  # as the privacy session wires it
    lock.lock()
    window.controller.problem.emit("Your draft couldn't be saved.")
    box = window.findChild(QDialog, "problemDialog")
    assert box is not None
    QApplication.processEvents()
    assert not box.isVisible()
    lock.unlock()
    qtbot.waitUntil(box.isVisible)


def test_quick_hide_locks_and_minimises_at_once(qtbot: QtBot, compose: OpenWindow) -> None:
    window = compose()
    lock = WindowLock(window, ok)
    _lock_action, hide_action = install_privacy_actions(window, lock)
    assert "over your shoulder" in hide_action.toolTip()
    assert "monitoring software" in hide_action.toolTip()
    hide_action.trigger()
    assert lock.locked
    assert window.windowState() & Qt.WindowState.WindowMinimized
    assert hide_action.isEnabled()  # still works while locked


def test_window_title_stays_neutral_with_a_titled_draft(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    window = compose()
    window.header.subject.setText("About my mother")
    type_text(window.editor, "Private words")
    qtbot.waitUntil(lambda: window.controller.idle and window.controller.draft.revision > 0)
    assert window.windowTitle() == "SafeNote"
    assert "mother" not in window.windowTitle()


def test_no_system_notifications_anywhere_in_the_gui() -> None:
    """Notifications can show text on a locked screen or to others: SafeNote sends none."""
    gui = Path(__file__).resolve().parents[2] / "src" / "safenote" / "gui"
    for path in gui.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for forbidden in ("QSystemTrayIcon", "showMessage(", "org.freedesktop.Notifications"):
            if forbidden == "showMessage(":
                # The status bar's showMessage is inside the window, not a notification.
                source = source.replace("statusBar().showMessage(", "").replace(
                    "status.showMessage(", ""
                )
            assert forbidden not in source, f"{path.name} uses {forbidden}"
