"""Strict decoding of age's ASCII armor (PEM-like, "AGE ENCRYPTED FILE").

SafeNote removes the armor itself rather than letting the decrypter do it, because the header
guard (``age_header``) has to look at the binary header before any decryption starts. The
rules follow the age spec and its conformance vectors: whitespace is allowed only around the
armor, lines end in LF or CRLF, every line but the last holds exactly 64 base64 characters,
the last holds 1 to 64, padding only at the very end, and the base64 must be canonical.
"""

from __future__ import annotations

import binascii
import re

from safenote.core.export.errors import MalformedError, TruncatedError

BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
END = b"-----END AGE ENCRYPTED FILE-----"
_LINE = 64
# Whole-body check in one regex pass: a Python loop over a 10 MB file's lines is too slow.
_BODY = re.compile(rb"(?:[A-Za-z0-9+/]{64}\r?\n)*[A-Za-z0-9+/]+={0,2}\r?\n")
_WHITESPACE = b" \t\r\n"


def looks_armored(data: bytes) -> bool:
    """True when ``data`` starts (after optional whitespace) with the armor's BEGIN line."""
    return data.lstrip(_WHITESPACE).startswith(BEGIN)


def dearmor(data: bytes) -> bytes:
    """Return the binary age file inside ``data``; raise a clear error if the armor is bad."""
    text = data.strip(_WHITESPACE)
    if not text.startswith(BEGIN):
        raise MalformedError("the text armor does not start with the BEGIN line")
    rest = text[len(BEGIN) :]
    if rest.startswith(b"\r\n"):
        rest = rest[2:]
    elif rest.startswith(b"\n"):
        rest = rest[1:]
    else:
        raise MalformedError("the BEGIN line of the text armor is wrong")
    end_at = rest.rfind(END)
    if end_at < 0:
        raise TruncatedError()
    if rest[end_at + len(END) :]:
        raise MalformedError("there is text after the END line of the armor")
    body = rest[:end_at]
    if not _BODY.fullmatch(body):
        raise MalformedError("the lines inside the text armor are not well formed")
    encoded = body.replace(b"\r\n", b"").replace(b"\n", b"")
    last_line = body.rstrip(b"\r\n").rsplit(b"\n", 1)[-1].rstrip(b"\r")
    if not 0 < len(last_line) <= _LINE:
        raise MalformedError("the last line inside the text armor is empty or too long")
    if len(encoded) % 4:
        raise MalformedError("the text armor is missing its base64 padding")
    try:
        decoded = binascii.a2b_base64(encoded, strict_mode=True)
    except binascii.Error:
        raise MalformedError("the text armor is not valid base64") from None
    # strict_mode does not reject non-zero spare bits; re-encoding the last group does.
    if (
        encoded
        and binascii.b2a_base64(decoded[-(len(decoded) % 3 or 3) :], newline=False)
        != (encoded[-4:])
    ):
        raise MalformedError("the text armor's base64 is not canonical")
    return decoded
