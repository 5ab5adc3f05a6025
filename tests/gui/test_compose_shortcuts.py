"""Platform-standard shortcuts, and F1 opening the help page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from safenote.gui.compose_window import ComposeWindow
from safenote.gui.help_dialog import HelpDialog

Key = QKeySequence.StandardKey


def test_actions_use_the_platform_keys(qtbot: QtBot) -> None:
    window = ComposeWindow()
    qtbot.addWidget(window)
    expected = {
        window.new_action: Key.New,
        window.save_action: Key.Save,
        window.find_action: Key.Find,
        window.undo_action: Key.Undo,
        window.redo_action: Key.Redo,
        window.zoom_in_action: Key.ZoomIn,
        window.zoom_out_action: Key.ZoomOut,
        window.help_action: Key.HelpContents,
    }
    for action, key in expected.items():
        assert action.shortcut() == QKeySequence(key), action.text()


def test_f1_opens_help_about_guidance_and_encryption(qtbot: QtBot) -> None:
    window = ComposeWindow()
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    QTest.keyClick(window.editor, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(window.findChildren(HelpDialog)))
    (dialog,) = window.findChildren(HelpDialog)
    text = dialog.browser.toPlainText()
    assert "Guidance" in text
    assert "encrypted" in text
    dialog.close()


def test_zoom_changes_the_editor_text_size(qtbot: QtBot) -> None:
    window = ComposeWindow()
    qtbot.addWidget(window)
    before = window.editor.font().pointSizeF()
    window.zoom_in_action.trigger()
    assert window.editor.font().pointSizeF() > before
    window.zoom_out_action.trigger()
    assert window.editor.font().pointSizeF() == before
