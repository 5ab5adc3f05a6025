"""Signing a practice profile from the preview's editor with the therapist's keyring key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow, QMenu
from pytestqt.qtbot import QtBot

from safenote.core.identity import SIGNING_KEY_NAME, keyring_problem, load_identity
from safenote.core.practice import load_practice_text, sign_text
from safenote.core.vault import KeyringLockedError, KeyringUnavailableError, MemoryKeyStore
from safenote.gui.preview_window import PreviewWindow
from safenote.gui.profile_signing import NotSignableError, sign_with_keyring
from safenote.gui.therapist_menu import add_therapist_menu
from tests.gui.keystore_doubles import BlockingKeyStore, RaisingKeyStore
from tests.gui.layout_checks import clashing_accelerators, unnamed_controls
from tests.unit.practice.profiles import FULL, OTHER_KEY

BROKEN = FULL.replace('response_time = "two business days"', "response_time = 3")


def preview(qtbot: QtBot, text: str, keys: MemoryKeyStore) -> PreviewWindow:
    win = PreviewWindow(text, "riverside.toml", keystore=keys)
    qtbot.addWidget(win)
    win.show()
    win.tabs.setCurrentWidget(win.profile_editor)
    return win


def sign_and_wait(qtbot: QtBot, win: PreviewWindow) -> None:
    editor = win.profile_editor
    assert editor.sign_button.isEnabled()
    QTest.mouseClick(editor.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.busy.isVisible() and not editor.edit.isReadOnly())


def test_signing_an_unsigned_profile_adds_the_keyring_signature_as_one_undo(
    qtbot: QtBot,
) -> None:
    keys = MemoryKeyStore()
    win = preview(qtbot, FULL, keys)
    editor = win.profile_editor
    assert editor.status.text().startswith("Valid. Not signed yet")
    sign_and_wait(qtbot, win)

    identity = load_identity(keys)
    assert identity is not None  # made on first use, in the keystore it was given
    signed = editor.text()
    assert "\n[signature]\n" in signed
    assert signed == sign_text(FULL, identity.signing_key)
    assert load_practice_text(signed).fingerprint == identity.signing_fingerprint
    assert editor.status.text() == (
        f"Valid and signed (fingerprint {identity.signing_fingerprint})."
    )
    assert editor.sign_note.message.startswith("Done: Made your signing key")
    assert win.profile is not None
    assert win.profile.signed
    # Signed as it is: nothing to sign again, from the button or the menu.
    assert not editor.sign_button.isEnabled()
    assert not win.sign_profile_action.isEnabled()

    editor.edit.undo()
    editor.validate_now()
    assert editor.text() == FULL
    assert editor.status.text().startswith("Valid. Not signed yet")
    assert editor.sign_button.isEnabled()


def test_an_edited_signed_profile_can_be_signed_again_with_the_same_key(qtbot: QtBot) -> None:
    keys = MemoryKeyStore()
    win = preview(qtbot, FULL, keys)
    editor = win.profile_editor
    sign_and_wait(qtbot, win)
    first_key = keys.get_key(SIGNING_KEY_NAME)
    editor.edit.setPlainText(editor.text().replace("two business days", "one business day"))
    editor.validate_now()
    assert "changed since it was signed" in editor.status.text()
    sign_and_wait(qtbot, win)
    assert keys.get_key(SIGNING_KEY_NAME) == first_key  # never replaced
    assert editor.text().count("[signature]") == 1
    assert load_practice_text(editor.text()).context.response_time == "one business day"
    assert editor.status.text().startswith("Valid and signed")
    assert not editor.sign_note.isVisible()  # "made your key" was said once, not again


def test_a_profile_with_problems_cannot_be_signed(qtbot: QtBot) -> None:
    keys = MemoryKeyStore()
    win = preview(qtbot, BROKEN, keys)
    editor = win.profile_editor
    assert editor.status.text().startswith("Not valid yet")
    assert not editor.sign_button.isEnabled()
    assert not win.sign_profile_action.isEnabled()
    assert editor.sign() is False
    win.sign_profile_action.trigger()  # a disabled action does nothing
    assert editor.text() == BROKEN
    assert keys.keys == {}  # not even a key was made
    with pytest.raises(NotSignableError, match="response_time"):
        sign_with_keyring(BROKEN, keys)
    assert keys.keys == {}


def test_typing_disables_signing_until_the_text_is_checked(qtbot: QtBot) -> None:
    win = preview(qtbot, FULL, MemoryKeyStore())
    editor = win.profile_editor
    assert editor.sign_button.isEnabled()
    editor.edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor.edit, "oops = 1")  # an unknown key at the end of [channels]
    # Unchecked text is never signable, not even for the pause before validation runs.
    assert not editor.sign_button.isEnabled()
    assert not win.sign_profile_action.isEnabled()
    qtbot.waitUntil(lambda: editor.status.text().startswith("Not valid yet"))
    assert not editor.sign_button.isEnabled()


@pytest.mark.parametrize("error", [KeyringLockedError("locked"), KeyringUnavailableError("none")])
def test_a_keyring_problem_is_explained_and_the_text_left_alone(
    qtbot: QtBot, error: KeyringLockedError
) -> None:
    win = preview(qtbot, FULL, RaisingKeyStore(error))
    editor = win.profile_editor
    sign_and_wait(qtbot, win)
    assert editor.text() == FULL
    assert editor.sign_note.kind == "warning"
    assert editor.sign_note.message == f"Problem: {keyring_problem(error)}"
    assert "Unlock it" in editor.sign_note.message  # says what to do
    assert editor.status.text().startswith("Valid. Not signed yet")
    assert editor.sign_button.isEnabled()  # the therapist can try again
    assert not editor.edit.document().isUndoAvailable()


def test_signing_is_off_the_gui_thread_with_a_busy_state(qtbot: QtBot) -> None:
    keys = BlockingKeyStore()
    win = preview(qtbot, FULL, keys)
    editor = win.profile_editor
    editor.sign_button.click()
    qtbot.waitUntil(keys.asked.is_set)
    # The keyring is blocked, yet the window handles events and shows that it is busy.
    assert editor.busy.isVisible()
    assert editor.edit.isReadOnly()
    assert not editor.sign_button.isEnabled()
    assert not win.sign_profile_action.isEnabled()
    assert editor.sign() is False  # no second signing while one is in flight
    keys.answer.set()
    qtbot.waitUntil(lambda: not editor.busy.isVisible())
    assert "[signature]" in editor.text()
    assert not editor.edit.isReadOnly()


def test_a_different_text_by_the_time_signing_ends_is_not_overwritten(qtbot: QtBot) -> None:
    keys = BlockingKeyStore()
    win = preview(qtbot, FULL, keys)
    editor = win.profile_editor
    editor.sign_button.click()
    qtbot.waitUntil(keys.asked.is_set)
    other = sign_text(FULL, OTHER_KEY)
    editor.edit.setPlainText(other)  # e.g. File > Open profile while the keyring waits
    keys.answer.set()
    qtbot.waitUntil(lambda: not editor.busy.isVisible())
    assert editor.text() == other
    assert "sign it again" in editor.sign_note.message


def test_the_menu_item_and_shortcut_sign_from_any_tab(qtbot: QtBot) -> None:
    keys = MemoryKeyStore()
    host = QMainWindow()
    qtbot.addWidget(host)
    menu = add_therapist_menu(host, keystore=keys)
    win = menu.open_preview(FULL, "riverside.toml")
    qtbot.addWidget(win)
    assert isinstance(win, PreviewWindow)
    win.tabs.setCurrentIndex(0)  # the samples
    assert win.sign_profile_action.shortcut().toString() == "Ctrl+Shift+K"
    file_menu = win.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    assert win.sign_profile_action in file_menu.actions()
    win.sign_profile_action.trigger()
    assert win.tabs.currentWidget() is win.profile_editor
    qtbot.waitUntil(lambda: "[signature]" in win.profile_editor.text())
    assert load_identity(keys) is not None  # the menu's keystore reached the editor
    assert win.profile is not None
    assert win.profile.signed


def test_the_sign_button_is_named_for_screen_readers_and_keyboard_reachable(
    qtbot: QtBot,
) -> None:
    win = preview(qtbot, FULL, MemoryKeyStore())
    button = win.profile_editor.sign_button
    assert button.accessibleName() == "Sign with my key"
    assert "system keyring" in button.accessibleDescription()
    assert button.text() == "&Sign with my key"  # Alt+S
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert unnamed_controls(win.profile_editor) == []
    assert clashing_accelerators(win) == []


def test_the_profile_hours_are_shown_with_the_other_contact_details(qtbot: QtBot) -> None:
    win = preview(qtbot, FULL, MemoryKeyStore())
    summary = win.profile_editor.summary
    assert summary.isVisible()
    assert summary.hours.text() == "Mon-Thu 9:00-17:00"
    assert summary.response_time.text() == "two business days"
    assert summary.channels.text() == "Practice portal\nText message (Scheduling only, please.)"
    editor = win.profile_editor
    editor.edit.setPlainText(FULL.replace("Mon-Thu 9:00-17:00", "Tuesdays <b>only</b>"))
    editor.validate_now()
    assert summary.hours.text() == "Tuesdays <b>only</b>"
    assert summary.hours.textFormat() == Qt.TextFormat.PlainText
    editor.edit.setPlainText(FULL.replace('hours = "Mon-Thu 9:00-17:00"\n', ""))
    editor.validate_now()
    assert summary.hours.text() == "not stated"


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    ],
    ids=["alt-s", "ctrl-shift-k"],
)
def test_signing_from_the_keyboard_while_typing_in_the_profile(
    qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier
) -> None:
    keys = MemoryKeyStore()
    win = preview(qtbot, FULL, keys)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    editor = win.profile_editor
    editor.edit.setFocus()
    QTest.keyClick(editor.edit, key, modifiers)
    qtbot.waitUntil(lambda: "[signature]" in editor.text())
    assert load_identity(keys) is not None
