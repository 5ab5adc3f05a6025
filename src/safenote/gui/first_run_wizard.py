"""First run: what SafeNote is, where the key lives, the recovery code (shown once, saved or
printed, then typed back), and the optional name and region.

The vault is created when the person leaves the key page (off the GUI thread: the keyring
or Argon2 can take a moment); from then on there is no going back to that page, because a
vault is never replaced. :attr:`FirstRunWizard.vault` holds the open vault once accepted.
Its settings say the recovery code is unconfirmed until the person finishes (after typing
the code back), so quitting in between is remembered (see gui/recovery_reminder.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from safenote.core.paths import AppPaths
from safenote.core.vault import KdfParams, KeyStore, Settings, Vault, VaultError
from safenote.core.vault.recovery import parse_code
from safenote.gui.file_dialogs import ask_save_path
from safenote.gui.first_run_pages import AboutYouPage, CodePage, KeyPage, TypeBackPage, WelcomePage
from safenote.gui.fit import grow_to_fit
from safenote.gui.key_tasks import KeyTaskRunner, busy_bar
from safenote.gui.notice import NoticeLabel
from safenote.gui.recovery_kit import ask_printer, print_kit, save_kit_pdf
from safenote.gui.tasks import TaskRunner

WELCOME, KEY, CODE, TYPE_BACK, ABOUT = range(5)

log = logging.getLogger(__name__)


def same_code(typed: str, code: str) -> bool:
    """Whether ``typed`` is ``code`` as people copy it (case, dashes, spaces, I/L/O ignored)."""
    try:
        return parse_code(typed) == parse_code(code)
    except VaultError:
        return False


def _create_unconfirmed(
    paths: AppPaths, keystore: KeyStore, phrase: str | None, kdf: KdfParams | None
) -> tuple[Vault, str]:
    """Create the vault and mark its recovery code as not yet confirmed (runs off the GUI
    thread). If the person quits before typing the code back, the mark stays, and the
    compose window reminds them to make a new code."""
    vault, code = Vault.create(paths, keystore=keystore, passphrase=phrase, kdf=kdf)
    try:
        vault.save_settings(Settings(recovery_confirmed=False))
    except VaultError:
        # The vault exists and must not be created again; finishing saves the settings
        # anyway, so only the reminder after quitting early is lost.
        log.warning("could not mark the new recovery code as unconfirmed")
    return vault, code


class FirstRunWizard(QDialog):
    def __init__(
        self,
        paths: AppPaths,
        keystore: KeyStore,
        *,
        kdf: KdfParams | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(self.tr("Set up SafeNote"))
        self.setAccessibleName(self.tr("Set up SafeNote"))
        self.paths, self.keystore, self._kdf = paths, keystore, kdf
        self.vault: Vault | None = None
        self.code = ""
        self.settings = Settings()
        # Replaceable in tests: ask where to save the kit / which printer to use.
        self.choose_kit_path: Callable[[], str | None] = self._ask_kit_path
        self.choose_printer: Callable[[], QPagedPaintDevice | None] = ask_printer
        self._keys = KeyTaskRunner(self)
        self._keys.busyChanged.connect(self._set_busy)

        layout = QVBoxLayout(self)
        # Grow with bigger text or a longer language rather than cut anything off.
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        self.stack = QStackedWidget(self)
        self.welcome = WelcomePage(self.stack)
        self.key_page = KeyPage(self.stack)
        self.code_page = CodePage(self.stack)
        self.type_back = TypeBackPage(self.stack)
        self.about = AboutYouPage(self.stack)
        for page in (self.welcome, self.key_page, self.code_page, self.type_back, self.about):
            self.stack.addWidget(page)
        layout.addWidget(self.stack, 1)
        self.busy = busy_bar(self, self.tr("Setting up…"))
        layout.addWidget(self.busy)
        self.notice = NoticeLabel(self)
        layout.addWidget(self.notice)
        row = QHBoxLayout()
        self.quit_button = QPushButton(self.tr("&Quit"), self)
        self.quit_button.setObjectName("quitButton")
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        self.back_button = QPushButton(self.tr("&Back"), self)
        self.back_button.setObjectName("backButton")
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("nextButton")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        row.addWidget(self.quit_button)
        row.addStretch(1)
        row.addWidget(self.back_button)
        row.addWidget(self.next_button)
        layout.addLayout(row)

        # Ask the keyring quietly in the background (it can stall for seconds): if there is
        # no usable one, the key page starts on the passphrase and says why.
        self._probe = TaskRunner(self)
        self._probe.submit(keystore.describe, self._keyring_described, lambda _err: None)
        self.code_page.saveRequested.connect(self.save_kit)
        self.code_page.printRequested.connect(self.print_kit)
        self._go(WELCOME)
        self.resize(620, 520)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            grow_to_fit(self)  # a message appeared or text grew
        return handled

    def _keyring_described(self, description: str) -> None:
        if description.startswith("unusable:") and self.vault is None:
            self.key_page.keyring_unusable()

    @property
    def checking_keyring(self) -> bool:
        """The background look at the keyring hasn't reported yet."""
        return self._probe.busy

    @property
    def page(self) -> int:
        return self.stack.currentIndex()

    def _go(self, index: int) -> None:
        self.notice.clear()
        self.stack.setCurrentIndex(index)
        labels = {
            WELCOME: self.tr("&Continue"),
            KEY: self.tr("&Set up"),
            CODE: self.tr("I have &kept it"),
            TYPE_BACK: self.tr("&Check"),
            ABOUT: self.tr("&Start writing"),
        }
        self.next_button.setText(labels[index])
        self.back_button.setVisible(index in (KEY, TYPE_BACK))
        first = {
            WELCOME: self.next_button,
            KEY: self.key_page.keyring
            if not self.key_page.use_passphrase()
            else self.key_page.passphrase,
            CODE: self.code_page.save,
            TYPE_BACK: self.type_back.typed,
            ABOUT: self.about.name,
        }[index]
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def back(self) -> None:
        if self.page == KEY:
            self._go(WELCOME)
        elif self.page == TYPE_BACK:
            self._go(CODE)

    def next(self) -> None:
        if self._keys.busy:
            return
        if self.page == WELCOME:
            self._go(KEY)
        elif self.page == KEY:
            self._create()
        elif self.page == CODE:
            self._go(TYPE_BACK)
        elif self.page == TYPE_BACK:
            self._check_typed()
        elif self.page == ABOUT:
            self._finish()

    # -- steps ---------------------------------------------------------------------------------

    def _create(self) -> None:
        phrase: str | None = None
        if self.key_page.use_passphrase():
            problem = self.key_page.fields.problem()
            if problem:
                self.notice.show_warning(problem)
                self.key_page.fields.first.setFocus()
                return
            phrase = self.key_page.fields.passphrase()
        paths, keystore, kdf = self.paths, self.keystore, self._kdf
        self._keys.run(
            lambda: _create_unconfirmed(paths, keystore, phrase, kdf),
            self._created,
            self._create_failed,
        )

    def _created(self, result: tuple[Vault, str]) -> None:
        self.vault, self.code = result
        self.code_page.set_code(self.code)
        self._go(CODE)

    def _create_failed(self, err: BaseException) -> None:
        if isinstance(err, VaultError):
            message = str(err)
            if not self.key_page.use_passphrase():
                message += " " + self.tr(
                    "You can choose \u201cBehind a passphrase\u201d above instead."
                )
            self.notice.show_warning(message)
        else:
            self.notice.show_warning(self.tr("SafeNote couldn't set up. Please try again."))

    def _check_typed(self) -> None:
        if same_code(self.type_back.typed.text(), self.code):
            self._go(ABOUT)
            return
        self.notice.show_warning(
            self.tr(
                "That doesn't match your recovery code. Check each group of four against your "
                "copy, or go Back to see the code again."
            )
        )
        self.type_back.typed.setFocus()

    def _finish(self) -> None:
        vault = self.vault
        if vault is None:
            return
        # Only reached after the type-back check passed: the code is confirmed.
        self.settings = Settings(
            sender_name=self.about.name.text().strip(),
            region=self.about.region.region(),
            recovery_confirmed=True,
        )
        settings = self.settings
        self._keys.run(
            lambda: vault.save_settings(settings), lambda _: self.accept(), self._save_failed
        )

    def _save_failed(self, err: BaseException) -> None:
        self.notice.show_warning(
            str(err) if isinstance(err, VaultError) else self.tr("Please try again.")
        )

    # -- the recovery kit ----------------------------------------------------------------------

    def _ask_kit_path(self) -> str | None:
        return ask_save_path(
            self,
            self.tr("Save your recovery kit"),
            directory=str(Path.home()),
            name_filter=self.tr("PDF files (*.pdf)"),
            default_suffix="pdf",
        )

    def save_kit(self) -> None:
        chosen = self.choose_kit_path()
        if not chosen:
            return
        try:
            save_kit_pdf(self.code, Path(chosen))
        except OSError:
            self.notice.show_warning(
                self.tr("The recovery kit couldn't be saved there. Try another folder.")
            )
            return
        self.notice.show_success(
            self.tr("Your recovery kit is saved. Keep it away from this computer.")
        )

    def print_kit(self) -> None:
        printer = self.choose_printer()
        if printer is not None:
            print_kit(self.code, printer)
            self.notice.show_success(self.tr("Your recovery kit was sent to the printer."))

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.stack.setEnabled(not busy)
        self.next_button.setEnabled(not busy)
        self.back_button.setEnabled(not busy)

    def reject(self) -> None:
        if self._keys.busy:
            return  # let the vault finish being created; closing mid-write helps nobody
        if self.vault is not None:
            # Set up but not finished: the vault stays (it is never replaced); a new
            # recovery code can be made in Settings.
            self.vault.close()
            self.vault = None
        super().reject()

    def wait(self) -> None:
        self._keys.wait()
        self._probe.wait()
