"""Crisis lines are reachable without any detection: the "Need help now?" dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from safenote.gui.help_now_dialog import HelpNowDialog, resources_for
from tests.gui.compose_fixtures import OpenWindow, compose, keys

__all__ = ["compose", "keys"]  # fixtures


def texts(dialog: HelpNowDialog) -> str:
    return "\n".join(line.text() for line in dialog.lines)


def test_us_lines_are_shown_for_the_us(qtbot: QtBot) -> None:
    dialog = HelpNowDialog(region="US")
    qtbot.addWidget(dialog)
    assert "988" in texts(dialog)
    assert "741741" in texts(dialog)


def test_uk_and_gb_show_samaritans(qtbot: QtBot) -> None:
    for region in ("UK", "gb"):
        dialog = HelpNowDialog(region=region)
        qtbot.addWidget(dialog)
        assert "116 123" in texts(dialog)


def test_unknown_region_still_gets_a_route(qtbot: QtBot) -> None:
    dialog = HelpNowDialog(region="ZZ")
    qtbot.addWidget(dialog)
    assert dialog.lines, "there must always be somewhere to turn"
    assert "findahelpline" in texts(dialog).lower()


def test_region_defaults_from_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "en_AU.UTF-8")
    resources, verified = resources_for("")
    assert any("13 11 14" in r.contact for r in resources)
    assert verified


def test_therapist_instructions_are_plain_text_beside_the_lines(qtbot: QtBot) -> None:
    dialog = HelpNowDialog(region="US", therapist_instructions="<b>Call my cell</b> first")
    qtbot.addWidget(dialog)
    own = dialog.findChild(type(dialog.lines[0]), "helpNowOwnText")
    assert own is not None
    assert own.text() == "<b>Call my cell</b> first"
    assert own.textFormat() == Qt.TextFormat.PlainText
    assert "988" in texts(dialog)  # never replaces the crisis lines


def test_closes_from_the_keyboard(qtbot: QtBot) -> None:
    dialog = HelpNowDialog(region="US")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_compose_window_offers_help_now_without_any_detection(
    qtbot: QtBot, compose: OpenWindow
) -> None:
    window = compose()
    # An ordinary message: nothing for the crisis rule to detect.
    window.editor.setPlainText("Could we move Thursday's session to 4pm?")
    button = window.help_now_button
    assert button.isVisible()
    assert button.accessibleName() == "Need help now?"
    (help_menu,) = [m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Help"]
    assert window.help_now_action in help_menu.actions()
    window.help_now_action.trigger()
    dialog = window.findChild(HelpNowDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.lines
    dialog.reject()
