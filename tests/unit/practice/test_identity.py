"""The therapist's keys in the keyring: made once, never replaced, damage reported."""

from __future__ import annotations

import pytest

from safenote.core.identity import (
    AGE_KEY_NAME,
    SIGNING_KEY_NAME,
    IdentityError,
    load_identity,
    load_or_create_identity,
)
from safenote.core.vault import MemoryKeyStore


def test_keys_are_made_once_and_then_reused() -> None:
    store = MemoryKeyStore()
    assert load_identity(store) is None
    first = load_or_create_identity(store)
    assert first.created == ("age", "signing")
    assert first.identity.age_public_key.startswith("age1")
    again = load_or_create_identity(store)
    assert again.created == ()
    assert again.identity.age_public_key == first.identity.age_public_key
    assert again.identity.signing_fingerprint == first.identity.signing_fingerprint
    loaded = load_identity(store)
    assert loaded is not None
    assert loaded.age_public_key == first.identity.age_public_key
    assert "AGE-SECRET" not in repr(loaded)


def test_a_missing_signing_key_is_added_without_touching_the_age_key() -> None:
    store = MemoryKeyStore()
    first = load_or_create_identity(store).identity
    store.delete_key(SIGNING_KEY_NAME)
    second = load_or_create_identity(store)
    assert second.created == ("signing",)
    assert second.identity.age_public_key == first.age_public_key


@pytest.mark.parametrize(("name", "value"), [(AGE_KEY_NAME, b"junk"), (SIGNING_KEY_NAME, b"x")])
def test_damaged_keys_are_reported_not_replaced(name: str, value: bytes) -> None:
    store = MemoryKeyStore()
    load_or_create_identity(store)
    store.set_key(name, value)
    with pytest.raises(IdentityError, match="damaged"):
        load_or_create_identity(store)
    assert store.get_key(name) == value


def test_keyring_problems_speak_of_the_therapists_keys() -> None:
    from safenote.core.identity import keyring_problem
    from safenote.core.vault import KeyringLockedError, KeyringUnavailableError

    assert "signing and message keys" in keyring_problem(KeyringUnavailableError("x"))
    assert "vault" not in keyring_problem(KeyringUnavailableError("x"))
    assert "locked" in keyring_problem(KeyringLockedError("x"))
