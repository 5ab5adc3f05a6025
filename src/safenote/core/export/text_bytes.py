"""A text file's bytes as a message body, without decoding it to ``str`` and encoding it back.

``safenote encrypt FILE`` only needs the message as UTF-8 bytes, which is what the file
already holds. Decoding 10 MB into a ``str`` and encoding it again costs two more 10 MB
buffers (each freshly page-faulted in) for nothing, so the bytes are checked where they are:

* valid UTF-8 (ASCII text, most messages, is checked with one fast ``isascii`` scan);
* a leading byte-order mark is dropped, as the ``utf-8-sig`` codec would;
* line endings become LF, exactly as :func:`message.encode_message_parts` does for ``str``.

The result is the same payload body the ``str`` route produces for the same file.
"""

from __future__ import annotations

import codecs

# The characters str.strip() removes that are ASCII (str.isspace() is true for all of them).
_ASCII_SPACE = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
# Blank-check windows: small, so finding the first letter never copies the whole message.
_WINDOW = 4096
# Enough bytes to hold a few characters after the first non-ASCII byte (4 bytes at most each).
_PEEK = 64


def utf8_text_body(data: bytes) -> bytes:
    """``data`` as a payload body: UTF-8 checked, any BOM dropped, line endings made LF.

    Raises :class:`UnicodeDecodeError` if it is not UTF-8 (offset counted after any BOM).
    Returns ``data`` itself when nothing needs changing (no copy).
    """
    if not data.isascii():
        # BOM first, so an error's offset is counted after it, as with "utf-8-sig".
        if data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8) :]
        # Decoding is the check; the str is dropped at once. Only non-ASCII text pays it.
        str(data, "utf-8")
    if b"\r" in data:
        # Byte-wise is safe: 0x0D never occurs inside a multi-byte UTF-8 sequence.
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return data


def is_blank_text(body: bytes) -> bool:
    """Whether valid UTF-8 ``body`` is only whitespace, as ``not text.strip()`` would say.

    Scans for the first character that is not ASCII whitespace; only if that is a non-ASCII
    character (which may be a Unicode space) is a little of the text decoded.
    """
    view = memoryview(body)
    for start in range(0, len(body), _WINDOW):
        window = bytes(view[start : start + _WINDOW])
        rest = window.lstrip(_ASCII_SPACE)
        if not rest:
            continue
        if rest[0] < 0x80:
            return False
        # A non-ASCII lead byte at a character boundary (only ASCII bytes came before it).
        first = start + len(window) - len(rest)
        # "ignore" only drops a character cut off at the end of the peek.
        if str(view[first : first + _PEEK], "utf-8", "ignore").strip():
            return False
        # Dozens of Unicode spaces in a row: rare enough to decode the rest and be exact.
        return not str(view[first:], "utf-8").strip()
    return True
