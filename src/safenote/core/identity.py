"""The therapist's identity, kept in the OS keyring: an age key pair and a signing key.

* The **age identity** opens the ``.age`` messages clients send; its public key (``age1…``)
  goes in the practice profile.
* The **Ed25519 signing key** signs the practice profile, so clients can check it is yours
  (see :mod:`safenote.core.practice.signing`).

Both live in the keyring through the vault's :class:`KeyStore` (real system stores only,
calls time-limited), under fixed names that cannot collide with vault ids (hex). An
existing key is never replaced: clients encrypt to it and have pinned it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from pyrage import x25519

from safenote.core.practice.signing import fingerprint, public_key_bytes
from safenote.core.vault.errors import KeyringLockedError, KeyringUnavailableError, VaultError
from safenote.core.vault.keystore import KeyStore

AGE_KEY_NAME = "therapist-age-identity"
SIGNING_KEY_NAME = "therapist-signing-key"


class IdentityError(Exception):
    """A key in the keyring is unreadable; ``str`` says what to do."""


@dataclass(frozen=True)
class TherapistIdentity:
    age_secret: str = field(repr=False)
    age_public_key: str
    signing_key: Ed25519PrivateKey = field(repr=False)

    @property
    def signing_fingerprint(self) -> str:
        return fingerprint(public_key_bytes(self.signing_key))

    def age_identities(self) -> list[x25519.Identity]:
        return [x25519.Identity.from_str(self.age_secret)]


@dataclass(frozen=True)
class LoadedIdentity:
    identity: TherapistIdentity
    created: tuple[str, ...]  # which keys were made just now ("age", "signing")


def _read_age(store: KeyStore) -> x25519.Identity | None:
    raw = store.get_key(AGE_KEY_NAME)
    if raw is None:
        return None
    try:
        return x25519.Identity.from_str(raw.decode("ascii"))
    except Exception:  # pyrage's IdentityError or a decode error: the stored key is damaged
        raise IdentityError(
            "Your message key in the keyring is damaged. Restore it from your backup; "
            "SafeNote will not replace it, because clients encrypt to it."
        ) from None


def _read_signing(store: KeyStore) -> Ed25519PrivateKey | None:
    raw = store.get_key(SIGNING_KEY_NAME)
    if raw is None:
        return None
    if len(raw) != 32:
        raise IdentityError(
            "Your profile signing key in the keyring is damaged. Restore it from your backup; "
            "SafeNote will not replace it, because clients have pinned it."
        )
    return Ed25519PrivateKey.from_private_bytes(raw)


def load_identity(store: KeyStore) -> TherapistIdentity | None:
    """Both keys, or None when either is missing. Raises keyring errors and IdentityError."""
    age = _read_age(store)
    signing = _read_signing(store)
    if age is None or signing is None:
        return None
    return TherapistIdentity(str(age), str(age.to_public()), signing)


def load_or_create_identity(store: KeyStore) -> LoadedIdentity:
    """Load the identity, making whichever key is missing (an existing key is kept)."""
    created: list[str] = []
    age = _read_age(store)
    if age is None:
        age = x25519.Identity.generate()
        store.set_key(AGE_KEY_NAME, str(age).encode("ascii"))
        created.append("age")
    signing = _read_signing(store)
    if signing is None:
        signing = Ed25519PrivateKey.generate()
        raw = signing.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        store.set_key(SIGNING_KEY_NAME, raw)
        created.append("signing")
    identity = TherapistIdentity(str(age), str(age.to_public()), signing)
    return LoadedIdentity(identity, tuple(created))


def keyring_problem(err: VaultError) -> str:
    """The keystore's errors, reworded for the therapist's keys (not the vault's)."""
    if isinstance(err, KeyringLockedError):
        return (
            "Your keyring is locked. Unlock it (log in to your desktop session or open your "
            "password manager) and try again."
        )
    if isinstance(err, KeyringUnavailableError):
        return (
            "SafeNote keeps your signing and message keys in the system keyring, and no "
            "usable keyring was found. Unlock it, or install a secrets service such as "
            "GNOME Keyring or KWallet, and try again."
        )
    return str(err)
