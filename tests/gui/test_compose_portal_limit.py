"""The portal character limit for every contact: the portal chosen in the contact dialog
gives the status bar its limit when sending via the portal (a practice profile's own limit
wins), past it the status says how far over in words, and the export preselects that portal."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from safenote.core.export.portal import list_profiles
from safenote.core.vault import Contact
from safenote.gui.clipboard_guard import ClipboardGuard
from safenote.gui.compose_window import ComposeWindow
from safenote.gui.contact_dialog import ContactDialog
from safenote.gui.export_action import request_from_window
from safenote.gui.export_dialog import ExportDialog
from safenote.gui.portal_dialog import PortalDialog
from tests.gui.compose_fixtures import OpenWindow, compose, keys, settle
from tests.gui.export_support import clean_clipboard
from tests.gui.layout_checks import clashing_accelerators, clipped, unnamed_controls
from tests.gui.test_compose_practice import PROFILE

__all__ = ["clean_clipboard", "compose", "keys"]  # fixtures

SENTENCE = "This week I noticed the evenings are harder than the mornings. "  # 63 characters


@pytest.fixture(autouse=True)
def english_numbers() -> Iterator[None]:
    """Group thousands as a person in the US or UK reads them ("1,000")."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


def choose_channel(window: ComposeWindow, channel: str) -> None:
    index = window.header.channel.findData(channel)
    window.header.channel.setCurrentIndex(index)
    window.header.channel.activated.emit(index)


def save_contact(
    qtbot: QtBot,
    window: ComposeWindow,
    *,
    portal: str = "",
    practice_profile: str = "",
) -> Contact:
    contact = Contact(
        name="Dr. Ngozi Okafor",
        relationship="current",
        preferred_channel="portal",
        portal=portal,
        practice_profile=practice_profile,
    )
    with qtbot.waitSignal(window.controller.contactsChanged):
        window.controller.save_contact(contact)
    return window.controller.contacts[0]


def characters(window: ComposeWindow) -> str:
    return window.status.characters.text()


def test_the_contact_dialog_offers_each_portal_with_its_description(qtbot: QtBot) -> None:
    dialog = ContactDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    profiles = list_profiles()
    combo = dialog.portal
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Not sure",
        *(p.name for p in profiles),
    ]
    assert combo.currentData() == ""  # a new contact: nothing assumed
    assert combo.accessibleName() == "Their secure portal"
    label = next(w for w in dialog.findChildren(QLabel) if w.buddy() is combo)
    assert label.text() == "Their secure p&ortal"
    assert unnamed_controls(dialog) == []
    assert clashing_accelerators(dialog) == []

    plain = next(p for p in profiles if p.id == "plain-1000")
    combo.setCurrentIndex(combo.findData("plain-1000"))
    assert dialog.portal_hint.text() == plain.description
    assert combo.toolTip() == plain.description
    assert combo.itemData(combo.currentIndex(), Qt.ItemDataRole.ToolTipRole) == plain.description
    qtbot.waitUntil(lambda: clipped(dialog) == [])  # the whole hint shows, not its first line
    combo.setCurrentIndex(0)
    assert "won't guess a length limit" in dialog.portal_hint.text()


def test_the_portal_is_reached_from_the_keyboard(qtbot: QtBot) -> None:
    dialog = ContactDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.channel.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(dialog.channel.hasFocus)
    QTest.keyClick(dialog.channel, Qt.Key.Key_Tab)
    qtbot.waitUntil(dialog.portal.hasFocus)
    QTest.keyClick(dialog.portal, Qt.Key.Key_Down)
    assert dialog.portal.currentData() == list_profiles()[0].id


def test_choosing_a_portal_is_saved_and_shown_again(qtbot: QtBot, compose: OpenWindow) -> None:
    window = compose()
    dialog = window.edit_contact(None)
    dialog.name.setText("Sam Rivera")
    dialog.channel.setCurrentIndex(dialog.channel.findData("portal"))
    dialog.portal.setCurrentIndex(dialog.portal.findData("plain-1000"))
    with qtbot.waitSignal(window.controller.contactsChanged):
        dialog.save_button.click()
    (saved,) = window.controller.contacts
    assert saved.portal == "plain-1000"
    window.editor.setPlainText("Hello")
    settle(qtbot, window)
    qtbot.waitUntil(lambda: characters(window) == "5 / 1,000 characters")

    again = window.edit_contact(saved)
    assert again.portal.currentData() == "plain-1000"
    again.portal.setCurrentIndex(0)  # "Not sure": no limit is made up
    with qtbot.waitSignal(window.controller.contactsChanged):
        again.save_button.click()
    assert window.controller.contacts[0].portal == ""
    qtbot.waitUntil(lambda: characters(window) == "5 characters")
    assert window.controller.character_limit is None


