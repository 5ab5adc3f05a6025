"""A save that fails (disk full, no permission, database locked) never loses the words.

Saving runs on the worker thread. New (or opening another draft) saves the draft being left
and shows the next at once, so when that save fails its words are no longer in the window:
the controller keeps them in memory (never on disk in plaintext), tries again on the next
save, on a timer and on quit, shows them again if that draft is opened, and asks before a
quit would lose them. Saves fail here through ``Vault.save_draft`` raising, as it does
when the disk is full.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from safenote.core.vault import DiskFullError, Draft, Vault
from safenote.gui.compose_window import ComposeWindow
from tests.gui.compose_fixtures import (
    OpenWindow,
    TypeText,
    close,
    compose,
    keys,
    settle_tasks,
    vault_of,
)

__all__ = ["compose", "keys"]  # fixtures

DISK_FULL = "There isn't enough disk space to save right now."


class Disk:
    """Switches every draft save between failing (disk full) and working."""

    def __init__(self) -> None:
        self.full = False


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[Disk]:
    state = Disk()
    real_save = Vault.save_draft

    def save_draft(vault: Vault, draft: Draft) -> Draft:
        if state.full:
            raise DiskFullError(DISK_FULL)
        return real_save(vault, draft)

    monkeypatch.setattr(Vault, "save_draft", save_draft)
    yield state
    state.full = False  # so the fixture's closing quits without asking


def bodies(window: ComposeWindow) -> set[str]:
    vault = vault_of(window)
    return {vault.get_draft(s.id).body for s in vault.list_drafts().drafts}


def no_timed_retry(window: ComposeWindow) -> None:
    # Only the actions in each test save: the retry timer stays out of the way.
    window.controller._retry.setInterval(3_600_000)


def problems_of(window: ComposeWindow) -> list[str]:
    seen: list[str] = []
    window.controller.problem.connect(seen.append)
    return seen


def saved_here(qtbot: QtBot, window: ComposeWindow, type_text: TypeText, text: str) -> str:
    """Type ``text`` into the draft on screen and save it while saving works; its id."""
    type_text(window.editor, text)
    window.controller.save_now()
    settle_tasks(qtbot, window)
    return window.controller.draft.id


def leave_on_a_full_disk(
    qtbot: QtBot, window: ComposeWindow, type_text: TypeText, disk: Disk, text: str
) -> None:
    """Type ``text``, then press New while the disk is full: those words now wait unsaved."""
    type_text(window.editor, text)
    disk.full = True
    window.controller.new_draft()  # its save fails on the worker thread, after the new draft shows
    settle_tasks(qtbot, window)


def test_a_draft_left_by_new_whose_save_fails_is_saved_once_saving_works(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText, disk: Disk
) -> None:
    window = compose()
    no_timed_retry(window)
    controller = window.controller
    leave_on_a_full_disk(qtbot, window, type_text, disk, "Words of the first draft")
    assert window.editor.toPlainText() == ""
    type_text(window.editor, "Second")
    disk.full = False
    controller.save_now()  # the next save tries the earlier draft again
    settle_tasks(qtbot, window)
    assert bodies(window) == {"Words of the first draft", "Second"}
    assert window.status.state == "saved"


def test_the_status_and_the_message_say_an_earlier_draft_is_waiting(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText, disk: Disk
) -> None:
    window = compose()
    no_timed_retry(window)
    problems = problems_of(window)
    leave_on_a_full_disk(qtbot, window, type_text, disk, "Dear Dr. Okafor")
    # The new draft itself is fine; the status must not say *it* failed.
    assert window.status.state == "waiting"
    assert "earlier draft" in window.status.save_state.text()
    (message,) = problems
    assert "Dear Dr. Okafor" in message  # which draft
    assert "keep SafeNote open" in message  # what to do
    assert DISK_FULL in message  # why, and the vault's own advice
    type_text(window.editor, "x")
    window.controller.save_now()  # this draft's own save fails as well: said once, not again
    settle_tasks(qtbot, window)
    assert window.status.state == "failed"
    assert len(problems) == 1


def test_opening_a_draft_whose_save_failed_shows_its_unsaved_words(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText, disk: Disk
) -> None:
    window = compose()
    no_timed_retry(window)
    controller = window.controller
    first = saved_here(qtbot, window, type_text, "First")
    leave_on_a_full_disk(qtbot, window, type_text, disk, " and what came after")
    controller.open_draft(first)  # the vault still holds only "First"
    settle_tasks(qtbot, window)
    assert controller.draft.id == first
    assert window.editor.toPlainText() == "First and what came after"
    assert window.status.state == "failed"
    disk.full = False
    controller.save_now()
    settle_tasks(qtbot, window)
    assert vault_of(window).get_draft(first).body == "First and what came after"
    assert window.status.state == "saved"


def test_the_retry_timer_saves_a_failed_current_draft_without_new_keystrokes(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText, disk: Disk
) -> None:
    window = compose()
    controller = window.controller
    controller._retry.setInterval(20)
    disk.full = True
    type_text(window.editor, "Kept on screen")
    controller.save_now()
    qtbot.waitUntil(lambda: window.status.state == "failed", timeout=10000)
    disk.full = False
    qtbot.waitUntil(lambda: window.status.state == "saved", timeout=10000)
    assert bodies(window) == {"Kept on screen"}


def test_the_retry_timer_saves_an_earlier_draft(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText, disk: Disk
) -> None:
    window = compose()
    controller = window.controller
    controller._retry.setInterval(20)
    disk.full = True
    type_text(window.editor, "Left behind")
    controller.new_draft()
    qtbot.waitUntil(lambda: window.status.state == "waiting", timeout=10000)
    disk.full = False
    qtbot.waitUntil(lambda: window.status.state != "waiting", timeout=10000)
    settle_tasks(qtbot, window)
    assert bodies(window) == {"Left behind"}


def test_quitting_saves_an_earlier_draft_once_saving_works(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText, disk: Disk
) -> None:
    window = compose()
    no_timed_retry(window)
    leave_on_a_full_disk(qtbot, window, type_text, disk, "Saved on the way out")
    type_text(window.editor, "And this one")
    disk.full = False
    close(window)
    again = compose()
    assert bodies(again) == {"Saved on the way out", "And this one"}


def test_quitting_just_after_new_keeps_a_save_that_failed_on_the_way(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText, disk: Disk
) -> None:
    # The failed save's answer is still queued when the window closes: quitting must not
    # take the draft for saved and drop it.
    window = compose()
    no_timed_retry(window)
    type_text(window.editor, "Just before quitting")
    disk.full = True
    window.controller.new_draft()
    window.controller.tasks.wait()  # failed on the worker; its answer not delivered yet
    disk.full = False
    close(window)
    again = compose()
    assert bodies(again) == {"Just before quitting"}


def unsaved_box(window: ComposeWindow) -> QMessageBox:
    boxes = [b for b in window.findChildren(QMessageBox) if b.objectName() == "unsavedQuitBox"]
    assert len(boxes) == 1
    return boxes[0]


def test_quitting_while_words_still_cannot_be_saved_asks_first(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText, disk: Disk
) -> None:
    window = compose()
    no_timed_retry(window)
    leave_on_a_full_disk(qtbot, window, type_text, disk, "Not yet on disk")
    window.close()
    assert window.isVisible()  # the quit waits for an answer
    box = unsaved_box(window)
    qtbot.waitUntil(box.isVisible, timeout=10000)
    assert "lose them" in box.text()
    assert DISK_FULL in box.informativeText()
    box.button(QMessageBox.StandardButton.Cancel).click()  # keep SafeNote open
    assert window.isVisible()
    disk.full = False  # space freed: quitting now saves and closes
    window.close()
    assert not window.isVisible()
    window.controller.shutdown()
    again = compose()
    assert bodies(again) == {"Not yet on disk"}


def test_quit_anyway_closes_after_being_told(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText, disk: Disk
) -> None:
    window = compose()
    no_timed_retry(window)
    disk.full = True
    type_text(window.editor, "The person chose to go")
    window.close()
    box = unsaved_box(window)
    qtbot.waitUntil(box.isVisible, timeout=10000)
    box.button(QMessageBox.StandardButton.Discard).click()
    assert not window.isVisible()


def test_deleting_a_draft_whose_words_wait_tries_once_more_then_lets_them_go(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText, disk: Disk
) -> None:
    # In the trash a draft can't be saved: keeping its words waiting would retry for ever.
    window = compose()
    no_timed_retry(window)
    controller = window.controller
    thrown = saved_here(qtbot, window, type_text, "Thrown")
    leave_on_a_full_disk(qtbot, window, type_text, disk, " away")
    assert window.status.state == "waiting"
    disk.full = False
    controller.delete_draft(thrown)  # the last try goes first, and works now
    settle_tasks(qtbot, window)
    assert window.status.state == "unsaved"
    vault = vault_of(window)
    assert [vault.get_draft(s.id).body for s in vault.list_trash().drafts] == ["Thrown away"]
