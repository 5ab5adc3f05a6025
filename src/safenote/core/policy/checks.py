"""The closed set of check kinds a rule can use, compiled and ready to run.

Two scopes keep the engine incremental:

* *body* checks (``phrases``, ``pattern``, ``detector``) look at one paragraph at a time and
  never at the context, so their results can be cached by paragraph text;
* *document* checks (``opening``, ``closing``, ``length``, ``context`` and any body check
  with ``absent = true``) look at the whole draft and the context, but only cheaply: they
  use the cached paragraph results, the first words or the last line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from safenote.core.policy.batch import Batch, RegexSet
from safenote.core.policy.crisis import crisis_batch
from safenote.core.policy.identifiers import ACCOUNT_LABELS, DIGIT_PAIR, scan_identifiers
from safenote.core.policy.matching import CaselessRegex
from safenote.core.policy.model import Channel, Context, HeaderField, Relationship
from safenote.core.policy.text import (
    APOSTROPHES,
    WORD_RE,
    Paragraph,
    first_sentence_span,
    last_line_span,
    opening_text,
)
from safenote.core.policy.tokens import PhraseMatcher


class Hit(NamedTuple):
    """One place a check fired: a span of the body, or a header field."""

    start: int
    end: int
    softened: bool = False
    field: HeaderField | None = None


@dataclass(frozen=True)
class Conditions:
    """Context a rule or check needs before it runs; None means "any"."""

    relationship: frozenset[Relationship] | None = None
    channel: frozenset[Channel] | None = None
    cc: bool | None = None  # True: some CC address is set; False: none is
    subject: bool | None = None
    sender_name: bool | None = None
    practice: bool | None = None
    practice_accepts_channel: bool | None = None

    def hold(self, ctx: Context) -> bool:
        if self.relationship is not None and ctx.relationship not in self.relationship:
            return False
        if self.channel is not None and ctx.channel not in self.channel:
            return False
        if self.cc is not None and bool(ctx.cc) != self.cc:
            return False
        if self.subject is not None and bool(ctx.subject.strip()) != self.subject:
            return False
        if self.sender_name is not None and bool(ctx.sender_name.strip()) != self.sender_name:
            return False
        if self.practice is not None and (ctx.practice is not None) != self.practice:
            return False
        if self.practice_accepts_channel is not None:
            accepts = ctx.practice is not None and ctx.channel in ctx.practice.accepted_channels
            if accepts != self.practice_accepts_channel:
                return False
        return True


ALWAYS = Conditions()

# A body scanner looks at a batch of paragraphs and returns, by paragraph index (only those
# with any), spans into that paragraph: (start, end) or (start, end, softened).
Spans = Sequence[tuple[int, int] | tuple[int, int, bool]]
BatchScanner = Callable[[Batch], Mapping[int, Spans]]


def _identifiers(batch: Batch) -> dict[int, Spans]:
    found: dict[int, Spans] = {}
    labelled = batch.containing(label for label in ACCOUNT_LABELS if batch.has(label))
    for index in sorted(batch.matching(DIGIT_PAIR) | labelled | batch.unaligned):
        spans = scan_identifiers(batch.paragraphs[index])
        if spans:
            found[index] = spans
    return found


DETECTORS: dict[str, BatchScanner] = {
    "crisis": crisis_batch,
    "identifiers": _identifiers,
}


@dataclass(frozen=True)
class BodyCheck:
    """``phrases``, ``pattern`` or ``detector``: matches inside one paragraph."""

    kind: str
    scanner: BatchScanner
    absent: bool = False  # fire once when nothing in the whole draft matches
    when: Conditions = ALWAYS

    def scan_batch(self, batch: Batch) -> list[tuple[Hit, ...]]:
        """The hits in each paragraph of ``batch``, in order."""
        found = self.scanner(batch)
        hits: list[tuple[Hit, ...]] = [()] * len(batch)
        for index, spans in found.items():
            hits[index] = tuple(Hit(s[0], s[1], len(s) > 2 and bool(s[2])) for s in spans)
        return hits


def phrase_scanner(matcher: PhraseMatcher) -> BatchScanner:
    def scan(batch: Batch) -> dict[int, list[tuple[int, int]]]:
        return batch.phrase_spans(matcher)

    return scan


def regex_scanner(*regexes: CaselessRegex) -> BatchScanner:
    indexed = RegexSet(regexes)

    def scan(batch: Batch) -> dict[int, list[tuple[int, int]]]:
        return batch.regex_spans(indexed)

    return scan


@dataclass(frozen=True)
class DocumentView:
    """What document checks may look at: the text, its paragraphs and their cached hits."""

    text: str
    paragraphs: Sequence[Paragraph]
    word_counts: Sequence[int]
    body_has_hits: Callable[[int], bool]  # by body-check index


def _blank(view: DocumentView) -> bool:
    return not view.paragraphs


@dataclass(frozen=True)
class OpeningCheck:
    """Fires when the opening (subject + first words) does not match any phrase."""

    regex: re.Pattern[str]
    words: int = 30
    include_subject: bool = True
    min_words: int = 0  # shorter drafts are all opening: nothing to put first
    when: Conditions = ALWAYS

    def evaluate(self, view: DocumentView, ctx: Context) -> list[Hit]:
        if _blank(view) or sum(view.word_counts) < self.min_words:
            return []
        opening, _ = opening_text(view.text, self.words)
        haystack = (ctx.subject + "\n" if self.include_subject else "") + opening
        if self.regex.search(haystack.translate(APOSTROPHES)):
            return []
        start, end = first_sentence_span(view.text)
        return [Hit(start, end)]


_SIGN_OFF = re.compile(
    r"^(?:thanks|thank\s+you|best|cheers|regards|kind\s+regards|best\s+wishes|warmly|"
    r"sincerely|take\s+care|love|all\s+the\s+best|many\s+thanks|see\s+you[\w\s]*)\W*$",
    re.IGNORECASE,
)


def _looks_like_signature(line: str) -> bool:
    """A short line of capitalised words or initials ("Sam", "— A. Okafor", "J")."""
    words = WORD_RE.findall(line)
    if not 1 <= len(words) <= 4 or line.rstrip().endswith(("?", "!", ",", ":")):
        return False
    if _SIGN_OFF.match(line.strip()):
        return False
    return all(w[0].isupper() or not w[0].isalpha() for w in words)


@dataclass(frozen=True)
class ClosingCheck:
    """Fires when the draft does not end with the sender's name (or, unset, any name)."""

    words: int = 12
    when: Conditions = ALWAYS

    def evaluate(self, view: DocumentView, ctx: Context) -> list[Hit]:
        if _blank(view):
            return []
        start, end = last_line_span(view.text)
        last_line = view.text[start:end]
        name_parts = [p.lower() for p in WORD_RE.findall(ctx.sender_name) if len(p) > 1]
        if name_parts:
            closing_words = [w.lower() for w in WORD_RE.findall(view.text[-400:])]
            tail = closing_words[-self.words :]
            if any(part in tail for part in name_parts):
                return []
        elif _looks_like_signature(last_line):
            return []
        return [Hit(start, end)]


