"""A text file's bytes as a message body: the same payload as decoding and re-encoding it."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safenote.core.export.message import Message, encode_message_parts
from safenote.core.export.text_bytes import is_blank_text, utf8_text_body


def via_str(data: bytes) -> bytes:
    """The body the ``str`` route gives: decode as ``read_text_arg`` does, then encode."""
    return encode_message_parts(Message(body=data.decode("utf-8-sig")))[1]


line_endings = st.sampled_from(["\n", "\r\n", "\r", "\r\r\n", "\n\r"])
texts = st.lists(st.one_of(st.text(st.characters(blacklist_categories=["Cs"])), line_endings)).map(
    "".join
)


@given(text=texts, bom=st.booleans())
def test_same_body_as_the_str_route(text: str, bom: bool) -> None:
    data = (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")
    assert utf8_text_body(data) == via_str(data)


def test_plain_text_is_not_copied() -> None:
    data = "Hi Dr Lee,\n\nThis week felt lighter. Café.\n".encode()
    assert utf8_text_body(data) is data


def test_a_bom_and_windows_line_endings_are_dropped() -> None:
    data = codecs.BOM_UTF8 + "Line one\r\nLine two — ok\rEnd".encode()
    assert utf8_text_body(data) == "Line one\nLine two — ok\nEnd".encode()


@pytest.mark.parametrize(
    "data",
    [
        b"bad \xff byte",
        b"cut \xe2\x80",
        b"\xef\xbb\xbfafter a BOM \xc3(",
        b"\xed\xa0\x80 surrogate",
    ],
)
def test_not_utf8_is_refused_at_the_same_offset(data: bytes) -> None:
    with pytest.raises(UnicodeDecodeError) as ours:
        utf8_text_body(data)
    with pytest.raises(UnicodeDecodeError) as theirs:
        data.decode("utf-8-sig")
    assert ours.value.start == theirs.value.start


# Whitespace as str.strip() sees it, ASCII and not, plus the odd letter.
spaces = st.sampled_from([" ", "\t", "\n", "\x0b", "\x1c", "\x85", "\xa0", "\u2003", "\u3000"])
mostly_blank = st.lists(st.one_of(spaces, st.characters(blacklist_categories=["Cs"]))).map("".join)


@given(text=st.one_of(st.lists(spaces).map("".join), mostly_blank))
def test_blank_exactly_as_str_strip_says(text: str) -> None:
    assert is_blank_text(text.encode()) is (not text.strip())


@pytest.mark.parametrize("space", [" ", "\u3000", "\xa0\n"])
@pytest.mark.parametrize("run", [1, 63, 4095, 4096, 9000])
def test_long_runs_of_spaces_across_windows(space: str, run: int) -> None:
    blank = space * run
    assert is_blank_text(blank.encode())
    assert not is_blank_text((blank + "x").encode())
    assert not is_blank_text((blank + "é" + blank).encode())