def test_the_limit_shows_only_when_sending_via_the_portal(
    qtbot: QtBot, compose: OpenWindow
) -> None:
    window = compose()
    save_contact(qtbot, window, portal="subject-required")
    window.editor.setPlainText(SENTENCE)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: characters(window) == "63 / 2,000 characters")
    assert window.controller.character_limit == 2000

    with qtbot.waitSignal(window.controller.characterLimitChanged) as changed:
        choose_channel(window, "email")
    assert changed.args == [None]
    qtbot.waitUntil(lambda: characters(window) == "63 characters")

    with qtbot.waitSignal(window.controller.characterLimitChanged) as changed:
        choose_channel(window, "portal")
    assert changed.args == [2000]
    qtbot.waitUntil(lambda: characters(window) == "63 / 2,000 characters")


def test_the_practice_profiles_own_limit_comes_first(qtbot: QtBot, compose: OpenWindow) -> None:
    window = compose()
    save_contact(qtbot, window, portal="plain-1000", practice_profile=PROFILE)
    window.editor.setPlainText(SENTENCE)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: characters(window) == "63 / 300 characters")
    assert window.controller.character_limit == 300


def test_a_profile_that_no_longer_loads_falls_back_to_the_chosen_portal(
    qtbot: QtBot, compose: OpenWindow
) -> None:
    window = compose()
    save_contact(
        qtbot,
        window,
        portal="plain-1000",
        practice_profile="this is [not a profile",
    )
    window.editor.setPlainText(SENTENCE)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: characters(window) == "63 / 1,000 characters")


def test_over_the_limit_is_said_in_words(qtbot: QtBot, compose: OpenWindow) -> None:
    window = compose()
    save_contact(qtbot, window, portal="plain-1000")
    window.editor.setPlainText(SENTENCE * 16 + "Thanks.")  # 1,015 characters
    settle(qtbot, window)
    expected = "1,015 / 1,000 characters — 15 over, will be split into 2 parts"
    qtbot.waitUntil(lambda: characters(window) == expected)
    label = window.status.characters
    assert label.property("over") is True
    assert label.accessibleName() == expected
    assert "splits it into numbered parts" in label.toolTip()

    window.editor.setPlainText(SENTENCE * 15)  # 945: under again
    qtbot.waitUntil(lambda: characters(window) == "945 / 1,000 characters")
    assert label.property("over") is False


def test_no_contact_means_no_limit(qtbot: QtBot, compose: OpenWindow) -> None:
    window = compose()
    choose_channel(window, "portal")
    window.editor.setPlainText(SENTENCE * 20)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: characters(window) == "1,260 characters")
    assert window.status.characters.property("over") is False


@pytest.mark.usefixtures("clean_clipboard")
def test_the_portal_export_preselects_the_contacts_portal(
    qtbot: QtBot, compose: OpenWindow
) -> None:
    window = compose()
    save_contact(qtbot, window, portal="plain-1000")
    window.editor.setPlainText(SENTENCE * 20)
    settle(qtbot, window)
    request = request_from_window(window)
    assert request.portal_profile == "plain-1000"
    dialog = ExportDialog(request, clipboard=ClipboardGuard(clear_after_ms=50))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_format("portal")
    selected = dialog.portal.selected()
    assert selected is not None
    assert selected.id == "plain-1000"
    with qtbot.waitSignal(dialog.portalOpened, timeout=5000) as opened:
        dialog.export_button.click()
    portal = opened.args[0]
    assert isinstance(portal, PortalDialog)
    qtbot.addWidget(portal)
    assert portal.profile.id == "plain-1000"
    assert len(portal.text.parts) == 2  # 1,260 characters at 1,000 a part


def test_without_a_chosen_portal_the_export_keeps_its_default(
    qtbot: QtBot, compose: OpenWindow
) -> None:
    window = compose()
    save_contact(qtbot, window)
    dialog = ExportDialog(request_from_window(window))
    qtbot.addWidget(dialog)
    selected = dialog.portal.selected()
    assert selected is not None
    assert selected.id == "generic"
