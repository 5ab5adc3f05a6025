"""The panel beside the editor where guidance about the message appears."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class GuidancePanel(QWidget):
    """Holds guidance cards; for now only the calm empty state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guidancePanel")
        self.setAccessibleName(self.tr("Guidance"))
        layout = QVBoxLayout(self)
        self._heading = QLabel(self.tr("Guidance"), self)
        self._heading.setObjectName("guidanceHeading")
        font = self._heading.font()
        font.setBold(True)
        self._heading.setFont(font)
        self._empty = QLabel(self.tr("Suggestions about your message will appear here."), self)
        self._empty.setObjectName("guidanceEmpty")
        self._empty.setWordWrap(True)
        # Plain text only: guidance never renders markup.
        self._heading.setTextFormat(Qt.TextFormat.PlainText)
        self._empty.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self._heading)
        layout.addWidget(self._empty)
        layout.addStretch(1)
        self.setMinimumWidth(220)
