"""Two password fields (passphrase and confirmation) with a plain check between them."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

MIN_LENGTH = 8


class PassphraseFields(QWidget):
    """ "New passphrase" and "Type it again"; :meth:`problem` says what's wrong, if anything."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.first = QLineEdit(self)
        self.first.setObjectName("newPassphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("New passphrase"))
        self.first.setAccessibleDescription(
            self.tr("At least %n characters; a few unrelated words work well", "", MIN_LENGTH)
        )
        self.second = QLineEdit(self)
        self.second.setObjectName("confirmPassphrase")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("Type the passphrase again"))
        form.addRow(self.tr("Ne&w passphrase:"), self.first)
        form.addRow(self.tr("T&ype it again:"), self.second)

    def passphrase(self) -> str:
        return self.first.text()

    def problem(self) -> str:
        """Why the passphrase can't be used, or "" when it can."""
        if len(self.first.text()) < MIN_LENGTH:
            return self.tr(
                "Choose a passphrase of at least %n characters. A few unrelated words are "
                "easy to remember and hard to guess.",
                "",
                MIN_LENGTH,
            )
        if self.first.text() != self.second.text():
            return self.tr("The two passphrases don't match. Type them again.")
        return ""
