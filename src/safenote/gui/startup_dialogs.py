"""Start-up messages: the recovery code shown once, and a vault that won't open.

Deliberately minimal and honest; the first-run wizard and the unlock/recover dialog come
later and replace these.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)


class RecoveryCodeDialog(QDialog):
    """Shows a new vault's recovery code once; OK only after the person says they kept it."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryCodeDialog")
        self.setWindowTitle(self.tr("Your recovery code"))
        self.setAccessibleName(self.tr("Your recovery code"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "SafeNote has set up an encrypted place for your drafts on this computer. Its "
                "key is kept in your system's keyring.\n\nIf that key is ever lost (a new "
                "computer, a reset keyring), this recovery code is the only way back to your "
                "drafts. Write it down and keep it somewhere safe, away from this computer. "
                "It won't be shown again."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        self.code = QLabel(code, self)
        self.code.setObjectName("recoveryCode")
        self.code.setTextFormat(Qt.TextFormat.PlainText)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setWordWrap(True)
        self.code.setAccessibleName(self.tr("Recovery code"))
        self.code.setAccessibleDescription(code)
        layout.addWidget(self.code)
        self.confirm = QCheckBox(self.tr("I've written down my recovery code"), self)
        self.confirm.setObjectName("recoveryConfirm")
        layout.addWidget(self.confirm)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Start writing"))
        self.ok.setEnabled(False)
        self.confirm.toggled.connect(self.ok.setEnabled)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(480, 0)


def vault_error_box(message: str, parent: QWidget | None = None) -> QMessageBox:
    """A vault that can't be opened: what happened, that nothing is lost, what to do."""
    box = QMessageBox(parent)
    box.setObjectName("vaultErrorDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(
        QCoreApplication.translate("VaultErrorDialog", "SafeNote can't open your drafts")
    )
    box.setAccessibleName(
        QCoreApplication.translate("VaultErrorDialog", "SafeNote can't open your drafts")
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(message)
    box.setInformativeText(
        QCoreApplication.translate(
            "VaultErrorDialog",
            "Nothing has been changed or deleted. Writing is paused until your drafts open: "
            "close SafeNote, fix the problem above, and start it again. If your keyring key is "
            "lost, 'safenote vault recover' opens your drafts with your recovery code.",
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box
