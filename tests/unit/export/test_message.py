"""The payload format: a small header, a blank line, the message."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from safenote.core.export.message import Message, decode_message, encode_message

WHEN = dt.datetime(2026, 11, 27, 9, 30, tzinfo=dt.UTC)


def test_the_format_is_readable_text() -> None:
    payload = encode_message(Message(body="Hello.\n", subject="Hi", sender="Sam", date=WHEN))
    assert payload == (
        b"SafeNote-Message: 1\nSubject: Hi\nFrom: Sam\nDate: 2026-11-27T09:30:00+00:00\n\nHello.\n"
    )


def test_line_breaks_in_header_values_become_spaces() -> None:
    payload = encode_message(Message(body="x", subject="a\nFrom: Mallory", date=None))
    assert decode_message(payload) == Message(body="x", subject="a From: Mallory", date=None)


def test_a_plain_payload_from_another_tool_is_all_body() -> None:
    assert decode_message(b"just text\n\nmore") == Message(body="just text\n\nmore", date=None)


def test_crlf_bodies_are_normalised() -> None:
    decoded = decode_message(encode_message(Message(body="a\r\nb\rc", date=None)))
    assert decoded.body == "a\nb\nc"


single_line = st.text(st.characters(blacklist_categories=["Cs", "Cc", "Zl", "Zp"])).map(
    lambda s: " ".join(s.split())
)


@given(
    body=st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\r")),
    subject=single_line,
    sender=single_line,
)
def test_round_trip(body: str, subject: str, sender: str) -> None:
    message = Message(body=body, subject=subject, sender=sender, date=WHEN)
    assert decode_message(encode_message(message)) == message


def test_a_marker_without_a_blank_line_keeps_everything_as_body() -> None:
    payload = b"SafeNote-Message: 1\nSubject: cut"
    assert decode_message(payload) == Message(body=payload.decode(), date=None)


def test_invalid_utf8_is_replaced_not_fatal() -> None:
    decoded = decode_message(b"SafeNote-Message: 1\nSubject: a\n\nbad \xff byte")
    assert decoded.subject == "a"
    assert decoded.body == "bad \ufffd byte"
