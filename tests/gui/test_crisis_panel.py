"""The crisis panel: appears above all guidance, can collapse, can't be dismissed, never
blocks typing or saving, and is announced to screen readers."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.compose_fixtures import OpenWindow, compose, keys, settle

__all__ = ["compose", "keys"]  # fixtures

TypeText = Callable[[QWidget, str], None]
CRISIS = "Honestly everyone would be better off without me. 🙂"


@pytest.fixture
def alerts(monkeypatch: pytest.MonkeyPatch) -> list[tuple[QAccessible.Event, object]]:
    """Accessibility events SafeNote sends (what a screen reader would be told)."""
    sent: list[tuple[QAccessible.Event, object]] = []
    real = QAccessible.updateAccessibility

    def record(event: QAccessibleEvent) -> None:
        sent.append((event.type(), event.object()))
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)
    return sent


def test_crisis_panel_appears_with_resources_and_is_announced(
    qtbot: QtBot,
    compose: OpenWindow,
    type_text: TypeText,
    alerts: list[tuple[QAccessible.Event, object]],
) -> None:
    window = compose()
    assert not window.crisis.isVisibleTo(window)
    with qtbot.waitSignal(window.crisis.announced, timeout=10000):
        type_text(window.editor, CRISIS)
    assert window.crisis.isVisibleTo(window)
    assert (QAccessible.Event.Alert, window.crisis) in alerts
    finding = window.crisis.current[0].finding
    assert finding.resources, "the region's crisis lines are shown"
    for resource in finding.resources:
        assert resource.contact in window.crisis.resources.text()
    assert window.crisis.message.text() == finding.message
    # Pinned above the other guidance, never a card among them.
    assert window.crisis.y() < window.guidance.y()
    assert all(c.guidance.finding.rule != finding.rule for c in window.guidance.cards)


def test_crisis_panel_collapses_but_cannot_be_dismissed(qtbot: QtBot, compose: OpenWindow) -> None:
    window = compose()
    window.editor.setPlainText(CRISIS)
    settle(qtbot, window)
    buttons = window.crisis.findChildren(QAbstractButton)
    assert [b.text() for b in buttons] == ["Hide details"]
    QTest.mouseClick(window.crisis.toggle, Qt.MouseButton.LeftButton)
    assert not window.crisis.expanded
    assert window.crisis.isVisibleTo(window)
    assert window.crisis.toggle.text() == "Show details"
    QTest.mouseClick(window.crisis.toggle, Qt.MouseButton.LeftButton)
    assert window.crisis.expanded


def test_crisis_panel_never_blocks_typing_or_saving(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    window = compose()
    type_text(window.editor, CRISIS)
    settle(qtbot, window)
    assert window.crisis.isVisibleTo(window)
    assert not window.editor.isReadOnly()
    type_text(window.editor, " I'll bring it up on Tuesday.")
    assert window.editor.toPlainText().endswith("on Tuesday.")
    qtbot.waitUntil(lambda: window.status.state == "saved", timeout=10000)
    assert window.controller.vault is not None
    saved = window.controller.vault.get_draft(window.controller.draft.id)
    assert saved.body == CRISIS + " I'll bring it up on Tuesday."


def test_crisis_panel_leaves_when_the_words_do_and_announces_once(
    qtbot: QtBot,
    compose: OpenWindow,
    type_text: TypeText,
    alerts: list[tuple[QAccessible.Event, object]],
) -> None:
    window = compose()
    window.editor.setPlainText(CRISIS)
    settle(qtbot, window)
    type_text(window.editor, " More words.")
    settle(qtbot, window)
    assert alerts.count((QAccessible.Event.Alert, window.crisis)) == 1
    window.editor.setPlainText("A calm update about Tuesday.")
    settle(qtbot, window)
    assert not window.crisis.isVisibleTo(window)
