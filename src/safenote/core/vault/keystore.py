"""Where the key-encryption key lives: the OS keyring, behind a small interface.

:class:`SystemKeyStore` accepts only real system stores (Secret Service, KWallet, macOS
Keychain, Windows Credential Locker). The ``fail``, ``null`` and empty-chainer backends and
the plaintext ones from ``keyrings.alt`` are refused with a message that says what to do.
Every call runs in a daemon worker thread with a timeout, because some backends (KWallet)
can stall for tens of seconds; nothing here is tied to one thread, so the GUI can call it
from a worker. Reading the key, where keyring would use the Secret Service anyway, goes to
it directly (``secret_service.py``): keyring's backend discovery is slow to start.
:class:`MemoryKeyStore` is an in-process stand-in for tests and benchmarks.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import threading
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from safenote.core.vault.errors import (
    KeyringLockedError,
    KeyringTimeoutError,
    KeyringUnavailableError,
)
from safenote.core.vault.secret_service import direct_lookup_applies, lookup

SERVICE = "safenote"
DEFAULT_TIMEOUT_S = 10.0

T = TypeVar("T")

_UNUSABLE_HINT = (
    "Unlock your system keyring or install a secrets service (such as GNOME Keyring or "
    "KWallet), or set up the vault with a passphrase instead (--passphrase-file)."
)
MSG_NO_KEYRING = (
    "SafeNote couldn't find a secure system keyring to hold your vault key. " + _UNUSABLE_HINT
)
MSG_NULL_KEYRING = (
    "The keyring is switched off (the 'null' backend, which forgets everything). " + _UNUSABLE_HINT
)
MSG_PLAINTEXT_KEYRING = (
    "The only keyring available stores secrets in a plain file, which would leave your "
    "vault key readable on disk, so SafeNote won't use it. " + _UNUSABLE_HINT
)
MSG_LOCKED = (
    "Your keyring is locked. Unlock it (log in to your desktop session or open your "
    "password manager) and try again — or use your recovery code with 'vault recover'."
)
MSG_TIMEOUT = (
    "The system keyring didn't answer in time. It may be waiting for you to unlock it; "
    "check for a password prompt and try again."
)
MSG_NOT_STORED = (
    "The keyring accepted the vault key but didn't give it back, so it can't be trusted to "
    "keep it. " + _UNUSABLE_HINT
)


class KeyStore(Protocol):
    """Holds one secret per vault id. Implementations raise the keyring errors above."""

    def describe(self) -> str:
        """A short name for status output, e.g. ``SecretService``."""
        ...

    def get_key(self, vault_id: str) -> bytes | None:
        """The stored key, or None if there is none."""
        ...

    def set_key(self, vault_id: str, key: bytes) -> None:
        """Store the key and prove it stuck (read it back)."""
        ...

    def delete_key(self, vault_id: str) -> None: ...


class MemoryKeyStore:
    """Keeps keys in a dict. For tests, benchmarks and nothing else."""

    def __init__(self) -> None:
        self.keys: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def describe(self) -> str:
        return "memory (tests only)"

    def get_key(self, vault_id: str) -> bytes | None:
        with self._lock:
            return self.keys.get(vault_id)

    def set_key(self, vault_id: str, key: bytes) -> None:
        with self._lock:
            self.keys[vault_id] = key

    def delete_key(self, vault_id: str) -> None:
        with self._lock:
            self.keys.pop(vault_id, None)


def refusal_message(backend: Any) -> str | None:
    """Why ``backend`` is not acceptable, or None when it is a real system store."""
    cls = type(backend)
    module, name = cls.__module__, cls.__name__
    if module.startswith("keyrings.alt") or "plaintext" in name.lower():
        return MSG_PLAINTEXT_KEYRING
    if module == "keyring.backends.null":
        return MSG_NULL_KEYRING
    if module == "keyring.backends.fail":
        return MSG_NO_KEYRING
    if module == "keyring.backends.chainer":
        inner = list(getattr(backend, "backends", []))
        if not inner:
            return MSG_NO_KEYRING
        reasons = [refusal_message(b) for b in inner]
        return None if any(r is None for r in reasons) else reasons[0]
    if not module.startswith("keyring.backends."):
        # A third-party backend: trust it only if keyring itself rates it as viable.
        try:
            priority = float(getattr(cls, "priority", 0))
        except Exception:  # a backend's priority probe may raise anything
            return MSG_NO_KEYRING
        return None if priority > 0 else MSG_NO_KEYRING
    return None


def _call_with_timeout(func: Callable[[], T], timeout_s: float) -> T:
    """Run ``func`` in a daemon thread; a hung call is abandoned, never joined at exit."""
    result: list[T] = []
    error: list[BaseException] = []
    done = threading.Event()

    def runner() -> None:
        try:
            result.append(func())
        except BaseException as err:  # handed back to the caller below
            error.append(err)
        finally:
            done.set()

    threading.Thread(target=runner, name="safenote-keyring", daemon=True).start()
    if not done.wait(timeout_s):
        raise KeyringTimeoutError(MSG_TIMEOUT)
    if error:
        raise error[0]
    return result[0]


class SystemKeyStore:
    """The OS keyring via python ``keyring``, with SafeNote's policy applied.

    ``backend`` defaults to whatever ``keyring`` picks (resolved lazily, in the worker
    thread, since even that can stall on KWallet).
    """

    def __init__(self, backend: Any = None, timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        self._backend = backend
        self._timeout_s = timeout_s
        self._lock = threading.Lock()
        self._checked: tuple[Any, str | None] | None = None

    def _resolve(self) -> Any:
        with self._lock:
            if self._checked is None:

                def pick_and_check() -> tuple[Any, str | None]:
                    # Both can stall: picking imports/probes every backend, and a chainer
                    # lists what it chains by constructing them.
                    backend = self._backend
                    if backend is None:
                        import keyring

                        backend = keyring.get_keyring()
                    return backend, refusal_message(backend)

                self._checked = _call_with_timeout(pick_and_check, self._timeout_s)
            backend, reason = self._checked
        if reason is not None:
            raise KeyringUnavailableError(reason)
        return backend

    def describe(self) -> str:
        try:
            backend = self._resolve()
        except (KeyringUnavailableError, KeyringTimeoutError) as err:
            return f"unusable: {err}"
        return f"{type(backend).__module__}.{type(backend).__name__}"

    def _run(self, action: Callable[[Any], T]) -> T:
        backend = self._resolve()
        from keyring import errors as kr_errors

        def guarded() -> T:
            try:
                return action(backend)
            except kr_errors.KeyringLocked:
                raise KeyringLockedError(MSG_LOCKED) from None
            except kr_errors.NoKeyringError:
                raise KeyringUnavailableError(MSG_NO_KEYRING) from None
            except kr_errors.InitError as err:
                # Secret Service without an unlocked collection reports "Prompt dismissed".
                if "dismissed" in str(err).lower() or "lock" in str(err).lower():
                    raise KeyringLockedError(MSG_LOCKED) from None
                raise KeyringUnavailableError(MSG_NO_KEYRING) from None
            except kr_errors.KeyringError:
                raise KeyringUnavailableError(MSG_NO_KEYRING) from None

        return _call_with_timeout(guarded, self._timeout_s)

    def get_key(self, vault_id: str) -> bytes | None:
        stored: object = None
        if self._backend is None and direct_lookup_applies():
            # Where keyring would read the Secret Service anyway, read our item directly:
            # keyring's backend discovery alone costs ~135 ms at every start (see
            # secret_service.py). A miss or any doubt falls through to keyring below.
            stored = _call_with_timeout(lambda: lookup(SERVICE, vault_id), self._timeout_s)
        if stored is None:
            stored = self._run(lambda b: b.get_password(SERVICE, vault_id))
        if stored is None:
            return None
        try:
            return base64.b64decode(str(stored), validate=True)
        except (binascii.Error, ValueError):
            return b""  # present but garbled: the caller treats it as the wrong key

    def set_key(self, vault_id: str, key: bytes) -> None:
        encoded = base64.b64encode(key).decode("ascii")
        self._run(lambda b: b.set_password(SERVICE, vault_id, encoded))
        if self.get_key(vault_id) != key:
            raise KeyringUnavailableError(MSG_NOT_STORED)

    def delete_key(self, vault_id: str) -> None:
        from keyring import errors as kr_errors

        def delete(backend: Any) -> None:
            with contextlib.suppress(kr_errors.PasswordDeleteError):  # already gone
                backend.delete_password(SERVICE, vault_id)

        self._run(delete)
