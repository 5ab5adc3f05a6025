"""Unlock or recover: the vault exists but the keyring won't give its key.

The dialog says exactly which of these happened and offers what fits:

* the keyring is locked, or didn't answer -> unlock it and **Try again**;
* no usable keyring -> the **passphrase** if the vault has one, else the recovery code;
* the key is gone from the keyring -> **recover with the recovery code**;
* the vault is opened with a passphrase -> the passphrase (or the recovery code).

Every attempt (keyring call, Argon2, recovery) runs off the GUI thread with a busy bar.
An existing vault never gets a new key laid over it: recovery rewraps the same data key.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from safenote.core.paths import AppPaths
from safenote.core.vault import (
    KdfParams,
    KeyMissingError,
    KeyringLockedError,
    KeyringTimeoutError,
    KeyringUnavailableError,
    KeyStore,
    PassphraseRequiredError,
    Vault,
    VaultError,
)
from safenote.gui.fit import grow_to_fit
from safenote.gui.key_tasks import KeyTaskRunner, busy_bar
from safenote.gui.notice import NoticeLabel
from safenote.gui.passphrase_fields import PassphraseFields


class UnlockReason(Enum):
    LOCKED = "locked"
    TIMEOUT = "timeout"
    UNAVAILABLE = "unavailable"
    KEY_MISSING = "key-missing"
    PASSPHRASE = "passphrase"  # noqa: S105 - a state name, not a secret


def unlock_reason(err: BaseException) -> UnlockReason | None:
    """Which unlock situation an error from ``Vault.open`` means; None: not a key problem."""
    for kind, reason in (
        (KeyringLockedError, UnlockReason.LOCKED),
        (KeyringTimeoutError, UnlockReason.TIMEOUT),
        (KeyringUnavailableError, UnlockReason.UNAVAILABLE),
        (KeyMissingError, UnlockReason.KEY_MISSING),
        (PassphraseRequiredError, UnlockReason.PASSPHRASE),
    ):
        if isinstance(err, kind):
            return reason
    return None


class UnlockDialog(QDialog):
    """Ask for what opens the vault; :attr:`vault` is the opened vault once accepted."""

    def __init__(
        self,
        paths: AppPaths,
        keystore: KeyStore,
        reason: UnlockReason,
        *,
        has_passphrase: bool = False,
        kdf: KdfParams | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.setWindowTitle(self.tr("Open your drafts"))
        self.setAccessibleName(self.tr("Open your drafts"))
        self.paths, self.keystore, self.reason, self._kdf = paths, keystore, reason, kdf
        self.vault: Vault | None = None
        self.has_passphrase = has_passphrase or reason is UnlockReason.PASSPHRASE
        self._keys = KeyTaskRunner(self)
        self._keys.busyChanged.connect(self._set_busy)
        self._quit = False

        layout = QVBoxLayout(self)
        # Grow when the recovery part is revealed, so nothing is squeezed or cut off.
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        heading, detail = self._explanation()
        self.heading = QLabel(heading, self)
        self.heading.setObjectName("unlockHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.detail = QLabel(detail, self)
        self.detail.setObjectName("unlockDetail")
        self.detail.setWordWrap(True)
        layout.addWidget(self.detail)
        for label in (self.heading, self.detail):
            label.setTextFormat(Qt.TextFormat.PlainText)

        self.retry = QPushButton(self.tr("&Try again"), self)
        self.retry.setObjectName("retryButton")
        self.retry.setAccessibleDescription(self.tr("Ask the system keyring for the key again"))
        self.retry.clicked.connect(self.try_keyring)
        self.retry.setVisible(
            reason in (UnlockReason.LOCKED, UnlockReason.TIMEOUT, UnlockReason.UNAVAILABLE)
        )
        layout.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignLeft)

        self.passphrase_box = QWidget(self)
        row = QHBoxLayout(self.passphrase_box)
        row.setContentsMargins(0, 0, 0, 0)
        self.passphrase_label = QLabel(self.tr("&Passphrase:"), self.passphrase_box)
        self.passphrase = QLineEdit(self.passphrase_box)
        self.passphrase.setObjectName("unlockPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase_label.setBuddy(self.passphrase)
        self.passphrase.returnPressed.connect(self.try_passphrase)
        self.open_button = QPushButton(self.tr("&Open"), self.passphrase_box)
        self.open_button.setObjectName("openWithPassphrase")
        self.open_button.setAccessibleDescription(self.tr("Open your drafts with this passphrase"))
        self.open_button.clicked.connect(self.try_passphrase)
        row.addWidget(self.passphrase_label)
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.open_button)
        self.passphrase_box.setVisible(self.has_passphrase)
        layout.addWidget(self.passphrase_box)

        self.show_recovery = QPushButton(self.tr("Use my &recovery code…"), self)
        self.show_recovery.setObjectName("showRecovery")
        self.show_recovery.clicked.connect(self.reveal_recovery)
        layout.addWidget(self.show_recovery, 0, Qt.AlignmentFlag.AlignLeft)
        self.recovery_box = self._recovery_section()
        self.recovery_box.hide()
        layout.addWidget(self.recovery_box)

        self.busy = busy_bar(self, self.tr("Opening your drafts…"))
        layout.addWidget(self.busy)
        self.notice = NoticeLabel(self)
        layout.addWidget(self.notice)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.quit_button = QPushButton(self.tr("&Quit SafeNote"), self)
        self.quit_button.setObjectName("quitButton")
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        buttons.addWidget(self.quit_button)
        layout.addLayout(buttons)
        if reason is UnlockReason.KEY_MISSING and not self.has_passphrase:
            self.reveal_recovery()
        self._focus_first()
        self.resize(520, 0)
        self._grow_to_fit()

    # -- layout -----------------------------------------------------------------------------

    def _explanation(self) -> tuple[str, str]:
        r = UnlockReason
        return {
            r.LOCKED: (
                self.tr("Your system keyring is locked."),
                self.tr(
                    "SafeNote keeps the key to your drafts in your system keyring. Unlock the "
                    "keyring (log in to your desktop session or open your password manager), "
                    "then choose Try again."
                ),
            ),
            r.TIMEOUT: (
                self.tr("Your system keyring didn't answer."),
                self.tr(
                    "It may be waiting for you to unlock it: look for a password prompt, then "
                    "choose Try again."
                ),
            ),
            r.UNAVAILABLE: (
                self.tr("SafeNote can't reach a secure system keyring."),
                self.tr(
                    "Your drafts are safe and unchanged. If the keyring service is just not "
                    "running, start it and choose Try again. Otherwise open them with your "
                    "passphrase or your recovery code."
                ),
            ),
            r.KEY_MISSING: (
                self.tr("The key to your drafts is no longer in your keyring."),
                self.tr(
                    "This happens after a keyring reset or a move to a new computer. Your "
                    "drafts are still here: your recovery code opens them and puts a fresh key "
                    "in the keyring. SafeNote never makes a new key over your drafts."
                ),
            ),
            r.PASSPHRASE: (
                self.tr("Enter your passphrase to open your drafts."),
                self.tr("If you have forgotten it, your recovery code opens them too."),
            ),
        }[self.reason]

    def _recovery_section(self) -> QFrame:
        box = QFrame(self)
        box.setObjectName("recoveryBox")
        form = QFormLayout(box)
        form.setContentsMargins(0, 8, 0, 0)
        self.code = QLineEdit(box)
        self.code.setObjectName("recoveryCodeInput")
        self.code.setAccessibleName(self.tr("Recovery code"))
        self.code.setAccessibleDescription(
            self.tr("32 letters and digits, in groups of four; dashes and spaces are optional")
        )
        self.code.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        form.addRow(self.tr("Re&covery code:"), self.code)
        keyring_unusable = self.reason is UnlockReason.UNAVAILABLE
        self.use_passphrase = QCheckBox(
            self.tr("Keep the key with a new passphrase &instead of the keyring"), box
        )
        self.use_passphrase.setObjectName("recoverWithPassphrase")
        self.use_passphrase.setChecked(keyring_unusable or self.reason is UnlockReason.PASSPHRASE)
        self.use_passphrase.setEnabled(not keyring_unusable)
        form.addRow(self.use_passphrase)
        self.new_passphrase = PassphraseFields(box)
        form.addRow(self.new_passphrase)
        self.new_passphrase.setVisible(self.use_passphrase.isChecked())
        self.use_passphrase.toggled.connect(self.new_passphrase.setVisible)
        self.use_passphrase.toggled.connect(self._grow_to_fit)
        self.recover_button = QPushButton(self.tr("Recover my &drafts"), box)
        self.recover_button.setObjectName("recoverButton")
        self.recover_button.clicked.connect(self.try_recovery)
        form.addRow(self.recover_button)
        return box

    def reveal_recovery(self) -> None:
        self.show_recovery.hide()
        self.recovery_box.show()
        self._grow_to_fit()
        self.code.setFocus(Qt.FocusReason.OtherFocusReason)

    def _grow_to_fit(self) -> None:
        # A part that appears inside a nested layout leaves a stale size cached in the
        # dialog's layout; drop it, then make room for everything.
        for part in (self.new_passphrase, self.recovery_box):
            part.updateGeometry()
        layout = self.layout()
        if layout is not None:
            layout.activate()
        grow_to_fit(self)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            grow_to_fit(self)  # a message appeared or text grew
        return handled

    def _focus_first(self) -> None:
        if self.has_passphrase:
            self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.retry.isVisibleTo(self):
            self.retry.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.code.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.retry, self.passphrase_box, self.show_recovery, self.recovery_box):
            widget.setEnabled(not busy)
        if busy:
            self.notice.clear()

    # -- attempts -----------------------------------------------------------------------------

    def try_keyring(self) -> None:
        paths, keystore = self.paths, self.keystore
        self._keys.run(lambda: Vault.open(paths, keystore=keystore), self._opened, self._failed)

    def try_passphrase(self) -> None:
        phrase = self.passphrase.text()
        if not phrase:
            self.notice.show_warning(self.tr("Enter your passphrase first."))
            self.passphrase.setFocus()
            return
        paths = self.paths
        self._keys.run(lambda: Vault.open(paths, passphrase=phrase), self._opened, self._failed)

    def try_recovery(self) -> None:
        code = self.code.text()
        if not code.strip():
            self.notice.show_warning(self.tr("Type your recovery code first."))
            self.code.setFocus()
            return
        phrase: str | None = None
        if self.use_passphrase.isChecked():
            problem = self.new_passphrase.problem()
            if problem:
                self.notice.show_warning(problem)
                self.new_passphrase.first.setFocus()
                return
            phrase = self.new_passphrase.passphrase()
        paths, keystore, kdf = self.paths, self.keystore, self._kdf
        self._keys.run(
            lambda: Vault.recover(code, paths, keystore=keystore, passphrase=phrase, kdf=kdf),
            self._opened,
            self._failed,
        )

    def _opened(self, vault: Vault) -> None:
        if self._quit:
            # The answer was already on its way when Quit was clicked: accepting now would
            # open the drafts behind a window that is closing, after start-up was cancelled.
            vault.close()
            return
        self.vault = vault
        self.accept()

    def reject(self) -> None:  # Quit, Esc or the close button
        self._quit = True
        super().reject()

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, VaultError):
            self.notice.show_warning(str(err))
        else:
            self.notice.show_warning(
                self.tr("Something went wrong inside SafeNote. Please try again.")
            )
        self._focus_first() if not self.recovery_box.isVisible() else self.code.setFocus()

    def wait(self) -> None:
        self._keys.wait()
