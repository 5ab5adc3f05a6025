"""Splitting a draft into paragraphs, and other small text helpers the checks share.

Paragraphs (runs of text separated by a blank line) are the unit of caching: body checks
never look across a blank line, so a keystroke only invalidates the paragraph it is in.
"""

from __future__ import annotations

import re
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
