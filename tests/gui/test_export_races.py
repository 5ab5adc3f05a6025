"""Timing around export: what the export carries when the draft on screen is still changing.

The controller fetches a draft on its worker thread and shows it on the GUI thread, through
the event loop. Each test makes the order explicit: it asks for a draft, presses Export at
once (no event loop runs in between, so the draft cannot have arrived yet), and only then
lets the answers arrive.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from safenote.core.paths import app_paths
from safenote.core.policy.model import Severity
from safenote.core.vault import Contact, MemoryKeyStore
from safenote.gui.compose_window import ComposeWindow
from safenote.gui.export_dialog import ExportDialog
from safenote.gui.privacy_session import PrivacySession
from tests.gui.compose_fixtures import OpenWindow, TypeText, compose, keys, saved_draft
from tests.gui.export_support import clean_clipboard, identity
from tests.gui.startup_support import FAST_KDF

__all__ = ["clean_clipboard", "compose", "keys"]  # fixtures
pytestmark = pytest.mark.usefixtures("clean_clipboard")

CRISIS = "Honestly everyone would be better off without me."


def export_dialogs(window: ComposeWindow) -> list[ExportDialog]:
    return [d for d in window.findChildren(ExportDialog) if d.isVisible()]


def the_export_dialog(qtbot: QtBot, window: ComposeWindow) -> ExportDialog:
    """Let every vault answer arrive, then the one export dialog that opened."""
    qtbot.waitUntil(lambda: window.controller.idle and bool(export_dialogs(window)), timeout=10000)
    [dialog] = export_dialogs(window)
    return dialog


def test_export_pressed_while_another_draft_opens_exports_that_draft(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    # Ctrl+E right after clicking another draft used to snapshot the draft still on screen
    # (its text, its recipient) while the one clicked arrived behind the dialog: the export
    # carried the wrong draft's text, to the wrong person.
    window = compose()
    c = window.controller
    with qtbot.waitSignal(c.contactsChanged, timeout=10000):
        c.save_contact(Contact(name="Dr. Ana Ruiz"))
    ana = c.contacts[0]
    first = saved_draft(qtbot, window, type_text, "First, for Ana")
    c.set_header(contact_id=ana.id, subject="For Ana")
    c.save_now()
    saved_draft(qtbot, window, type_text, "Second, for nobody")
    c.open_draft(first)
    window.export_action.trigger()  # before the first draft has arrived
    dialog = the_export_dialog(qtbot, window)
    assert window.editor.toPlainText() == "First, for Ana"
    assert dialog.request.body == "First, for Ana"
    assert dialog.request.subject == "For Ana"
    assert dialog.request.recipient_name == "Dr. Ana Ruiz"


def test_export_pressed_twice_while_a_draft_opens_opens_one_dialog(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    window = compose()
    c = window.controller
    first = saved_draft(qtbot, window, type_text, "First")
    saved_draft(qtbot, window, type_text, "Second")
    c.open_draft(first)
    window.export_action.trigger()
    window.export_action.trigger()
    dialog = the_export_dialog(qtbot, window)
    assert dialog.request.body == "First"


def test_export_pressed_right_after_typing_summarises_the_guidance_for_that_text(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    # Guidance is checked after a short pause in typing. Ctrl+E within that pause snapshotted
    # the guidance of the text before: a crisis line just typed got no urgent summary (and
    # a line just deleted kept its summary).
    window = compose()
    c = window.controller
    qtbot.waitUntil(lambda: c.idle, timeout=10000)
    type_text(window.editor, CRISIS)
    window.export_action.trigger()  # the pause before the check has not passed yet
    qtbot.waitUntil(lambda: bool(export_dialogs(window)), timeout=10000)
    [dialog] = export_dialogs(window)
    assert dialog.request.body == CRISIS
    assert any(f.severity is Severity.URGENT for f in dialog.request.findings)
    assert dialog.summary.isVisible()


def test_an_export_waiting_for_a_draft_does_not_open_over_the_lock_screen(
    qtbot: QtBot, compose: OpenWindow, keys: MemoryKeyStore, type_text: TypeText
) -> None:
    window = compose()
    session = PrivacySession(window, app_paths(), keys, methods=("keyring",), kdf=FAST_KDF)
    c = window.controller
    first = saved_draft(qtbot, window, type_text, "First")
    saved_draft(qtbot, window, type_text, "Second")
    c.open_draft(first)
    window.export_action.trigger()  # waits for the first draft
    session.lock.lock()  # Quick hide before it arrives
    qtbot.waitUntil(lambda: c.idle and c.draft.id == first, timeout=10000)
    assert not export_dialogs(window)
    session.lock.unlock()
    [dialog] = export_dialogs(window)
    assert dialog.request.body == "First"


def test_export_pressed_right_after_a_contact_key_is_changed_uses_the_new_key(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    # The contact is saved on the worker thread. Ctrl+E before that finished snapshotted the
    # contact as it was: a key just corrected (after the export said it was damaged) was
    # still the damaged one, and a contact just chosen for the draft was not on it yet.
    window = compose()
    c = window.controller
    with qtbot.waitSignal(c.contactsChanged, timeout=10000):
        c.save_contact(Contact(name="Dr. Ana Ruiz", public_key="age1damaged"))
    ana = c.contacts[0]
    c.set_header(contact_id=ana.id)
    type_text(window.editor, "Hello")
    qtbot.waitUntil(lambda: c.idle and c.guidance_is_current, timeout=10000)
    key = identity().public_key
    c.save_contact(replace(ana, public_key=key))  # as the contact dialog's OK does
    window.export_action.trigger()  # before the save has finished
    dialog = the_export_dialog(qtbot, window)
    assert dialog.request.recipient_keys == (key,)
    assert dialog.age.recipients() == [key]


def test_export_waiting_for_a_draft_that_fails_to_open_opens_on_the_draft_shown(
    qtbot: QtBot, compose: OpenWindow, type_text: TypeText
) -> None:
    window = compose()
    c = window.controller
    saved_draft(qtbot, window, type_text, "Still here")
    c.open_draft("no-such-draft")  # the vault answers with an error
    window.export_action.trigger()
    dialog = the_export_dialog(qtbot, window)
    assert dialog.request.body == "Still here"
