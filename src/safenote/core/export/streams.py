"""Small stream adapters for handing large messages to pyrage without whole-buffer copies."""

from __future__ import annotations

import io
from collections.abc import Callable


class PrefixedReader:
    """Reads ``head`` and then ``body`` as one stream, for ``pyrage.encrypt_io``.

    pyrage pulls its input through the Python ``read`` method 8 KiB at a time: ~1,300 calls
    for 10 MB. Joining head and body would copy the whole message once more; a Python
    ``read`` (or ``readinto`` under a ``BufferedReader``) costs ~3 ms per 10 MB in calls.
    So only the first call, which hands out the small head, is Python: after it ``read`` is
    the body's own ``io.BytesIO.read`` (C, and the ``BytesIO`` shares ``body``'s buffer).
    """

    def __init__(self, head: bytes, body: bytes) -> None:
        self._head = head
        self._body = io.BytesIO(body)
        # An instance attribute, not a method: pyrage looks ``read`` up on every call.
        self.read: Callable[[int], bytes] = self._read_head

    def _read_head(self, size: int = -1) -> bytes:
        head = self._head
        if 0 <= size < len(head):
            self._head = head[size:]
            return head[:size]
        self._head = b""
        self.read = self._body.read
        return head + self._body.read(size - len(head) if size >= 0 else -1)


class PlaintextSink(io.BytesIO):
    """Collects decrypted chunks in memory, in one buffer sized from the ciphertext.

    Plaintext is never longer than its ciphertext, so the buffer never has to grow (growing
    would copy 10 MB several times; if it ever had to, ``BytesIO`` grows rather than lose
    data). ``write`` is ``BytesIO``'s own, in C: ``pyrage.decrypt_io`` writes 8 KiB at a
    time, ~1,300 calls for 10 MB, and a Python ``write`` cost ~1.5 ms of calls and copies.
    :meth:`wipe` zeroes the buffer when decryption fails, so a half-decrypted message does
    not linger in memory.
    """

    def __init__(self, capacity: int) -> None:
        super().__init__()
        if capacity > 0:
            # Writing one byte at the end sizes the buffer exactly once (zero-filled).
            self.seek(capacity - 1)
            self.write(b"\0")
            self.seek(0)

    def wipe(self) -> None:
        self.seek(0)
        self.write(bytes(len(self.getbuffer())))
        self.seek(0)
        self.truncate()

    def result(self) -> bytes:
        """The plaintext: the buffer itself, trimmed to what was written (no copy)."""
        self.truncate(self.tell())
        return self.getvalue()