@dataclass(frozen=True)
class LengthCheck:
    """Fires when the draft is over a word or character count, or the portal's limit."""

    metric: str = "words"  # "words" | "characters"
    over: int | None = None
    portal_limit: bool = False
    when: Conditions = ALWAYS

    def evaluate(self, view: DocumentView, ctx: Context) -> list[Hit]:
        total_words = sum(view.word_counts)
        if self.over is not None:
            if self.metric == "words" and total_words > self.over:
                return [Hit(_offset_of_word(view, self.over), len(view.text))]
            if self.metric == "characters" and len(view.text) > self.over:
                return [Hit(self.over, len(view.text))]
        limit = ctx.practice.portal_limit if ctx.practice else None
        if self.portal_limit and limit is not None and len(view.text) > limit:
            return [Hit(limit, len(view.text))]
        return []


def _offset_of_word(view: DocumentView, index: int) -> int:
    """Offset where word number ``index`` (0-based) starts: the part past a limit."""
    seen = 0
    for paragraph, count in zip(view.paragraphs, view.word_counts, strict=True):
        if seen + count > index:
            for n, match in enumerate(_TOKEN.finditer(paragraph.text)):
                if seen + n == index:
                    return paragraph.start + match.start()
        seen += count
    return len(view.text)


_TOKEN = re.compile(r"\S+")  # the same words count_words counts


@dataclass(frozen=True)
class ContextCheck:
    """Fires whenever its conditions hold; points at a header field."""

    field: HeaderField | None = None
    when: Conditions = ALWAYS

    def evaluate(self, view: DocumentView, ctx: Context) -> list[Hit]:
        if self.field is None:
            return [] if _blank(view) else [Hit(0, 0)]
        return [Hit(0, 0, False, self.field)]


DocumentCheck = OpeningCheck | ClosingCheck | LengthCheck | ContextCheck
Check = BodyCheck | DocumentCheck
