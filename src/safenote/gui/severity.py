"""How each severity looks: icon, word and underline. Never colour alone.

Each severity has its own icon shape (circle, triangle, octagon), its own word and its own
underline style (dotted, wavy, solid and thick), so it reads the same in any colour scheme,
in greyscale, and through a screen reader.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QCoreApplication, QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap, QTextCharFormat
from PySide6.QtSvg import QSvgRenderer

from safenote.core.policy import Severity
from safenote.core.resources import read_bytes

_UNDERLINE = {
    Severity.INFO: (QTextCharFormat.UnderlineStyle.DotLine, "#3f6f9f"),
    Severity.CAUTION: (QTextCharFormat.UnderlineStyle.WaveUnderline, "#b7791f"),
    Severity.URGENT: (QTextCharFormat.UnderlineStyle.SingleUnderline, "#b4413c"),
}


def severity_word(severity: Severity) -> str:
    tr = QCoreApplication.translate
    return {
        Severity.INFO: tr("Severity", "Tip"),
        Severity.CAUTION: tr("Severity", "Worth knowing"),
        Severity.URGENT: tr("Severity", "Your safety"),
    }[severity]


@cache
def _svg(severity: Severity) -> bytes:
    return read_bytes("icons", "severity", f"{severity.value}.svg")


def severity_pixmap(severity: Severity, size: int = 20, ratio: float = 1.0) -> QPixmap:
    """The severity's icon drawn crisp at ``size`` logical pixels."""
    renderer = QSvgRenderer(QByteArray(_svg(severity)))
    side = max(1, round(size * ratio))
    image = QImage(QSize(side, side), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def severity_icon(severity: Severity) -> QIcon:
    icon = QIcon()
    for size in (16, 20, 24, 32):
        icon.addPixmap(severity_pixmap(severity, size))
    return icon


def underline_format(severity: Severity) -> QTextCharFormat:
    style, colour = _UNDERLINE[severity]
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(style)
    fmt.setUnderlineColor(QColor(colour))
    if severity is Severity.URGENT:
        # A faint wash as well as the line, so the passage stands out without shouting.
        wash = QColor(colour)
        wash.setAlpha(40)
        fmt.setBackground(wash)
    return fmt
