"""Timing in the privacy flows: a lock that lands while Settings is changing the vault's keys,
or while a dialog is running its own event loop, must not drop the change or break unlocking.

Each race is made deterministic by acting synchronously: the work is started (its result can
only arrive through the event loop) and the window is locked before any event is processed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from safenote.core.paths import app_paths
from safenote.core.vault import KeyringLockedError, MemoryKeyStore, Vault
from safenote.gui.compose_window import ComposeWindow
from safenote.gui.file_dialogs import ask_save_path
from safenote.gui.privacy_session import PrivacySession
from safenote.gui.settings_security import NewCodeDialog
from safenote.gui.startup import Startup
from tests.gui.compose_fixtures import OpenWindow, compose, keys
from tests.gui.keystore_doubles import BlockingKeyStore, RaisingKeyStore
from tests.gui.startup_support import FAST_KDF, start, started

__all__ = ["compose", "keys", "started"]  # fixtures


def session_for(window: ComposeWindow, keys: MemoryKeyStore) -> PrivacySession:
    return PrivacySession(window, app_paths(), keys, methods=("keyring",), kdf=FAST_KDF)


def test_a_lock_while_a_new_recovery_code_is_made_still_shows_the_code(
    qtbot: QtBot, compose: OpenWindow, keys: MemoryKeyStore
) -> None:
    # Settings makes the new code off the GUI thread; the old code stops working the moment
    # it is done. Locking then (idle lock, Quick hide) used to close Settings, so the result
    # was dropped: the only working code was never shown to anyone.
    window = compose()
    session = session_for(window, keys)
    dialog = session.show_settings()
    qtbot.waitUntil(lambda: bool(dialog.security.methods), timeout=10000)
    dialog.security.make_new_code()  # in flight: its result comes through the event loop
    session.lock.lock()
    qtbot.waitUntil(
        lambda: not Shiboken.isValid(dialog) or not dialog.security.busy_now, timeout=10000
    )
    assert Shiboken.isValid(dialog), "Settings was closed with the new code still in flight"
    # Nothing of it over the lock screen, but the reminder is due already (the old code no
    # longer works), in case SafeNote is quit before unlocking.
    assert not [d for d in window.findChildren(NewCodeDialog) if d.isVisible()]
    assert not window.controller.settings.recovery_confirmed
    session.lock.unlock()
    shown = dialog.new_code_dialog
    assert isinstance(shown, NewCodeDialog)
    assert shown.isVisible()
    assert dialog.isVisible()
    assert shown.page.code.text().split() == shown.code.split("-")


def test_a_switch_to_a_passphrase_finishing_while_locked_asks_for_the_passphrase(
    qtbot: QtBot, compose: OpenWindow, keys: MemoryKeyStore
) -> None:
    # The switch removes the key from the keyring. Finishing after the lock, the lock screen
    # must ask for the passphrase: a keyring-mode screen could never unlock again.
    window = compose()
    session = session_for(window, keys)
    dialog = session.show_settings()
    box = dialog.security
    qtbot.waitUntil(lambda: box.methods == ("keyring", "recovery"), timeout=10000)
    box.switch.click()
    box.fields.first.setText("lantern orbit marble")
    box.fields.second.setText("lantern orbit marble")
    box.confirm_switch.click()  # in flight
    session.lock.lock()
    qtbot.waitUntil(lambda: not Shiboken.isValid(dialog) or not box.busy_now, timeout=10000)
    assert keys.keys == {}  # the vault no longer opens with the keyring
    screen = session.lock.screen
    assert screen is not None
    assert screen.passphrase_mode
    assert screen.passphrase.isVisible()
    screen.passphrase.setText("lantern orbit marble")
    screen.unlock.click()
    qtbot.waitUntil(lambda: not session.lock.locked, timeout=10000)
    Vault.open(app_paths(), passphrase="lantern orbit marble").close()


def test_quick_hide_during_a_save_as_dialog_leaves_unlocking_working(
    qtbot: QtBot, compose: OpenWindow, keys: MemoryKeyStore
) -> None:
    # Hiding a dialog that runs its own event loop (the file dialog behind "Save as…") ends
    # that loop, and the file dialog is then destroyed. Unlocking used to show it again: an
    # error half-way through unlocking, after which the idle lock never restarted.
    window = compose()
    session = session_for(window, keys)
    QTimer.singleShot(0, session.hide_action.trigger)  # F12 once the file dialog is up
    chosen = ask_save_path(window, "Save the portal text", directory=str(app_paths().data))
    assert chosen is None  # the lock closed the file dialog: nothing was saved
    assert session.lock.locked
    session.lock.unlock()
    assert not session.lock.locked
    assert session.idle.running  # the idle lock is armed again


def test_quick_hide_while_an_unlock_is_being_checked_stays_locked(
    qtbot: QtBot, compose: OpenWindow, keys: MemoryKeyStore
) -> None:
    # Unlock was clicked (the keyring or passphrase check runs off the GUI thread), then
    # someone walked in and the person pressed Quick hide. The check, finishing after, used
    # to unlock the window anyway: restored from the taskbar, it showed the draft.
    window = compose()
    session = session_for(window, keys)
    session.lock.lock()
    screen = session.lock.screen
    assert screen is not None
    screen.unlock.click()  # the check is in flight: its answer comes through the event loop
    session.hide_action.trigger()
    qtbot.waitUntil(lambda: not session.lock.locked or screen.unlock.isEnabled(), timeout=10000)
    assert session.lock.locked
    assert session.lock.screen is screen
    assert not window.editor.isVisible()
    screen.unlock.click()  # and it unlocks as usual after
    qtbot.waitUntil(lambda: not session.lock.locked, timeout=10000)


def test_a_question_the_lock_cancelled_is_not_asked_again_after_unlocking(
    qtbot: QtBot, compose: OpenWindow, keys: MemoryKeyStore
) -> None:
    # A question asked with its own event loop (the portal's "Save anyway?", the profile
    # import) ends when the lock hides it, and the code that asked carries on as cancelled.
    # Unlocking used to show it again: "Save anyway" then did nothing at all.
    window = compose()
    session = session_for(window, keys)
    box = QMessageBox(QMessageBox.Icon.Warning, "SafeNote", "Save anyway?", parent=window)
    save = box.addButton("Save anyway", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    QTimer.singleShot(0, session.hide_action.trigger)  # F12 once the question is up
    box.exec()
    assert box.clickedButton() is not save
    assert session.lock.locked
    session.lock.unlock()
    assert not box.isVisible()


def test_quitting_the_unlock_dialog_as_the_keyring_answers_stays_quit(
    qtbot: QtBot, started: list[Startup]
) -> None:
    # The keyring's answer to Try again is already on its way when Quit is clicked. The
    # answer used to accept the closed dialog: the drafts were opened and the privacy guards
    # attached behind a window that had been closed, after "cancelled" had gone out.
    keys = RaisingKeyStore(None)
    Vault.create(app_paths().ensure(), keystore=keys, kdf=FAST_KDF)[0].close()
    keys.error = KeyringLockedError("Your keyring is locked.")
    flow = start(keys, started)
    qtbot.waitUntil(lambda: flow.unlock is not None, timeout=10000)
    dialog = flow.unlock
    assert dialog is not None
    readied: list[object] = []
    flow.ready.connect(readied.append)
    keys.error = None
    dialog.retry.click()
    dialog.wait()  # the vault is open on the worker; its result waits in the event queue
    with qtbot.waitSignal(flow.cancelled):
        dialog.quit_button.click()
    qtbot.waitUntil(lambda: not Shiboken.isValid(dialog), timeout=10000)  # answer delivered
    assert readied == []
    assert flow.session is None


def test_quick_hide_while_the_drafts_are_opening_keeps_them_hidden(
    qtbot: QtBot, started: list[Startup]
) -> None:
    # The window appears at once while the keyring is asked (it can take seconds, or wait
    # for a password prompt). Quick hide pressed then did nothing, and the newest draft
    # appeared on screen a moment later.
    keys = BlockingKeyStore()
    keys.answer.set()
    Vault.create(app_paths().ensure(), keystore=keys, kdf=FAST_KDF)[0].close()
    keys.answer.clear()
    flow = start(keys, started)  # the keyring is asked, and doesn't answer yet
    window = flow.window
    assert window is not None
    qtbot.addWidget(window)
    try:
        hide = next(a for a in window.actions() if a.shortcut().toString() == "F12")
        hide.trigger()
        assert window.windowState() & Qt.WindowState.WindowMinimized
    finally:
        keys.answer.set()
    qtbot.waitUntil(lambda: flow.session is not None, timeout=10000)
    session = flow.session
    assert session is not None
    assert session.lock.locked
    qtbot.waitUntil(lambda: window.controller.opened, timeout=10000)
    assert not window.editor.isVisible()  # the draft opened behind the lock screen
    session.lock.unlock()
    assert window.editor.isVisible()
