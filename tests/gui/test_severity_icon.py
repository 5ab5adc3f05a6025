"""Severity icons follow the palette: redrawn with dark-UI colours when the palette turns dark."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from safenote.gui.severity import severity_pixmap
from safenote.gui.severity_icon import SeverityIcon
from safenote.gui.theme import palette


def centre_colour(icon: SeverityIcon) -> QColor:
    image = icon.pixmap().toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2)


def test_light_and_dark_drawings_differ_for_every_severity(qtbot: QtBot) -> None:
    for severity in ("info", "caution", "urgent"):
        light = severity_pixmap(severity, 24).toImage()
        dark = severity_pixmap(severity, 24, dark=True).toImage()
        assert light != dark, severity


def test_icon_is_redrawn_when_the_palette_turns_dark_and_back(qtbot: QtBot) -> None:
    icon = SeverityIcon("caution", 24)
    qtbot.addWidget(icon)
    icon.setPalette(palette(False))
    assert icon.drawn_dark is False
    light = icon.pixmap().toImage()
    icon.setPalette(palette(True))
    qtbot.waitUntil(lambda: icon.drawn_dark is True)
    assert icon.pixmap().toImage() != light
    icon.setPalette(palette(False))
    qtbot.waitUntil(lambda: icon.drawn_dark is False)
    assert icon.pixmap().toImage() == light


def test_dark_icons_are_lighter_than_light_ones(qtbot: QtBot) -> None:
    """On a dark window the shape itself is drawn light so it keeps its contrast."""
    for severity in ("info", "caution", "urgent"):
        light = severity_pixmap(severity, 48).toImage()
        dark = severity_pixmap(severity, 48, dark=True).toImage()
        # A point inside the shape but outside the glyph: the shape's fill.
        x, y = 6 if severity != "caution" else 24, 24 if severity != "caution" else 40
        assert dark.pixelColor(x, y).lightness() > light.pixelColor(x, y).lightness(), severity


def test_icon_is_named_with_the_severity_word(qtbot: QtBot) -> None:
    icon = SeverityIcon("urgent", 20)
    qtbot.addWidget(icon)
    assert icon.accessibleName() == "Your safety"
    assert QPalette().color(QPalette.ColorRole.Window).isValid()
