"""Live guidance in the compose window: underlines, cards, fixes, dismissals, header fields."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from safenote.core.policy import HeaderField
from safenote.gui.compose_window import ComposeWindow
from safenote.gui.guidance_card import GuidanceCard
from tests.gui.compose_fixtures import OpenWindow, close, compose, keys, rules, settle

__all__ = ["compose", "keys"]  # fixtures

TypeText = Callable[[QWidget, str], None]


def card_for(window: ComposeWindow, rule: str) -> GuidanceCard:
    (card,) = [c for c in window.guidance.cards if c.guidance.finding.rule == rule]
    return card


def test_underline_lands_on_the_words_after_accents_and_emoji(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    window = compose()
    # Each emoji is one code point for the engine but two UTF-16 units for Qt.
    type_text(window.editor, "Zoë here 🙂🙂 — café was 👍🏽. Could you reply ASAP?")
    settle(qtbot, window)
    card = card_for(window, "urgent-reply-expectation")
    QTest.mouseClick(card, Qt.MouseButton.LeftButton)
    assert window.editor.textCursor().selectedText() == "reply ASAP"
    (selection,) = [
        s for s in window.editor.extraSelections() if s.cursor.selectedText() == "reply ASAP"
    ]
    assert selection.format.underlineStyle() != selection.format.UnderlineStyle.NoUnderline


def test_underline_stays_on_its_words_while_typing_before_them(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    window = compose()
    window.editor.setPlainText("Could you reply ASAP?")
    settle(qtbot, window)
    cursor = window.editor.textCursor()
    cursor.setPosition(0)
    window.editor.setTextCursor(cursor)
    type_text(window.editor, "🙂 Hi! ")
    # Before any new check, the mark has moved with the text.
    spans = [s.cursor.selectedText() for s in window.editor.extraSelections()]
    assert "reply ASAP" in spans


def test_hovering_an_underline_shows_the_message(qtbot: QtBot, compose: OpenWindow) -> None:
    window = compose()
    window.editor.setPlainText("Hi 🙂 could you reply ASAP?")
    settle(qtbot, window)
    card = card_for(window, "urgent-reply-expectation")
    span = window.editor.span_of(card.guidance)
    assert span is not None
    cursor = window.editor.textCursor()
    cursor.setPosition(span[0] + 2)
    point = window.editor.cursorRect(cursor).center()
    event = QHelpEvent(QHelpEvent.Type.ToolTip, point, window.editor.viewport().mapToGlobal(point))
    QApplication.sendEvent(window.editor.viewport(), event)
    qtbot.waitUntil(lambda: card.guidance.finding.message in QToolTip.text())
    QToolTip.hideText()


def test_a_fix_is_one_undoable_edit(qtbot: QtBot, compose: OpenWindow, type_text: TypeText) -> None:
    window = compose()
    original = "Café 🙂 — my card is 4111 1111 1111 1111, thanks."
    type_text(window.editor, original)
    settle(qtbot, window)
    card = card_for(window, "sensitive-identifiers")
    (fix_button,) = card.fix_buttons
    fix = card.guidance.finding.fixes[0]
    QTest.mouseClick(fix_button, Qt.MouseButton.LeftButton)
    assert window.editor.toPlainText() == original.replace("4111 1111 1111 1111", fix.text)
    window.editor.undo()
    assert window.editor.toPlainText() == original
    window.editor.redo()
    assert fix.text in window.editor.toPlainText()
    settle(qtbot, window)
    assert "sensitive-identifiers" not in rules(window.controller.guidance)


def test_dismissal_is_remembered_after_a_restart(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    window = compose()
    type_text(window.editor, "Could you reply ASAP? 🙂")
    settle(qtbot, window)
    card = card_for(window, "urgent-reply-expectation")
    QTest.mouseClick(card.dismiss_button, Qt.MouseButton.LeftButton)
    assert "urgent-reply-expectation" not in rules(window.controller.guidance)
    qtbot.waitUntil(lambda: window.controller.idle)
    close(window)

    again = compose()
    assert again.editor.toPlainText() == "Could you reply ASAP? 🙂"
    settle(qtbot, again)
    assert "urgent-reply-expectation" not in rules(again.controller.guidance)
    assert again.guidance._restore.isVisibleTo(again)
    QTest.mouseClick(again.guidance._restore, Qt.MouseButton.LeftButton)
    settle(qtbot, again)
    assert "urgent-reply-expectation" in rules(again.controller.guidance)


def test_urgent_guidance_cannot_be_dismissed(qtbot: QtBot, compose: OpenWindow) -> None:
    window = compose()
    window.editor.setPlainText("I want to kill myself.")
    settle(qtbot, window)
    assert window.crisis.current
    rule = window.crisis.current[0].finding.rule
    window.controller.dismiss(rule)
    settle(qtbot, window)
    assert window.crisis.isVisibleTo(window)
    assert rule not in window.controller.draft.dismissed_rule_ids


def test_header_finding_points_at_its_field(qtbot: QtBot, compose: OpenWindow) -> None:
    window = compose()
    window.editor.setPlainText("Hello, a quick update about Tuesday.")
    settle(qtbot, window)
    assert window.header.channel.property("flagged") in (None, False)
    index = window.header.channel.findData("email")
    window.header.channel.setCurrentIndex(index)
    window.header.channel.activated.emit(index)
    settle(qtbot, window)
    card = card_for(window, "unencrypted-channel")
    assert card.guidance.finding.field is HeaderField.CHANNEL
    assert window.header.channel.property("flagged") is True
    assert window.header.channel.toolTip() == card.guidance.finding.message
    window.activateWindow()
    QTest.mouseClick(card, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.header.channel.hasFocus())


def test_why_shows_reason_and_source(qtbot: QtBot, compose: OpenWindow) -> None:
    window = compose()
    window.editor.setPlainText("Could you reply ASAP?")
    settle(qtbot, window)
    card = card_for(window, "urgent-reply-expectation")
    assert not card.why.isVisibleTo(card)
    QTest.mouseClick(card.why_button, Qt.MouseButton.LeftButton)
    assert card.why.isVisibleTo(card)
    assert card.why.text() == card.guidance.finding.why
    assert card.guidance.finding.source in card.source.text()


def test_user_text_in_cards_is_never_rich_text(qtbot: QtBot, compose: OpenWindow) -> None:
    window = compose()
    window.editor.setPlainText("<b>Could you reply ASAP?</b>")
    settle(qtbot, window)
    for card in window.guidance.cards:
        for label in (card.message, card.why, card.source):
            assert label.textFormat() == Qt.TextFormat.PlainText
    assert window.editor.toPlainText() == "<b>Could you reply ASAP?</b>"


def test_typing_elsewhere_keeps_the_card_and_its_target(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    window = compose()
    window.editor.setPlainText("Could you reply ASAP?")
    settle(qtbot, window)
    card = card_for(window, "urgent-reply-expectation")
    cursor = window.editor.textCursor()
    cursor.setPosition(0)
    window.editor.setTextCursor(cursor)
    type_text(window.editor, "🙂 Hi Zoë. ")
    settle(qtbot, window)
    assert card_for(window, "urgent-reply-expectation") is card  # not rebuilt
    QTest.mouseClick(card, Qt.MouseButton.LeftButton)
    assert window.editor.textCursor().selectedText() == "reply ASAP"


def test_a_card_can_be_used_from_the_keyboard(qtbot: QtBot, compose: OpenWindow) -> None:
    window = compose()
    window.editor.setPlainText("Hello 🙂 could you reply ASAP?")
    settle(qtbot, window)
    card = card_for(window, "urgent-reply-expectation")
    assert card.focusPolicy() == Qt.FocusPolicy.StrongFocus
    QTest.keyClick(card, Qt.Key.Key_Return)
    assert window.editor.textCursor().selectedText() == "reply ASAP"


def test_the_guidance_display_is_prepared_once_after_the_first_draft_opens(
    qtbot: QtBot, compose: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Start-up doesn't load the cards, icons and underline classes; the idle moment after
    # the first draft opens does, so the first findings don't wait on them.
    from safenote.gui.guidance_panel import GuidancePanel
    from safenote.gui.message_editor import MessageEditor

    prepared: list[str] = []
    panel_prepare, editor_prepare = GuidancePanel.prepare, MessageEditor.prepare

    def prepare_cards(panel: GuidancePanel) -> None:
        prepared.append("cards")
        panel_prepare(panel)

    def prepare_lines(editor: MessageEditor) -> None:
        prepared.append("lines")
        editor_prepare(editor)

    monkeypatch.setattr(GuidancePanel, "prepare", prepare_cards)
    monkeypatch.setattr(MessageEditor, "prepare", prepare_lines)
    window = compose()
    qtbot.waitUntil(lambda: len(prepared) == 2)
    assert sorted(prepared) == ["cards", "lines"]
    window.controller.new_draft()  # a second draft prepares nothing again
    qtbot.wait(250)
    assert len(prepared) == 2
