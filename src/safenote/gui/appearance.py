"""Theme and text size from the preferences, and following the system's light/dark switch.

With the theme set to "system", a change of the desktop's colour scheme re-applies the
matching palette and stylesheet at once (the stylesheet's images swap with it, and widgets
that draw their own icons repaint them on the palette change).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from safenote.gui.preferences import Preferences
from safenote.gui.theme import apply_theme

_BASE_POINT_SIZE = "safenoteBasePointSize"
_POINT_SIZE = re.compile(r"font-size:\s*([0-9.]+)pt")


def scale_stylesheet(sheet: str, percent: int) -> str:
    """The stylesheet with every ``font-size: Npt`` scaled, so styled text (the message
    editor, headings) grows with the text-size setting like everything else."""
    if percent == 100:
        return sheet
    return _POINT_SIZE.sub(lambda m: f"font-size: {float(m.group(1)) * percent / 100:g}pt", sheet)


def apply_text_scale(app: QApplication, percent: int) -> None:
    """Scale the application font relative to the system's own size (kept on first use)."""
    base = app.property(_BASE_POINT_SIZE)
    if not isinstance(base, float):
        base = float(app.font().pointSizeF())
        app.setProperty(_BASE_POINT_SIZE, base)
    font = app.font()
    font.setPointSizeF(base * percent / 100)
    app.setFont(font)


class Appearance(QObject):
    """Applies preferences now and whenever the system's colour scheme changes."""

    applied = Signal(bool)
    """The look was (re)applied; True when it is dark."""

    def __init__(self, app: QApplication, prefs: Preferences) -> None:
        super().__init__(app)
        self._app = app
        self._prefs = prefs
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)

    def apply(self, prefs: Preferences | None = None, system_dark: bool | None = None) -> bool:
        """Apply ``prefs`` (or the current ones); ``system_dark`` overrides asking the system."""
        if prefs is not None:
            self._prefs = prefs
        dark = {"light": False, "dark": True}.get(self._prefs.theme, system_dark)
        is_dark = apply_theme(self._app, dark)
        apply_text_scale(self._app, self._prefs.text_scale)
        self._app.setStyleSheet(scale_stylesheet(self._app.styleSheet(), self._prefs.text_scale))
        self.applied.emit(is_dark)
        return is_dark

    def _system_changed(self, scheme: Qt.ColorScheme) -> None:
        if self._prefs.theme == "system":
            self.apply(system_dark=scheme == Qt.ColorScheme.Dark)

    def stop_following(self) -> None:
        """Stop reacting to the system's scheme (tests; the app keeps following)."""
        QGuiApplication.styleHints().colorSchemeChanged.disconnect(self._system_changed)
