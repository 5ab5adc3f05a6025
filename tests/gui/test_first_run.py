"""First run: welcome, key choice, recovery code shown once with a kit to save or print, the
type-back check, name and region; all of it doable from the keyboard."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from safenote.core.paths import app_paths
from safenote.core.vault import (
    KdfParams,
    KeyringUnavailableError,
    MemoryKeyStore,
    Vault,
    vault_status,
)
from safenote.gui.appearance import apply_text_scale
from safenote.gui.first_run_wizard import ABOUT, CODE, KEY, TYPE_BACK, FirstRunWizard, same_code
from safenote.gui.recovery_kit import group_code, render_kit_pdf
from tests.gui.layout_checks import clipped, overlapping, unnamed_controls

FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)


class NoKeyring(MemoryKeyStore):
    def set_key(self, vault_id: str, key: bytes) -> None:
        raise KeyringUnavailableError("SafeNote couldn't find a secure system keyring.")


def wizard(qtbot: QtBot, keys: MemoryKeyStore) -> FirstRunWizard:
    dialog = FirstRunWizard(app_paths().ensure(), keys, kdf=FAST_KDF)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(key: Qt.Key) -> None:
    QTest.keyClick(focused(), key)


def type_keys(text: str) -> None:
    QTest.keyClicks(focused(), text)


def pdf_text(path: Path) -> str:
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.split())  # pypdf separates words with tabs


def test_whole_first_run_from_the_keyboard(qtbot: QtBot, tmp_path: Path) -> None:
    keys = MemoryKeyStore()
    dialog = wizard(qtbot, keys)
    assert "never uses the internet" in " ".join(p.text() for p in dialog.welcome.points)
    assert "monitoring software" in " ".join(p.text() for p in dialog.welcome.points)
    assert "not a clinician" in " ".join(p.text() for p in dialog.welcome.points)
    assert focused() is dialog.next_button
    press(Qt.Key.Key_Return)
    assert dialog.page == KEY
    assert focused() is dialog.key_page.keyring
    press(Qt.Key.Key_Return)  # the default button: Set up, with the keyring
    qtbot.waitUntil(lambda: dialog.page == CODE, timeout=10000)
    assert not dialog.back_button.isVisible()  # the vault exists now: no way back
    code = dialog.code
    shown = dialog.code_page.code.text()
    assert shown.split() == group_code(code)
    assert len(shown.split()) == 8
    assert focused() is dialog.code_page.save
    # Tab order on this page: save, print, then the wizard's own buttons.
    press(Qt.Key.Key_Tab)
    assert focused() is dialog.code_page.print
    press(Qt.Key.Key_Tab)
    assert focused() is dialog.quit_button
    press(Qt.Key.Key_Tab)
    assert focused() is dialog.next_button
    press(Qt.Key.Key_Return)
    assert dialog.page == TYPE_BACK
    assert focused() is dialog.type_back.typed
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    type_keys(wrong)
    press(Qt.Key.Key_Return)
    assert dialog.page == TYPE_BACK
    assert "doesn't match" in dialog.notice.message
    assert dialog.notice.kind == "warning"
    dialog.type_back.typed.clear()
    type_keys(code.lower().replace("-", " "))
    press(Qt.Key.Key_Return)
    assert dialog.page == ABOUT
    assert focused() is dialog.about.name
    type_keys("Sam")
    press(Qt.Key.Key_Tab)
    assert focused() is dialog.about.region
    press(Qt.Key.Key_Down)  # United States
    press(Qt.Key.Key_Tab)
    assert focused() is dialog.quit_button  # Back is hidden on this page
    press(Qt.Key.Key_Tab)
    assert focused() is dialog.next_button
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=10000)
    vault = dialog.vault
    assert vault is not None
    settings = vault.get_settings()
    assert (settings.sender_name, settings.region) == ("Sam", "US")
    vault.close()
    assert vault_status(app_paths(), keys).unlock_methods == ("keyring", "recovery-code")
    Vault.recover(code, app_paths(), keystore=keys).close()  # the code really opens it


def test_back_from_type_back_shows_the_code_again(qtbot: QtBot) -> None:
    dialog = wizard(qtbot, MemoryKeyStore())
    dialog.next()
    dialog.next()
    qtbot.waitUntil(lambda: dialog.page == CODE, timeout=10000)
    dialog.next()
    assert dialog.back_button.isVisible()
    dialog.back_button.click()
    assert dialog.page == CODE
    assert dialog.code_page.code.text()
    dialog.reject()


def test_passphrase_mode_for_a_computer_without_a_keyring(qtbot: QtBot) -> None:
    keys = NoKeyring()
    dialog = wizard(qtbot, keys)
    dialog.next()
    dialog.next()  # keyring mode fails: nothing is created, and the page says what to do
    qtbot.waitUntil(lambda: dialog.notice.isVisible() and not dialog.busy.isVisible())
    assert dialog.page == KEY
    assert "Behind a passphrase" in dialog.notice.message
    assert not Vault.exists(app_paths())
    dialog.key_page.passphrase.setChecked(True)
    assert dialog.key_page.fields.isVisible()
    dialog.key_page.fields.first.setText("short")
    dialog.next()
    assert "at least 8 characters" in dialog.notice.message
    dialog.key_page.fields.first.setText("lantern orbit marble")
    dialog.key_page.fields.second.setText("lantern orbit marbel")
    dialog.next()
    assert "don't match" in dialog.notice.message
    dialog.key_page.fields.second.setText("lantern orbit marble")
    dialog.next()
    qtbot.waitUntil(lambda: dialog.page == CODE, timeout=10000)
    dialog.reject()
    assert dialog.vault is None
    with Vault.open(app_paths(), passphrase="lantern orbit marble") as vault:
        assert vault.unlock_methods() == ("passphrase", "recovery")


def test_recovery_kit_saved_as_pdf_and_printed(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = wizard(qtbot, MemoryKeyStore())
    dialog.next()
    dialog.next()
    qtbot.waitUntil(lambda: dialog.page == CODE, timeout=10000)
    target = tmp_path / "kit.pdf"
    dialog.choose_kit_path = lambda: str(target)
    QTest.mouseClick(dialog.code_page.save, Qt.MouseButton.LeftButton)
    assert dialog.notice.kind == "success"
    assert target.stat().st_mode & 0o777 == 0o600
    text = pdf_text(target)
    for group in group_code(dialog.code):
        assert group in text
    assert "recovery kit" in text.lower()

    printed = tmp_path / "printed.pdf"
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    dialog.choose_printer = lambda: printer
    dialog.code_page.print.click()
    assert printed.exists()
    assert group_code(dialog.code)[0] in pdf_text(printed)
    dialog.reject()


def test_same_code_is_forgiving_about_how_it_is_typed(tmp_path: Path, qapp: QApplication) -> None:
    # qapp: the kit is drawn with Qt's fonts, which need an application object (the test
    # passed alone only when an earlier test in the file had made one).
    keys = MemoryKeyStore()
    vault, code = Vault.create(app_paths().ensure(), keystore=keys)
    vault.close()
    assert same_code(code, code)
    assert same_code(code.lower().replace("-", "  "), code)
    assert same_code(code.replace("1", "l").replace("0", "O"), code)
    assert not same_code(code[:-4], code)
    assert not same_code("7KQ2-ABCD", "7KQ2-ABCD")  # malformed: never equal to anything
    kit = tmp_path / "kit.pdf"
    kit.write_bytes(render_kit_pdf(code))
    assert group_code(code)[-1] in pdf_text(kit)


def test_every_page_survives_200_percent_text(qtbot: QtBot, qapp: QApplication) -> None:
    font = qapp.font()
    apply_text_scale(qapp, 200)
    try:
        dialog = wizard(qtbot, MemoryKeyStore())
        assert dialog.font().pointSizeF() >= font.pointSizeF() * 1.9
        dialog.next()
        dialog.key_page.passphrase.setChecked(True)
        dialog.next()  # no passphrase yet: a warning appears, the page must still fit
        for page in range(dialog.stack.count()):
            dialog.stack.setCurrentIndex(page)
            qtbot.waitUntil(lambda: clipped(dialog) == [])
            assert overlapping(dialog) == [], page
            assert unnamed_controls(dialog) == [], page
    finally:
        qapp.setFont(font)
        qapp.setProperty("safenoteBasePointSize", None)


class UnusableKeyring(NoKeyring):
    def describe(self) -> str:
        return "unusable: SafeNote couldn't find a secure system keyring."


def test_without_a_usable_keyring_the_passphrase_is_chosen_up_front(qtbot: QtBot) -> None:
    dialog = wizard(qtbot, UnusableKeyring())
    qtbot.waitUntil(lambda: not dialog.key_page.no_keyring.isHidden())
    dialog.next()
    assert dialog.key_page.use_passphrase()
    assert not dialog.key_page.keyring.isEnabled()
    assert "couldn't find a usable keyring" in dialog.key_page.no_keyring.text()
    assert dialog.key_page.fields.isVisible()


def test_a_working_keyring_keeps_the_recommended_choice(qtbot: QtBot) -> None:
    dialog = wizard(qtbot, MemoryKeyStore())
    qtbot.waitUntil(lambda: not dialog.checking_keyring)
    dialog.next()
    assert not dialog.key_page.use_passphrase()
    assert dialog.key_page.keyring.isEnabled()
    assert not dialog.key_page.no_keyring.isVisible()
