"""The light and dark looks: stylesheets load, their images exist, severities differ."""

from __future__ import annotations

import os
import re
import subprocess
import sys
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


FUSION_AT_START_UP = """
import os, sys
from PySide6.QtWidgets import QApplication
import safenote.gui.app as gui_app

apply = gui_app.Appearance.apply
def reporting_apply(self, *args, **kwargs):
    app = QApplication.instance()
    # Before the stylesheet wraps it: the style the application was started with.
    print(app.style().name(), app.property(gui_app.FUSION_SET), flush=True)
    os._exit(0)

gui_app.Appearance.apply = reporting_apply
sys.exit(gui_app.run_gui(["safenote"]))
"""


def test_the_app_starts_in_fusion_without_setting_the_style_again(tmp_path: Path) -> None:
    # Another style asked for by the environment: the start-up's own -style must win, or
    # the palettes and stylesheet (made for Fusion) would be drawn on the wrong style.
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QT_STYLE_OVERRIDE="Windows",
        SAFENOTE_HOME=str(tmp_path / "home"),
    )
    result = subprocess.run(
        [sys.executable, "-c", FUSION_AT_START_UP],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["fusion", "True"]
