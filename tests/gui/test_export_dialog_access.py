"""Export dialogs on a shared computer and for keyboard and screen-reader users: the real
save dialog leaves no trail, every control is named and reachable with Tab, Return exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from safenote.core.export.portal import load_profile, prepare_portal_text
from safenote.gui.clipboard_guard import ClipboardGuard
from safenote.gui.export_dialog import ExportDialog
from safenote.gui.export_request import ExportRequest
from safenote.gui.portal_dialog import PortalDialog
from tests.gui.export_support import (
    BODY,
    CAUTION,
    URGENT,
    accept_file_dialog,
    answer_message_box,
    clean_clipboard,
    identity,
)

__all__ = ["clean_clipboard"]  # fixture
pytestmark = pytest.mark.usefixtures("clean_clipboard")

INTERACTIVE = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox)


def no_trail_of(folder_name: str) -> None:
    home = Path.home()
    assert list(home.rglob("recently-used.xbel")) == []
    qt_state = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject")
    assert qt_state.value("FileDialog/history") is None
    assert qt_state.value("FileDialog/lastVisited") is None
    for path in [Path(qt_state.fileName()), *home.rglob("*")]:
        if path.is_file():
            assert folder_name not in path.read_text(errors="replace")


def test_export_through_the_real_save_dialog_leaves_no_trail(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "session-notes-4b1c"
    folder.mkdir()
    dialog = ExportDialog(ExportRequest(BODY, recipient_keys=(identity().public_key,)))
    qtbot.addWidget(dialog)
    dialog.show()
    accept_file_dialog(folder / "to-my-therapist.age")
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.export_button.click()
    assert (folder / "to-my-therapist.age").is_file()
    no_trail_of("session-notes-4b1c")


def test_portal_text_through_the_real_save_dialog_leaves_no_trail(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "portal-drafts-9e2d"
    folder.mkdir()
    profile = load_profile("generic")
    portal = PortalDialog(prepare_portal_text(BODY, profile), profile, ClipboardGuard())
    qtbot.addWidget(portal)
    portal.show()
    seen: list[str] = []
    answer_message_box("Save anyway", seen)
    accept_file_dialog(folder / "portal.txt")
    with qtbot.waitSignal(portal.saved, timeout=10000):
        portal.save_button.click()
    assert (folder / "portal.txt").read_text(encoding="utf-8").startswith("Before Thursday")
    no_trail_of("portal-drafts-9e2d")


def reachable_by_tab(dialog: QDialog, first: QWidget) -> list[QWidget]:
    """Every widget Tab visits, starting at ``first``, until it comes round again."""
    first.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    widget: QWidget | None = first
    for _ in range(200):
        assert widget is not None
        seen.append(widget)
        widget = widget.nextInFocusChain()
        while widget is not None and not (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget = widget.nextInFocusChain()
        if widget is first:
            return seen
    raise AssertionError("the focus chain never came round")


def named_and_reachable(dialog: QDialog, first: QWidget) -> None:
    visible = [
        w for w in dialog.findChildren(QWidget) if isinstance(w, INTERACTIVE) and w.isVisible()
    ]
    assert visible
    unnamed = [w.objectName() or type(w).__name__ for w in visible if not w.accessibleName()]
    assert unnamed == []
    reached = reachable_by_tab(dialog, first)
    missing = [w.accessibleName() for w in visible if w not in reached]
    assert missing == []


def test_export_dialog_controls_are_named_and_reachable_in_every_mode(qtbot: QtBot) -> None:
    dialog = ExportDialog(ExportRequest(BODY, findings=(CAUTION, URGENT)))
    qtbot.addWidget(dialog)
    dialog.show()
    first = dialog.format_buttons["age"]
    named_and_reachable(dialog, first)  # passphrase mode (no key known)
    dialog.age.use_keys.setChecked(True)
    named_and_reachable(dialog, first)
    for kind in ("pdf", "portal"):
        dialog.choose_format(kind)
        named_and_reachable(dialog, dialog.format_buttons[kind])


def test_portal_dialog_controls_are_named_and_reachable(qtbot: QtBot) -> None:
    profile = load_profile("plain-1000")
    text = prepare_portal_text("Evenings are harder. " * 100, profile)
    portal = PortalDialog(text, profile, ClipboardGuard())
    qtbot.addWidget(portal)
    portal.show()
    named_and_reachable(portal, portal.copy_buttons[0])


def test_keyboard_only_export(qtbot: QtBot, tmp_path: Path) -> None:
    """Choose the format with arrow keys and export with Return: no mouse anywhere."""
    dialog = ExportDialog(ExportRequest(BODY))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    target = tmp_path / "k.pdf"
    dialog.choose_save_path = lambda *_: str(target)  # type: ignore[method-assign]
    dialog.format_buttons["age"].setFocus()
    QTest.keyClick(dialog.format_buttons["age"], Qt.Key.Key_Down)
    assert dialog.kind == "pdf"
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert target.is_file()
    assert dialog.pdf_panel.field.hasFocus()  # the passphrase is where focus lands
