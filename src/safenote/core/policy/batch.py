"""The paragraphs one check pass looks at, with what the body checks share about them.

A full check scans every paragraph; a keystroke scans one. Either way the body checks get
one :class:`Batch`: the folded paragraphs, their joined text (so "is this word anywhere?"
costs one substring search for the whole draft, not one per paragraph), the set of words in
it, and each paragraph's tokens, built once and only for the paragraphs that need them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache

from safenote.core.policy.matching import CaselessRegex, Folded
from safenote.core.policy.tokens import WORD_RE, PhraseMatcher, Tokens, tokenize


@lru_cache(maxsize=4096)
def _has_space(needle: str) -> bool:
    return any(ch.isspace() for ch in needle)


class RegexSet:
    """Regexes indexed by their trigger words (a word every match contains, whole).

    Which regexes could match a text is then one set intersection with the text's words,
    plus the few regexes that have no trigger word; the rest are never looked at.
    """

    def __init__(self, regexes: Iterable[CaselessRegex]) -> None:
        self.regexes = tuple(regexes)
        self._by_word: dict[str, list[int]] = {}
        self._untriggered: list[int] = []
        for index, regex in enumerate(self.regexes):
            if regex.fast is not None and regex.words:
                for word in regex.words[0]:
                    self._by_word.setdefault(word, []).append(index)
            else:
                self._untriggered.append(index)
        self._triggers = frozenset(self._by_word)

    def possible(self, words: frozenset[str]) -> list[CaselessRegex]:
        """The regexes that could match a text made of ``words``, in their order."""
        chosen = set(self._untriggered)
        for word in self._triggers.intersection(words):
            chosen.update(self._by_word[word])
        return [self.regexes[index] for index in sorted(chosen)]


class Batch:
    """Folded paragraphs about to be scanned. Lazy: pays only for what a check asks."""

    def __init__(self, paragraphs: Sequence[Folded]) -> None:
        self.paragraphs: list[Folded] = list(paragraphs)
        self.joined = "\n".join(p.folded for p in self.paragraphs)
        self.starts: list[int] = []
        offset = 0
        for paragraph in self.paragraphs:
            self.starts.append(offset)
            offset += len(paragraph.folded) + 1
        # Lower-casing changed these paragraphs' length (e.g. "İ"): offsets in the folded
        # text are not offsets in the original, so checks take their slow exact path.
        self.unaligned: frozenset[int] = frozenset(
            i for i, p in enumerate(self.paragraphs) if not p.aligned
        )
        self._vocabulary: str | None = None
        self._words: frozenset[str] | None = None
        self._tokens: dict[int, Tokens] = {}
        self._paragraph_words: dict[int, frozenset[str]] = {}

    def __len__(self) -> int:
        return len(self.paragraphs)

    @property
    def vocabulary(self) -> str:
        """The distinct whitespace-separated pieces of the batch, one per line.

        Testing a string without whitespace here is exact (it is in the batch if and only if
        it is in some piece) and costs the same for a long draft as for a short one: drafts
        repeat their words.
        """
        if self._vocabulary is None:
            self._vocabulary = "\n".join(set(self.joined.split()))
        return self._vocabulary

    @property
    def words(self) -> frozenset[str]:
        """Every word (maximal run of word characters) in any paragraph, folded."""
        if self._words is None:
            self._words = frozenset(WORD_RE.findall(self.vocabulary))
        return self._words

    def has(self, needle: str) -> bool:
        """Whether ``needle`` occurs in some paragraph's folded text."""
        return needle in (self.joined if _has_space(needle) else self.vocabulary)

    def paragraph_words(self, index: int) -> frozenset[str]:
        """The words of paragraph ``index`` (built on first use, then kept)."""
        found = self._paragraph_words.get(index)
        if found is None:
            found = self._paragraph_words[index] = frozenset(
                WORD_RE.findall(self.paragraphs[index].folded)
            )
        return found

    def tokens(self, index: int) -> Tokens:
        """The tokens of paragraph ``index`` (built on first use, then kept)."""
        found = self._tokens.get(index)
        if found is None:
            found = self._tokens[index] = tokenize(self.paragraphs[index].folded)
        return found

    def containing(self, strings: Iterable[str]) -> set[int]:
        """Indices of the paragraphs whose folded text contains one of ``strings``."""
        joined, starts = self.joined, self.starts
        hits: set[int] = set()
        for needle in strings:
            pos = joined.find(needle)
            while pos >= 0:
                index = bisect_right(starts, pos) - 1
                paragraph_end = starts[index] + len(self.paragraphs[index].folded)
                if pos + len(needle) <= paragraph_end:  # not across the joining newline
                    hits.add(index)
                    pos = paragraph_end  # one hit per paragraph is enough
                pos = joined.find(needle, pos + 1)
        return hits

    def matching(self, regex: re.Pattern[str]) -> set[int]:
        """Indices of the paragraphs where ``regex`` matches (searched in the joined text;
        the regex must not match across the newline that joins paragraphs)."""
        hits: set[int] = set()
        for match in regex.finditer(self.joined):
            hits.add(bisect_right(self.starts, match.start()) - 1)
        return hits

    def candidates(self, regex: CaselessRegex) -> list[int]:
        """Paragraphs ``regex`` could match in, from its required substrings.

        Exact: a paragraph left out cannot contain a match. Regexes that run on the original
        text (case-sensitive ones) and unaligned paragraphs are never ruled out here.
        """
        if regex.fast is None:
            return list(range(len(self)))
        if regex.words:
            present = [group & self.words for group in regex.words]
            if not all(present):
                return []
        if len(self) == 1:
            return [0]  # finditer's own pre-test will rule it out as cheaply
        if not all(any(self.has(s) for s in group) for group in regex.required):
            return []
        if regex.words:
            found = self.containing(present[0])
            found = {
                i
                for i in found
                if all(not group.isdisjoint(self.paragraph_words(i)) for group in present)
            }
        elif regex.required:
            for group in regex.required:  # every group is required: intersect
                where = self.containing(s for s in group if self.has(s))
                found = where if group is regex.required[0] else found & where
        else:
            return list(range(len(self)))
        return sorted(found | self.unaligned)

    def regex_spans(self, regexes: RegexSet) -> dict[int, list[tuple[int, int]]]:
        """Non-empty match spans of each regex, by paragraph (only paragraphs with some)."""
        found: dict[int, list[tuple[int, int]]] = {}
        for regex in regexes.possible(self.words):
            for index in self.candidates(regex):
                spans = [
                    m.span() for m in regex.finditer(self.paragraphs[index]) if m.end() > m.start()
                ]
                if spans:
                    found.setdefault(index, []).extend(spans)
        return found

    def phrase_spans(self, matcher: PhraseMatcher) -> dict[int, list[tuple[int, int]]]:
        """Matches of a phrase list, by paragraph (only paragraphs with some).

        A paragraph is tokenised only when its words include every whole word of some
        phrase; for most phrase lists and most paragraphs none do.
        """
        live = matcher.live(self.words, self.has)
        todo = self.containing(matcher.anchors(live, self.words)) if live else set()
        found: dict[int, list[tuple[int, int]]] = {}
        for index in sorted(todo | self.unaligned):
            paragraph = self.paragraphs[index]
            if not paragraph.aligned:
                spans = matcher.spans(paragraph)
            else:
                words = self.paragraph_words(index)
                phrases = [p for p in live if p.could_match(words)]
                spans = matcher.find(self.tokens(index), phrases) if phrases else []
            if spans:
                found[index] = spans
        return found
