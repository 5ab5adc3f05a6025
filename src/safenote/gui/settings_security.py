"""The Security part of Settings: keyring or passphrase, a new keyring key, a new recovery
code. Each change runs off the GUI thread and takes effect at once (not on Save)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from safenote.core.vault import KdfParams, KeyStore, Vault, VaultError
from safenote.gui.file_dialogs import ask_save_path
from safenote.gui.first_run_pages import CodePage, TypeBackPage
from safenote.gui.first_run_wizard import same_code
from safenote.gui.key_tasks import KeyTaskRunner, busy_bar
from safenote.gui.notice import NoticeLabel
from safenote.gui.passphrase_fields import PassphraseFields
from safenote.gui.recovery_kit import ask_printer, print_kit, save_kit_pdf


class NewCodeDialog(QDialog):
    """Shows a freshly made recovery code once, with the kit to save or print, then asks for
    it to be typed back, as at first run. Accepted only when the typed code matches."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newCodeDialog")
        self.setWindowTitle(self.tr("Your new recovery code"))
        self.setAccessibleName(self.tr("Your new recovery code"))
        self.code = code
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget(self)
        self.page = CodePage(self.stack)
        self.page.set_code(code)
        self.type_back = TypeBackPage(self.stack)
        self.stack.addWidget(self.page)
        self.stack.addWidget(self.type_back)
        layout.addWidget(self.stack)
        self.notice = NoticeLabel(self)
        layout.addWidget(self.notice)
        buttons = QDialogButtonBox(self)
        self.back_button = buttons.addButton(
            self.tr("&Back"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.back_button.setObjectName("backButton")
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.show_code)
        self.done_button = buttons.addButton(
            self.tr("I have &kept it"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.done_button.setObjectName("nextButton")
        self.done_button.setDefault(True)
        buttons.accepted.connect(self.next)
        layout.addWidget(buttons)
        self.page.saveRequested.connect(self._save)
        self.page.printRequested.connect(self._print)
        self.show_code()

    @property
    def typing_back(self) -> bool:
        return self.stack.currentWidget() is self.type_back

    def show_code(self) -> None:
        self.notice.clear()
        self.stack.setCurrentWidget(self.page)
        self.back_button.hide()
        self.done_button.setText(self.tr("I have &kept it"))
        self.page.save.setFocus(Qt.FocusReason.OtherFocusReason)

    def next(self) -> None:
        if not self.typing_back:
            self.notice.clear()
            self.stack.setCurrentWidget(self.type_back)
            self.back_button.show()
            self.done_button.setText(self.tr("&Check"))
            self.type_back.typed.setFocus(Qt.FocusReason.OtherFocusReason)
        elif same_code(self.type_back.typed.text(), self.code):
            self.accept()
        else:
            self.notice.show_warning(
                self.tr(
                    "That doesn't match your new recovery code. Check each group of four "
                    "against your copy, or go Back to see the code again."
                )
            )
            self.type_back.typed.setFocus()

    def _save(self) -> None:
        chosen = ask_save_path(
            self,
            self.tr("Save your recovery kit"),
            directory=str(Path.home()),
            name_filter=self.tr("PDF files (*.pdf)"),
            default_suffix="pdf",
        )
        if chosen:
            try:
                save_kit_pdf(self.code, Path(chosen))
            except OSError:
                self.notice.show_warning(self.tr("The kit couldn't be saved there."))
                return
            self.notice.show_success(self.tr("Your recovery kit is saved."))

    def _print(self) -> None:
        printer = ask_printer()
        if printer is not None:
            print_kit(self.code, printer)


class SecurityBox(QGroupBox):
    """Shows how the vault opens and offers the key changes that fit."""

    methodsChanged = Signal(object)
    """``tuple[str, ...]`` of the vault's unlock methods after a change."""
    codeCreated = Signal(str)
    """A new recovery code was made (shown once by :class:`NewCodeDialog`); the old one no
    longer works and the new one is unconfirmed until typed back."""

    def __init__(
        self,
        vault: Vault | None,
        keystore: KeyStore,
        *,
        kdf: KdfParams | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Security"))
        self.setObjectName("securityBox")
        self.vault, self.keystore, self._kdf = vault, keystore, kdf
        self.methods: tuple[str, ...] = ()
        self._keys = KeyTaskRunner(self)
        self._keys.busyChanged.connect(self._set_busy)
        layout = QVBoxLayout(self)
        self.mode = QLabel(self.tr("Checking how your drafts open…"), self)
        self.mode.setObjectName("securityMode")
        self.mode.setWordWrap(True)
        self.mode.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.mode)
        self.switch = QPushButton(self)
        self.switch.setObjectName("switchMode")
        self.switch.clicked.connect(self._switch_clicked)
        layout.addWidget(self.switch, 0, Qt.AlignmentFlag.AlignLeft)
        self.fields = PassphraseFields(self)
        self.fields.hide()
        layout.addWidget(self.fields)
        self.confirm_switch = QPushButton(self.tr("&Use this passphrase"), self)
        self.confirm_switch.setObjectName("confirmPassphraseMode")
        self.confirm_switch.hide()
        self.confirm_switch.clicked.connect(self.to_passphrase)
        layout.addWidget(self.confirm_switch, 0, Qt.AlignmentFlag.AlignLeft)
        self.rotate = QPushButton(self.tr("Make a new &keyring key"), self)
        self.rotate.setObjectName("rotateKey")
        self.rotate.setAccessibleDescription(
            self.tr("Replace the key in your keyring; your drafts stay as they are")
        )
        self.rotate.clicked.connect(self.rotate_key)
        layout.addWidget(self.rotate, 0, Qt.AlignmentFlag.AlignLeft)
        self.new_code = QPushButton(self.tr("Make a new recovery &code…"), self)
        self.new_code.setObjectName("newRecoveryCode")
        self.new_code.setAccessibleDescription(self.tr("Your old recovery code will stop working"))
        self.new_code.clicked.connect(self.make_new_code)
        layout.addWidget(self.new_code, 0, Qt.AlignmentFlag.AlignLeft)
        self.busy = busy_bar(self, self.tr("Working…"))
        layout.addWidget(self.busy)
        self.notice = NoticeLabel(self)
        layout.addWidget(self.notice)
        self.show_methods(())
        if vault is not None:
            self._run(vault.unlock_methods, self.show_methods)

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._keys.run(work, done, self._failed)

    def show_methods(self, methods: tuple[str, ...]) -> None:
        self.methods = tuple(methods)
        keyring = "keyring" in methods
        if not methods:
            self.switch.hide()
            self.rotate.hide()
            self.new_code.setEnabled(self.vault is not None)
            return
        if keyring:
            self.mode.setText(self.tr("Your drafts open with the key in your system keyring."))
            self.switch.setText(self.tr("Use a &passphrase instead…"))
        else:
            self.mode.setText(self.tr("Your drafts open with your passphrase."))
            self.switch.setText(self.tr("Use the system &keyring instead"))
        self.switch.show()
        self.rotate.setVisible(keyring)
        self.fields.hide()
        self.confirm_switch.hide()

    def _switch_clicked(self) -> None:
        if "keyring" in self.methods:
            self.fields.show()
            self.confirm_switch.show()
            self.fields.first.setFocus()
        else:
            self.to_keyring()

    def to_passphrase(self) -> None:
        problem = self.fields.problem()
        if problem:
            self.notice.show_warning(problem)
            return
        vault, keystore, phrase, kdf = (
            self.vault,
            self.keystore,
            self.fields.passphrase(),
            self._kdf,
        )
        assert vault is not None

        def work() -> tuple[str, ...]:
            vault.set_passphrase(phrase, kdf=kdf)
            vault.remove_unlock_method("keyring", keystore)
            return vault.unlock_methods()

        self._run(work, self._changed(self.tr("Your drafts now open with your passphrase.")))

    def to_keyring(self) -> None:
        vault, keystore = self.vault, self.keystore
        assert vault is not None

        def work() -> tuple[str, ...]:
            vault.rotate_keyring_key(keystore)
            vault.remove_unlock_method("passphrase")
            return vault.unlock_methods()

        self._run(work, self._changed(self.tr("Your drafts now open with your keyring.")))

    def rotate_key(self) -> None:
        vault, keystore = self.vault, self.keystore
        assert vault is not None

        def work() -> tuple[str, ...]:
            vault.rotate_keyring_key(keystore)
            return vault.unlock_methods()

        self._run(work, self._changed(self.tr("A new key is in your keyring.")))

    def make_new_code(self) -> None:
        vault = self.vault
        assert vault is not None
        self._run(vault.new_recovery_code, self._code_made)

    def make_new_code_when_ready(self) -> None:
        """Make a new code now, or as soon as the change in flight (e.g. reading how the
        vault opens, just after the dialog opened) has finished."""
        if not self._keys.busy:
            self.make_new_code()
            return

        def once(busy: bool) -> None:
            if not busy:
                self._keys.busyChanged.disconnect(once)
                self.make_new_code()

        self._keys.busyChanged.connect(once)

    def _code_made(self, code: str) -> None:
        self.notice.show_success(self.tr("Your old recovery code no longer works."))
        self.codeCreated.emit(code)

    def _changed(self, message: str) -> Callable[[tuple[str, ...]], None]:
        def done(methods: tuple[str, ...]) -> None:
            self.show_methods(methods)
            self.fields.first.clear()
            self.fields.second.clear()
            self.notice.show_success(message)
            self.methodsChanged.emit(methods)

        return done

    def _failed(self, err: BaseException) -> None:
        self.notice.show_warning(
            str(err) if isinstance(err, VaultError) else self.tr("Please try again.")
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.switch, self.rotate, self.new_code, self.fields, self.confirm_switch):
            widget.setEnabled(not busy)

    @property
    def busy_now(self) -> bool:
        return self._keys.busy

    def wait(self) -> None:
        self._keys.wait()
