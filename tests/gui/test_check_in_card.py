"""The check-in card (round 10) in the compose window: a caution card with its severity
word, never the crisis panel, and dismissable for this draft like any card."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from safenote.gui.compose_window import ComposeWindow
from safenote.gui.guidance_card import GuidanceCard
from safenote.gui.preferences import OPTIONAL_CATEGORIES
from safenote.gui.severity import severity_word
from tests.gui.compose_fixtures import OpenWindow, compose, keys, rules, settle

__all__ = ["compose", "keys"]  # fixtures

TypeText = Callable[[QWidget, str], None]
# No crisis rule hears it; the learnt layer does.
CHECK_IN = "I keep picturing everyone getting on fine after I'm not around."


def check_in_cards(window: ComposeWindow) -> list[GuidanceCard]:
    return [c for c in window.guidance.cards if c.guidance.finding.rule == "check-in"]


def test_a_check_in_sentence_shows_a_caution_card_not_the_crisis_panel(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    window = compose()
    type_text(window.editor, f"Work was long. {CHECK_IN}")
    settle(qtbot, window)
    (card,) = check_in_cards(window)
    assert card.isVisibleTo(window)
    assert card.severity_label.text() == severity_word("caution")
    assert card.property("severity") == "caution"
    assert window.help_now_button.text() in card.message.text()  # "Need help now?"
    assert not window.crisis.isVisibleTo(window)
    assert window.crisis.current == []
    # Safety guidance is never among the categories Settings can hide.
    assert card.guidance.finding.category not in OPTIONAL_CATEGORIES


def test_dismissing_the_card_hides_it_for_this_draft(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    window = compose()
    type_text(window.editor, CHECK_IN)
    settle(qtbot, window)
    (card,) = check_in_cards(window)
    QTest.mouseClick(card.dismiss_button, Qt.MouseButton.LeftButton)
    assert "check-in" not in rules(window.controller.guidance)
    assert check_in_cards(window) == []
    assert "check-in" in window.controller.draft.dismissed_rule_ids
    type_text(window.editor, " Still the same.")
    settle(qtbot, window)
    assert check_in_cards(window) == []


def test_the_card_gives_way_to_the_crisis_panel(qtbot: QtBot, compose: OpenWindow) -> None:
    window = compose()
    window.editor.setPlainText(f"{CHECK_IN}\n\nHonestly I don't want to be alive anymore.")
    settle(qtbot, window)
    assert window.crisis.isVisibleTo(window)
    assert check_in_cards(window) == []
