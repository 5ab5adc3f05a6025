"""The plain-text editor a client writes their message in."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget


class MessageEditor(QPlainTextEdit):
    """Plain text only: whatever a person pastes or types is never interpreted as markup."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageEditor")
        self.setAccessibleName(self.tr("Message"))
        self.setAccessibleDescription(self.tr("Write your message to your therapist here."))
        self.setPlaceholderText(self.tr("Write your message here…"))
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
