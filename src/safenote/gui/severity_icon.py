"""A severity icon that follows the light or dark palette.

The shapes (circle, triangle, octagon) carry the meaning; the colours are chosen per
palette so the icon keeps its contrast on a light or a dark background, and the icon is
drawn again whenever the palette or style changes (the system's light/dark switch).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from safenote.gui.severity import is_dark_palette, severity_pixmap, severity_word


class SeverityIcon(QLabel):
    """The icon of one severity, named for screen readers with the severity's word."""

    def __init__(self, severity: str, size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("severityIcon")
        self.severity = str(getattr(severity, "value", severity))
        self._size = size
        self.setAccessibleName(severity_word(self.severity))
        self.drawn_dark: bool | None = None
        self._draw()

    def _draw(self) -> None:
        self.drawn_dark = is_dark_palette(self.palette())
        self.setPixmap(
            severity_pixmap(self.severity, self._size, self.devicePixelRatioF(), self.drawn_dark)
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._draw()
        super().changeEvent(event)
