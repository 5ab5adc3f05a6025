"""The light and dark looks: stylesheets load, their images exist, severities differ."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from safenote.core.policy import Severity
from safenote.gui.severity import severity_pixmap, severity_word, underline_format
from safenote.gui.theme import apply_theme, palette, stylesheet


@pytest.mark.parametrize("dark", [False, True])
def test_stylesheet_images_exist(dark: bool) -> None:
    sheet = stylesheet(dark)
    assert "@styles@" not in sheet
    urls = re.findall(r"url\(([^)]+)\)", sheet)
    assert urls
    for url in urls:
        assert Path(url).is_file(), url


def test_dark_palette_is_dark_and_light_is_light() -> None:
    assert palette(True).window().color().lightness() < 80
    assert palette(False).window().color().lightness() > 200


def test_apply_theme_sets_stylesheet(qapp: QApplication) -> None:
    old_sheet, old_palette = qapp.styleSheet(), qapp.palette()
    try:
        assert apply_theme(qapp, dark=True) is True
        assert "dark theme" in qapp.styleSheet()
    finally:
        qapp.setStyleSheet(old_sheet)
        qapp.setPalette(old_palette)


def test_severities_differ_by_more_than_colour(qapp: QApplication) -> None:
    styles = {underline_format(s).underlineStyle() for s in Severity}
    words = {severity_word(s) for s in Severity}
    assert len(styles) == len(words) == len(Severity)
    # The icons' outlines alone (alpha, no colour) are three different shapes.
    masks = set()
    for severity in Severity:
        image = severity_pixmap(severity, 24).toImage()
        alpha = image.convertToFormat(QImage.Format.Format_Alpha8)
        masks.add(bytes(alpha.constBits()))
    assert len(masks) == len(Severity)
