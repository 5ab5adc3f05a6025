"""Drafts in the compose window: autosave, Ctrl+S, quitting, history, trash, search."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from safenote.gui.compose_window import ComposeWindow
from tests.gui.compose_fixtures import OpenWindow, close, compose, keys

__all__ = ["compose", "keys"]  # fixtures

TypeText = Callable[[QWidget, str], None]


def sidebar_titles(window: ComposeWindow) -> list[str]:
    items = [window.sidebar.list.item(i) for i in range(window.sidebar.list.count())]
    return [item.text().split("\n")[0] for item in items]


def test_autosave_after_a_pause_survives_a_restart(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    window = compose()
    text = "Dear Dr. Okafor,\nthe café meeting 🙂 helped — thank you. Zoë"
    type_text(window.editor, text)
    assert window.status.state == "unsaved"
    qtbot.waitUntil(lambda: window.status.state == "saved", timeout=10000)
    assert window.status.save_state.text().startswith("Saved · encrypted")
    assert sidebar_titles(window) == ["Dear Dr. Okafor,"]
    # Simulate a crash after the autosave: no flush on close.
    window.controller._edits = window.controller._saved_edits
    close(window)

    again = compose()
    assert again.editor.toPlainText() == text
    assert sidebar_titles(again) == ["Dear Dr. Okafor,"]


def test_quitting_saves_text_typed_just_before(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    window = compose()
    window.controller._autosave.setInterval(60_000)  # no autosave: only the quit can save
    type_text(window.editor, "Last words before closing 🙂")
    close(window)
    again = compose()
    assert again.editor.toPlainText() == "Last words before closing 🙂"


def test_ctrl_s_saves_at_once(qtbot: QtBot, compose: OpenWindow, type_text: TypeText) -> None:
    window = compose()
    window.controller._autosave.setInterval(60_000)
    type_text(window.editor, "Saved by hand")
    assert window.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    window.save_action.trigger()
    qtbot.waitUntil(lambda: window.status.state == "saved")
    assert window.controller.vault is not None
    (summary,) = window.controller.vault.list_drafts().drafts
    assert summary.title == "Saved by hand"


def test_nothing_is_saved_for_an_untouched_new_draft(qtbot: QtBot, compose: OpenWindow) -> None:
    window = compose()
    window.new_action.trigger()
    close(window)
    again = compose()
    assert again.controller.vault is not None
    assert again.controller.vault.list_drafts().drafts == ()


def test_history_restores_an_earlier_version(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    window = compose()
    type_text(window.editor, "First version")
    window.save_action.trigger()
    qtbot.waitUntil(lambda: window.status.state == "saved")
    window.editor.selectAll()
    type_text(window.editor, "Second version")
    window.save_action.trigger()
    qtbot.waitUntil(lambda: window.status.state == "saved" and window.controller.idle)

    dialog = window.show_history()
    qtbot.waitUntil(lambda: dialog.list.count() == 2)
    qtbot.waitUntil(lambda: dialog.preview.toPlainText() == "Second version")
    assert not dialog.restore_button.isEnabled()  # the current version
    dialog.list.setCurrentRow(1)
    qtbot.waitUntil(lambda: dialog.preview.toPlainText() == "First version")
    with qtbot.waitSignal(window.controller.draftOpened):
        QTest.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert window.editor.toPlainText() == "First version"
    qtbot.waitUntil(lambda: window.controller.idle)
    assert window.controller.vault is not None
    history = window.controller.vault.history(window.controller.draft.id)
    assert [h.revision for h in history] == [3, 2, 1]  # the restore is a new version


def test_trash_and_restore(qtbot: QtBot, compose: OpenWindow, type_text: TypeText) -> None:
    window = compose()
    type_text(window.editor, "A draft to throw away")
    window.save_action.trigger()
    qtbot.waitUntil(lambda: window.status.state == "saved" and window.controller.idle)
    window.sidebar.list.setCurrentRow(0)
    QTest.mouseClick(window.sidebar.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.controller.idle and sidebar_titles(window) == [])
    assert window.editor.toPlainText() == ""

    QTest.mouseClick(window.sidebar.trash_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sidebar_titles(window) == ["A draft to throw away"])
    window.sidebar.list.setCurrentRow(0)
    with qtbot.waitSignal(window.controller.draftOpened):
        QTest.mouseClick(window.sidebar.restore_button, Qt.MouseButton.LeftButton)
    assert window.editor.toPlainText() == "A draft to throw away"
    qtbot.waitUntil(lambda: sidebar_titles(window) == ["A draft to throw away"])
    assert not window.sidebar.showing_trash


def test_switching_drafts_keeps_both(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    window = compose()
    type_text(window.editor, "One")
    window.new_action.trigger()
    type_text(window.editor, "Two")
    window.save_action.trigger()
    qtbot.waitUntil(lambda: window.controller.idle and len(sidebar_titles(window)) == 2)
    assert sorted(sidebar_titles(window)) == ["One", "Two"]
    row = sidebar_titles(window).index("One")
    with qtbot.waitSignal(window.controller.draftOpened):
        window.sidebar.list.itemClicked.emit(window.sidebar.list.item(row))
    assert window.editor.toPlainText() == "One"


def test_search_finds_words_in_bodies(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    window = compose()
    type_text(window.editor, "Scheduling\nCan we move Thursday?")
    window.new_action.trigger()
    type_text(window.editor, "Update\nThe weekend went well.")
    window.save_action.trigger()
    qtbot.waitUntil(lambda: window.controller.idle and len(sidebar_titles(window)) == 2)
    with qtbot.waitSignal(window.controller.searchFinished, timeout=5000):
        window.sidebar.search.setText("thursday")
    qtbot.waitUntil(lambda: sidebar_titles(window) == ["Scheduling"])
    window.sidebar.search.clear()
    assert sorted(sidebar_titles(window)) == ["Scheduling", "Update"]


def test_window_title_never_shows_a_draft(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    window = compose()
    type_text(window.editor, "Private subject line")
    window.save_action.trigger()
    qtbot.waitUntil(lambda: window.status.state == "saved")
    assert window.windowTitle() == "SafeNote"


def test_after_shutdown_nothing_reaches_back_into_the_window(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    window = compose()
    controller = window.controller
    type_text(window.editor, "Typed just before quitting")
    assert controller._check_timer.isActive()  # a check was pending
    close(window)
    assert not controller._check_timer.isActive()
    assert not controller._autosave.isActive()
    window.deleteLater()
    qtbot.waitUntil(lambda: not controller.tasks.busy)
    # The editor may be gone; the controller no longer reads from it.
    assert controller._text_source() == "Typed just before quitting"
    controller.edited()
    assert not controller._check_timer.isActive()


def test_a_new_draft_started_mid_save_is_still_saved(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    # The first draft's save finishes after the second draft has opened. Its edit count must
    # not be taken for the new draft's: with the same number of keys typed into the new
    # draft, autosave and quitting used to think it was already saved, and lost it.
    window = compose()
    controller = window.controller
    type_text(window.editor, "First")
    controller.new_draft()  # saves "First" off the GUI thread, opens a blank draft at once
    type_text(window.editor, "Other")  # as many keys as the first draft had
    qtbot.waitUntil(lambda: controller.idle, timeout=10000)
    qtbot.waitUntil(lambda: window.status.state == "saved", timeout=10000)
    close(window)

    again = compose()
    assert sorted(sidebar_titles(again)) == ["First", "Other"]
