"""Counting words the way a person does, and portal parts the way the export splits them
(shared by the status bar and tests)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# A run of non-space characters holding at least one letter or digit.
_WORD = re.compile(r"\S*[^\W_]\S*")
# Above this many characters the export's own split costs several milliseconds, too much to
# run on the GUI thread at every pause in typing: the count becomes an estimate instead.
EXACT_PARTS_UP_TO = 20_000


def count_words(text: str) -> int:
    """Words as a person counts them: a dash or an emoji on its own is not a word."""
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class PortalParts:
    """How many portal messages a text becomes at a character limit.

    ``count`` is 0 when it can't be split as it is (one word or link longer than a part);
    ``exact`` is False for an estimate (the fewest parts it could take).
    """

    count: int
    exact: bool = True


def portal_parts(text: str, limit: int) -> PortalParts:
    """The parts the portal export would make of ``text`` at ``limit`` characters each."""
    if len(text) > EXACT_PARTS_UP_TO:
        return PortalParts(fewest_parts(len(" ".join(text.split())), limit), exact=False)
    # The export's own code, so the count here is the count there (subject aside).
    from safenote.core.export.errors import PortalSplitError
    from safenote.core.export.portal import to_plain_text
    from safenote.core.export.portal_split import split_for_limit

    try:
        return PortalParts(len(split_for_limit(to_plain_text(text), limit)))
    except (PortalSplitError, ValueError):
        return PortalParts(0)


def fewest_parts(chars: int, limit: int) -> int:
    """A lower bound on the parts for ``chars`` characters of text whose every run of spaces
    and line breaks counts as one (0 when even a marker leaves no room).

    Each part loses room to its ``(i/n) `` marker, and each cut between parts drops the
    space it falls on, so ``n`` parts hold at most ``n * room + (n - 1)`` such characters.
    """
    if chars <= limit:
        return 1 if chars else 0
    parts = max(2, math.ceil(chars / limit))
    while True:
        room = limit - len(f"({parts}/{parts}) ")
        if room < 1:
            return 0
        if parts * room + (parts - 1) >= chars:
            return parts
        parts = max(parts + 1, math.ceil((chars + 1) / (room + 1)))
