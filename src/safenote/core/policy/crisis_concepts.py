"""Crisis concepts: risk found by ideas that co-occur in a sentence, not by exact wording.

The phrase and regex families (:mod:`crisis`, :mod:`crisis_phrases`) catch the wording they
were written for and little else: on fresh messages they found a quarter to a half of
first-person crisis messages. This layer looks, per sentence, for *classes* of words
(``resources/crisis/concepts.toml``): a first-person word, an ending ("fade away", "be
over"), means (pills, a rope), a movement towards a drop, a blade used, violence from
someone, urges to hurt someone, voices giving orders... and fires when a rule's classes all
occur together, unless an idiom, a trip away or a break-up explains the words.

It runs on every keystroke, so it is gated (see :mod:`crisis_concept_rules`): a paragraph
is looked at only when, for some rule, every need has a whole cue among its words, and
inside it only sentences holding one of those rules' gate words are tokenised.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from safenote.core.policy.batch import Batch
from safenote.core.policy.crisis_concept_rules import concepts
from safenote.core.policy.crisis_concept_types import (
    APOSTROPHE_LESS,
    BIG,
    ConceptRule,
    Concepts,
    Cue,
)
from safenote.core.policy.matching import Folded
from safenote.core.policy.text import APOSTROPHES
from safenote.core.policy.tokens import WORD_RE

__all__ = ["concept_batch_hits", "concepts", "paragraph_hits", "sentence_hits"]

# A word with its apostrophe parts ("i'm", "don't"), or a comma (it ends a "$" cue).
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|,")
# A sentence ends at . ! ? ; … before a space (not "8.15"), or at a line break.
_SENTENCE_END = re.compile(r"[.!?;…]+(?=\s|$)|\n")
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


def _find_cues(
    concepts: Concepts,
    strings: list[str],
    offsets: tuple[list[int], list[int]],
    wanted: frozenset[str],
) -> Found:
    """Spans of the cues of the ``wanted`` classes in one sentence, by class."""
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
            if cue.sentence_start and index:
                continue
            found.setdefault(cue.klass, []).append((starts[index], ends[last]))
    return found


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


def _present(found: Found, classes: frozenset[str]) -> bool:
    return any(k in found for k in classes)


def _rule_span(rule: ConceptRule, found: Found) -> tuple[int, int] | None:
    """The span to underline for ``rule`` in a sentence, or None when it does not fire."""
    if _present(found, rule.unless):
        return None
    spans: list[tuple[int, int]] = []
    for classes in rule.needs:
        if classes == {"self?"}:
            if "self" not in found and "other" in found:
                return None
            continue
        if not _present(found, classes):
            return None
        if classes & {"self", "negation"}:
            continue  # "I" far before the risk words would stretch the underline
        spans.extend(span for k in classes for span in found.get(k, ()))
    if not spans:
        return None
    return min(s for s, _ in spans), max(e for _, e in spans)


def sentence_hits(
    concepts: Concepts,
    text: str,
    start: int,
    end: int,
    rules: Sequence[ConceptRule] | None = None,
) -> list[tuple[int, int, str]]:
    """The strongest concept hit in ``text[start:end]`` (one sentence), as a tagged span."""
    strings = _words(text, start, end)
    words = set(strings)
    # The sentence's batch words: each need's gate must have one (as the paragraph's did),
    # a cheap test before the cue test below, which alone decides.
    runs = set(WORD_RE.findall(text, start, end))
    live = [
        rule
        for rule in (concepts.rules if rules is None else rules)
        if all(gate is None or not gate.isdisjoint(runs) for gate in rule.need_gates)
        and all(
            any(all(not w.isdisjoint(words) for w in cue) for cue in need)
            for need in rule.need_cues
        )
    ]
    if not live:
        return []
    wanted = frozenset().union(*(rule.classes for rule in live)) | {"self", "other"}
    found = _find_cues(concepts, strings, _offsets(text, start, end), wanted)
    best: tuple[int, int, str] | None = None
    for rule in live:
        span = _rule_span(rule, found)
        if span is None:
            continue
        gentle = rule.gentle or (rule.about_writer and _someone_else_first(found, span[0]))
        if not gentle:
            return [(span[0], span[1], rule.tag)]
        best = best or (span[0], span[1], "g" + rule.tag[1:])
    return [best] if best else []


def _someone_else_first(found: Found, start: int) -> bool:
    """ "My brother keeps thinking about swerving into traffic, he told me": someone else is
    named before the risk words and the writer is not; the gentle panel then."""
    others = [s for s, _ in found.get("other", ()) if s < start]
    selves = [s for s, _ in found.get("self", ()) if s < start]
    return bool(others) and not selves


def _possible(
    rules: Iterable[ConceptRule], words: frozenset[str], whole_cues: bool = False
) -> list[ConceptRule]:
    """The rules every need of which has a gate word among ``words`` (and, ``whole_cues``,
    a cue with all of its words there)."""
    possible = [
        rule
        for rule in rules
        if all(gate is None or not gate.isdisjoint(words) for gate in rule.need_gates)
    ]
    if not whole_cues or not possible:
        return possible
    present = concepts().satisfied(words)
    return [
        rule
        for rule in possible
        if all(
            need is None
            # gate & words, not words & need: a frozenset intersection walks the smaller
            or any(present.issuperset(cue) for form in gate & words for cue in need[form])
            for need, gate in zip(rule.gate_cues, rule.need_gates, strict=True)
            if gate is not None
        )
    ]


def paragraph_hits(
    paragraph: Folded,
    rules: Sequence[ConceptRule] | None = None,
    words: frozenset[str] = frozenset(),
) -> list[tuple[int, int, str]]:
    """Concept hits in one paragraph, as tagged code-point spans into it. With ``rules``
    (those possible for the paragraph's ``words``), only sentences holding one of their
    gate words are looked at."""
    found = concepts()
    text = paragraph.folded if paragraph.aligned else paragraph.original.translate(APOSTROPHES)
    if not paragraph.aligned:
        text_lower = [c.lower() if len(c.lower()) == 1 else c for c in text]
        text = "".join(text_lower)  # same length, so offsets stay the original's
    if rules is None:
        rules = found.rules
        needles: tuple[str, ...] | None = None
    else:
        needles = tuple(frozenset().union(*(rule.gate for rule in rules)) & words)
    hits: list[tuple[int, int, str]] = []
    start = 0
    for end in [m.start() for m in _SENTENCE_END.finditer(text)] + [len(text)]:
        if end > start and (needles is None or any(w in text[start:end] for w in needles)):
            hits.extend(sentence_hits(found, text, start, end, rules))
        start = end + 1
    return hits


# Which rules are possible depends only on the words that belong to some cue, and a
# keystroke rarely changes those: remembered, the paragraph gate costs one intersection.
_POSSIBLE: dict[frozenset[str], tuple[ConceptRule, ...]] = {}
_POSSIBLE_LIMIT = 4096


def _possible_for(found: Concepts, words: frozenset[str]) -> tuple[ConceptRule, ...]:
    """The rules possible for a text with these words (whole cues), remembered."""
    key = frozenset(found.cue_forms & words)
    rules = _POSSIBLE.get(key)
    if rules is None:
        if len(_POSSIBLE) >= _POSSIBLE_LIMIT:
            _POSSIBLE.clear()
        rules = _POSSIBLE[key] = tuple(_possible(found.gated(key), key, whole_cues=True))
    return rules


def concept_batch_hits(batch: Batch) -> dict[int, list[tuple[int, int, str]]]:
    """Concept hits by paragraph, for the paragraphs of ``batch`` where a rule is possible."""
    found_concepts = concepts()
    if batch.unaligned:
        rules: Sequence[ConceptRule] = _possible(found_concepts.rules, batch.words, whole_cues=True)
    else:
        # Most paragraphs hold no gate word at all: one set intersection, and done.
        rules = _possible_for(found_concepts, batch.words)
        if not rules:
            return {}
    searched = frozenset().union(*(rule.gate for rule in rules)) & batch.words
    found: dict[int, list[tuple[int, int, str]]] = {}
    for index in sorted(batch.containing(searched) | batch.unaligned):
        paragraph = batch.paragraphs[index]
        if paragraph.aligned:
            words = batch.paragraph_words(index)
            live = rules if len(batch) == 1 else _possible_for(found_concepts, words)
            hits = paragraph_hits(paragraph, live, words) if live else []
        else:
            hits = paragraph_hits(paragraph)
        if hits:
            found[index] = hits
    return found
