"""Property-styled widgets take their new look at once (save state, flags, over the limit)."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from safenote.gui.restyle import restyle
from safenote.gui.status_bar import ComposeStatusBar
from safenote.gui.theme import apply_theme


def text_colour(label: QLabel) -> str:
    return label.palette().color(QPalette.ColorRole.WindowText).name()


def test_a_changed_property_takes_its_rule_at_once(qtbot: QtBot, qapp: QApplication) -> None:
    apply_theme(qapp, dark=False)
    try:
        bar = ComposeStatusBar()
        qtbot.addWidget(bar)
        bar.show()
        qtbot.waitExposed(bar)
        plain = text_colour(bar.save_state)
        bar.set_save_state("failed", None)  # QLabel#saveState[state="failed"]: dark red
        assert text_colour(bar.save_state) == "#9b2c2c"
        bar.set_save_state("unsaved", None)  # no rule: back to the ordinary text colour
        assert text_colour(bar.save_state) == plain
    finally:
        qapp.setStyleSheet("")


def test_restyle_keeps_the_application_stylesheet_in_charge(
    qtbot: QtBot, qapp: QApplication
) -> None:
    qapp.setStyleSheet('QLabel#probe[state="on"] { color: #00aa00; }')
    try:
        label = QLabel("probe")
        label.setObjectName("probe")
        qtbot.addWidget(label)
        label.show()
        qtbot.waitExposed(label)
        label.setProperty("state", "on")
        assert text_colour(label) != "#00aa00"  # Qt does not look again by itself
        restyle(label)
        assert text_colour(label) == "#00aa00"
        restyle(label)  # again: still the application's rule, nothing of its own
        assert text_colour(label) == "#00aa00"
    finally:
        qapp.setStyleSheet("")
