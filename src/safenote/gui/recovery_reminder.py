"""A calm reminder above the message when nobody has confirmed keeping a recovery code.

It appears when the vault's settings say the current code was never typed back (the first
run was left after the vault was made, or a new code was made and not confirmed). It never
blocks writing. It goes away for good only when a new code is confirmed; "Later" hides it
until SafeNote next starts. Loaded only when needed, so everyday start-up doesn't pay for it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from safenote.gui.severity import severity_word
from safenote.gui.severity_icon import SeverityIcon

SEVERITY = "caution"  # worth knowing, not an emergency: the drafts are fine today
ICON_SIZE = 20


class RecoveryReminder(QFrame):
    """Icon, words and two buttons; the session decides what the buttons do."""

    makeCodeRequested = Signal()
    """The person chose "Make a new recovery code"."""
    laterRequested = Signal()
    """The person chose "Later" (hide until the next start)."""

    def __init__(self, *, passphrase_mode: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryReminder")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Recovery code reminder"))
        outer = QHBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        self.icon = SeverityIcon(SEVERITY, ICON_SIZE, self)
        outer.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        self.message = QLabel(
            self.tr("%1: You haven't confirmed keeping a recovery code yet.").replace(
                "%1", severity_word(SEVERITY)
            )
            + " "
            + (
                self.tr("Without one, forgetting your passphrase means losing your drafts.")
                if passphrase_mode
                else self.tr(
                    "Without one, losing this computer's keyring means losing your drafts."
                )
            ),
            self,
        )
        self.message.setObjectName("recoveryReminderText")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.message)
        row = QHBoxLayout()
        self.make_code = QPushButton(self.tr("&Make a new recovery code"), self)
        self.make_code.setObjectName("makeRecoveryCode")
        self.make_code.setAccessibleDescription(
            self.tr("Opens Settings, shows a new code to keep, and asks you to type it back")
        )
        self.make_code.setAutoDefault(False)
        self.make_code.clicked.connect(self.makeCodeRequested)
        self.later = QPushButton(self.tr("&Later"), self)
        self.later.setObjectName("recoveryReminderLater")
        self.later.setAccessibleDescription(
            self.tr("Hide this reminder until SafeNote next starts")
        )
        self.later.setAutoDefault(False)
        self.later.clicked.connect(self.laterRequested)
        row.addWidget(self.make_code)
        row.addWidget(self.later)
        row.addStretch(1)
        column.addLayout(row)
        outer.addLayout(column, 1)
        self.setAccessibleDescription(self.message.text())
