"""Timing in the compose window: a vault answer that arrives after the person has moved on.

The controller's vault work runs on a worker thread and its answer is applied on the GUI
thread, through the event loop. Each test makes the order explicit: it calls the action,
then types (``type_text`` sends key events synchronously, without running the event loop,
so no answer can arrive in between), and only then lets the answers arrive.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from safenote.core.vault import Contact, Vault
from safenote.gui.compose_window import ComposeWindow
from tests.gui.compose_fixtures import OpenWindow, compose, keys

__all__ = ["compose", "keys"]  # fixtures

TypeText = Callable[[QWidget, str], None]


def vault_of(window: ComposeWindow) -> Vault:
    vault = window.controller.vault
    assert vault is not None
    return vault


def saved_draft(qtbot: QtBot, window: ComposeWindow, type_text: TypeText, text: str) -> str:
    """Start a new draft holding ``text``, saved; returns its id."""
    controller = window.controller
    controller.new_draft()
    type_text(window.editor, text)
    controller.save_now()
    qtbot.waitUntil(lambda: controller.idle and window.status.state == "saved", timeout=10000)
    return controller.draft.id


def settle_tasks(qtbot: QtBot, window: ComposeWindow) -> None:
    qtbot.waitUntil(lambda: window.controller.idle, timeout=10000)


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
