"""The unlock and recover dialog: each keyring state says what happened and offers what fits;
the passphrase and the recovery code open the vault; nothing new is laid over it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from safenote.core.paths import AppPaths, app_paths
from safenote.core.vault import (
    Draft,
    KdfParams,
    KeyMissingError,
    KeyringLockedError,
    KeyringTimeoutError,
    KeyringUnavailableError,
    MemoryKeyStore,
    PassphraseRequiredError,
    Vault,
    vault_status,
)
from safenote.gui.appearance import apply_text_scale
from safenote.gui.unlock_dialog import UnlockDialog, UnlockReason, unlock_reason
from tests.gui.keystore_doubles import BlockingKeyStore, RaisingKeyStore
from tests.gui.layout_checks import clipped, overlapping, unnamed_controls

FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)


@pytest.fixture
def restore_font(qapp: QApplication) -> Iterator[None]:
    font = qapp.font()
    yield
    qapp.setFont(font)
    qapp.setProperty("safenoteBasePointSize", None)


def make_vault(keys: MemoryKeyStore, passphrase: str | None = None) -> tuple[AppPaths, str]:
    paths = app_paths().ensure()
    vault, code = Vault.create(paths, keystore=keys, passphrase=passphrase, kdf=FAST_KDF)
    vault.save_draft(Draft(title="t", body="still here"))
    vault.close()
    return paths, code


def error_from_open(paths: AppPaths, keys: MemoryKeyStore) -> BaseException:
    with pytest.raises(Exception) as caught:  # noqa: PT011 - whichever the keyring raises
        Vault.open(paths, keystore=keys)
    return caught.value


def dialog_for(
    qtbot: QtBot, paths: AppPaths, keys: MemoryKeyStore, err: BaseException
) -> UnlockDialog:
    reason = unlock_reason(err)
    assert reason is not None
    dialog = UnlockDialog(
        paths,
        keys,
        reason,
        has_passphrase="passphrase" in unlock_methods(paths),
        kdf=FAST_KDF,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def unlock_methods(paths: AppPaths) -> tuple[str, ...]:
    return vault_status(paths, MemoryKeyStore()).unlock_methods


def opened(qtbot: QtBot, dialog: UnlockDialog) -> Vault:
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=15000)
    assert dialog.vault is not None
    return dialog.vault


def first_body(vault: Vault) -> str:
    return vault.get_draft(vault.list_drafts().drafts[0].id).body


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (KeyringLockedError("locked"), UnlockReason.LOCKED),
        (KeyringTimeoutError("slow"), UnlockReason.TIMEOUT),
        (KeyringUnavailableError("none"), UnlockReason.UNAVAILABLE),
        (KeyMissingError("gone"), UnlockReason.KEY_MISSING),
        (PassphraseRequiredError("phrase"), UnlockReason.PASSPHRASE),
        (ValueError("bug"), None),
    ],
)
def test_errors_map_to_reasons(error: Exception, reason: UnlockReason | None) -> None:
    assert unlock_reason(error) is reason


def test_locked_keyring_says_so_and_try_again_opens_after_unlocking(qtbot: QtBot) -> None:
    keys = RaisingKeyStore(None)
    paths, _code = make_vault(keys)
    keys.error = KeyringLockedError("locked")
    dialog = dialog_for(qtbot, paths, keys, error_from_open(paths, keys))
    assert dialog.heading.text() == "Your system keyring is locked."
    assert "Try again" in dialog.detail.text()
    assert dialog.retry.isVisible()
    assert dialog.retry.hasFocus() or not dialog.isActiveWindow()
    assert not dialog.passphrase_box.isVisible()
    QTest.mouseClick(dialog.retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.notice.isVisible() and not dialog.busy.isVisible())
    assert dialog.notice.kind == "warning"
    assert dialog.notice.message.startswith("Problem:")
    keys.error = None  # the person unlocked their keyring
    QTest.mouseClick(dialog.retry, Qt.MouseButton.LeftButton)
    with opened(qtbot, dialog) as vault:
        assert first_body(vault) == "still here"


def test_unavailable_keyring_offers_retry_and_recovery_into_a_passphrase(qtbot: QtBot) -> None:
    keys = RaisingKeyStore(None)
    paths, code = make_vault(keys)
    keys.error = KeyringUnavailableError("no keyring")
    dialog = dialog_for(qtbot, paths, keys, error_from_open(paths, keys))
    assert "can't reach a secure system keyring" in dialog.heading.text()
    assert dialog.retry.isVisible()
    dialog.show_recovery.click()
    # Without a keyring, the recovered key has to be kept with a passphrase.
    assert dialog.use_passphrase.isChecked()
    assert not dialog.use_passphrase.isEnabled()
    dialog.code.setText(code.lower().replace("-", " "))
    dialog.new_passphrase.first.setText("apple river lantern")
    dialog.new_passphrase.second.setText("apple river lantern")
    dialog.recover_button.click()
    opened(qtbot, dialog).close()
    with Vault.open(paths, passphrase="apple river lantern") as vault:
        assert first_body(vault) == "still here"


def test_key_gone_from_keyring_goes_straight_to_recovery(qtbot: QtBot) -> None:
    keys = MemoryKeyStore()
    paths, code = make_vault(keys)
    keys.keys.clear()
    dialog = dialog_for(qtbot, paths, keys, error_from_open(paths, keys))
    assert dialog.reason is UnlockReason.KEY_MISSING
    assert "no longer in your keyring" in dialog.heading.text()
    assert not dialog.retry.isVisible()
    assert dialog.recovery_box.isVisible()
    assert dialog.code.hasFocus() or not dialog.isActiveWindow()
    assert not dialog.use_passphrase.isChecked()
    # A typo is caught before any key work, with a message that says what to do.
    dialog.code.setText(code[:-1] + ("0" if code[-1] != "0" else "1"))
    dialog.recover_button.click()
    qtbot.waitUntil(lambda: dialog.notice.isVisible() and not dialog.busy.isVisible())
    assert "typo" in dialog.notice.message
    dialog.code.setText(code)
    dialog.recover_button.click()
    opened(qtbot, dialog).close()
    assert keys.keys  # a fresh key is in the keyring
    with Vault.open(paths, keystore=keys) as vault:
        assert first_body(vault) == "still here"


def test_passphrase_mode_asks_for_the_passphrase(qtbot: QtBot) -> None:
    keys = MemoryKeyStore()
    paths, _code = make_vault(keys, passphrase="correct horse battery")
    dialog = dialog_for(qtbot, paths, keys, error_from_open(paths, keys))
    assert dialog.reason is UnlockReason.PASSPHRASE
    assert dialog.passphrase_box.isVisible()
    assert not dialog.retry.isVisible()
    QTest.keyClicks(dialog.passphrase, "wrong one")
    QTest.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.notice.isVisible() and not dialog.busy.isVisible())
    assert "doesn't open" in dialog.notice.message
    assert dialog.isVisible()
    dialog.passphrase.setText("correct horse battery")
    QTest.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    with opened(qtbot, dialog) as vault:
        assert first_body(vault) == "still here"


def test_busy_state_blocks_a_second_attempt(qtbot: QtBot) -> None:
    keys = MemoryKeyStore()
    paths, _code = make_vault(keys, passphrase="correct horse battery")
    dialog = dialog_for(qtbot, paths, keys, PassphraseRequiredError("x"))
    dialog.passphrase.setText("correct horse battery")
    dialog.try_passphrase()
    assert dialog.busy.isVisibleTo(dialog)
    assert not dialog.passphrase_box.isEnabled()
    dialog.try_passphrase()  # ignored while the first is running
    with opened(qtbot, dialog) as vault:
        assert vault.vault_id


def test_quit_rejects(qtbot: QtBot) -> None:
    keys = MemoryKeyStore()
    paths, _code = make_vault(keys)
    dialog = dialog_for(qtbot, paths, keys, KeyMissingError("gone"))
    dialog.quit_button.click()
    assert dialog.result() == dialog.DialogCode.Rejected
    assert dialog.vault is None
    QApplication.processEvents()


def test_a_slow_keyring_never_freezes_the_dialog(qtbot: QtBot) -> None:
    keys = BlockingKeyStore()
    paths, _code = make_vault(keys)
    dialog = dialog_for(qtbot, paths, keys, KeyringTimeoutError("slow"))
    dialog.retry.click()
    qtbot.waitUntil(keys.asked.is_set)
    # The keyring call is blocked, yet the GUI thread goes on handling events: the busy
    # bar shows, the person can still type a recovery code.
    assert dialog.busy.isVisibleTo(dialog)
    assert not dialog.retry.isEnabled()
    dialog.quit_button.setFocus()
    QApplication.processEvents()
    assert dialog.quit_button.hasFocus() or not dialog.isActiveWindow()
    keys.answer.set()
    with opened(qtbot, dialog) as vault:
        assert first_body(vault) == "still here"


@pytest.mark.usefixtures("restore_font")
@pytest.mark.parametrize("reason", list(UnlockReason))
def test_unlock_layout_survives_200_percent_text(
    qtbot: QtBot, qapp: QApplication, reason: UnlockReason
) -> None:
    apply_text_scale(qapp, 200)
    dialog = UnlockDialog(app_paths().ensure(), MemoryKeyStore(), reason, has_passphrase=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reveal_recovery()
    dialog.use_passphrase.setChecked(True)
    dialog.notice.show_warning("That passphrase doesn't open this vault. Check it and try again.")
    qtbot.waitUntil(lambda: clipped(dialog) == [])
    assert overlapping(dialog) == []
    assert unnamed_controls(dialog) == []


def test_tab_order_follows_the_layout(qtbot: QtBot) -> None:
    keys = MemoryKeyStore()
    paths, _code = make_vault(keys)
    dialog = dialog_for(qtbot, paths, keys, KeyringLockedError("locked"))
    dialog.reveal_recovery()
    dialog.use_passphrase.setChecked(True)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert not dialog.passphrase_box.isVisible()  # this vault has no passphrase
    order = [
        dialog.retry,
        dialog.code,
        dialog.use_passphrase,
        dialog.new_passphrase.first,
        dialog.new_passphrase.second,
        dialog.recover_button,
        dialog.quit_button,
    ]
    order[0].setFocus(Qt.FocusReason.TabFocusReason)
    for widget in order[1:]:
        focus = QApplication.focusWidget()
        assert focus is not None
        QTest.keyClick(focus, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget, widget.objectName()
