"""Timing in the compose window: a vault answer that arrives after the person has moved on.

The controller's vault work runs on a worker thread and its answer is applied on the GUI
thread, through the event loop. Each test makes the order explicit: it calls the action,
then types (``type_text`` sends key events synchronously, without running the event loop,
so no answer can arrive in between), and only then lets the answers arrive.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from safenote.core.paths import app_paths
from safenote.core.vault import Contact, MemoryKeyStore, Vault
from safenote.gui.compose_window import ComposeWindow
from safenote.gui.controller import ComposeController
from tests.gui.compose_fixtures import (
    AUTOSAVE_MS,
    GUIDANCE_MS,
    OpenWindow,
    TypeText,
    compose,
    keys,
    saved_draft,
    settle_tasks,
    vault_of,
)

__all__ = ["compose", "keys"]  # fixtures


def two_versions_with_history_loaded(
    qtbot: QtBot, window: ComposeWindow, type_text: TypeText
) -> str:
    """A saved draft "Version one" then "Version one, two", its History listed; its id."""
    controller = window.controller
    draft_id = saved_draft(qtbot, window, type_text, "Version one")
    type_text(window.editor, ", two")
    controller.save_now()
    settle_tasks(qtbot, window)
    controller.load_history()  # as History opening does
    settle_tasks(qtbot, window)
    return draft_id


def test_typing_while_another_draft_opens_is_saved_into_the_draft_it_was_typed_in(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    # Clicking another draft opens it on the worker thread; words typed before it arrives
    # went into the editor and were then replaced by the arriving draft, never saved.
    window = compose()
    first = saved_draft(qtbot, window, type_text, "First")
    second = saved_draft(qtbot, window, type_text, "Second")
    window.controller.open_draft(first)
    type_text(window.editor, " and more")  # still the second draft on screen
    settle_tasks(qtbot, window)
    assert window.controller.draft.id == first
    assert window.editor.toPlainText() == "First"
    assert vault_of(window).get_draft(second).body == "Second and more"


def test_typing_while_a_draft_comes_back_from_the_trash_is_saved(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    window = compose()
    thrown = saved_draft(qtbot, window, type_text, "Thrown away")
    window.controller.delete_draft(thrown)
    settle_tasks(qtbot, window)
    kept = saved_draft(qtbot, window, type_text, "Kept")
    window.controller.restore_draft(thrown)
    type_text(window.editor, " too")
    settle_tasks(qtbot, window)
    assert window.controller.draft.id == thrown
    assert vault_of(window).get_draft(kept).body == "Kept too"


def test_typing_while_a_revision_is_restored_stays_in_history(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    # Restore happens on the worker thread and the History dialog closes at once: words
    # typed before the restored text arrived were replaced by it and kept nowhere.
    window = compose()
    controller = window.controller
    draft_id = two_versions_with_history_loaded(qtbot, window, type_text)
    controller.restore_revision(1)
    type_text(window.editor, ", typed late")
    settle_tasks(qtbot, window)
    assert window.editor.toPlainText() == "Version one"  # the restore still happens
    vault = vault_of(window)
    assert vault.get_draft(draft_id).body == "Version one"
    bodies = [vault.get_revision(draft_id, h.revision).body for h in vault.history(draft_id)]
    assert "Version one, two, typed late" in bodies
    assert window.status.state == "saved"


def test_new_draft_pressed_while_another_opens_stays_open(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    # The person clicked a draft, then pressed New before it arrived: the late draft used to
    # replace the new one, so what they then typed went into the old draft.
    window = compose()
    controller = window.controller
    first = saved_draft(qtbot, window, type_text, "First")
    saved_draft(qtbot, window, type_text, "Second")
    controller.open_draft(first)
    controller.new_draft()
    fresh = controller.draft.id
    type_text(window.editor, "Fresh start")
    settle_tasks(qtbot, window)
    assert controller.draft.id == fresh
    assert window.editor.toPlainText() == "Fresh start"
    assert vault_of(window).get_draft(first).body == "First"


def test_new_draft_pressed_while_a_version_is_restored_stays_open(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    window = compose()
    controller = window.controller
    draft_id = two_versions_with_history_loaded(qtbot, window, type_text)
    controller.restore_revision(1)
    controller.new_draft()
    fresh = controller.draft.id
    type_text(window.editor, "Fresh start")
    settle_tasks(qtbot, window)
    assert controller.draft.id == fresh
    assert window.editor.toPlainText() == "Fresh start"
    assert vault_of(window).get_draft(draft_id).body == "Version one"  # still restored


def test_deleting_a_draft_while_it_opens_does_not_open_it_from_the_trash(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    # Open, then delete before it arrived: it opened anyway, out of the trash, where
    # nothing typed into it could be saved (and quitting lost it).
    window = compose()
    controller = window.controller
    first = saved_draft(qtbot, window, type_text, "First")
    second = saved_draft(qtbot, window, type_text, "Second")
    controller.open_draft(first)
    controller.delete_draft(first)
    settle_tasks(qtbot, window)
    assert controller.draft.id == second
    type_text(window.editor, " still here")
    controller.save_now()
    settle_tasks(qtbot, window)
    assert window.status.state == "saved"
    assert vault_of(window).get_draft(second).body == "Second still here"


def test_new_draft_before_the_drafts_load_is_not_replaced(
    qtbot: QtBot, compose: OpenWindow, keys: MemoryKeyStore, type_text: TypeText
) -> None:
    # New (Ctrl+N, or the sidebar's button) works while the drafts are still loading; the
    # newest draft arriving afterwards replaced the new one and what was typed into it.
    window = compose()
    saved_draft(qtbot, window, type_text, "Older")
    window.close()
    window.controller.shutdown()

    vault = Vault.open(app_paths().ensure(), keystore=keys)
    controller = ComposeController(vault, autosave_ms=AUTOSAVE_MS, guidance_ms=GUIDANCE_MS)
    again = ComposeWindow(controller)
    qtbot.addWidget(again)
    controller.start()  # the drafts load on the worker thread
    controller.new_draft()
    type_text(again.editor, "Written at once")
    qtbot.waitUntil(lambda: controller.idle and again.sidebar.list.count() == 1, timeout=10000)
    assert again.editor.toPlainText() == "Written at once"
    controller.save_now()
    settle_tasks(qtbot, again)
    assert again.sidebar.list.count() == 2
    again.close()
    controller.shutdown()


def test_a_contact_added_for_one_draft_is_not_put_on_the_next(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    # A contact added from one draft's header is saved on the worker thread; pressing New
    # before it was saved put that contact on the new draft instead.
    window = compose()
    controller = window.controller
    type_text(window.editor, "For my therapist")
    controller.save_contact(Contact(name="Dr. Ngozi", preferred_channel="email"))
    controller.new_draft()
    settle_tasks(qtbot, window)
    assert [c.name for c in controller.contacts] == ["Dr. Ngozi"]
    assert controller.draft.recipient_contact_id is None
    assert controller.draft.channel != "email"


def test_history_restores_the_draft_it_was_opened_for(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    # A draft clicked just before History opened arrived while History listed the previous
    # draft's versions; Restore then restored that number in the draft just arrived.
    window = compose()
    controller = window.controller
    first = saved_draft(qtbot, window, type_text, "First one")
    type_text(window.editor, " v2")
    controller.save_now()
    second = saved_draft(qtbot, window, type_text, "Second one")
    type_text(window.editor, " v2")
    controller.save_now()
    settle_tasks(qtbot, window)
    controller.open_draft(first)
    controller.load_history()  # History opens on the second draft, still shown
    settle_tasks(qtbot, window)
    assert controller.draft.id == first  # arrived meanwhile
    controller.restore_revision(1)
    settle_tasks(qtbot, window)
    vault = vault_of(window)
    assert vault.get_draft(first).body == "First one v2"
    assert vault.get_draft(second).body == "Second one"
    assert controller.draft.id == second
    assert window.editor.toPlainText() == "Second one"
