"""App start: a first run creates the vault and shows its recovery code once; later runs
open it; a vault that won't open says why and what to do, and is never replaced."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from safenote.core.paths import app_paths
from safenote.core.vault import KeyringLockedError, MemoryKeyStore, Vault
from safenote.core.vault.keystore import MSG_LOCKED
from safenote.gui.app import start_compose
from safenote.gui.compose_window import ComposeWindow
from safenote.gui.startup_dialogs import RecoveryCodeDialog


class LockedKeyStore(MemoryKeyStore):
    def get_key(self, vault_id: str) -> bytes | None:
        raise KeyringLockedError(MSG_LOCKED)


def start(qtbot: QtBot, keys: MemoryKeyStore) -> ComposeWindow:
    window = start_compose(app_paths().ensure(), keys)
    qtbot.addWidget(window)
    return window


def stop(window: ComposeWindow) -> None:
    window.close()
    window.controller.shutdown()


def test_first_run_creates_vault_and_shows_recovery_code_once(qtbot: QtBot) -> None:
    keys = MemoryKeyStore()
    window = start(qtbot, keys)
    assert window.editor.isReadOnly()  # nothing typed now could be saved yet
    qtbot.waitUntil(lambda: bool(window.findChildren(RecoveryCodeDialog)))
    (dialog,) = window.findChildren(RecoveryCodeDialog)
    code = dialog.code.text()
    assert len(code) > 20
    assert not dialog.ok.isEnabled()
    dialog.confirm.setChecked(True)
    dialog.ok.click()
    qtbot.waitUntil(lambda: not window.editor.isReadOnly())
    stop(window)
    # The code really opens the vault.
    Vault.recover(code, app_paths(), keystore=keys).close()

    again = start(qtbot, keys)
    qtbot.waitUntil(lambda: not again.editor.isReadOnly())
    assert again.findChildren(RecoveryCodeDialog) == []
    stop(again)


def test_a_vault_that_will_not_open_explains_and_is_never_replaced(qtbot: QtBot) -> None:
    keys = MemoryKeyStore()
    paths = app_paths().ensure()
    vault, _code = Vault.create(paths, keystore=keys)
    vault_id = vault.vault_id
    vault.close()
    db = sorted(Path(paths.data).rglob("*.db*"))

    window = start(qtbot, LockedKeyStore())
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "vaultErrorDialog") is not None)
    box = window.findChild(QMessageBox, "vaultErrorDialog")
    assert box is not None
    assert box.text() == MSG_LOCKED
    assert "Nothing has been changed" in box.informativeText()
    assert window.editor.isReadOnly()
    assert "couldn't be opened" in window.editor.placeholderText()
    stop(window)
    assert sorted(Path(paths.data).rglob("*.db*")) == db
    with Vault.open(paths, keystore=keys) as reopened:
        assert reopened.vault_id == vault_id
