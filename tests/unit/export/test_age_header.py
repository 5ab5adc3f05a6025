"""The header guard: limits on size and stanza count, and the spec rules it enforces."""

from __future__ import annotations

import pytest

from safenote.core.export.age_header import MAX_STANZAS, parse_header
from safenote.core.export.armor import check_armor, looks_armored
from safenote.core.export.errors import (
    HostileFileError,
    MalformedError,
    NotAgeFileError,
    TruncatedError,
    UnsupportedVersionError,
)

VERSION = b"age-encryption.org/v1\n"
MAC = b"--- " + b"M" * 43 + b"\n"
PAYLOAD = b"\0" * 48


def stanza(kind: bytes = b"X25519", arg: bytes = b"A" * 43) -> bytes:
    return b"-> " + kind + b" " + arg + b"\n" + b"B" * 43 + b"\n"


def test_a_plain_header_parses() -> None:
    data = VERSION + stanza() + stanza(b"grease-kind", b"x") + MAC + PAYLOAD
    header = parse_header(data)
    assert [s.kind for s in header.stanzas] == ["X25519", "grease-kind"]
    assert data[header.payload_offset :] == PAYLOAD
    assert not header.is_passphrase


def test_stanza_count_is_capped() -> None:
    assert len(parse_header(VERSION + stanza() * MAX_STANZAS + MAC + PAYLOAD).stanzas) == 64
    with pytest.raises(HostileFileError, match="more than 64 recipients"):
        parse_header(VERSION + stanza() * (MAX_STANZAS + 1) + MAC + PAYLOAD)


def test_two_thousand_stanzas_are_refused() -> None:
    with pytest.raises(HostileFileError):
        parse_header(VERSION + stanza() * 2000 + MAC + PAYLOAD)


def test_header_size_is_capped_even_with_few_stanzas() -> None:
    huge_body = b"-> X25519 " + b"A" * 43 + b"\n" + (b"B" * 64 + b"\n") * 2000 + b"\n"
    with pytest.raises(HostileFileError, match="larger than 64 KiB"):
        parse_header(VERSION + huge_body + MAC + PAYLOAD)


def test_one_huge_line_is_refused_without_reading_it_all() -> None:
    with pytest.raises(HostileFileError):
        parse_header(VERSION + b"-> X25519 " + b"A" * 10_000_000)


def test_scrypt_work_factor_cap() -> None:
    scrypt = stanza(b"scrypt", b"c2FsdHNhbHRzYWx0c2FsdA 22")
    assert parse_header(VERSION + scrypt + MAC + PAYLOAD).is_passphrase
    with pytest.raises(HostileFileError):
        parse_header(VERSION + stanza(b"scrypt", b"c2FsdHNhbHRzYWx0c2FsdA 23") + MAC + PAYLOAD)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", NotAgeFileError),
        (b"hello", NotAgeFileError),
        (b"age-encryption.org/v2\n", UnsupportedVersionError),
        (b"age-encryption.org/v1\r\n", MalformedError),
        (b"age-encr", TruncatedError),
        (VERSION + b"-> X25519 AAAA\n", TruncatedError),
        (VERSION + stanza() + MAC, TruncatedError),
        (VERSION + b"-> X25519 AAAA\n" + MAC + PAYLOAD, MalformedError),
        (VERSION + MAC + PAYLOAD, MalformedError),
        (VERSION + stanza() + b"--- short\n" + PAYLOAD, MalformedError),
        (VERSION + b"hello\n" + MAC + PAYLOAD, MalformedError),
    ],
    ids=[
        "empty",
        "text",
        "newer-version",
        "crlf",
        "cut-in-version",
        "cut-in-stanza",
        "no-payload",
        "missing-final-body-line",
        "no-stanza",
        "bad-mac",
        "stray-line",
    ],
)
def test_specific_errors(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        parse_header(data)


def test_dearmor_round_trip_and_outer_whitespace() -> None:
    binary = VERSION + stanza() + MAC + PAYLOAD
    import base64

    encoded = base64.b64encode(binary)
    lines = [encoded[i : i + 64] for i in range(0, len(encoded), 64)]
    armored = (
        b"\n  \t-----BEGIN AGE ENCRYPTED FILE-----\r\n"
        + b"\r\n".join(lines)
        + b"\r\n-----END AGE ENCRYPTED FILE-----\n\n"
    )
    assert looks_armored(armored)
    checked = check_armor(armored, head_bytes=1024)
    assert checked.head == binary
    assert checked.head_is_whole_file
    assert checked.text == armored.strip()
    with pytest.raises(TruncatedError):
        check_armor(armored[: len(armored) // 2], head_bytes=1024)
    with pytest.raises(MalformedError):
        check_armor(armored.replace(b"-----END", b"junk\n-----END"), head_bytes=1024)


def test_only_the_head_of_a_large_armored_file_is_decoded() -> None:
    import base64

    binary = VERSION + stanza() + MAC + bytes(range(256)) * 4000
    encoded = base64.b64encode(binary)
    lines = [encoded[i : i + 64] for i in range(0, len(encoded), 64)]
    armored = b"-----BEGIN AGE ENCRYPTED FILE-----\n" + b"\n".join(lines)
    checked = check_armor(armored + b"\n-----END AGE ENCRYPTED FILE-----\n", head_bytes=4096)
    assert not checked.head_is_whole_file
    assert 4096 <= len(checked.head) < len(binary)
    assert binary.startswith(checked.head)
    header = parse_header(checked.head, complete=False)
    assert [s.kind for s in header.stanzas] == ["X25519"]


def test_dearmor_refuses_a_line_split_inside_a_full_width_line() -> None:
    import base64

    encoded = base64.b64encode(VERSION + stanza() * 3 + MAC + PAYLOAD)
    lines = [encoded[i : i + 64] for i in range(0, len(encoded), 64)]
    lines[0] = lines[0][:30] + b"\n" + lines[0][31:]  # still 64 bytes with the newline
    armored = b"-----BEGIN AGE ENCRYPTED FILE-----\n" + b"\n".join(lines)
    with pytest.raises(MalformedError):
        check_armor(armored + b"\n-----END AGE ENCRYPTED FILE-----\n", head_bytes=1024)
