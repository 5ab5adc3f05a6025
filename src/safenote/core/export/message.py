"""The plaintext inside an encrypted export: a small header, a blank line, then the message.

Format (UTF-8, LF line endings), chosen so a therapist who opens the file with the plain
``age`` tool reads it as a normal note::

    SafeNote-Message: 1
    Subject: Before Thursday
    From: Sam
    Date: 2026-11-27T09:50:00+00:00

    The message text…

``Subject`` and ``From`` are optional. Header values are single lines: line breaks typed into
a subject are turned into spaces. A payload that does not start with the marker line (a file
made by another tool) is read back as a message with no header fields.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

MARKER = "SafeNote-Message: 1"
_FIELDS = ("Subject", "From", "Date")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


@dataclass(frozen=True)
class Message:
    """A finished message on its way out of SafeNote."""

    body: str
    subject: str = ""
    sender: str = ""
    date: dt.datetime | None = field(default_factory=_now)


def _one_line(value: str) -> str:
    return " ".join(value.split())


def encode_message(message: Message) -> bytes:
    """The payload bytes for ``message``."""
    head, body = encode_message_parts(message)
    return head + body


def encode_message_parts(message: Message) -> tuple[bytes, bytes]:
    """The payload as (header, body) bytes, for streaming without joining 10 MB buffers."""
    body = message.body
    if "\r" in body:
        body = body.replace("\r\n", "\n").replace("\r", "\n")
    return encode_head(message), body.encode("utf-8")


def encode_head(message: Message) -> bytes:
    """The payload's header lines and the blank line after them (``message.body`` unused).

    For a body that is already UTF-8 bytes, see :mod:`safenote.core.export.text_bytes`.
    """
    lines = [MARKER]
    if message.subject.strip():
        lines.append(f"Subject: {_one_line(message.subject)}")
    if message.sender.strip():
        lines.append(f"From: {_one_line(message.sender)}")
    if message.date is not None:
        lines.append(f"Date: {message.date.isoformat()}")
    return ("\n".join(lines) + "\n\n").encode("utf-8")


def decode_message(payload: bytes | bytearray) -> Message:
    """Read a payload back; text without SafeNote's header becomes a plain body."""
    view = memoryview(payload)
    split = payload.find(b"\n\n") if payload.startswith(MARKER.encode() + b"\n") else -1
    if split < 0:
        # str() on a memoryview decodes without first copying 10 MB into a bytes object.
        return Message(body=str(view, "utf-8", "replace"), date=None)
    head = str(view[:split], "utf-8", "replace")
    body = str(view[split + 2 :], "utf-8", "replace")
    values: dict[str, str] = {}
    for line in head.split("\n")[1:]:
        name, colon, value = line.partition(": ")
        if colon and name in _FIELDS:
            values[name] = value
    date: dt.datetime | None = None
    if "Date" in values:
        try:
            date = dt.datetime.fromisoformat(values["Date"])
        except ValueError:
            date = None
    return Message(
        body=body, subject=values.get("Subject", ""), sender=values.get("From", ""), date=date
    )
