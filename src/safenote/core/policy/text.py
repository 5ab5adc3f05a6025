"""Splitting a draft into paragraphs, and other small text helpers the checks share.

Paragraphs (runs of text separated by a blank line) are the unit of caching: body checks
never look across a blank line, so a keystroke only invalidates the paragraph it is in.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

# A blank line (possibly holding spaces) separates paragraphs.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
WORD_RE = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
_SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)|\n")

# Curly apostrophes become straight ones for matching; a 1:1 mapping keeps offsets valid.
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


class Paragraph(NamedTuple):
    start: int
    text: str


def split_paragraphs(text: str) -> list[Paragraph]:
    """Return the non-empty paragraphs of ``text`` with their code-point offsets."""
    paragraphs: list[Paragraph] = []
    pos = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        if brk.start() > pos:
            paragraphs.append(Paragraph(pos, text[pos : brk.start()]))
        pos = brk.end()
    if pos < len(text):
        paragraphs.append(Paragraph(pos, text[pos:]))
    # Whitespace-only runs (e.g. leading spaces before the first blank line) hold no words.
    return [p for p in paragraphs if not p.text.isspace()]


def count_words(text: str) -> int:
    """Whitespace-separated words: cheap enough to run on every paragraph."""
    return len(text.split())


def first_sentence_span(text: str, limit: int = 300) -> tuple[int, int]:
    """Span of the first sentence of ``text`` (leading whitespace skipped)."""
    start = len(text) - len(text.lstrip())
    window = text[start : start + limit]
    end_match = _SENTENCE_END.search(window)
    end = start + (end_match.end() if end_match else len(window))
    return start, max(start, min(end, len(text)))


def opening_text(text: str, words: int) -> tuple[str, int]:
    """The first ``words`` words of ``text`` and the offset where they end."""
    end = 0
    for count, match in enumerate(WORD_RE.finditer(text), start=1):
        end = match.end()
        if count >= words:
            break
    return text[:end], end


def last_line_span(text: str) -> tuple[int, int]:
    """Span of the last non-empty line of ``text`` (stripped); (n, n) for blank text."""
    stripped = text.rstrip()
    if not stripped:
        return len(text), len(text)
    line_start = stripped.rfind("\n") + 1
    lead = len(stripped[line_start:]) - len(stripped[line_start:].lstrip())
    return line_start + lead, len(stripped)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of ``offset``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def resplit_paragraphs(
    old_text: str, old_paragraphs: Sequence[Paragraph], new_text: str
) -> list[Paragraph]:
    """``split_paragraphs(new_text)``, reusing the split of ``old_text`` away from the edit.

    Only the stretch between the paragraph starts around the changed region is split
    again. Exact: a paragraph start strictly before the edit has an unchanged break before
    it, and one whose break begins after the edit is found again unchanged (breaks are
    whitespace, and a paragraph starts at a non-space character that stops them).
    """
    limit = min(len(old_text), len(new_text))
    prefix = _common_prefix(old_text, new_text, limit)
    suffix = _common_suffix(old_text, new_text, limit - prefix)
    old_end = len(old_text) - suffix  # the edit is old_text[prefix:old_end]
    delta = len(new_text) - len(old_text)
    starts = [p.start for p in old_paragraphs]
    # Last paragraph starting strictly before the edit: everything before it is unchanged.
    first = max(bisect_left(starts, prefix) - 1, 0)
    cut_start = old_paragraphs[first].start if first > 0 else 0
    keep_before = list(old_paragraphs[:first]) if first > 0 else []
    # First paragraph whose preceding break begins at or after the edit's end.
    last = len(old_paragraphs)
    for index in range(max(first, 1), len(old_paragraphs)):
        previous = old_paragraphs[index - 1]
        if previous.start + len(previous.text) >= old_end and old_paragraphs[index].start > prefix:
            last = index
            break
    cut_end = old_paragraphs[last].start + delta if last < len(old_paragraphs) else len(new_text)
    middle = [
        Paragraph(cut_start + p.start, p.text)
        for p in split_paragraphs(new_text[cut_start:cut_end])
    ]
    if keep_before and middle and middle[0].text.isspace():
        middle = middle[1:]  # cannot happen after a break; kept for safety
    after = [Paragraph(p.start + delta, p.text) for p in old_paragraphs[last:]]
    return keep_before + middle + after


def _common_prefix(a: str, b: str, limit: int) -> int:
    low, high = 0, limit
    while low < high:  # halving with slice compares (memcmp speed, not a char loop)
        mid = (low + high + 1) // 2
        if a[low:mid] == b[low:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def _common_suffix(a: str, b: str, limit: int) -> int:
    low, high = 0, limit
    la, lb = len(a), len(b)
    while low < high:
        mid = (low + high + 1) // 2
        if a[la - mid : la - low] == b[lb - mid : lb - low]:
            low = mid
        else:
            high = mid - 1
    return low
