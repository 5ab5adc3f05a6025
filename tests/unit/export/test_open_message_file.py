"""Opening a message file to read it gives the same message as decrypting its bytes.

``open_message_file`` reads the file its own way (a 256 KiB buffered stream into a
preallocated sink for binary files, one sized read for armor); whatever the text, its
header and body must come out exactly as ``decrypt_message`` on the same bytes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyrage import x25519

from safenote.core.export.age_crypto import (
    _read_whole,
    decrypt_message,
    decrypt_path,
    encrypt_message,
    open_message_file,
)
from safenote.core.export.errors import TamperedError
from safenote.core.export.message import Message, encode_message

IDENTITY = x25519.Identity.generate()
RECIPIENT = str(IDENTITY.to_public())
WHEN = dt.datetime(2026, 11, 27, 9, 30, tzinfo=dt.UTC)

# Non-ASCII, CRLF and lone CR, a BOM, empty: what people paste into a message.
_TEXT = st.lists(
    st.sampled_from(["a", "é", "中", "😀", " ", "\n", "\r\n", "\r", "\ufeff", "\t"]),
    max_size=200,
).map("".join) | st.sampled_from(["", "\ufeffstarts with a BOM", "line\r\nline\r\n", "\n\n"])


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=_TEXT, subject=_TEXT, armored=st.booleans(), dated=st.booleans())
def test_open_message_file_matches_decrypting_the_bytes(
    tmp_path: Path, body: str, subject: str, armored: bool, dated: bool
) -> None:
    message = Message(body=body, subject=subject, sender="Sam", date=WHEN if dated else None)
    data = encrypt_message(message, recipients=[RECIPIENT], armored=armored)
    path = tmp_path / "message.age"
    path.write_bytes(data)
    opened = open_message_file(path, identities=[IDENTITY])
    assert opened == decrypt_message(data, identities=[IDENTITY])
    assert decrypt_path(path, identities=[IDENTITY]) == encode_message(message)


@pytest.mark.parametrize("armored", [False, True])
def test_a_long_message_opens_whole(tmp_path: Path, armored: bool) -> None:
    # Several read buffers and pyrage chunks long, with a multi-byte character across them.
    body = ("Thursday felt lighter. é中😀\r\n" * 40_000)[:-2]
    message = Message(body=body, subject="Long", date=WHEN)
    path = tmp_path / "long.age"
    path.write_bytes(encrypt_message(message, recipients=[RECIPIENT], armored=armored))
    opened = open_message_file(path, identities=[IDENTITY])
    assert opened.body == body.replace("\r\n", "\n")
    assert (opened.subject, opened.date) == ("Long", WHEN)


def test_a_damaged_chunk_in_a_long_file_is_tampering(tmp_path: Path) -> None:
    # Binary, so the streaming path runs and the flipped bit is in the ciphertext itself.
    message = Message(body="x" * 500_000)
    data = bytearray(encrypt_message(message, recipients=[RECIPIENT], armored=False))
    data[-100_000] ^= 1
    path = tmp_path / "damaged.age"
    path.write_bytes(bytes(data))
    with pytest.raises(TamperedError):
        open_message_file(path, identities=[IDENTITY])


def test_read_whole_reads_a_file_that_grew_after_it_was_opened(tmp_path: Path) -> None:
    path = tmp_path / "growing"
    path.write_bytes(b"a" * 1000)
    with path.open("rb", buffering=256) as handle:
        handle.read(10)
        with path.open("ab") as appender:
            appender.write(b"b" * 500)
        assert _read_whole(handle) == b"a" * 1000 + b"b" * 500
