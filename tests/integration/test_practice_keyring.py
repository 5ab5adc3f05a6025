"""Therapist keys in the real keyring (gnome-keyring's Secret Service): sign, pin, read.

Run under scripts/with-real-parts.sh. The CLI runs as a separate process, as a therapist
would run it; the keys it makes are removed again afterwards.
"""

from __future__ import annotations

import base64
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from safenote.core.export.age_crypto import encrypt_message_to_file, open_message_file
from safenote.core.export.message import Message
from safenote.core.identity import AGE_KEY_NAME, SIGNING_KEY_NAME, load_identity
from safenote.core.practice import (
    ImportRefusedError,
    import_profile,
    load_practice,
    sign_text,
)
from safenote.core.vault import Contact, SystemKeyStore
from tests.integration.realparts import missing, require_session_bus

FINGERPRINT = re.compile(r"[A-Z2-7]{4}(?:-[A-Z2-7]{4}){3}")


@pytest.fixture
def keystore() -> Iterator[SystemKeyStore]:
    require_session_bus()
    import keyring
    from keyring.backends import SecretService

    if not isinstance(keyring.get_keyring(), SecretService.Keyring):
        missing("the keyring is not the Secret Service")
    store = SystemKeyStore()
    if store.get_key(AGE_KEY_NAME) is not None or store.get_key(SIGNING_KEY_NAME) is not None:
        pytest.fail("therapist keys already in this keyring: refusing to touch them")
    yield store
    store.delete_key(AGE_KEY_NAME)
    store.delete_key(SIGNING_KEY_NAME)


def safenote(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "safenote", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


class Contacts:
    def __init__(self) -> None:
        self.contacts = {"ana": Contact(id="ana", name="Ana")}

    def get_contact(self, contact_id: str) -> Contact:
        return self.contacts[contact_id]

    def save_contact(self, contact: Contact) -> Contact:
        self.contacts[contact.id] = replace(contact, revision=contact.revision + 1)
        return self.contacts[contact.id]


def test_sign_with_the_keyring_key_then_pin_and_read(
    keystore: SystemKeyStore, tmp_path: Path
) -> None:
    profile_path = tmp_path / "practice.toml"
    made = safenote("practice", "init", "-o", str(profile_path))
    assert made.returncode == 0, made.stderr

    shown = safenote("practice", "identity")
    assert shown.returncode == 0, shown.stderr
    public_key = re.search(r"public_key = (age1\w+)", shown.stdout)
    assert public_key is not None
    text = profile_path.read_text(encoding="utf-8").replace(
        '# public_key = "age1..."', f'public_key = "{public_key.group(1)}"'
    )
    profile_path.write_text(text, encoding="utf-8")

    signed = safenote("practice", "sign", str(profile_path))
    assert signed.returncode == 0, signed.stderr
    printed = FINGERPRINT.search(signed.stdout)
    assert printed is not None

    # The key really lives in the Secret Service, and it is the one that signed.
    identity = load_identity(keystore)
    assert identity is not None
    assert identity.signing_fingerprint == printed.group(0)
    assert identity.age_public_key == public_key.group(1)
    raw = keystore.get_key(SIGNING_KEY_NAME)
    assert raw is not None
    assert len(raw) == 32
    import keyring

    assert base64.b64decode(keyring.get_password("safenote", SIGNING_KEY_NAME) or "") == raw

    validated = safenote("practice", "validate", str(profile_path))
    assert validated.returncode == 0, validated.stderr
    assert printed.group(0) in validated.stdout

    # A client imports it (pinned); a copy re-signed by someone else is refused.
    contacts = Contacts()
    result = import_profile(contacts, "ana", profile_path.read_text(encoding="utf-8"))
    assert (result.verified, result.newly_pinned) == (True, True)
    assert result.fingerprint == printed.group(0)
    forged = sign_text(
        profile_path.read_text(encoding="utf-8").replace("two business days", "one hour"),
        Ed25519PrivateKey.generate(),
    )
    with pytest.raises(ImportRefusedError, match="different key"):
        import_profile(contacts, "ana", forged)

    # A message encrypted to the profile's key opens with the identity in the keyring.
    message_path = tmp_path / "from-client.age"
    contact_key = contacts.get_contact("ana").public_key
    assert contact_key == load_practice(profile_path).public_key
    encrypt_message_to_file(
        Message(body="See you Thursday."), message_path, recipients=[contact_key]
    )
    opened = open_message_file(message_path, identities=identity.age_identities())
    assert opened.body == "See you Thursday."

    # keygen --keyring reports the same identity (never a new one).
    keygen = safenote("keygen", "--keyring")
    assert (keygen.returncode, keygen.stdout.strip()) == (0, public_key.group(1)), keygen.stderr

    # Signing again uses the same key: clients' pins keep holding.
    again = safenote("practice", "sign", str(profile_path))
    assert again.returncode == 0, again.stderr
    assert "Made" not in again.stderr
    assert printed.group(0) in again.stdout
