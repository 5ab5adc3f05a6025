"""Crisis concepts, the cues: a sentence (or a window of sentences) tokenised once, and the
spans of the classes' cues found in it, each cue with its own conditions (a clause end, a
first-person word before it, the start of a sentence, a subject that is not someone else).

Used by :mod:`crisis_concepts`, which decides which rules fire on what is found.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from safenote.core.policy.crisis_concept_rules import concepts
from safenote.core.policy.crisis_concept_types import (
    APOSTROPHE_LESS,
    BIG,
    EVERYDAY_SENSE,
    Concepts,
    Cue,
)
from safenote.core.policy.tokens import WORD_RE

__all__ = ["Found", "Unit", "find_cues", "make_unit"]

# A word with its apostrophe parts ("i'm", "don't"), or a comma (it ends a "$" cue).
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|,")
# After a "$" cue, these still count as the end of its clause.
_END_OK = frozenset(
    {"and", "or", "but", "again", "anymore", "ever", "tomorrow", "forever", "tonight",
     "sometimes", "tbh", "honestly", "now", "soon", "already", "too", "lol"}
)  # fmt: skip
# Classes whose words, right after another person ("he died"), are not about the writer.
_SUBJECT_BOUND = frozenset(
    {"ending", "continuation", "presence", "self-harm-act", "fall-act", "fall-strong"}
)
_LOOKBACK = 3  # words before a risk word searched for its subject
# Person words stay found inside an everyday phrase: "I'm" in "I'm drowning in emails" is
# still the writer, and another cue of the sentence may need it.
_NEVER_HIDDEN = frozenset({"self", "other", EVERYDAY_SENSE})
# "He's", "it's", "what's": 's is "is" or "has" after these, not a possessive.
_CONTRACTED = frozenset(
    {"he", "she", "it", "that", "what", "there", "here", "who", "let", "where", "how",
     "everyone", "everything", "nobody", "somebody", "someone", "no one", "life", "today",
     "tonight", "time", "this"}
)  # fmt: skip


# Class -> (start, end) spans of its cues in one sentence.
Found = dict[str, list[tuple[int, int]]]


def _words(text: str, start: int, end: int) -> list[str]:
    """The sentence's tokens, numbers of 10 or more as "#big", apostrophes restored."""
    words = _TOKEN.findall(text, start, end)
    for index, token in enumerate(words):
        if token in APOSTROPHE_LESS:
            words[index] = APOSTROPHE_LESS[token]
        elif token.endswith("'s") and token[:-2] not in _CONTRACTED:
            words[index] = token[:-2]  # "my flatmate's food": the flatmate
        elif token.isascii() and token.isdigit():
            words[index] = BIG if len(token) <= 4 and int(token) >= 10 else token
    return words


def _offsets(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for match in _TOKEN.finditer(text, start, end):
        starts.append(match.start())
        ends.append(match.end())
    return starts, ends


def find_cues(
    concepts: Concepts,
    strings: list[str],
    offsets: tuple[list[int], list[int]],
    wanted: frozenset[str],
    sentence_starts: frozenset[int] = frozenset({0}),
) -> Found:
    """Spans of the cues of the ``wanted`` classes in one sentence (or one window of
    sentences, whose sentences begin at the token indices ``sentence_starts``), by class."""
    starts, ends = offsets
    found: Found = {}
    count = len(strings)
    for index, token in enumerate(strings):
        for cue in concepts.by_first.get(token, ()):
            if cue.klass not in wanted:
                continue
            last = index + len(cue.words) - 1
            if last >= count:
                continue
            if any(strings[index + k] not in cue.words[k] for k in range(1, len(cue.words))):
                continue
            if cue.clause_end and last + 1 < count:
                following = strings[last + 1]
                if following != "," and following not in _END_OK:
                    continue
            if cue.klass in _SUBJECT_BOUND and _about_someone_else(strings, index):
                continue
            if cue.self_before and not _said_of_self(strings, index):
                continue
            if cue.sentence_start and index not in sentence_starts:
                continue
            found.setdefault(cue.klass, []).append((starts[index], ends[last]))
    if EVERYDAY_SENSE in found:
        _hide_everyday_senses(found)
    return found


def _hide_everyday_senses(found: Found) -> None:
    """Drop the cues lying inside an everyday phrase ("drowning" in "drowning in
    paperwork"): the phrase says what those words mean here. Cues elsewhere in the
    sentence still count, so "I'm drowning in debt and want to disappear" is heard."""
    phrases = found.pop(EVERYDAY_SENSE)
    for klass in [k for k in found if k not in _NEVER_HIDDEN]:
        kept = [
            (s, e) for s, e in found[klass] if not any(ps <= s and e <= pe for ps, pe in phrases)
        ]
        if kept:
            found[klass] = kept
        else:
            del found[klass]


@cache
def _single_words(klass: str) -> frozenset[str]:
    return frozenset(
        form for cue in _class_cues(klass) if len(cue.words) == 1 for form in cue.words[0]
    )


@cache
def _class_cues(klass: str) -> tuple[Cue, ...]:
    return tuple(cue for cues in concepts().by_first.values() for cue in cues if cue.klass == klass)


def _said_of_self(strings: list[str], index: int) -> bool:
    """A first-person word a few words before ``index``: "I'm dead", "I'd be better dead"."""
    selves = _single_words("self")
    for back in range(index - 1, max(-1, index - 1 - _LOOKBACK - 1), -1):
        if strings[back] == ",":
            return False
        if strings[back] in selves:
            return True
    return False


def _about_someone_else(strings: list[str], index: int) -> bool:
    """True when the nearest person word before ``index`` (a few words back) is not the
    writer: "he died", "a man who jumps". The writer's own words win ("I think he...")."""
    others, selves = _single_words("other"), _single_words("self")
    for back in range(index - 1, max(-1, index - 1 - _LOOKBACK), -1):
        token = strings[back]
        if token in selves or token == ",":  # noqa: S105 (a comma, not a password)
            return False
        if token in others:
            return True
    return False


class Unit(NamedTuple):
    """One sentence, tokenised once: a window of sentences reuses it."""

    start: int
    end: int
    strings: list[str]
    starts: list[int]
    ends: list[int]
    words: frozenset[str]
    runs: frozenset[str]  # its batch words (runs of \w), as the gates are made of


def make_unit(text: str, start: int, end: int) -> Unit:
    strings = _words(text, start, end)
    starts, ends = _offsets(text, start, end)
    runs = frozenset(WORD_RE.findall(text, start, end))
    return Unit(start, end, strings, starts, ends, frozenset(strings), runs)
