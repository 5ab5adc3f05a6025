"""SafeNote's keyring policy, against stand-in backends (the real one is in integration)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringLocked

from safenote.core.vault import (
    KeyringLockedError,
    KeyringTimeoutError,
    KeyringUnavailableError,
    SystemKeyStore,
)
from safenote.core.vault.keystore import (
    MSG_NOT_STORED,
    MSG_NULL_KEYRING,
    MSG_PLAINTEXT_KEYRING,
    refusal_message,
)


def new(cls: Any) -> Any:
    """Instantiate a keyring class (keyring's own classes are untyped)."""
    return cls()


class DictBackend:
    """Behaves like a real store; claims to be one (module under keyring.backends).

    Deliberately not a KeyringBackend subclass: those register themselves globally and
    keyring's chainer would then pick these stand-ins up in other tests.
    """

    def __init__(self) -> None:
        self.data: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.data.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.data[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.data.pop((service, username), None)


DictBackend.__module__ = "keyring.backends.SecretService"


class PlaintextKeyring(DictBackend):
    """Stands in for keyrings.alt.file.PlaintextKeyring (same module and class name)."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


class ForgetfulBackend(DictBackend):
    """Accepts writes and forgets them: what read-back after write exists to catch."""

    def set_password(self, service: str, username: str, password: str) -> None:
        pass


ForgetfulBackend.__module__ = DictBackend.__module__


class LockedBackend(DictBackend):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("Failed to unlock the collection!")


LockedBackend.__module__ = DictBackend.__module__


class HangingBackend(DictBackend):
    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.release.wait()
        return None


HangingBackend.__module__ = DictBackend.__module__


class ChainerOf(chainer.ChainerBackend):
    """A chainer with a fixed list instead of discovering what is installed."""

    backends: tuple[object, ...] = ()


ChainerOf.__module__ = "keyring.backends.chainer"


@pytest.mark.parametrize(
    ("backend", "words"),
    [
        (new(fail.Keyring), "couldn't find a secure system keyring"),
        (new(null.Keyring), "switched off"),
        (new(ChainerOf), "couldn't find a secure system keyring"),
        (PlaintextKeyring(), "plain file"),
    ],
    ids=["fail", "null", "empty-chainer", "plaintext"],
)
def test_refused_backends_say_what_to_do(backend: Any, words: str) -> None:
    store = SystemKeyStore(backend=backend)
    with pytest.raises(KeyringUnavailableError, match=words) as caught:
        store.set_key("vault-1", b"k" * 32)
    assert "passphrase" in str(caught.value)  # the way forward without a keyring
    assert isinstance(backend, DictBackend) is False or backend.data == {}


def test_chainer_of_only_refused_backends_is_refused() -> None:
    class NullOnly(ChainerOf):
        backends = (new(null.Keyring),)

    NullOnly.__module__ = "keyring.backends.chainer"
    assert refusal_message(new(NullOnly)) == MSG_NULL_KEYRING


def test_chainer_with_a_real_store_is_accepted() -> None:
    class WithReal(ChainerOf):
        backends = (new(null.Keyring), DictBackend())

    WithReal.__module__ = "keyring.backends.chainer"
    assert refusal_message(new(WithReal)) is None


def test_plaintext_refusal_message_is_specific() -> None:
    assert refusal_message(PlaintextKeyring()) == MSG_PLAINTEXT_KEYRING


def test_real_store_round_trip_stores_base64() -> None:
    backend = DictBackend()
    store = SystemKeyStore(backend=backend)
    key = bytes(range(32))
    store.set_key("vault-1", key)
    assert store.get_key("vault-1") == key
    assert backend.data[("safenote", "vault-1")] == "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
    store.delete_key("vault-1")
    assert store.get_key("vault-1") is None
    store.delete_key("vault-1")  # deleting twice is fine


def test_a_write_that_does_not_stick_is_an_error() -> None:
    store = SystemKeyStore(backend=ForgetfulBackend())
    with pytest.raises(KeyringUnavailableError) as caught:
        store.set_key("vault-1", b"k" * 32)
    assert str(caught.value) == MSG_NOT_STORED


def test_locked_keyring_says_unlock() -> None:
    store = SystemKeyStore(backend=LockedBackend())
    with pytest.raises(KeyringLockedError, match=r"locked\. Unlock it"):
        store.get_key("vault-1")


@pytest.fixture
def hanging() -> Iterator[HangingBackend]:
    backend = HangingBackend()
    yield backend
    backend.release.set()  # let the abandoned worker thread finish


def test_a_hung_keyring_times_out(hanging: HangingBackend) -> None:
    store = SystemKeyStore(backend=hanging, timeout_s=0.05)
    with pytest.raises(KeyringTimeoutError, match="didn't answer in time"):
        store.get_key("vault-1")


def test_callable_from_worker_threads() -> None:
    store = SystemKeyStore(backend=DictBackend())
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda i: store.set_key(f"v{i}", bytes([i]) * 32), range(8)))
        got = list(pool.map(lambda i: store.get_key(f"v{i}"), range(8)))
    assert got == [bytes([i]) * 32 for i in range(8)]


def test_garbled_entry_reads_as_a_wrong_key() -> None:
    backend = DictBackend()
    backend.data[("safenote", "vault-1")] = "not base64!!"
    assert SystemKeyStore(backend=backend).get_key("vault-1") == b""


def test_default_backend_here_is_refused() -> None:
    # tests/conftest.py pins the fail backend for unit tests.
    store = SystemKeyStore()
    assert store.describe().startswith("unusable:")
    with pytest.raises(KeyringUnavailableError):
        store.get_key("vault-1")
