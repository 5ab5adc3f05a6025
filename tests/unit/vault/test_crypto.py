from __future__ import annotations

import pytest

from safenote.core.vault import crypto

DEK = bytes(range(32))


def make_cipher(vault_id: str = "v1") -> crypto.RecordCipher:
    return crypto.RecordCipher(DEK, vault_id)


def test_round_trip() -> None:
    cipher = make_cipher()
    blob = cipher.seal("draft", "d1", 3, "héllo wörld".encode())
    assert cipher.open("draft", "d1", 3, blob) == "héllo wörld".encode()


def test_fresh_nonce_every_seal() -> None:
    cipher = make_cipher()
    assert cipher.seal("draft", "d1", 1, b"same") != cipher.seal("draft", "d1", 1, b"same")


@pytest.mark.parametrize(
    ("vault_id", "kind", "record_id", "revision"),
    [
        ("v2", "draft", "d1", 3),  # another vault
        ("v1", "contact", "d1", 3),  # another kind
        ("v1", "draft", "d2", 3),  # another record
        ("v1", "draft", "d1", 2),  # an older revision
    ],
)
def test_blob_only_opens_in_its_own_context(
    vault_id: str, kind: str, record_id: str, revision: int
) -> None:
    blob = make_cipher().seal("draft", "d1", 3, b"secret")
    with pytest.raises(crypto.DecryptError):
        make_cipher(vault_id).open(kind, record_id, revision, blob)


@pytest.mark.parametrize("position", [0, 1, 12, 20, -1])
def test_any_flipped_byte_is_caught(position: int) -> None:
    cipher = make_cipher()
    blob = bytearray(cipher.seal("draft", "d1", 1, b"some text here"))
    blob[position] ^= 0x01
    with pytest.raises(crypto.DecryptError):
        cipher.open("draft", "d1", 1, bytes(blob))


def test_associated_data_fields_cannot_run_together() -> None:
    assert crypto.associated_data("v", "ab", "c", 1) != crypto.associated_data("v", "a", "bc", 1)


def test_padding_hides_length_within_a_bucket() -> None:
    cipher = make_cipher()
    short = cipher.seal("draft", "d1", 1, b"hi")
    longer = cipher.seal("draft", "d1", 1, b"x" * 200)
    assert len(short) == len(longer)
    assert cipher.open("draft", "d1", 1, longer) == b"x" * 200
    assert cipher.open("draft", "d1", 1, cipher.seal("draft", "d1", 1, b"")) == b""


def test_key_wrap_needs_the_right_kek_and_slot() -> None:
    kek = crypto.random_key()
    wrapped = crypto.wrap_key(kek, DEK, "v1", "keyring")
    assert crypto.unwrap_key(kek, wrapped, "v1", "keyring") == DEK
    with pytest.raises(crypto.DecryptError):
        crypto.unwrap_key(crypto.random_key(), wrapped, "v1", "keyring")
    with pytest.raises(crypto.DecryptError):
        crypto.unwrap_key(kek, wrapped, "v1", "recovery")


def test_default_passphrase_cost_is_not_weakened() -> None:
    params = crypto.KdfParams()
    assert params.memory_kib >= 64 * 1024
    assert params.iterations >= 3
    assert crypto.KdfParams.from_dict(params.to_dict()) == params


def test_passphrase_kek_depends_on_passphrase_and_salt() -> None:
    cheap = crypto.KdfParams(memory_kib=8, iterations=1, lanes=1)
    base = crypto.passphrase_kek("correct horse", b"s" * 16, cheap)
    assert base == crypto.passphrase_kek("correct horse", b"s" * 16, cheap)
    assert base != crypto.passphrase_kek("correct horsE", b"s" * 16, cheap)
    assert base != crypto.passphrase_kek("correct horse", b"t" * 16, cheap)


def test_cached_associated_data_matches_the_definition() -> None:
    cipher = make_cipher("vault-x")
    for kind, rid, rev in [("draft", "abc", 0), ("draft-summary", "é", 7), ("draft", "", 2**40)]:
        assert cipher._ad(kind, rid, rev) == crypto.associated_data("vault-x", kind, rid, rev)
