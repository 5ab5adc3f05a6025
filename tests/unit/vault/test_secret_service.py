"""Reading the key straight from the Secret Service: when the shortcut applies, and that
anything but a plain hit goes back to keyring (the real service is in integration)."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest

from safenote.core.vault import SystemKeyStore
from safenote.core.vault import keystore as keystore_module
from safenote.core.vault.secret_service import direct_lookup_applies, lookup


@pytest.fixture
def config_home(tmp_path: Path) -> dict[str, str]:
    """An environment whose keyring config folder is empty."""
    return {"XDG_CONFIG_HOME": str(tmp_path / "config")}


def test_applies_on_linux_when_nothing_is_configured(config_home: dict[str, str]) -> None:
    assert direct_lookup_applies(config_home, "linux")
    assert direct_lookup_applies({**config_home, "XDG_CURRENT_DESKTOP": "ubuntu:GNOME"}, "linux")


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_never_elsewhere(config_home: dict[str, str], platform: str) -> None:
    assert not direct_lookup_applies(config_home, platform)


@pytest.mark.parametrize(
    "extra",
    [
        {"PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring"},
        {"KEYRING_PROPERTY_PREFERRED_COLLECTION": "/org/freedesktop/secrets/collection/x"},
        {"KEYRING_PROPERTY_SCHEME": "KeePassXC"},
        {"XDG_CURRENT_DESKTOP": "KDE"},
        {"XDG_CURRENT_DESKTOP": "X-Generic:KDE"},
    ],
)
def test_steps_aside_for_a_users_choice_or_kde(
    config_home: dict[str, str], extra: dict[str, str]
) -> None:
    assert not direct_lookup_applies({**config_home, **extra}, "linux")


def test_steps_aside_for_a_keyring_config_file(config_home: dict[str, str]) -> None:
    config = Path(config_home["XDG_CONFIG_HOME"], "python_keyring", "keyringrc.cfg")
    config.parent.mkdir(parents=True)
    config.write_text("[backend]\ndefault-keyring=keyring.backends.SecretService.Keyring\n")
    assert not direct_lookup_applies(config_home, "linux")


def test_no_session_bus_is_not_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # The real secretstorage, failing to reach a bus: the shortcut says "can't tell".
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert lookup("safenote", "any-vault") is None


class _Backend:
    """A keyring backend that records what it was asked."""

    priority = 1  # a third-party backend keyring rates as usable (see refusal_message)

    def __init__(self, stored: str | None) -> None:
        self.stored = stored
        self.asked: list[tuple[str, str]] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.asked.append((service, username))
        return self.stored


def _shortcut(monkeypatch: pytest.MonkeyPatch, answer: str | None) -> list[str]:
    asked: list[str] = []

    def fake_lookup(service: str, username: str) -> str | None:
        asked.append(username)
        return answer

    monkeypatch.setattr(keystore_module, "direct_lookup_applies", lambda: True)
    monkeypatch.setattr(keystore_module, "lookup", fake_lookup)
    return asked


def test_a_hit_is_used_without_asking_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    key = bytes(range(32))
    asked = _shortcut(monkeypatch, base64.b64encode(key).decode())
    store = SystemKeyStore()

    def no_keyring(self: Any) -> Any:
        raise AssertionError("keyring's discovery ran")

    monkeypatch.setattr(SystemKeyStore, "_resolve", no_keyring)
    assert store.get_key("vault-1") == key
    assert asked == ["vault-1"]


def test_a_miss_goes_back_to_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    key = b"k" * 32
    asked = _shortcut(monkeypatch, None)
    backend = _Backend(base64.b64encode(key).decode())
    monkeypatch.setattr(SystemKeyStore, "_resolve", lambda self: backend)
    assert SystemKeyStore().get_key("vault-2") == key
    assert asked == ["vault-2"]
    assert backend.asked == [("safenote", "vault-2")]


def test_a_chosen_backend_is_always_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _shortcut(monkeypatch, base64.b64encode(b"x" * 32).decode())
    backend = _Backend(None)
    assert SystemKeyStore(backend=backend).get_key("vault-3") is None
    assert asked == []
    assert backend.asked == [("safenote", "vault-3")]
