"""Crisis concepts: risk found by ideas that co-occur in a sentence, not by exact wording.

The phrase and regex families (:mod:`crisis`, :mod:`crisis_phrases`) catch the wording they
were written for and little else: on fresh messages they found a quarter to a half of
first-person crisis messages. This layer looks, per sentence, for *classes* of words
(``resources/crisis/concepts.toml``): a first-person word, an ending ("fade away", "be
over"), means (pills, a rope), a movement towards a drop, a blade used, violence from
someone, urges to hurt someone, voices giving orders... and fires when a rule's classes all
occur together, unless an idiom, a trip away or a break-up explains the words.

An idea spread over two sentences ("Nobody would notice. If I was gone I mean.") or over a
sentence and the fragments after it ("i want to go to sleep and just. not. wake up.") is
read too: where no sentence fired alone, each pair of neighbouring sentences in a paragraph
(a fragment joins the next) is one window, and a rule firing on it raises the gentle panel.

It runs on every keystroke, so it is gated (see :mod:`crisis_concept_rules`): a paragraph
is looked at only when, for some rule, every need has a whole cue among its words, and
inside it only sentences holding one of those rules' gate words are tokenised.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise

from safenote.core.policy.batch import Batch
from safenote.core.policy.crisis_concept_cues import Found, Unit, find_cues, make_unit
from safenote.core.policy.crisis_concept_rules import concepts
from safenote.core.policy.crisis_concept_types import (
    EVERYDAY_SENSE,
    ConceptRule,
    Concepts,
)
from safenote.core.policy.matching import Folded
from safenote.core.policy.text import APOSTROPHES

__all__ = ["concept_batch_hits", "concepts", "paragraph_hits", "sentence_hits"]

# A sentence ends at . ! ? ; … before a space (not "8.15"), or at a line break.
_SENTENCE_END = re.compile(r"[.!?;…]+(?=\s|$)|\n")


def _present(found: Found, classes: frozenset[str]) -> bool:
    return any(k in found for k in classes)


def _rule_spans(rule: ConceptRule, found: Found) -> list[tuple[int, int]] | None:
    """The spans of the cues that make ``rule`` fire (not the first-person or negation
    words), or None when it does not fire."""
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
    return spans or None


def _rule_span(rule: ConceptRule, found: Found) -> tuple[int, int] | None:
    """The span to underline for ``rule`` in a sentence, or None when it does not fire."""
    spans = _rule_spans(rule, found)
    if spans is None:
        return None
    return min(s for s, _ in spans), max(e for _, e in spans)


def _live(
    rules: Sequence[ConceptRule], words: frozenset[str], runs: frozenset[str]
) -> list[ConceptRule]:
    """The rules each need of which has a gate word among ``runs`` (a cheap test) and a
    word of each word of one of its cues among ``words``; the cue test alone decides."""
    return [
        rule
        for rule in rules
        if all(gate is None or not gate.isdisjoint(runs) for gate in rule.need_gates)
        and all(
            any(all(not w.isdisjoint(words) for w in cue) for cue in need)
            for need in rule.need_cues
        )
    ]


def _wanted(live: Sequence[ConceptRule]) -> frozenset[str]:
    # Everyday phrases are always looked for: they hide the risk words inside them.
    return frozenset().union(*(rule.classes for rule in live)) | {"self", "other", EVERYDAY_SENSE}


def sentence_hits(
    concepts: Concepts,
    text: str,
    start: int,
    end: int,
    rules: Sequence[ConceptRule] | None = None,
) -> list[tuple[int, int, str]]:
    """The strongest concept hit in ``text[start:end]`` (one sentence), as a tagged span."""
    return _unit_hits(
        concepts, make_unit(text, start, end), concepts.rules if rules is None else rules
    )


def _unit_hits(
    concepts: Concepts, unit: Unit, rules: Sequence[ConceptRule]
) -> list[tuple[int, int, str]]:
    live = _live(rules, unit.words, unit.runs)
    if not live:
        return []
    found = find_cues(concepts, unit.strings, (unit.starts, unit.ends), _wanted(live))
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
    bounds: list[tuple[int, int]] = []
    start = 0
    for end in [m.start() for m in _SENTENCE_END.finditer(text)] + [len(text)]:
        if end > start:
            bounds.append((start, end))
        start = end + 1
    gated = [needles is None or any(w in text[s:e] for w in needles) for s, e in bounds]
    units: dict[int, Unit] = {}
    hits: list[tuple[int, int, str]] = []
    hit_sentences: set[int] = set()
    for index, (start, end) in enumerate(bounds):
        if gated[index]:
            unit = units[index] = make_unit(text, start, end)
            if sentence := _unit_hits(found, unit, rules):
                hits.extend(sentence)
                hit_sentences.add(index)
    if len(bounds) > 1 and any(gated):
        hits.extend(_window_hits(found, text, bounds, gated, units, hit_sentences, rules))
    return hits


# A sentence of this many words or fewer is a fragment ("not.", "the scissors."): it joins
# its neighbours with no clause break ("just. not. wake up." reads "just not wake up").
_FRAGMENT = 3
_WINDOW = 4  # sentences at most in one window (a pair, or a sentence and its fragments)


def _window_hits(
    concepts: Concepts,
    text: str,
    bounds: list[tuple[int, int]],
    gated: list[bool],
    units: dict[int, Unit],
    hit_sentences: set[int],
    rules: Sequence[ConceptRule],
) -> list[tuple[int, int, str]]:
    """Hits of ideas spread over two sentences, or over a sentence and the fragments after
    it ("Nobody would notice. If I was gone I mean."), where no sentence of the window fired
    on its own. Always the gentle panel: a window is weaker evidence than one sentence."""

    def unit(index: int) -> Unit:
        if index not in units:
            units[index] = make_unit(text, *bounds[index])
        return units[index]

    hits: list[tuple[int, int, str]] = []
    for first in range(len(bounds) - 1):
        if not any(gated[first : first + _WINDOW]):
            continue  # no rule's gate word anywhere the window could reach
        last = first + 1
        while last + 1 < len(bounds) and last - first + 1 < _WINDOW and _is_fragment(unit(last)):
            last += 1
        members = range(first, last + 1)
        if not any(gated[k] for k in members) or any(k in hit_sentences for k in members):
            continue
        window = [unit(k) for k in members]
        live = _live(
            rules,
            frozenset().union(*(u.words for u in window)),
            frozenset().union(*(u.runs for u in window)),
        )
        if not live:
            continue
        strings, starts, ends = (
            list(window[0].strings),
            list(window[0].starts),
            list(window[0].ends),
        )
        sentence_starts = {0}
        for before, after in pairwise(window):
            if not (_is_fragment(before) or _is_fragment(after)):
                # Between two whole sentences: a clause break (a "$" cue may end there,
                # and a risk word's subject is not looked for across it).
                strings.append(",")
                starts.append(before.end)
                ends.append(before.end + 1)
            sentence_starts.add(len(strings))
            strings += after.strings
            starts += after.starts
            ends += after.ends
        found = find_cues(
            concepts, strings, (starts, ends), _wanted(live), frozenset(sentence_starts)
        )
        hit = _window_hit(live, found, window)
        if hit and not any(s < hit[1] and hit[0] < e for s, e, _ in hits):
            hits.append(hit)
    return hits


def _is_fragment(unit: Unit) -> bool:
    """A sentence of a few words at most ("not.", "the scissors.")."""
    return sum(w != "," for w in unit.strings) <= _FRAGMENT


def _window_hit(
    live: Sequence[ConceptRule], found: Found, window: list[Unit]
) -> tuple[int, int, str] | None:
    """The first rule that fires on a window, as a gentle hit. A rule about the writer does
    not fire when one of the sentences its cues come from names someone else and not the
    writer ("My brother tried to kill himself last year. I think about it a lot."): the "I"
    of the next sentence is not the subject of the risk."""
    for rule in live:
        spans = _rule_spans(rule, found)
        if spans is None:
            continue
        if rule.about_writer and any(
            _someone_elses(found, unit)
            for unit in window
            if any(unit.start <= s < unit.end for s, _ in spans)
        ):
            continue
        return min(s for s, _ in spans), max(e for _, e in spans), "g" + rule.tag[1:]
    return None


def _someone_elses(found: Found, unit: Unit) -> bool:
    """Someone else is named in this sentence of a window, and the writer is not."""

    def named(klass: str) -> bool:
        return any(unit.start <= s < unit.end for s, _ in found.get(klass, ()))

    return named("other") and not named("self")


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
