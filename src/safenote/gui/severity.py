"""How each severity looks: icon, word and underline. Never colour alone.

Each severity has its own icon shape (circle, triangle, octagon), its own word and its own
underline style (dotted, wavy, solid and thick), so it reads the same in any colour scheme,
in greyscale, and through a screen reader.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPalette

from safenote.core.resources import read_bytes

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon, QPixmap, QTextCharFormat

    from safenote.core.policy import Severity

# Keyed by Severity's string values: Severity is a str enum, and importing the engine here
# would put its load on the start-up path.

_UNDERLINE = {
    "info": ("DotLine", "#3f6f9f"),
    "caution": ("WaveUnderline", "#b7791f"),
    "urgent": ("SingleUnderline", "#b4413c"),
}
"""Underline style (a QTextCharFormat.UnderlineStyle member, by name: see underline_format)
and colour."""


def _key(severity: Severity | str) -> str:
    return str(getattr(severity, "value", severity))


def severity_word(severity: Severity | str) -> str:
    return {
        "info": QCoreApplication.translate("Severity", "Tip"),
        "caution": QCoreApplication.translate("Severity", "Worth knowing"),
        "urgent": QCoreApplication.translate("Severity", "Your safety"),
    }[_key(severity)]


@cache
def _svg(name: str) -> bytes:
    return read_bytes("icons", "severity", f"{name}.svg")


# On a dark background the light-theme fills lose contrast: lighter fills, dark glyphs.
_DARK_COLOURS = {
    b'fill="#3f6f9f"': b'fill="#8ab4e0"',
    b'fill="#b7791f"': b'fill="#e6ad52"',
    b'fill="#b4413c"': b'fill="#ee8b85"',
    b'fill="#ffffff"': b'fill="#1d1f21"',
}


def is_dark_palette(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def _svg_for(severity: Severity | str, dark: bool) -> bytes:
    svg = _svg(_key(severity))
    if dark:
        for light, dark_fill in _DARK_COLOURS.items():
            svg = svg.replace(light, dark_fill)
    return svg


def severity_pixmap(
    severity: Severity | str, size: int = 20, ratio: float = 1.0, dark: bool = False
) -> QPixmap:
    """The severity's icon drawn crisp at ``size`` logical pixels, for a light or dark UI."""
    # Loaded with the first icon, not at start-up: most sessions draw none, and these
    # classes (QtSvg, and the enums PySide builds for each) cost start-up time.
    from PySide6.QtCore import QByteArray, QSize
    from PySide6.QtGui import QImage, QPainter, QPixmap
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(_svg_for(severity, dark)))
    side = max(1, round(size * ratio))
    image = QImage(QSize(side, side), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def severity_icon(severity: Severity | str) -> QIcon:
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in (16, 20, 24, 32):
        icon.addPixmap(severity_pixmap(severity, size))
    return icon


def underline_format(severity: Severity | str) -> QTextCharFormat:
    # Loaded with the first finding: PySide builds a Qt class's enums when the class is first
    # named, and QTextCharFormat's (with QTextFormat's ~100 properties) cost ~2.5 ms.
    from PySide6.QtGui import QColor, QTextCharFormat

    style, colour = _UNDERLINE[_key(severity)]
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle[style])
    fmt.setUnderlineColor(QColor(colour))
    if _key(severity) == "urgent":
        # A faint wash as well as the line, so the passage stands out without shouting.
        wash = QColor(colour)
        wash.setAlpha(40)
        fmt.setBackground(wash)
    return fmt
