"""Record encryption and key wrapping.

* Records: AES-256-GCM with a random 96-bit nonce per write. The associated data binds the
  vault id, record kind, record id, revision and format version, so a blob moved to another
  record, another vault, or put back at an older revision fails to authenticate.
* Plaintexts are padded to a bucket size before encryption so ciphertext length says little
  about how much someone wrote.
* Key wrapping: the 32-byte data key (DEK) is AES-GCM-encrypted under a key-encryption key
  (KEK) with associated data naming the vault and the slot.
* Passphrases are stretched with Argon2id (RFC 9106 "second recommended" style defaults);
  recovery codes carry >= 128 bits of entropy, so HKDF suffices for them.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

FORMAT_VERSION = 1
KEY_BYTES = 32
NONCE_BYTES = 12
_BLOB_PREFIX = bytes([FORMAT_VERSION])
_PAD_MARK = b"\x80"


class DecryptError(Exception):
    """Authentication failed: wrong key, tampered blob or wrong associated data."""


def random_key() -> bytes:
    return os.urandom(KEY_BYTES)


_LEN = struct.Struct(">I")
_TAIL = struct.Struct(">QI")


def _field(value: bytes) -> bytes:
    return _LEN.pack(len(value)) + value


def _ad_prefix(vault_id: str, kind: str) -> bytes:
    return _field(b"safenote-vault") + _field(vault_id.encode()) + _field(kind.encode())


def associated_data(vault_id: str, kind: str, record_id: str, revision: int) -> bytes:
    """Length-prefixed fields, so no choice of ids can make two contexts collide."""
    return (
        _ad_prefix(vault_id, kind)
        + _field(record_id.encode())
        + _TAIL.pack(revision, FORMAT_VERSION)
    )


def _pad(data: bytes, bucket: int) -> bytes:
    # ISO/IEC 7816-4 style: a 0x80 marker then zeros up to the bucket boundary.
    padded_len = (len(data) + 1 + bucket - 1) // bucket * bucket
    return data + _PAD_MARK + bytes(padded_len - len(data) - 1)


def _unpad(data: bytes) -> bytes:
    end = data.rfind(_PAD_MARK)
    if end < 0 or any(data[end + 1 :]):
        raise DecryptError("bad padding")
    return data[:end]


class RecordCipher:
    """Seals and opens record blobs under one DEK. Safe to share between threads."""

    def __init__(self, dek: bytes, vault_id: str) -> None:
        if len(dek) != KEY_BYTES:
            raise ValueError("the data key must be 32 bytes")
        self._aead = AESGCM(dek)
        self._vault_id = vault_id
        self._prefixes: dict[str, bytes] = {}

    def _ad(self, kind: str, record_id: str, revision: int) -> bytes:
        # Same bytes as associated_data(), with the constant part cached: listing thousands
        # of drafts builds one of these per draft.
        prefix = self._prefixes.get(kind)
        if prefix is None:
            prefix = self._prefixes.setdefault(kind, _ad_prefix(self._vault_id, kind))
        rid = record_id.encode()
        return prefix + _LEN.pack(len(rid)) + rid + _TAIL.pack(revision, FORMAT_VERSION)

    def seal(
        self, kind: str, record_id: str, revision: int, plaintext: bytes, bucket: int = 256
    ) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        ad = self._ad(kind, record_id, revision)
        return _BLOB_PREFIX + nonce + self._aead.encrypt(nonce, _pad(plaintext, bucket), ad)

    def open(self, kind: str, record_id: str, revision: int, blob: bytes) -> bytes:
        if len(blob) < 1 + NONCE_BYTES + 16 or blob[:1] != _BLOB_PREFIX:
            raise DecryptError("not a SafeNote record")
        nonce = blob[1 : 1 + NONCE_BYTES]
        ad = self._ad(kind, record_id, revision)
        try:
            padded = self._aead.decrypt(nonce, blob[1 + NONCE_BYTES :], ad)
        except InvalidTag:
            raise DecryptError("authentication failed") from None
        return _unpad(padded)


def wrap_key(kek: bytes, dek: bytes, vault_id: str, slot: str) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    ad = associated_data(vault_id, "key-slot", slot, 0)
    return nonce + AESGCM(kek).encrypt(nonce, dek, ad)


def unwrap_key(kek: bytes, wrapped: bytes, vault_id: str, slot: str) -> bytes:
    ad = associated_data(vault_id, "key-slot", slot, 0)
    try:
        dek = AESGCM(kek).decrypt(wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], ad)
    except (InvalidTag, ValueError):
        raise DecryptError("wrong key") from None
    if len(dek) != KEY_BYTES:
        raise DecryptError("wrong key")
    return dek


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. Stored with the passphrase slot so old vaults keep opening.

    The defaults (64 MiB, 3 passes, 4 lanes) take ~0.2 s here. Tests pass cheaper values
    explicitly; the default is never weakened for them.
    """

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def to_dict(self) -> dict[str, int]:
        return {"m": self.memory_kib, "t": self.iterations, "p": self.lanes}

    @classmethod
    def from_dict(cls, data: dict[str, int]) -> KdfParams:
        return cls(memory_kib=int(data["m"]), iterations=int(data["t"]), lanes=int(data["p"]))


def passphrase_kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase.encode("utf-8"))


def recovery_kek(code_entropy: bytes, salt: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=b"safenote-recovery")
    return hkdf.derive(code_entropy)
