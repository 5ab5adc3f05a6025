"""A contact's secure portal (a bundled portal profile id) is stored encrypted with it, and
contacts saved before the field existed still open, as "not sure"."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from safenote.core.paths import AppPaths
from safenote.core.vault import Contact, MemoryKeyStore, Vault, codec


def encode_contact_before_portal(contact: Contact) -> bytes:
    """What the codec wrote before contacts had a portal (the same JSON, no "portal")."""
    return json.dumps(
        {
            "id": contact.id,
            "revision": contact.revision,
            "name": contact.name,
            "relationship": contact.relationship,
            "preferred_channel": contact.preferred_channel,
            "practice_profile": contact.practice_profile,
            "public_key": contact.public_key,
        },
        ensure_ascii=False,
    ).encode("utf-8")


def test_portal_round_trips_through_the_codec() -> None:
    contact = Contact(name="Dr. Ngozi Okafor", portal="plain-1000")
    decoded = codec.decode_contact(codec.encode_contact(contact))
    assert decoded == contact
    assert decoded.portal == "plain-1000"


def test_a_record_without_portal_decodes_as_not_sure() -> None:
    old = encode_contact_before_portal(Contact(name="Sam Rivera", relationship="current"))
    decoded = codec.decode_contact(old)
    assert decoded.name == "Sam Rivera"
    assert decoded.portal == ""


def test_portal_is_saved_and_survives_reopening(
    paths: AppPaths, keystore: MemoryKeyStore, vault: Vault
) -> None:
    saved = vault.save_contact(Contact(name="Sam Rivera", portal="subject-required"))
    vault.close()
    again = Vault.open(paths, keystore=keystore)
    try:
        assert again.get_contact(saved.id).portal == "subject-required"
        edited = again.save_contact(replace(saved, portal=""))
        assert again.get_contact(edited.id).portal == ""
    finally:
        again.close()


def test_a_contact_saved_before_the_change_still_loads(
    paths: AppPaths, keystore: MemoryKeyStore, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as old_version:
        old_version.setattr(codec, "encode_contact", encode_contact_before_portal)
        saved = vault.save_contact(Contact(name="Dr. Ngozi Okafor", preferred_channel="portal"))
    vault.close()
    again = Vault.open(paths, keystore=keystore)
    try:
        listing = again.list_contacts()
        assert listing.failures == ()
        (contact,) = listing.contacts
        assert contact == Contact(
            id=saved.id,
            name="Dr. Ngozi Okafor",
            preferred_channel="portal",
            revision=saved.revision,
        )
        assert contact.portal == ""
    finally:
        again.close()
