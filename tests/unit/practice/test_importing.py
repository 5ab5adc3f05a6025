"""Importing into a contact: the first signer is pinned, a different one is refused."""

from __future__ import annotations

from dataclasses import replace

import pytest

from safenote.core.paths import app_paths
from safenote.core.practice import (
    ImportRefusedError,
    PracticeError,
    import_profile,
    load_practice_text,
    profile_for_contact,
    sign_text,
)
from safenote.core.vault import Contact, MemoryKeyStore, Vault
from tests.unit.practice.profiles import AGE_KEY, FULL, OTHER_KEY, THERAPIST_KEY


class Contacts:
    """A contact store in memory, with the vault's save semantics (revision bump)."""

    def __init__(self) -> None:
        self.contacts: dict[str, Contact] = {}

    def get_contact(self, contact_id: str) -> Contact:
        return self.contacts[contact_id]

    def save_contact(self, contact: Contact) -> Contact:
        saved = replace(contact, revision=contact.revision + 1)
        self.contacts[contact.id] = saved
        return saved


@pytest.fixture
def store() -> Contacts:
    contacts = Contacts()
    contacts.save_contact(Contact(id="ana", name="", relationship="current"))
    return contacts


def test_first_signed_import_pins_and_stores_the_key(store: Contacts) -> None:
    result = import_profile(store, "ana", sign_text(FULL, THERAPIST_KEY))
    assert result.verified
    assert result.newly_pinned
    assert not result.same_signer
    assert result.fingerprint == load_practice_text(sign_text(FULL, THERAPIST_KEY)).fingerprint
    contact = store.get_contact("ana")
    assert contact.public_key == AGE_KEY
    assert contact.name == "Dr. Ana Ruiz"  # filled in because it was empty
    assert "[signature]" in contact.practice_profile


def test_update_by_the_same_key_is_accepted(store: Contacts) -> None:
    import_profile(store, "ana", sign_text(FULL, THERAPIST_KEY))
    updated = sign_text(FULL.replace("two business days", "one day"), THERAPIST_KEY)
    result = import_profile(store, "ana", updated)
    assert result.same_signer
    assert not result.newly_pinned
    assert "one day" in store.get_contact("ana").practice_profile


def test_update_signed_by_another_key_is_refused_and_nothing_changes(store: Contacts) -> None:
    first = sign_text(FULL, THERAPIST_KEY)
    import_profile(store, "ana", first)
    evil = "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq"
    resigned = sign_text(FULL.replace(AGE_KEY, evil), OTHER_KEY)
    with pytest.raises(ImportRefusedError, match="different key") as caught:
        import_profile(store, "ana", resigned)
    assert caught.value.pinned == load_practice_text(first).fingerprint
    assert caught.value.offered == load_practice_text(resigned).fingerprint
    assert caught.value.pinned in str(caught.value)
    assert store.get_contact("ana").practice_profile == first
    assert store.get_contact("ana").public_key == AGE_KEY


def test_unsigned_update_of_a_pinned_contact_is_refused(store: Contacts) -> None:
    import_profile(store, "ana", sign_text(FULL, THERAPIST_KEY))
    with pytest.raises(ImportRefusedError, match="isn't signed"):
        import_profile(store, "ana", FULL)


def test_the_client_can_accept_a_new_key_after_checking_it(store: Contacts) -> None:
    import_profile(store, "ana", sign_text(FULL, THERAPIST_KEY))
    result = import_profile(store, "ana", sign_text(FULL, OTHER_KEY), accept_new_signer=True)
    assert result.newly_pinned
    with pytest.raises(ImportRefusedError):
        import_profile(
            store, "ana", sign_text(FULL, THERAPIST_KEY)
        )  # the old key is now the odd one


def test_unsigned_profile_is_imported_as_unverified(store: Contacts) -> None:
    result = import_profile(store, "ana", FULL)
    assert not result.verified
    assert result.fingerprint == ""
    assert not result.newly_pinned
    import_profile(store, "ana", sign_text(FULL, OTHER_KEY))  # nothing pinned yet


def test_tampered_or_invalid_profiles_are_never_stored(store: Contacts) -> None:
    signed = sign_text(FULL, THERAPIST_KEY).replace("Dr. Ana Ruiz", "Someone Else")
    with pytest.raises(PracticeError):
        import_profile(store, "ana", signed)
    assert store.get_contact("ana").practice_profile == ""


def test_import_into_a_real_vault_survives_reopening() -> None:
    keystore = MemoryKeyStore()
    vault, _code = Vault.create(app_paths(), keystore=keystore)
    with vault:
        contact = vault.save_contact(Contact(name="Ana"))
        import_profile(vault, contact.id, sign_text(FULL, THERAPIST_KEY))
    with Vault.open(app_paths(), keystore=keystore) as reopened:
        with pytest.raises(ImportRefusedError):
            import_profile(reopened, contact.id, sign_text(FULL, OTHER_KEY))
        assert reopened.get_contact(contact.id).public_key == AGE_KEY


def test_profile_for_contact_gives_guidance_what_it_needs(store: Contacts) -> None:
    assert profile_for_contact(store.get_contact("ana")) is None
    import_profile(store, "ana", sign_text(FULL, THERAPIST_KEY))
    profile = profile_for_contact(store.get_contact("ana"))
    assert profile is not None
    assert profile.context.response_time == "two business days"
    broken = replace(store.get_contact("ana"), practice_profile="[practice\n")
    assert profile_for_contact(broken) is None
