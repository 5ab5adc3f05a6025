"""A message with its severity shown by icon and words as well as colour."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QWidget


class NoticeLabel(QWidget):
    """Hidden until there is something to say; then an icon, a word and the message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        self.icon = QLabel(self)
        self.icon.setObjectName("noticeIcon")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.icon)
        self.text = QLabel(self)
        self.text.setObjectName("noticeText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text, 1)
        self.kind = ""
        self._icon: QStyle.StandardPixmap | None = None
        self.hide()

    def _show(self, kind: str, word: str, message: str, icon: QStyle.StandardPixmap) -> None:
        self.kind = kind
        self._icon = icon
        self._draw_icon()
        self.text.setText(f"{word} {message}")
        self.show()

    def _draw_icon(self) -> None:
        if self._icon is None:
            return
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.icon.setPixmap(self.style().standardIcon(self._icon).pixmap(size, size))

    def changeEvent(self, event: QEvent) -> None:
        # Light/dark switch: draw the icon again in the new palette.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._draw_icon()
        super().changeEvent(event)

    def show_warning(self, message: str) -> None:
        self._show(
            "warning", self.tr("Problem:"), message, QStyle.StandardPixmap.SP_MessageBoxWarning
        )

    def show_info(self, message: str) -> None:
        self._show(
            "info", self.tr("Note:"), message, QStyle.StandardPixmap.SP_MessageBoxInformation
        )

    def show_success(self, message: str) -> None:
        self._show("success", self.tr("Done:"), message, QStyle.StandardPixmap.SP_DialogApplyButton)

    def clear(self) -> None:
        self.kind = ""
        self.text.clear()
        self.hide()

    @property
    def message(self) -> str:
        return self.text.text()
