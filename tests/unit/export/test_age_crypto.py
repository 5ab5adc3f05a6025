"""Encrypting to keys and passphrases, and each failure's own clear error."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519

from safenote.core.export.age_crypto import (
    decrypt,
    decrypt_file_to,
    decrypt_message,
    encrypt_message,
    encrypt_to_recipients,
)
from safenote.core.export.armor import looks_armored
from safenote.core.export.errors import (
    BadRecipientError,
    ExportError,
    NeedsKeyError,
    NeedsPassphraseError,
    NotAgeFileError,
    TamperedError,
    TruncatedError,
    WrongKeyError,
    WrongPassphraseError,
)
from safenote.core.export.message import Message
from tests.unit.export.vectors import VECTOR_DIR, load_vector

WHEN = dt.datetime(2026, 11, 27, 9, 30, tzinfo=dt.UTC)
MESSAGE = Message(
    body="Hi Dr Lee,\n\nThis week felt lighter. Thank you.\n",
    subject="Thursday",
    sender="Sam",
    date=WHEN,
)


@pytest.fixture
def therapist() -> x25519.Identity:
    return x25519.Identity.generate()


def _encrypted(identity: x25519.Identity, *, armored: bool = False) -> bytes:
    return encrypt_message(MESSAGE, recipients=[str(identity.to_public())], armored=armored)


@pytest.mark.parametrize("armored", [True, False])
def test_round_trip_to_a_key(therapist: x25519.Identity, armored: bool) -> None:
    data = _encrypted(therapist, armored=armored)
    assert looks_armored(data) is armored
    assert decrypt_message(data, identities=[therapist]) == MESSAGE


def test_armored_output_is_email_safe_text(therapist: x25519.Identity) -> None:
    text = _encrypted(therapist, armored=True).decode("ascii")
    lines = text.splitlines()
    assert lines[0] == "-----BEGIN AGE ENCRYPTED FILE-----"
    assert lines[-1] == "-----END AGE ENCRYPTED FILE-----"
    assert all(len(line) <= 64 for line in lines[1:-1])


def test_every_one_of_several_recipients_can_open_it() -> None:
    people = [x25519.Identity.generate() for _ in range(3)]
    data = encrypt_to_recipients(b"shared", [str(p.to_public()) for p in people])
    for person in people:
        assert decrypt(data, identities=[person]) == b"shared"


def test_bad_recipient_is_named_plainly() -> None:
    with pytest.raises(BadRecipientError, match="not an age public key"):
        encrypt_to_recipients(b"x", ["age1notakey"])
    with pytest.raises(ExportError, match="at least one recipient"):
        encrypt_to_recipients(b"x", [])


def test_keys_and_passphrase_are_exclusive(therapist: x25519.Identity) -> None:
    with pytest.raises(ExportError, match="one of the two"):
        encrypt_message(MESSAGE, recipients=[str(therapist.to_public())], passphrase="pw")
    with pytest.raises(ExportError, match="one of the two"):
        encrypt_message(MESSAGE)


def test_wrong_key(therapist: x25519.Identity) -> None:
    with pytest.raises(WrongKeyError):
        decrypt(_encrypted(therapist), identities=[x25519.Identity.generate()])


def test_truncated_file(therapist: x25519.Identity) -> None:
    data = _encrypted(therapist)
    payload_at = data.index(b"\n--- ") + 48
    for cut in (10, len(data) // 3, payload_at + 20):
        with pytest.raises(TruncatedError):
            decrypt(data[:cut], identities=[therapist])


def test_cut_inside_the_payload_is_reported_as_damage(therapist: x25519.Identity) -> None:
    # Cryptographically a shortened last chunk is indistinguishable from a changed one; the
    # message says both, and nothing is released either way.
    data = _encrypted(therapist)
    with pytest.raises(TamperedError, match="cut short"):
        decrypt(data[:-7], identities=[therapist])


def test_truncated_armored_file(therapist: x25519.Identity) -> None:
    data = _encrypted(therapist, armored=True)
    with pytest.raises(TruncatedError):
        decrypt(data[: len(data) - 60], identities=[therapist])


def test_flipped_byte_in_payload_or_header_mac(therapist: x25519.Identity) -> None:
    data = _encrypted(therapist)
    mac_at = data.index(b"\n--- ") + 10
    payload_at = len(data) - 5
    for position in (payload_at, mac_at):
        damaged = bytearray(data)
        if position == mac_at:
            # The MAC is base64: swap in another base64 letter (flipping a bit could make a
            # character outside the alphabet, which is "malformed", not "tampered").
            damaged[position] = ord("B") if damaged[position] == ord("A") else ord("A")
        else:
            damaged[position] ^= 0x01
        with pytest.raises(TamperedError):
            decrypt(bytes(damaged), identities=[therapist])


def test_not_an_age_file(therapist: x25519.Identity) -> None:
    for data in (b"", b"Dear Dr Lee, here is my note", b"%PDF-1.7\n"):
        with pytest.raises(NotAgeFileError):
            decrypt(data, identities=[therapist])


def test_passphrase_file_errors_use_a_fast_vector() -> None:
    # The conformance vector uses a low work factor, so these checks take milliseconds.
    vector = load_vector(VECTOR_DIR / "scrypt")
    with pytest.raises(WrongPassphraseError):
        decrypt(vector.body, passphrase="not it")
    with pytest.raises(NeedsPassphraseError):
        decrypt(vector.body, identities=[x25519.Identity.generate()])


def test_key_file_opened_with_a_passphrase(therapist: x25519.Identity) -> None:
    with pytest.raises(NeedsKeyError):
        decrypt(_encrypted(therapist), passphrase="pw")


def test_each_failure_has_its_own_message(therapist: x25519.Identity) -> None:
    messages = {
        str(cls())
        for cls in (
            WrongKeyError,
            WrongPassphraseError,
            TruncatedError,
            TamperedError,
            NotAgeFileError,
            NeedsKeyError,
            NeedsPassphraseError,
        )
    }
    assert len(messages) == 7
    assert all(m.endswith(".") and len(m) < 300 for m in messages)


@pytest.mark.slow
def test_passphrase_round_trip() -> None:
    # rage calibrates scrypt to about a second on purpose, so this test is slow. A wrong
    # passphrase is checked on a fast conformance vector above.
    data = encrypt_message(MESSAGE, passphrase="correct horse battery", armored=True)
    assert decrypt_message(data, passphrase="correct horse battery") == MESSAGE


def test_decrypt_to_file_is_private(therapist: x25519.Identity, tmp_path: Path) -> None:
    source = tmp_path / "note.age"
    source.write_bytes(_encrypted(therapist))
    target = tmp_path / "note.txt"
    decrypt_file_to(source, target, identities=[therapist])
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes().endswith(MESSAGE.body.encode())


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) - 7],
        lambda data: data[:-1] + bytes([data[-1] ^ 0x80]),
        lambda data: b"not age at all",
    ],
    ids=["truncated", "flipped", "not-age"],
)
def test_failed_decrypt_leaves_no_output_file(
    therapist: x25519.Identity, tmp_path: Path, damage: object
) -> None:
    assert callable(damage)
    tmp_path = tmp_path / "exports"
    tmp_path.mkdir()
    source = tmp_path / "note.age"
    source.write_bytes(damage(_encrypted(therapist)))
    with pytest.raises(ExportError):
        decrypt_file_to(source, tmp_path / "note.txt", identities=[therapist])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["note.age"]


def test_the_guard_refuses_before_the_decrypter_runs(
    therapist: x25519.Identity, monkeypatch: pytest.MonkeyPatch
) -> None:
    stanza = b"-> X25519 " + b"A" * 43 + b"\n" + b"B" * 43 + b"\n"
    hostile = b"age-encryption.org/v1\n" + stanza * 2000 + b"--- " + b"C" * 43 + b"\n" + b"\0" * 64

    def must_not_run(*args: object) -> bytes:
        raise AssertionError("pyrage was called on a hostile header")

    monkeypatch.setattr(pyrage, "decrypt", must_not_run)
    with pytest.raises(ExportError, match="more than 64 recipients"):
        decrypt(hostile, identities=[therapist])
