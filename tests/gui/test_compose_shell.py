from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from safenote import APP_ID
from safenote.core.paths import app_paths
from safenote.gui.app import configure_application
from safenote.gui.compose_window import ComposeWindow
from safenote.gui.error_dialog import describe_exception, install_excepthook
from tests.gui.compose_fixtures import OpenWindow, compose, keys

__all__ = ["compose", "keys"]  # fixtures


def test_window_is_titled_safenote_and_has_named_parts(qtbot: QtBot) -> None:
    window = ComposeWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == "SafeNote"
    assert window.editor.accessibleName() == "Message"
    assert window.guidance.accessibleName() == "Guidance"
    assert window.statusBar().isVisible()


def test_typing_non_ascii_and_emoji_reaches_the_editor(
    qtbot: QtBot, compose: OpenWindow, type_text: Callable[[QWidget, str], None]
) -> None:
    window = compose()  # a draft is open: until then the editor waits, read-only
    text = "Hi Dr. Ngozi — café at 5? 🙂\nThanks, Zoë"
    type_text(window.editor, text)
    assert window.editor.toPlainText() == text
    # Counts update after a short pause in typing (counting every key would cost time).
    qtbot.waitUntil(lambda: window.counts.text() == "8 words")


def test_word_count_uses_singular_for_one_word(qtbot: QtBot) -> None:
    window = ComposeWindow()
    qtbot.addWidget(window)
    window.editor.setPlainText("Hello")
    qtbot.waitUntil(lambda: window.counts.text() == "1 word")


def test_editor_shows_markup_as_typed(qtbot: QtBot) -> None:
    window = ComposeWindow()
    qtbot.addWidget(window)
    window.editor.setPlainText("<b>not bold</b>")
    assert window.editor.toPlainText() == "<b>not bold</b>"


def test_application_identity_and_settings_location(qapp: QApplication, tmp_path: Path) -> None:
    paths = app_paths().ensure()
    configure_application(qapp, paths)
    assert qapp.applicationName() == "SafeNote"
    assert qapp.desktopFileName() == APP_ID
    settings = QSettings()
    settings.setValue("probe", 1)
    settings.sync()
    assert Path(settings.fileName()).is_relative_to(paths.config)


def test_excepthook_logs_traceback_without_message_and_shows_dialog(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    old_hook = sys.excepthook
    install_excepthook(tmp_path)
    try:
        secret = "my very private words"
        try:
            raise ValueError(secret)
        except ValueError as err:
            with caplog.at_level(logging.ERROR, logger="safenote"):
                sys.excepthook(type(err), err, err.__traceback__)
    finally:
        sys.excepthook = old_hook
    assert shown == ["Something went wrong inside SafeNote."]
    assert "builtins.ValueError" in caplog.text
    assert "test_compose_shell.py" in caplog.text
    assert secret not in caplog.text


def test_describe_exception_omits_the_message() -> None:
    try:
        raise RuntimeError(" ".join(["text", "a", "person", "typed"]))
    except RuntimeError as err:
        described = describe_exception(type(err), err.__traceback__)
    assert "RuntimeError" in described
    assert "text a person typed" not in described


def test_error_in_a_slot_reaches_pytest_qt(qtbot: QtBot) -> None:
    """The rig fails a test on an exception in a slot (here we expect and capture it)."""
    with qtbot.captureExceptions() as exceptions:
        QTimer.singleShot(0, lambda: 1 / 0)
        qtbot.waitUntil(lambda: bool(exceptions))
    assert exceptions[0][0] is ZeroDivisionError


def test_a_new_window_waits_for_its_first_draft(qtbot: QtBot) -> None:
    # Text typed before a draft is open would be replaced by the draft when it arrives.
    window = ComposeWindow()
    qtbot.addWidget(window)
    assert window.editor.isReadOnly()
    assert window.editor.placeholderText() == "Opening your drafts…"
    assert not window.controller.opened
