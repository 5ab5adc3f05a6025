"""Small stream adapters for handing large messages to pyrage without whole-buffer copies."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer, WriteableBuffer


class ChainedReader(io.RawIOBase):
    """Reads several byte strings as one stream, without joining them first."""

    def __init__(self, *pieces: bytes) -> None:
        super().__init__()
        self._pieces = [memoryview(p) for p in pieces if p]

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        target = memoryview(buffer).cast("B")
        filled = 0
        while self._pieces and filled < len(target):
            piece = self._pieces[0]
            count = min(len(piece), len(target) - filled)
            target[filled : filled + count] = piece[:count]
            filled += count
            if count == len(piece):
                self._pieces.pop(0)
            else:
                self._pieces[0] = piece[count:]
        return filled


class PlaintextSink(io.RawIOBase):
    """Collects decrypted chunks in memory, in one buffer sized from the ciphertext.

    Plaintext is never longer than its ciphertext, so the buffer never has to grow (growing
    would copy 10 MB several times). :meth:`wipe` zeroes it when decryption fails, so a
    half-decrypted message does not linger in memory.
    """

    def __init__(self, capacity: int) -> None:
        super().__init__()
        self._buffer = bytearray(capacity)
        self._length = 0

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer) -> int:
        chunk = memoryview(data).cast("B")
        end = self._length + len(chunk)
        if end > len(self._buffer):
            # Cannot happen for a valid age file; grow rather than lose data if it did.
            self._buffer.extend(bytes(end - len(self._buffer)))
        self._buffer[self._length : end] = chunk
        self._length = end
        return len(chunk)

    def wipe(self) -> None:
        self._buffer[:] = bytes(len(self._buffer))
        self._length = 0

    def result(self) -> bytearray:
        """The plaintext (the buffer itself, trimmed: no copy)."""
        del self._buffer[self._length :]
        return self._buffer
