"""Phrase lists matched on tokens: a dictionary lookup per word instead of a big regex.

A paragraph is tokenised once (runs of word characters, and single other characters; code-
point offsets; folded text). A phrase is matched token by token: each of its words is a set
of allowed tokens, with the inflections precomputed (see :mod:`phrases`). Before any
token is looked at, phrases are dropped unless every one of their words occurs in the text
(a set lookup each), and a paragraph is tokenised only when it holds the *anchor* (the
rarest-looking word) of a phrase still in play: for most phrase lists, almost never.

The matcher finds exactly what the phrase list's regex (:func:`phrases.compile_phrases`,
kept as the reference) finds: the same alternatives tried in the same order at each place,
"~" gaps skipping the fewest words first, whole words only. A property test holds the two
to that on random text made from the pack's own words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from safenote.core.policy.matching import COMMON_WORDS, CaselessRegex, Folded, caseless
from safenote.core.policy.phrases import (
    GAP,
    compile_phrases,
    inflected_forms,
    phrase_regex,
    shared_set,
)
from safenote.core.policy.text import APOSTROPHES

# Word runs as the reference regex's \w sees them, and every other non-space character
# on its own: the tokens cover all of the text but its whitespace.
TOKEN_RE = re.compile(r"\w+|[^\w\s]")
WORD_RE = re.compile(r"\w+")
_GAP_WORDS = 3  # "~" stands for up to three words


class Tokens(NamedTuple):
    strings: list[str]
    starts: list[int]
    ends: list[int]


def tokenize(text: str) -> Tokens:
    strings: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for match in TOKEN_RE.finditer(text):
        strings.append(match.group())
        starts.append(match.start())
        ends.append(match.end())
    return Tokens(strings, starts, ends)


def _is_word(token: str) -> bool:
    return token[0].isalnum() or token[0] == "_"


@dataclass(frozen=True)
class _Phrase:
    order: int  # the phrase's place in the reference regex's alternation
    # Per phrase word, per token of that word: the tokens allowed there.
    words: tuple[tuple[frozenset[str], ...], ...]
    gaps: tuple[bool, ...]  # gaps[i]: up to three words may come before words[i]

    @cached_property
    def required(self) -> tuple[frozenset[str], ...]:
        """The forms of each whole-word token of the phrase (all must be in a match)."""
        return tuple(forms for word in self.words for forms in word if _is_word(next(iter(forms))))

    def could_match(self, words: frozenset[str]) -> bool:
        """False when one of the phrase's whole-word tokens is not among ``words``."""
        return all(not forms.isdisjoint(words) for forms in self.required)

    @property
    def anchor(self) -> frozenset[str] | str:
        """What every match must contain: the forms of one whole-word token, or one word's
        literal text (a word of several tokens, such as "a.s.a.p"). The rarest-looking."""
        options: list[frozenset[str] | str] = []
        for word in self.words:
            if len(word) == 1 and _is_word(next(iter(word[0]))):
                options.append(word[0])
            else:
                options.append("".join(next(iter(part)) for part in word))
        return max(options, key=_rarity)


def _rarity(anchor: frozenset[str] | str) -> tuple[bool, int]:
    if isinstance(anchor, str):
        return (True, len(anchor))
    return (anchor.isdisjoint(COMMON_WORDS), min(len(form) for form in anchor))


def _parse(phrase: str, order: int, inflect: bool) -> _Phrase | None:
    words: list[tuple[frozenset[str], ...]] = []
    gaps: list[bool] = []
    gap = False
    for part in phrase.split():
        if part == GAP:
            gap = True
            continue
        forms = inflected_forms(part, inflect)
        if forms is not None:
            words.append((shared_set(frozenset(forms)),))
        else:
            words.append(tuple(shared_set(frozenset({t})) for t in TOKEN_RE.findall(part.lower())))
        gaps.append(gap and len(words) > 1)
        gap = False
    return _Phrase(order, tuple(words), tuple(gaps)) if words else None


