"""Split a long message into numbered parts that each fit a portal's character limit.

Rules: every part, including its ``(1/3) `` marker, fits the limit; a part ends after a
paragraph, else after a sentence, when that keeps it at least half full, otherwise at the
last word that fits; words are never broken, lost or reordered, and line breaks inside a
part are kept as typed.
"""

from __future__ import annotations

import bisect
import re

from safenote.core.export.errors import PortalSplitError

_WORD = re.compile(r"\S+")
# A word ending a sentence: terminal punctuation, then any closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*$")
# A part ending on a sentence is preferred only if it is at least this full; otherwise a
# short first sentence followed by a long one would waste a whole part.
_MIN_SENTENCE_FILL = 0.5


def marker(index: int, total: int) -> str:
    """The prefix of part ``index`` (1-based) of ``total``: ``"(2/3) "``."""
    return f"({index}/{total}) "


def strip_marker(part: str) -> str:
    """A part without its ``(i/n) `` prefix (for checks and tests)."""
    return re.sub(r"^\(\d+/\d+\) ", "", part, count=1)


def split_for_limit(text: str, limit: int) -> list[str]:
    """The parts to send, in order; a single unmarked part when the text already fits."""
    if limit < 1:
        raise ValueError("the character limit must be positive")
    text = text.strip()
    if not text:
        return []
    if len(text) <= limit:
        return [text]
    assumed_total = 2
    while True:
        budget = limit - len(marker(assumed_total, assumed_total))
        chunks = _pack(text, budget)
        # Markers grow with the number of parts ("(9/9) " -> "(10/10) "): repack if the
        # real count needs wider markers than the budget assumed.
        if len(str(len(chunks))) <= len(str(assumed_total)):
            total = len(chunks)
            return [marker(i, total) + chunk for i, chunk in enumerate(chunks, start=1)]
        assumed_total = len(chunks)


def _pack(text: str, budget: int) -> list[str]:
    words = list(_WORD.finditer(text))
    starts = [w.start() for w in words]
    ends = [w.end() for w in words]
    longest = max(ends[i] - starts[i] for i in range(len(words)))
    if budget < 1 or longest > budget:
        raise PortalSplitError(
            f"One word or link is {longest} characters long, more than fits in one portal "
            "message with its part number. Shorten it (for example, leave out a long link) "
            "and try again."
        )
    # Where a part may end, best first: after a paragraph (a blank line), after a sentence
    # (its punctuation, or a line break: lists and greetings often have no full stop).
    gaps = [text[ends[i] : starts[i + 1]] for i in range(len(words) - 1)] + ["\n\n"]
    paragraphs = [i for i, gap in enumerate(gaps) if gap.count("\n") >= 2]
    sentences = [
        i for i, w in enumerate(words) if _SENTENCE_END.search(w.group()) or "\n" in gaps[i]
    ]
    chunks: list[str] = []
    first = 0
    while first < len(words):
        begin = starts[first]
        # Last word that still ends within the budget.
        last = bisect.bisect_right(ends, begin + budget) - 1
        if last < len(words) - 1:
            last = _best_end(first, last, begin, budget, ends, (paragraphs, sentences))
        chunks.append(text[begin : ends[last]])
        first = last + 1
    return chunks


def _best_end(
    first: int,
    last: int,
    begin: int,
    budget: int,
    ends: list[int],
    preferred: tuple[list[int], ...],
) -> int:
    """The word to end a part on: the latest preferred boundary that keeps it full enough."""
    for boundaries in preferred:
        at = bisect.bisect_right(boundaries, last) - 1
        if at >= 0 and boundaries[at] >= first:
            candidate = boundaries[at]
            if ends[candidate] - begin >= budget * _MIN_SENTENCE_FILL:
                return candidate
    return last
