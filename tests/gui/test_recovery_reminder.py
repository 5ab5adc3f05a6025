"""Nobody is left with a recovery code they never confirmed: quitting the first run after the
vault was made brings a calm reminder at every start until a new code is made and typed back;
finishing the first run, or a vault from before the reminder existed, brings none."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from safenote.core.paths import app_paths
from safenote.core.vault import Contact, MemoryKeyStore, Settings, Vault, codec
from safenote.gui.compose_window import ComposeWindow
from safenote.gui.first_run_wizard import CODE, TYPE_BACK
from safenote.gui.recovery_reminder import RecoveryReminder
from safenote.gui.settings_dialog import SettingsDialog
from safenote.gui.settings_security import NewCodeDialog
from safenote.gui.startup import Startup
from safenote.gui.translation import PseudoTranslator
from tests.gui.layout_checks import clashing_accelerators, clipped, unnamed_controls
from tests.gui.startup_support import finish_first_run, ready, start, started
from tests.gui.test_translations import NOT_TEXT, show, untranslated

__all__ = ["started"]  # fixture


def quit_app(qtbot: QtBot, flow: Startup) -> None:
    window = flow.window
    assert window is not None
    qtbot.waitUntil(lambda: window.controller.idle, timeout=10000)
    window.close()
    window.controller.shutdown()
    flow.window = None


def vault_settings(keys: MemoryKeyStore) -> Settings:
    with Vault.open(app_paths(), keystore=keys) as vault:
        return vault.get_settings()


def vault_with(keys: MemoryKeyStore, settings: Settings | None) -> str:
    """A vault made outside the wizard, with these settings saved; returns its code."""
    vault, code = Vault.create(app_paths().ensure(), keystore=keys)
    if settings is not None:
        vault.save_settings(settings)
    vault.close()
    return code


def reminders(window: ComposeWindow) -> list[RecoveryReminder]:
    return [r for r in window.findChildren(RecoveryReminder) if r.isVisible()]


def focus_chain(start: QWidget) -> list[QWidget]:
    """Every widget Tab visits, starting after ``start`` and going round to it."""
    chain: list[QWidget] = []
    widget = start.nextInFocusChain()
    while widget is not None and widget is not start:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def open_new_code(qtbot: QtBot, dialog: SettingsDialog) -> NewCodeDialog:
    qtbot.waitUntil(lambda: dialog.new_code_dialog is not None, timeout=10000)
    shown = dialog.new_code_dialog
    assert shown is not None
    return shown


def test_quitting_the_first_run_after_setup_reminds_at_the_next_start(
    qtbot: QtBot, started: list[Startup]
) -> None:
    keys = MemoryKeyStore()
    flow = start(keys, started)
    wizard = flow.wizard
    assert wizard is not None
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.page == CODE, timeout=10000)
    wizard.next()
    assert wizard.page == TYPE_BACK
    with qtbot.waitSignal(flow.cancelled):
        wizard.quit_button.click()  # the vault stays, the code was never typed back
    assert vault_settings(keys).recovery_confirmed is False

    again = start(keys, started)
    assert again.wizard is None
    window, session = ready(qtbot, again)
    (banner,) = reminders(window)
    assert session.recovery_reminder is banner
    assert "haven't confirmed keeping a recovery code" in banner.message.text()
    assert "keyring" in banner.message.text()
    # Severity by icon and words, not colour alone.
    assert banner.icon.accessibleName() == "Worth knowing"
    assert banner.message.text().startswith("Worth knowing:")
    assert unnamed_controls(window) == []
    assert clashing_accelerators(window) == []
    # Writing is not blocked, and both buttons are on the Tab path.
    assert not window.editor.isReadOnly()
    chain = focus_chain(window.editor)
    assert banner.make_code in chain
    assert banner.later in chain
    for button in (banner.make_code, banner.later):
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_finishing_the_first_run_brings_no_reminder(qtbot: QtBot, started: list[Startup]) -> None:
    keys = MemoryKeyStore()
    flow = start(keys, started)
    wizard = flow.wizard
    assert wizard is not None
    finish_first_run(qtbot, wizard, name="Sam")
    window, session = ready(qtbot, flow)
    # After the wizard the window is writable at once: wait for the settings to be read.
    qtbot.waitUntil(lambda: window.controller.settings.sender_name == "Sam", timeout=10000)
    assert window.controller.settings.recovery_confirmed is True
    assert reminders(window) == []
    assert session.recovery_reminder is None
    quit_app(qtbot, flow)

    window, session = ready(qtbot, start(keys, started))
    assert window.controller.settings.sender_name == "Sam"
    assert reminders(window) == []


def test_settings_saved_before_the_flag_existed_bring_no_reminder(
    qtbot: QtBot, started: list[Startup], monkeypatch: pytest.MonkeyPatch
) -> None:
    def encode_before_flag(settings: Settings) -> bytes:
        return json.dumps({"sender_name": settings.sender_name, "region": settings.region}).encode()

    keys = MemoryKeyStore()
    with monkeypatch.context() as old_version:
        old_version.setattr(codec, "encode_settings", encode_before_flag)
        vault_with(keys, Settings(sender_name="Sam", recovery_confirmed=False))
    window, _session = ready(qtbot, start(keys, started))
    assert window.controller.settings == Settings(sender_name="Sam", recovery_confirmed=True)
    assert reminders(window) == []


def test_a_new_code_typed_back_ends_the_reminder_for_good(
    qtbot: QtBot, started: list[Startup]
) -> None:
    keys = MemoryKeyStore()
    old = vault_with(keys, Settings(sender_name="Sam", recovery_confirmed=False))
    flow = start(keys, started)
    window, session = ready(qtbot, flow)
    (banner,) = reminders(window)
    QTest.mouseClick(banner.make_code, Qt.MouseButton.LeftButton)
    dialog = session.settings_dialog
    assert dialog is not None
    shown = open_new_code(qtbot, dialog)
    assert shown.code != old
    shown.done_button.click()  # "I have kept it" -> type it back
    assert shown.typing_back
    shown.type_back.typed.setText(old)  # the old code: not the one just shown
    shown.done_button.click()
    assert shown.isVisible()
    assert shown.notice.kind == "warning"
    assert session.recovery_reminder is banner  # not confirmed yet
    shown.back_button.click()
    assert not shown.typing_back
    shown.done_button.click()
    shown.type_back.typed.setText(shown.code.lower().replace("-", " "))
    with qtbot.waitSignal(shown.accepted):
        QTest.keyClick(shown.type_back.typed, Qt.Key.Key_Return)
    assert session.recovery_reminder is None
    qtbot.waitUntil(lambda: reminders(window) == [])
    assert window.controller.settings == Settings(sender_name="Sam", recovery_confirmed=True)
    dialog.name.setText("Sam Rivera")  # saving Settings afterwards keeps the flag
    dialog.save()
    quit_app(qtbot, flow)
    assert vault_settings(keys) == Settings(sender_name="Sam Rivera", recovery_confirmed=True)

    window, _session = ready(qtbot, start(keys, started))
    assert window.controller.settings.sender_name == "Sam Rivera"
    assert reminders(window) == []


def test_a_new_code_left_unconfirmed_brings_the_reminder(
    qtbot: QtBot, started: list[Startup]
) -> None:
    keys = MemoryKeyStore()
    vault_with(keys, None)  # no settings at all: as after the old first run
    flow = start(keys, started)
    window, session = ready(qtbot, flow)
    assert reminders(window) == []
    dialog = session.show_settings()
    qtbot.waitUntil(lambda: bool(dialog.security.methods), timeout=10000)
    dialog.security.new_code.click()
    shown = open_new_code(qtbot, dialog)
    with qtbot.waitSignal(shown.rejected):
        QTest.keyClick(shown, Qt.Key.Key_Escape)  # closed without typing it back
    dialog.reject()
    assert window.controller.settings.recovery_confirmed is False
    assert len(reminders(window)) == 1
    quit_app(qtbot, flow)
    assert vault_settings(keys).recovery_confirmed is False

    window, _session = ready(qtbot, start(keys, started))
    assert len(reminders(window)) == 1


def test_later_hides_the_reminder_for_this_session_only(
    qtbot: QtBot, started: list[Startup]
) -> None:
    keys = MemoryKeyStore()
    vault_with(keys, Settings(recovery_confirmed=False))
    flow = start(keys, started)
    window, _session = ready(qtbot, flow)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    (banner,) = reminders(window)
    banner.later.setFocus()
    QTest.keyClick(banner.later, Qt.Key.Key_Space)  # from the keyboard
    assert reminders(window) == []
    assert QApplication.focusWidget() is window.editor  # focus isn't lost with the banner
    assert window.controller.settings.recovery_confirmed is False
    # Later lists (here: after a contact is saved) don't bring it back in this session.
    with qtbot.waitSignal(window.controller.contactsChanged, timeout=10000):
        window.controller.save_contact(Contact(name="Dr. Okafor"))
    assert reminders(window) == []
    quit_app(qtbot, flow)

    window, _session = ready(qtbot, start(keys, started))
    assert len(reminders(window)) == 1


def test_passphrase_mode_names_the_passphrase(qtbot: QtBot) -> None:
    banner = RecoveryReminder(passphrase_mode=True)
    qtbot.addWidget(banner)
    assert "forgetting your passphrase" in banner.message.text()
    assert "keyring" not in banner.message.text()


@pytest.fixture
def pseudo_translated(qapp: QApplication) -> Iterator[None]:
    translator = PseudoTranslator()
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.mark.usefixtures("pseudo_translated")
def test_reminder_and_new_code_dialog_are_translated_and_fit(qtbot: QtBot) -> None:
    banner = RecoveryReminder()
    new_code = NewCodeDialog("7KQ2-M9W3-ABCD-EFGH-JKMN-PQRS-TVWX-YZ01")
    # The code itself is not words to translate.
    code = new_code.page.code
    allowed = NOT_TEXT | {code.text(), code.accessibleDescription()}
    for widget in (banner, new_code):
        show(qtbot, widget)
        assert untranslated(widget, allowed) == []
        qtbot.waitUntil(lambda w=widget: clipped(w) == [])  # type: ignore[misc]
        assert unnamed_controls(widget) == []
        assert clashing_accelerators(widget) == []
    new_code.next()  # the type-back step
    assert untranslated(new_code, allowed) == []
    assert clashing_accelerators(new_code) == []
