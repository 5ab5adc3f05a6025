"""A therapist's imported practice profile shapes the compose window: its portal limit in
the status bar, its crisis instructions in the crisis panel, its accepted channels."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from safenote.core.vault import Contact
from safenote.gui.compose_window import ComposeWindow
from tests.gui.compose_fixtures import OpenWindow, compose, keys, rules, settle

__all__ = ["compose", "keys"]  # fixtures

PROFILE = """
[practice]
name = "Riverside Counselling"
therapist = "Dr. Ngozi Okafor"
region = "UK"
response_time = "two business days"
crisis_instructions = "In office hours, call the practice and ask for the duty clinician."
portal_limit = 300

[channels]
accepted = ["portal", "encrypted"]
"""


def add_contact(qtbot: QtBot, window: ComposeWindow, profile: str) -> None:
    contact = Contact(
        name="Dr. Ngozi Okafor",
        relationship="current",
        preferred_channel="portal",
        practice_profile=profile,
    )
    with qtbot.waitSignal(window.controller.contactsChanged):
        window.controller.save_contact(contact)


def test_portal_limit_and_crisis_instructions_come_from_the_profile(
    qtbot: QtBot, compose: OpenWindow
) -> None:
    window = compose()
    add_contact(qtbot, window, PROFILE)
    window.editor.setPlainText("Things are so heavy. Everyone would be better off without me.")
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.status.characters.text().endswith(" / 300 characters"))
    resources = window.crisis.resources.text()
    assert "duty clinician" in resources
    assert "116 123" in resources  # the profile's region (UK) when none is set

    index = window.header.channel.findData("email")
    window.header.channel.setCurrentIndex(index)
    window.header.channel.activated.emit(index)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.status.characters.text().endswith(" characters"))
    assert "/" not in window.status.characters.text()


def test_a_practice_that_accepts_texts_gets_no_text_warning(
    qtbot: QtBot, compose: OpenWindow
) -> None:
    window = compose()
    add_contact(qtbot, window, PROFILE.replace('"portal", "encrypted"', '"portal", "text"'))
    index = window.header.channel.findData("text")
    window.header.channel.setCurrentIndex(index)
    window.header.channel.activated.emit(index)
    window.editor.setPlainText("Hi, can we move Thursday to Friday?")
    settle(qtbot, window)
    assert "text-message-agreement" not in rules(window.controller.guidance)
    # The same message to a therapist without a profile does get it.
    window.controller.save_contact(
        Contact(name="Someone else", relationship="current", preferred_channel="text")
    )
    qtbot.waitUntil(lambda: len(window.controller.contacts) == 2)
    other = next(c for c in window.controller.contacts if c.name == "Someone else")
    window.controller.set_header(contact_id=other.id)
    settle(qtbot, window)
    assert "text-message-agreement" in rules(window.controller.guidance)


def test_an_unreadable_profile_falls_back_to_default_guidance(
    qtbot: QtBot, compose: OpenWindow
) -> None:
    window = compose()
    add_contact(qtbot, window, "this is [not a profile")
    window.editor.setPlainText("Could you reply ASAP?")
    settle(qtbot, window)
    assert "urgent-reply-expectation" in rules(window.controller.guidance)
    assert window.controller.character_limit is None
