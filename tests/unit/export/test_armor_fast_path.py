"""The armor check's one-pass fast path says exactly what the step-by-step checks said.

``check_armor`` now proves a well-formed armor with one ``translate`` pass and only runs the
step-by-step checks (which name what is wrong) when that fails. The oracle below is the
check as it was before that change, kept verbatim, so every armor, good or damaged, must
get the same result or the same error message from both.
"""

from __future__ import annotations

import binascii

from hypothesis import given
from hypothesis import strategies as st

# The two private helpers are unchanged by the fast path, so the oracle may share them.
from safenote.core.export.armor import (
    _BASE64,
    _LINE,
    BEGIN,
    END,
    _check_canonical_end,
    _check_lines,
    check_armor,
)
from safenote.core.export.errors import ExportError, MalformedError, TruncatedError

_WHITESPACE = b" \t\r\n"
HEAD_BYTES = 200


def reference_check_armor(data: bytes, head_bytes: int) -> tuple[bytes, bytes, bool]:
    """The armor check as it was before the one-pass fast path (27 Nov 2026)."""
    text = data.strip(_WHITESPACE)
    if not text.startswith(BEGIN):
        raise MalformedError("the text armor does not start with the BEGIN line")
    crlf = text.startswith(b"\r\n", len(BEGIN))
    if not crlf and not text.startswith(b"\n", len(BEGIN)):
        raise MalformedError("the BEGIN line of the text armor is wrong")
    end_at = text.rfind(END)
    if end_at < 0:
        raise TruncatedError()
    if end_at + len(END) != len(text):
        raise MalformedError("there is text after the END line of the armor")
    body = text[len(BEGIN) + (2 if crlf else 1) : end_at]
    if b"\r" in body:
        body = body.replace(b"\r\n", b"\n")
        if b"\r" in body:
            raise MalformedError("the text armor has a stray carriage return")
    _check_lines(body)
    if body.translate(None, _BASE64 + b"=\n"):
        raise MalformedError("the text armor contains characters outside base64")
    padding_at = body.find(b"=")
    if padding_at >= 0 and body[padding_at:] not in (b"=\n", b"==\n"):
        raise MalformedError("the text armor has padding in the wrong place")
    if (len(body) - body.count(b"\n")) % 4:
        raise MalformedError("the text armor is missing its base64 padding")
    _check_canonical_end(body)
    lines_needed = head_bytes // 48 + 1
    head_end = min(len(body), lines_needed * (_LINE + 1))
    head = binascii.a2b_base64(body[:head_end])
    return text, head, head_end == len(body)


def _outcome_now(data: bytes) -> object:
    try:
        armored = check_armor(data, HEAD_BYTES)
    except ExportError as err:
        return (type(err), str(err))
    return (armored.text, armored.head, armored.head_is_whole_file)


def _outcome_before(data: bytes) -> object:
    try:
        return reference_check_armor(data, HEAD_BYTES)
    except ExportError as err:
        return (type(err), str(err))


def armor(payload: bytes, *, crlf: bool = False) -> bytes:
    """``payload`` armored as age writes it (64 columns, padding at the end)."""
    encoded = binascii.b2a_base64(payload, newline=False)
    lines = [encoded[i : i + _LINE] for i in range(0, len(encoded), _LINE)]
    eol = b"\r\n" if crlf else b"\n"
    return eol.join([BEGIN, *lines, END]) + eol


# Bytes that matter to the checks: newlines, padding, whitespace, base64 and not.
_MUTANTS = st.sampled_from(
    [b"\n", b"\r", b"\r\n", b"=", b"==", b" ", b"\t", b"A", b"/", b"-", b"*"]
)


@st.composite
def damaged_armor(draw: st.DrawFn) -> bytes:
    payload = draw(st.binary(max_size=700))
    data = bytearray(armor(payload, crlf=draw(st.booleans())))
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        at = draw(st.integers(min_value=0, max_value=len(data)))
        action = draw(st.sampled_from(["insert", "replace", "delete", "swap"]))
        if action == "swap":
            # Moves a newline by one: line widths change while every count stays the same.
            data[at : at + 2] = data[at : at + 2][::-1]
        elif action == "delete":
            del data[at : at + draw(st.integers(min_value=1, max_value=3))]
        else:
            mutant = draw(_MUTANTS)
            data[at : at + (len(mutant) if action == "replace" else 0)] = mutant
    return bytes(data)


@given(payload=st.binary(min_size=1, max_size=2000), crlf=st.booleans(), outside=st.booleans())
def test_well_formed_armor_is_accepted_as_before(payload: bytes, crlf: bool, outside: bool) -> None:
    data = armor(payload, crlf=crlf)
    if outside:
        data = b" \n" + data + b"\t\n"
    assert _outcome_now(data) == _outcome_before(data)
    head = check_armor(data, HEAD_BYTES).head
    assert payload.startswith(head)
    assert len(head) >= min(len(payload), HEAD_BYTES)


@given(damaged_armor())
def test_damaged_armor_gets_the_same_result_and_message_as_before(data: bytes) -> None:
    assert _outcome_now(data) == _outcome_before(data)


def test_padding_in_an_earlier_line_is_still_refused() -> None:
    # A full line ending in "=" before the last line: after the translate pass the "="
    # sits among the newlines, which the fast path must not take for the final padding.
    lines = armor(bytes(range(120))).split(b"\n")
    lines[1] = lines[1][:-1] + b"="
    data = b"\n".join(lines)
    wrong_place = MalformedError("the text armor has padding in the wrong place")
    assert _outcome_before(data) == (MalformedError, str(wrong_place))
    assert _outcome_now(data) == _outcome_before(data)


def test_a_blank_line_inside_is_still_refused() -> None:
    lines = armor(bytes(range(200))).split(b"\n")
    data = b"\n".join([*lines[:2], b"", *lines[2:]])
    assert _outcome_now(data) == _outcome_before(data)
    assert _outcome_now(data)[0] is MalformedError  # type: ignore[index]


def test_a_stray_character_far_into_a_long_armor_is_still_refused() -> None:
    data = bytearray(armor(bytes(30_000)))
    data[len(data) // 2] = ord("*")
    assert _outcome_now(bytes(data)) == _outcome_before(bytes(data))
    assert _outcome_now(bytes(data))[0] is MalformedError  # type: ignore[index]


def test_a_newline_moved_by_one_is_still_refused() -> None:
    # Same number of newlines and characters, but one line of 63 and one of 65 columns.
    data = bytearray(armor(bytes(300)))
    first = data.index(b"\n", len(BEGIN) + 1)
    data[first - 1 : first + 1] = data[first - 1 : first + 1][::-1]
    assert _outcome_now(bytes(data)) == _outcome_before(bytes(data))
    assert _outcome_now(bytes(data))[0] is MalformedError  # type: ignore[index]
