"""Therapist contacts: add, edit, choose; the contact sets the context for guidance."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from safenote.core.policy import Relationship
from safenote.gui.contact_dialog import ContactDialog
from safenote.gui.controller import ComposeController
from tests.gui.compose_fixtures import OpenWindow, close, compose, keys, rules, settle

__all__ = ["compose", "keys"]  # fixtures


def fill(dialog: ContactDialog, name: str, relationship: str, channel: str) -> None:
    dialog.name.setText(name)
    dialog.relationship.setCurrentIndex(dialog.relationship.findData(relationship))
    dialog.channel.setCurrentIndex(dialog.channel.findData(channel))


def test_adding_a_contact_sets_recipient_relationship_and_channel(
    qtbot: QtBot, compose: OpenWindow
) -> None:
    window = compose()
    dialog = window.edit_contact(None)
    assert not dialog.save_button.isEnabled()  # a name is needed
    fill(dialog, "Dr. Ngozi Okafor", "former", "email")
    with qtbot.waitSignal(window.controller.contactsChanged):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: window.header.to.currentText() == "Dr. Ngozi Okafor")
    assert window.header.channel.currentData() == "email"
    assert window.controller.context().relationship is Relationship.FORMER
    window.editor.setPlainText("Could you give me some advice about what to do next?")
    settle(qtbot, window)
    assert "former-therapist-advice" in rules(window.controller.guidance)


def test_contacts_are_stored_and_editable_after_restart(qtbot: QtBot, compose: OpenWindow) -> None:
    window = compose()
    dialog = window.edit_contact(None)
    fill(dialog, "Sam Rivera", "current", "portal")
    with qtbot.waitSignal(window.controller.contactsChanged):
        dialog.button_box.button(QDialogButtonBox.StandardButton.Save).click()
    window.editor.setPlainText("Hello")
    qtbot.waitUntil(lambda: window.controller.idle)
    close(window)

    again = compose()
    assert again.header.to.currentText() == "Sam Rivera"
    assert again.header.contact_button.text() == "Edit…"
    contact = again.controller.contact(again.header.to.currentData())
    assert contact is not None
    edit = again.edit_contact(contact)
    assert edit.name.text() == "Sam Rivera"
    edit.name.setText("Sam Rivera, LCSW")
    with qtbot.waitSignal(again.controller.contactsChanged):
        edit.save_button.click()
    assert [c.name for c in again.controller.contacts] == ["Sam Rivera, LCSW"]
    qtbot.waitUntil(lambda: again.header.to.currentText() == "Sam Rivera, LCSW")


def test_prospective_contact_gets_first_contact_guidance(qtbot: QtBot, compose: OpenWindow) -> None:
    window = compose()
    controller: ComposeController = window.controller
    dialog = window.edit_contact(None)
    fill(dialog, "A new therapist", "prospective", "email")
    with qtbot.waitSignal(controller.contactsChanged):
        dialog.save_button.click()
    window.editor.setPlainText("Hello, I am looking for a therapist for anxiety.")
    settle(qtbot, window)
    assert "first-contact-referral" in rules(controller.guidance)
