"""The one boundary between the engine's code-point offsets and Qt's UTF-16 positions.

Python indexes a ``str`` by code point; ``QTextDocument`` positions count UTF-16 code
units, so every character outside the Basic Multilingual Plane (most emoji) is one index
in Python and two in Qt. Every span coming from the engine passes through here once.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence


def _astral_positions(text: str) -> list[int]:
    """Code-point indices of the characters that take two UTF-16 units."""
    if text.isascii():
        return []
    return [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]


class OffsetMap:
    """Converts offsets both ways for one text; build once per text, query many times."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self._astral = _astral_positions(text)
        # The same characters' positions in UTF-16 units (each earlier one adds one unit).
        self._astral_utf16 = [pos + n for n, pos in enumerate(self._astral)]

    def to_utf16(self, offset: int) -> int:
        """Qt position of code-point ``offset`` (clamped to the text)."""
        offset = max(0, min(offset, self.length))
        return offset + bisect_right(self._astral, offset - 1)

    def to_code_point(self, position: int) -> int:
        """Code-point offset of Qt ``position``; a position inside a pair rounds down."""
        position = max(0, position)
        before = bisect_right(self._astral_utf16, position - 1)
        if before and self._astral_utf16[before - 1] == position - 1:
            # ``position`` points between the two halves of a surrogate pair.
            return position - before
        return min(position - before, self.length)


def to_utf16_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Convert many code-point spans of ``text`` at once."""
    mapping = OffsetMap(text)
    return [(mapping.to_utf16(start), mapping.to_utf16(end)) for start, end in spans]


def utf16_length(text: str) -> int:
    """How many positions ``text`` takes in a Qt document."""
    return OffsetMap(text).to_utf16(len(text))
