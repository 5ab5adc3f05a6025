"""Recovery codes: 136 random bits plus a 24-bit checksum, in Crockford base32.

The code is 32 characters shown as eight groups of four (``7KQ2-...``). Crockford's alphabet
has no I, L, O or U, and reading accepts lower case, ``I``/``L`` for 1 and ``O`` for 0, and
ignores spaces and dashes, so what people copy by hand still parses. The checksum (truncated
SHA-256 of the entropy) catches a typo before any key derivation or decryption is tried.
"""

from __future__ import annotations

import os

from safenote.core.vault.errors import RecoveryCodeTypoError

ENTROPY_BYTES = 17  # 136 bits
_CHECK_BYTES = 3
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECODE = {ch: i for i, ch in enumerate(_ALPHABET)}
_DECODE.update({"I": 1, "L": 1, "O": 0})
_CODE_CHARS = (ENTROPY_BYTES + _CHECK_BYTES) * 8 // 5  # 32
_GROUP = 4

_TYPO_MESSAGE = (
    "That recovery code doesn't look right — there may be a typo. "
    "Check it against the copy you saved (it has 32 letters and digits in groups of 4) "
    "and try again."
)


def _checksum(entropy: bytes) -> bytes:
    # hashlib (and hmac below) load only when a code is made or typed: an ordinary start
    # never needs them, and loading OpenSSL's hashing module costs ~4 ms.
    import hashlib

    return hashlib.sha256(b"safenote-recovery-check" + entropy).digest()[:_CHECK_BYTES]


def new_recovery_entropy() -> bytes:
    return os.urandom(ENTROPY_BYTES)


def format_code(entropy: bytes) -> str:
    """Entropy -> ``XXXX-XXXX-...`` (eight groups of four)."""
    value = int.from_bytes(entropy + _checksum(entropy), "big")
    chars = [_ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(_CODE_CHARS))]
    text = "".join(chars)
    return "-".join(text[i : i + _GROUP] for i in range(0, _CODE_CHARS, _GROUP))


def parse_code(text: str) -> bytes:
    """A typed code -> its entropy; :class:`RecoveryCodeTypoError` if malformed or mistyped."""
    cleaned = "".join(ch for ch in text.upper() if not ch.isspace() and ch != "-")
    if len(cleaned) != _CODE_CHARS or any(ch not in _DECODE for ch in cleaned):
        raise RecoveryCodeTypoError(_TYPO_MESSAGE)
    value = 0
    for ch in cleaned:
        value = (value << 5) | _DECODE[ch]
    raw = value.to_bytes(ENTROPY_BYTES + _CHECK_BYTES, "big")
    entropy, check = raw[:ENTROPY_BYTES], raw[ENTROPY_BYTES:]
    import hmac

    if not hmac.compare_digest(check, _checksum(entropy)):
        raise RecoveryCodeTypoError(_TYPO_MESSAGE)
    return entropy
