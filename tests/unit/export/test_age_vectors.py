"""Every X25519, scrypt and armor conformance vector gives its expected outcome."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pyrage import x25519

from safenote.core.export.age_crypto import decrypt, decrypt_path
from safenote.core.export.errors import (
    ExportError,
    NeedsKeyError,
    WrongKeyError,
    WrongPassphraseError,
)
from tests.unit.export.vectors import Vector, all_vectors

VECTORS = all_vectors()
RUNNABLE = [v for v in VECTORS if v.skip_reason is None]
SKIPPED = [v for v in VECTORS if v.skip_reason is not None]


def test_the_vector_set_is_complete() -> None:
    # 143 vectors in the copied set; the 19 hybrid (post-quantum) ones are skipped.
    assert len(VECTORS) == 143
    assert len(RUNNABLE) == 124
    assert {v.skip_reason for v in SKIPPED} == {"post-quantum (hybrid) identity"}
    assert all(v.name.startswith(("hybrid", "armor_hybrid")) for v in SKIPPED)


def _open(vector: Vector, via_file: Path | None) -> bytes | bytearray:
    identities = [x25519.Identity.from_str(i) for i in vector.identities]
    passphrase = vector.passphrases[0] if vector.passphrases else None
    if via_file is None:
        return decrypt(vector.body, identities=identities, passphrase=passphrase)
    via_file.write_bytes(vector.body)
    return decrypt_path(via_file, identities=identities, passphrase=passphrase)


@pytest.mark.parametrize("from_file", [False, True], ids=["bytes", "file"])
@pytest.mark.parametrize("vector", RUNNABLE, ids=lambda v: v.name)
def test_vector(vector: Vector, from_file: bool, tmp_path: Path) -> None:
    # Both entry points: decrypt() on bytes, and decrypt_path() which streams binary files.
    via_file = tmp_path / "vector.age" if from_file else None
    if vector.expect == "success":
        assert hashlib.sha256(_open(vector, via_file)).hexdigest() == vector.payload_sha256
        return
    with pytest.raises(ExportError) as caught:
        _open(vector, via_file)
    if vector.expect == "no match":
        # "No match" is reported as a wrong secret, never as damage.
        assert isinstance(caught.value, WrongKeyError | WrongPassphraseError | NeedsKeyError)
    else:
        assert not isinstance(caught.value, WrongKeyError | WrongPassphraseError)
