"""A guard that reads an age v1 header before any decryption starts.

Why: the decrypter SafeNote uses (rage, via pyrage) tries every recipient stanza against
every identity and slows down quadratically with non-matching stanzas (2,000 stanzas take
~40 s). A hostile file must be refused in milliseconds, so this module parses the header
just far enough to check its size and stanza count, and applies the few spec rules the
decrypter is lenient about (a stanza must end with a short body line; scrypt work factors
above what any honest sender uses). The cryptography stays in the maintained library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from safenote.core.export.errors import (
    HostileFileError,
    MalformedError,
    NotAgeFileError,
    TruncatedError,
    UnsupportedVersionError,
)

VERSION_LINE = b"age-encryption.org/v1\n"
_VERSION_PREFIX = b"age-encryption.org/"
# Real messages have one to a handful of recipients; 64 leaves room for a whole team.
MAX_STANZAS = 64
# 64 stanzas of the largest common kind fit comfortably; a bigger header is refused unread.
MAX_HEADER_BYTES = 64 * 1024
# age's default is 18; Go's age refuses above 22. Higher would take minutes to compute.
MAX_SCRYPT_WORK_FACTOR = 22
_BODY_COLUMNS = 64
# A 16-byte nonce and at least one chunk's 16-byte authentication tag.
MIN_PAYLOAD = 32
_ARG = re.compile(rb"[\x21-\x7e]+")
_BODY_LINE = re.compile(rb"[A-Za-z0-9+/]*")
_MAC = re.compile(rb"--- [A-Za-z0-9+/]{43}")
_WORK_FACTOR = re.compile(rb"[1-9][0-9]?")


@dataclass(frozen=True)
class Stanza:
    """One recipient stanza: its type (e.g. ``X25519``, ``scrypt``) and its arguments."""

    kind: str
    args: tuple[str, ...]


@dataclass(frozen=True)
class AgeHeader:
    """What the guard learned: the stanzas and where the encrypted payload starts."""

    stanzas: tuple[Stanza, ...]
    payload_offset: int

    @property
    def is_passphrase(self) -> bool:
        return any(s.kind == "scrypt" for s in self.stanzas)


def parse_header(
    data: bytes,
    *,
    complete: bool = True,
    max_stanzas: int = MAX_STANZAS,
    max_header_bytes: int = MAX_HEADER_BYTES,
) -> AgeHeader:
    """Check the binary age header at the start of ``data``; raise a specific error if bad.

    ``complete=False`` says ``data`` is only the start of the file (decoded from armor), so
    the file may go on past its end.
    """
    if not data.startswith(VERSION_LINE):
        if data.startswith(VERSION_LINE[:-1] + b"\r\n"):
            raise MalformedError("its header has Windows line endings")
        if data.startswith(_VERSION_PREFIX):
            raise UnsupportedVersionError()
        if VERSION_LINE.startswith(data):
            raise TruncatedError() if data else NotAgeFileError()
        raise NotAgeFileError()
    pos = len(VERSION_LINE)
    stanzas: list[Stanza] = []
    while True:
        line, pos = _next_line(data, pos, max_header_bytes, complete)
        if line.startswith(b"---"):
            if not _MAC.fullmatch(line):
                raise MalformedError("its header checksum line is malformed")
            break
        if not line.startswith(b"-> "):
            raise MalformedError("its header has an unexpected line")
        if len(stanzas) >= max_stanzas:
            raise HostileFileError(f"more than {max_stanzas} recipients")
        stanzas.append(_parse_stanza_line(line))
        pos = _skip_body(data, pos, max_header_bytes, complete)
    if not stanzas:
        raise MalformedError("its header names no recipient")
    _check_scrypt(stanzas)
    if complete and len(data) - pos < MIN_PAYLOAD:
        raise TruncatedError()
    return AgeHeader(stanzas=tuple(stanzas), payload_offset=pos)


def _next_line(data: bytes, pos: int, limit: int, complete: bool) -> tuple[bytes, int]:
    end = data.find(b"\n", pos, limit + 1)
    if end < 0:
        if len(data) <= limit and complete:
            raise TruncatedError()
        raise HostileFileError(f"a header larger than {limit // 1024} KiB")
    line = data[pos:end]
    if line.endswith(b"\r"):
        raise MalformedError("its header has Windows line endings")
    return line, end + 1


def _parse_stanza_line(line: bytes) -> Stanza:
    parts = line[3:].split(b" ")
    if not all(_ARG.fullmatch(p) for p in parts):
        raise MalformedError("a recipient line in its header is malformed")
    return Stanza(kind=parts[0].decode("ascii"), args=tuple(p.decode("ascii") for p in parts[1:]))


def _skip_body(data: bytes, pos: int, limit: int, complete: bool) -> int:
    # The body is base64 in lines of exactly 64 columns, always ending with a shorter
    # (possibly empty) line; a stanza without that final line is invalid.
    while True:
        if data.startswith(b"-> ", pos) or data.startswith(b"---", pos):
            raise MalformedError("a recipient in its header has no final body line")
        line, pos = _next_line(data, pos, limit, complete)
        if not _BODY_LINE.fullmatch(line) or len(line) > _BODY_COLUMNS:
            raise MalformedError("a recipient in its header has a malformed body")
        if len(line) < _BODY_COLUMNS:
            return pos


def _check_scrypt(stanzas: list[Stanza]) -> None:
    for stanza in stanzas:
        if stanza.kind != "scrypt":
            continue
        if len(stanzas) != 1:
            raise MalformedError("a passphrase file must not have other recipients")
        if len(stanza.args) != 2 or not _WORK_FACTOR.fullmatch(stanza.args[1].encode()):
            raise MalformedError("its passphrase settings are malformed")
        if int(stanza.args[1]) > MAX_SCRYPT_WORK_FACTOR:
            raise HostileFileError("a passphrase setting that would take very long to check")
