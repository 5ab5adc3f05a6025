"""Light and dark looks: Fusion style, a matching palette, and the bundled stylesheet."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from safenote.core.resources import read_text, resource

_PALETTES = {
    False: {
        "window": "#f6f4f0",
        "base": "#ffffff",
        "text": "#2b2a27",
        "button": "#ffffff",
        "highlight": "#c9daea",
        "highlighted": "#1f1e1c",
        "placeholder": "#9a958c",
        "tooltip": "#fffdf8",
    },
    True: {
        "window": "#1f2124",
        "base": "#26292d",
        "text": "#e6e3de",
        "button": "#2a2d31",
        "highlight": "#3d5a78",
        "highlighted": "#f2efe9",
        "placeholder": "#7d7972",
        "tooltip": "#2a2d31",
    },
}


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def palette(dark: bool) -> QPalette:
    colours = {k: QColor(v) for k, v in _PALETTES[dark].items()}
    pal = QPalette()
    role = QPalette.ColorRole
    pal.setColor(role.Window, colours["window"])
    pal.setColor(role.WindowText, colours["text"])
    pal.setColor(role.Base, colours["base"])
    pal.setColor(role.AlternateBase, colours["window"])
    pal.setColor(role.Text, colours["text"])
    pal.setColor(role.Button, colours["button"])
    pal.setColor(role.ButtonText, colours["text"])
    pal.setColor(role.Highlight, colours["highlight"])
    pal.setColor(role.HighlightedText, colours["highlighted"])
    pal.setColor(role.PlaceholderText, colours["placeholder"])
    pal.setColor(role.ToolTipBase, colours["tooltip"])
    pal.setColor(role.ToolTipText, colours["text"])
    return pal


def stylesheet(dark: bool) -> str:
    """The bundled stylesheet, with ``@styles@`` pointing at the folder its images are in."""
    folder = Path(str(resource("styles"))).as_posix()
    return read_text("styles", "dark.qss" if dark else "light.qss").replace("@styles@", folder)


FUSION_SET = "safenoteFusionStyle"
"""Application property: Fusion is already the style (e.g. given at start-up as ``-style``)."""


def use_fusion(app: QApplication) -> None:
    """Fusion, once: the palettes and stylesheet are made for it on every platform.

    ``setStyle`` hands back the style object, and PySide builds QStyle's many enums the
    first time it wraps one (~7 ms), so a start-up that passed ``-style Fusion`` to the
    application marks it and skips this.
    """
    if app.property(FUSION_SET) is not True:
        app.setStyle("Fusion")
        app.setProperty(FUSION_SET, True)


def apply_theme(app: QApplication, dark: bool | None = None) -> bool:
    """Apply the light or dark look (None: follow the system). Returns whether it is dark."""
    if dark is None:
        dark = system_prefers_dark()
    use_fusion(app)
    app.setPalette(palette(dark))
    app.setStyleSheet(stylesheet(dark))
    return dark