class PhraseMatcher:
    """One phrase list, matched on tokens; ``reference`` is the equivalent regex."""

    def __init__(self, phrases: Sequence[str], inflect: bool = True) -> None:
        # Only paragraphs whose length lower-casing changes (rare: "İ") use the regex, and
        # only its IGNORECASE form on the original text: no case-free copy nor prefilter.
        self._exact = compile_phrases(list(phrases), inflect)
        # The reference regex tries alternatives longest source first: keep that order.
        ordered = sorted(
            phrases, key=lambda p: (-len(phrase_regex(p, inflect)), phrase_regex(p, inflect))
        )
        parsed = [_parse(p, i, inflect) for i, p in enumerate(ordered)]
        self.phrases: list[_Phrase] = [p for p in parsed if p is not None]  # in order
        # Anchor word form -> phrases. The forms of one anchor ("invite", "invites"...) get
        # one shared tuple, not a list each.
        self._by_anchor: dict[str, tuple[_Phrase, ...]] = {}
        self._by_text: dict[str, list[_Phrase]] = {}  # anchors found by substring search
        shared: dict[tuple[int, ...], tuple[_Phrase, ...]] = {}
        for phrase in self.phrases:
            anchor = phrase.anchor
            if isinstance(anchor, str):
                self._by_text.setdefault(anchor, []).append(phrase)
            else:
                for form in anchor:
                    grown = (*self._by_anchor.get(form, ()), phrase)
                    key = tuple(p.order for p in grown)
                    self._by_anchor[form] = shared.setdefault(key, grown)
        self._anchor_words = frozenset(self._by_anchor)

    @cached_property
    def reference(self) -> CaselessRegex:
        """The phrase list's regex, as a pattern check would run it (tests compare to it)."""
        return caseless(self._exact.pattern)

    def live(self, words: frozenset[str], has: Callable[[str], bool]) -> list[_Phrase]:
        """The phrases that could match a text with these ``words`` (``has`` tells whether
        the text contains a string): every whole word of the phrase must be there."""
        found = {
            id(p): p
            for form in self._anchor_words.intersection(words)
            for p in self._by_anchor[form]
        }
        for needle, phrases in self._by_text.items():
            if has(needle):
                found.update((id(p), p) for p in phrases)
        return sorted((p for p in found.values() if p.could_match(words)), key=lambda p: p.order)

    @staticmethod
    def anchors(phrases: Sequence[_Phrase], words: frozenset[str]) -> list[str]:
        """Strings, one of which is in any text where one of ``phrases`` matches."""
        found: set[str] = set()
        for phrase in phrases:
            anchor = phrase.anchor
            if isinstance(anchor, str):
                found.add(anchor)
            else:
                found.update(anchor & words)
        return sorted(found)

    def spans(self, paragraph: Folded) -> list[tuple[int, int]]:
        """Match spans in one paragraph (code points)."""
        if not paragraph.aligned:  # offsets differ after folding: use the exact regex
            return [
                m.span()
                for m in self._exact.finditer(paragraph.original.translate(APOSTROPHES))
                if m.end() > m.start()
            ]
        text = paragraph.folded
        phrases = self.live(frozenset(WORD_RE.findall(text)), text.__contains__)
        return self.find(tokenize(paragraph.folded), phrases) if phrases else []

    def find(self, tokens: Tokens, phrases: Sequence[_Phrase]) -> list[tuple[int, int]]:
        """Leftmost matches, first alternative first, no overlaps (as ``finditer`` does)."""
        by_first: dict[str, list[_Phrase]] = {}
        for phrase in phrases:  # already in alternation order
            for form in phrase.words[0][0]:
                by_first.setdefault(form, []).append(phrase)
        spans: list[tuple[int, int]] = []
        resume = 0
        starts = tokens.starts
        for index, token in enumerate(tokens.strings):
            options = by_first.get(token)
            if options is None or starts[index] < resume:
                continue
            for phrase in options:
                end = _match(phrase, tokens, index)
                if end is not None:
                    spans.append((starts[index], end))
                    resume = end
                    break
        return spans


def _match(phrase: _Phrase, tokens: Tokens, index: int) -> int | None:
    strings, starts, ends = tokens
    first = strings[index]
    if (
        not _is_word(first)
        and index > 0
        and ends[index - 1] == starts[index]
        and _is_word(strings[index - 1])
    ):
        return None  # the reference needs no word character just before the phrase
    return _match_word(phrase, 0, tokens, index)


def _match_word(phrase: _Phrase, word: int, tokens: Tokens, index: int) -> int | None:
    """End offset of the phrase matched from its ``word``-th word at token ``index``."""
    strings, starts, ends = tokens
    count = len(strings)
    pos = index
    for part, allowed in enumerate(phrase.words[word]):
        if pos >= count or strings[pos] not in allowed:
            return None
        if part and starts[pos] != ends[pos - 1]:
            return None  # one word of a phrase is one unbroken piece of text
        pos += 1
    last = pos - 1
    adjacent = pos < count and starts[pos] == ends[last]
    if word == len(phrase.words) - 1:
        # No word character right after the phrase.
        return None if adjacent and _is_word(strings[pos]) else ends[last]
    if pos >= count or adjacent:
        return None  # words are separated by whitespace
    if not phrase.gaps[word + 1]:
        return _match_word(phrase, word + 1, tokens, pos)
    for _skipped in range(_GAP_WORDS + 1):  # fewest skipped words first, as "~" is lazy
        end = _match_word(phrase, word + 1, tokens, pos)
        if end is not None:
            return end
        pos += 1  # skip one whitespace-separated word: every token glued to this one
        while pos < count and starts[pos] == ends[pos - 1]:
            pos += 1
        if pos >= count:
            return None
    return None
