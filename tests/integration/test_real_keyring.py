"""The keyring the integration tests use is the real Secret Service (gnome-keyring)."""

from __future__ import annotations

import secrets

import keyring
import keyring.backend
import pytest

from tests.integration.realparts import require_session_bus


@pytest.fixture
def real_keyring() -> keyring.backend.KeyringBackend:
    require_session_bus()
    from keyring.backends import SecretService

    backend = keyring.get_keyring()
    if not isinstance(backend, SecretService.Keyring):
        from tests.integration.realparts import missing

        missing(f"keyring backend is {type(backend).__module__}.{type(backend).__name__}")
    return backend


def test_backend_is_secret_service_not_a_fake(real_keyring: keyring.backend.KeyringBackend) -> None:
    assert type(real_keyring).__module__ == "keyring.backends.SecretService"
    assert real_keyring.priority >= 1  # a usable, real backend


def test_round_trip_through_gnome_keyring(real_keyring: keyring.backend.KeyringBackend) -> None:
    user = f"probe-{secrets.token_hex(4)}"
    value = secrets.token_urlsafe(32)
    real_keyring.set_password("safenote-test", user, value)
    try:
        assert real_keyring.get_password("safenote-test", user) == value
    finally:
        real_keyring.delete_password("safenote-test", user)
    assert real_keyring.get_password("safenote-test", user) is None
