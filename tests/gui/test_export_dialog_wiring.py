"""The compose window's "Export…" action: Ctrl+E opens the dialog with the draft on screen,
its subject, the sender's name, the contact's key and practice limit, and the guidance."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pyrage import x25519
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from safenote.core.export.age_crypto import open_message_file
from safenote.core.vault import Contact
from safenote.gui.clipboard_guard import ClipboardGuard
from safenote.gui.compose_window import ComposeWindow
from safenote.gui.export_action import practice_portal_limit
from safenote.gui.export_dialog import ExportDialog
from safenote.gui.lock_screen import WindowLock
from tests.gui.compose_fixtures import OpenWindow, compose, keys, settle
from tests.gui.export_support import clean_clipboard, identity

__all__ = ["clean_clipboard", "compose", "keys"]  # fixtures
pytestmark = pytest.mark.usefixtures("clean_clipboard")

TypeText = Callable[[QWidget, str], None]
CRISIS = "Honestly everyone would be better off without me."
PRACTICE = '[practice]\nname = "Riverside Counselling"\nportal_limit = 300\n'


def export_action(window: ComposeWindow) -> QAction:
    """The Export action the compose window wires in (File menu, Ctrl+E)."""
    found = window.findChild(QAction, "exportAction")
    assert found is window.export_action
    return window.export_action


def test_ctrl_e_opens_export_with_the_draft_contact_and_guidance(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText, tmp_path: Path
) -> None:
    window = compose()
    c = window.controller
    ident = identity()
    with qtbot.waitSignal(c.contactsChanged, timeout=10000):
        c.save_contact(
            Contact(name="Dr. Ana Ruiz", public_key=ident.public_key, practice_profile=PRACTICE)
        )
    contact = c.contacts[0]
    c.set_header(contact_id=contact.id, subject="Before Thursday")
    with qtbot.waitSignal(window.crisis.announced, timeout=10000):
        type_text(window.editor, CRISIS)
    settle(qtbot, window)
    action = export_action(window)
    assert action.shortcut().toString() == "Ctrl+E"
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    assert action in file_menu.actions()
    action.trigger()
    dialog = window.findChild(ExportDialog)
    assert isinstance(dialog, ExportDialog)
    assert dialog.isVisible()
    request = dialog.request
    assert request.body == CRISIS
    assert request.subject == "Before Thursday"
    assert request.recipient_keys == (ident.public_key,)
    assert request.recipient_name == "Dr. Ana Ruiz"
    assert request.portal_limit == 300
    assert any(f.severity.value == "urgent" for f in request.findings)
    assert dialog.summary.isVisible()
    assert dialog.summary.resources is not None
    assert dialog.age.use_keys.isChecked()
    target = tmp_path / "m.age"
    dialog.choose_save_path = lambda *_: str(target)  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.export_button.click()  # urgent guidance shown, never blocking
    opened = open_message_file(target, identities=[x25519.Identity.from_str(ident.secret)])
    assert (opened.body, opened.subject) == (CRISIS, "Before Thursday")
    dialog.reject()


def test_portal_copies_use_the_windows_clipboard_guard(qtbot: QtBot, compose: OpenWindow) -> None:
    window = compose()
    session_guard = ClipboardGuard(parent=window)
    window.editor.setPlainText("A short note for the portal.")
    settle(qtbot, window)  # Export waits for the guidance of text just changed
    export_action(window).trigger()
    dialog = window.findChild(ExportDialog)
    assert isinstance(dialog, ExportDialog)
    assert dialog.clipboard is session_guard
    dialog.choose_format("portal")
    with qtbot.waitSignal(dialog.portalOpened) as opened:
        dialog.export_button.click()
    portal = opened.args[0]
    assert portal.parent() is window  # hidden by the window lock like any other dialog
    portal.copy_buttons[0].click()
    assert session_guard.pending  # lock and quit clear it
    portal.reject()


def test_practice_limit_is_none_without_a_valid_profile() -> None:
    assert practice_portal_limit(None) is None
    assert practice_portal_limit(Contact(name="x")) is None
    assert practice_portal_limit(Contact(name="x", practice_profile="[practice")) is None
    assert practice_portal_limit(Contact(name="x", practice_profile=PRACTICE)) == 300


def test_locking_the_window_hides_the_portal_text_and_disables_export(
    qtbot: QtBot, compose: OpenWindow
) -> None:
    window = compose()
    window.editor.setPlainText("A short note for the portal.")
    settle(qtbot, window)  # Export waits for the guidance of text just changed
    action = export_action(window)
    action.trigger()
    dialog = window.findChild(ExportDialog)
    assert isinstance(dialog, ExportDialog)
    dialog.choose_format("portal")
    with qtbot.waitSignal(dialog.portalOpened) as opened:
        dialog.export_button.click()
    portal = opened.args[0]
    assert portal.isVisible()
    lock = WindowLock(window, lambda _passphrase: None)
    lock.lock()
    assert not portal.isVisible()  # the person's words are off the screen while locked
    assert not action.isEnabled()
    lock.unlock()
    assert portal.isVisible()
    assert action.isEnabled()
    portal.reject()


def test_ctrl_e_from_the_editor_opens_the_dialog(qtbot: QtBot, compose: OpenWindow) -> None:
    window = compose()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.editor.setFocus()
    QTest.keyClick(window.editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(ExportDialog)
    assert isinstance(dialog, ExportDialog)
    assert dialog.isVisible()
    dialog.reject()
