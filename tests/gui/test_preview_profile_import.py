"""The client's profile import dialog (kept with the preview tests: same owner, same profiles)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from safenote.core.practice import ImportResult, import_profile, load_practice_text, sign_text
from safenote.core.vault import Contact
from safenote.gui.profile_import_dialog import ProfileImportDialog
from tests.unit.practice.profiles import FULL, OTHER_KEY, THERAPIST_KEY


class Contacts:
    def __init__(self) -> None:
        self.contacts = {"ana": Contact(id="ana", name="Ana")}

    def get_contact(self, contact_id: str) -> Contact:
        return self.contacts[contact_id]

    def save_contact(self, contact: Contact) -> Contact:
        self.contacts[contact.id] = replace(contact, revision=contact.revision + 1)
        return self.contacts[contact.id]


@pytest.fixture
def store() -> Contacts:
    return Contacts()


@pytest.fixture
def dialog(qtbot: QtBot, store: Contacts) -> ProfileImportDialog:
    def do_import(text: str, accept_new: bool) -> ImportResult:
        return import_profile(store, "ana", text, accept_new_signer=accept_new)

    window = ProfileImportDialog(do_import)
    qtbot.addWidget(window)
    window.show()
    return window


def test_signed_profile_shows_the_fingerprint_to_compare(
    dialog: ProfileImportDialog, store: Contacts
) -> None:
    signed = sign_text(FULL, THERAPIST_KEY)
    dialog.text.setPlainText(signed)
    assert dialog.run_import() is not None
    fingerprint = load_practice_text(signed).fingerprint
    assert fingerprint in dialog.outcome.text()
    assert "next session" in dialog.outcome.text()
    assert store.get_contact("ana").practice_profile == signed


def test_unsigned_profile_is_marked_unverified(dialog: ProfileImportDialog) -> None:
    dialog.text.setPlainText(FULL)
    dialog.run_import()
    assert "unverified" in dialog.outcome.text()


def test_another_signer_is_refused_until_the_client_confirms(
    dialog: ProfileImportDialog, store: Contacts
) -> None:
    dialog.text.setPlainText(sign_text(FULL, THERAPIST_KEY))
    dialog.run_import()
    resigned = sign_text(FULL.replace("two business days", "an hour"), OTHER_KEY)
    dialog.text.setPlainText(resigned)
    assert dialog.run_import() is None
    assert "different key" in dialog.outcome.text()
    assert dialog.trust_new.isVisible()
    assert "an hour" not in store.get_contact("ana").practice_profile
    assert dialog.run_import() is None  # still refused without the tick
    dialog.trust_new.setChecked(True)
    result = dialog.run_import()
    assert result is not None
    assert result.newly_pinned
    assert store.get_contact("ana").practice_profile == resigned


def test_a_broken_file_says_what_to_do(dialog: ProfileImportDialog, tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text('[practice]\nregion = "Mars"\n', encoding="utf-8")
    dialog.load_file(path)
    assert dialog.run_import() is None
    assert "Ask your therapist for a new copy" in dialog.outcome.text()
    assert "practice.region" in dialog.outcome.text()


def test_import_into_a_contact_being_edited(qtbot: QtBot) -> None:
    from safenote.gui.profile_import_dialog import import_into_contact

    pinned = Contact(id="c1", name="Ana", practice_profile=sign_text(FULL, THERAPIST_KEY))
    dialog = import_into_contact(pinned)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText(sign_text(FULL, OTHER_KEY))
    assert dialog.run_import() is None  # the pin held in the unsaved contact still counts
    dialog.text.setPlainText(sign_text(FULL.replace("two business days", "a day"), THERAPIST_KEY))
    assert dialog.run_import() is not None
    dialog.accept()
    assert dialog.imported_contact is not None
    assert "a day" in dialog.imported_contact.practice_profile
    assert dialog.imported_contact.public_key.startswith("age1")
    assert dialog.imported_contact.name == "Ana"

    untouched = import_into_contact(Contact(id="c2"))
    qtbot.addWidget(untouched)
    untouched.reject()
    assert untouched.imported_contact is None


def test_the_contact_dialog_imports_into_the_contact_it_edits(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from safenote.gui.contact_dialog import ContactDialog

    signed = sign_text(FULL, THERAPIST_KEY)

    def fake_exec(self: ProfileImportDialog) -> int:  # the modal loop, answered at once
        self.text.setPlainText(signed)
        self.run_import()
        self.accept()
        return 1

    monkeypatch.setattr(ProfileImportDialog, "exec", fake_exec)
    dialog = ContactDialog(None)
    qtbot.addWidget(dialog)
    dialog.import_button.click()
    contact = dialog.contact()
    assert contact.practice_profile == signed
    assert contact.public_key.startswith("age1")
    assert dialog.name.text() == "Dr. Ana Ruiz"
    assert dialog.save_button.isEnabled()
