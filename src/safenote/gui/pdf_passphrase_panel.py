"""The passphrase of a locked PDF, shown once, with advice on how to share it.

SafeNote keeps no copy: once the person closes the export dialog (or makes another PDF) the
passphrase is gone, so the panel says so plainly and asks them to pass it on by another
route than the PDF itself.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFrame, QLineEdit, QVBoxLayout, QWidget

from safenote.gui.crisis_panel import announce
from safenote.gui.plain_label import plain_label


class PdfPassphrasePanel(QFrame):
    """Hidden until a PDF is made; then its passphrase and what to do with it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPassphrasePanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Passphrase for the PDF"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        self.heading = plain_label(
            self.tr("Your PDF is saved. It opens with this passphrase:"), self, "pdfHeading"
        )
        layout.addWidget(self.heading)
        self.field = QLineEdit(self)
        self.field.setObjectName("pdfPassphrase")
        self.field.setReadOnly(True)
        self.field.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.field.setAccessibleName(self.tr("PDF passphrase"))
        layout.addWidget(self.field)
        self.advice = plain_label(
            self.tr(
                "Tell your therapist this passphrase another way: in your next session or by "
                "phone, not in the same email or message as the PDF. Write it down now if you "
                "need to: SafeNote doesn't keep it, and it won't be shown again once you close "
                "this window."
            ),
            self,
            "pdfAdvice",
        )
        layout.addWidget(self.advice)
        self.field.setAccessibleDescription(self.advice.text())
        self.hide()

    def show_passphrase(self, passphrase: str) -> None:
        self.field.setText(passphrase)
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        announce(self)

    def forget(self) -> None:
        """Take the passphrase off the screen for good."""
        self.field.clear()
        self.hide()

    @property
    def passphrase(self) -> str:
        return self.field.text()
