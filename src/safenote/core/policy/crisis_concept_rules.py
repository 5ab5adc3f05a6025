"""Crisis concepts, the data: word classes and rules from ``resources/crisis/concepts.toml``.

Parsing cues into token sets (with inflections and apostrophe-less spellings), and working
out each rule's *gates*: words one of which any text the rule fires on must hold, so
:mod:`crisis_concepts` can skip a paragraph or a sentence with a few set tests. The types
are in :mod:`crisis_concept_types`.

Built once, on a background thread, and then most of the guidance engine's memory: equal
token sets, id tuples and cue tuples are shared, and the build's helpers die before the
last index is built, so the peak stays close to what is kept.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from functools import cache
from typing import Any

from safenote.core import resources
from safenote.core.policy.crisis_concept_types import (
    APOSTROPHE_LESS,
    BIG,
    ConceptRule,
    Concepts,
    Cue,
    CueIndex,
    Ids,
    normal,
)
from safenote.core.policy.matching import COMMON_WORDS
from safenote.core.policy.phrases import inflected_forms, shared_set
from safenote.core.policy.text import APOSTROPHES

__all__ = [
    "APOSTROPHE_LESS",
    "BIG",
    "ConceptRule",
    "Concepts",
    "Cue",
    "CueIndex",
    "Ids",
    "build_concepts",
    "concepts",
    "normal",
]

_PIECE = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_WORD = re.compile(r"\w+")
_NO_INFLECT_MARK = "="
_CLAUSE_END_MARK = "$"
_SELF_BEFORE_MARK = "@"
_SENTENCE_START_MARK = "^"


@cache
def _word_forms(word: str) -> tuple[frozenset[str], ...]:
    """Allowed tokens for each token of one cue word ("multi-storey" is two tokens). Cached:
    a word in many cues shares one set (the inflection sets are most of the layer's size)."""
    inflect = not word.endswith(_NO_INFLECT_MARK)
    word = word.rstrip(_NO_INFLECT_MARK)
    if word == BIG:
        return (shared_set(frozenset({BIG})),)
    pieces = _PIECE.findall(word)
    if len(pieces) != 1:
        return tuple(shared_set(frozenset({normal(p)})) for p in pieces)
    forms = inflected_forms(word, inflect)
    return (shared_set(frozenset(forms) if forms else frozenset({normal(word)})),)


def _parse_cue(klass: str, text: str) -> Cue:
    text = text.lower().translate(APOSTROPHES).strip()
    clause_end = text.endswith(_CLAUSE_END_MARK)
    self_before = text.endswith(_SELF_BEFORE_MARK)
    sentence_start = text.startswith(_SENTENCE_START_MARK)
    words: list[frozenset[str]] = []
    for word in (
        text.lstrip(_SENTENCE_START_MARK).rstrip(_CLAUSE_END_MARK + _SELF_BEFORE_MARK).split()
    ):
        words.extend(_word_forms(word))
    return Cue(klass, tuple(words), clause_end, self_before, sentence_start)


# Frequent words make poor gates (any paragraph has them): a rule is gated on the class
# of its needs whose words are rarest. COMMON_WORDS plus these.
_FREQUENT = COMMON_WORDS | frozenset(
    {
     "about", "after", "again", "also", "always", "am", "an", "any", "around", "as", "away",
     "back", "because", "before", "being", "better", "big", "both", "by", "came", "come", "did",
     "does", "doing", "done", "down", "even", "ever", "every", "first", "go", "goes", "good",
     "got", "great", "into", "its", "last", "let", "long", "look", "lot", "many", "more", "most",
     "much", "must", "need", "never", "new", "night", "nothing", "off", "old", "one", "only",
     "or", "other", "our", "out", "over", "own", "part", "people", "put", "right", "same", "see",
     "should", "since", "some", "something", "such", "than", "then", "these", "thing", "things",
     "those", "though", "through", "time", "to", "too", "took", "two", "up", "us", "use", "used",
     "very", "want", "was", "way", "we", "well", "went", "were", "what", "where", "which",
     "while", "who", "why", "will", "with", "work", "would", "year", "years", "yes", "yet",
     "you", "your", "week", "today", "home", "life", "plan", "plans", "walk", "notice", "still",
     "if", "it", "is", "of", "in", "on", "at", "me", "my", "the", "and", "be",
     "i", "a", "so", "no", "not",
    }
)  # fmt: skip
_NORMAL_TARGETS = frozenset(APOSTROPHE_LESS.values())
_EVERYWHERE = frozenset({"self", "negation", "desire", "abuser", "other", "victim"})


_TYPED_WITHOUT_APOSTROPHE: dict[str, frozenset[str]] = {
    full: frozenset(k for k, v in APOSTROPHE_LESS.items() if v == full)
    for full in set(APOSTROPHE_LESS.values())
}


def _batch_forms(forms: frozenset[str]) -> frozenset[str] | None:
    """The batch words (runs of \\w) one of which a text matching ``forms`` holds: "don't"
    shows as "don" or "dont". None when a form has no such word ("#big")."""
    found: set[str] = set()
    for form in forms:
        runs = _WORD.findall(form)
        if form == BIG or not runs:
            return None
        longest = max(runs, key=len)
        found.add(form if longest == form else longest)  # the cue's own string when equal
        found |= _TYPED_WITHOUT_APOSTROPHE.get(form, frozenset())
    # Mostly equal to ``forms`` itself ("jump", "jumps"...): then it is that very object.
    return shared_set(frozenset(found))


def _rarity(forms: frozenset[str]) -> tuple[bool, bool, int]:
    return (forms.isdisjoint(_FREQUENT), min(map(len, forms)) >= 4, -len(forms))


def _cue_gate(
    cue: Cue, batch_forms: Callable[[frozenset[str]], frozenset[str] | None] = _batch_forms
) -> frozenset[str] | None:
    """Batch words one of which any text the cue matches holds, from its rarest word."""
    for forms in sorted(cue.words, key=_rarity, reverse=True):
        gate = batch_forms(forms)
        if gate is not None:
            return gate
    return None


def _need_gates(
    needs: tuple[frozenset[str], ...], per_need: _PerNeed
) -> tuple[AbstractSet[str] | None, ...]:
    """Per need (but "self?"): batch words one of which any text meeting it holds, or None
    when a cue of it has no such word."""
    gates = tuple(per_need.gate(classes) for classes in needs if classes != {"self?"})
    if all(g is None for g in gates):
        raise ValueError(f"no need of {needs} can gate the rule")
    return gates


class _WordIds:
    """Gives each distinct cue word (its set of batch forms) a small integer id."""

    def __init__(self) -> None:
        self.ids: dict[frozenset[str], int] = {}
        # Form -> the ids of the cue words it can be. Kept frozen and shared as it grows,
        # not one mutable set per form: the forms of one inflected word ("jump", "jumps",
        # "jumped") hold the same ids, and 6,000 sets cost over a megabyte mid-build.
        self.by_form: dict[str, Ids] = {}
        self._shared: dict[Ids, Ids] = {}

    def __call__(self, forms: frozenset[str]) -> int:
        found = self.ids.get(forms)
        if found is None:
            found = self.ids[forms] = len(self.ids)
            by_form, shared = self.by_form, self._shared
            for form in forms:
                ids = by_form.get(form)
                grown = (found,) if ids is None else (*ids, found)  # ids only grow
                by_form[form] = shared.setdefault(grown, grown)
        return found


def _gate_cue_index(
    classes: frozenset[str],
    cues: list[Cue],
    cue_ids: Callable[[Cue], Ids],
    cue_gate: Callable[[Cue], frozenset[str] | None],
) -> CueIndex | None:
    index: dict[str, list[Ids]] = {}
    for cue in cues:
        if cue.klass not in classes:
            continue
        gate = cue_gate(cue)
        if gate is None:
            return None
        words = cue_ids(cue)
        for form in gate:
            index.setdefault(form, []).append(words)
    return {form: tuple(found_cues) for form, found_cues in index.items()}


class _PerNeed:
    """What each need (a set of classes) yields, worked out once per distinct need: many
    rules share a need ("self", an ending...), and a copy for each rule came to megabytes."""

    def __init__(self, cues: list[Cue], word_id: _WordIds) -> None:
        self._cues, self._word_id = cues, word_id
        self._gates: dict[frozenset[str], AbstractSet[str] | None] = {}
        self._indexes: dict[frozenset[str], CueIndex | None] = {}
        self._cue_words: dict[frozenset[str], tuple[tuple[frozenset[str], ...], ...]] = {}
        self._ids: dict[Cue, Ids] = {}
        self._shared_ids: dict[Ids, Ids] = {}
        self._cue_gates: dict[Cue, frozenset[str] | None] = {}
        self._batch_forms: dict[frozenset[str], frozenset[str] | None] = {}
        self._shared_cue_lists: dict[tuple[Ids, ...], tuple[Ids, ...]] = {}

    def batch_forms(self, forms: frozenset[str]) -> frozenset[str] | None:
        """:func:`_batch_forms`, once per distinct cue word (cue words are shared sets)."""
        if forms not in self._batch_forms:
            self._batch_forms[forms] = _batch_forms(forms)
        return self._batch_forms[forms]

    def cue_ids(self, cue: Cue) -> Ids:
        """The ids of a cue's words (a cue serves every need that names its class)."""
        found = self._ids.get(cue)
        if found is None:
            word_id = self._word_id
            ids = tuple(
                sorted(
                    {
                        word_id(forms)
                        for forms in map(self.batch_forms, cue.words)
                        if forms is not None
                    }
                )
            )
            found = self._ids[cue] = self._shared_ids.setdefault(ids, ids)
        return found

    def cue_gate(self, cue: Cue) -> frozenset[str] | None:
        """:func:`_cue_gate`, once per cue (a cue serves every need naming its class)."""
        if cue not in self._cue_gates:
            self._cue_gates[cue] = _cue_gate(cue, self.batch_forms)
        return self._cue_gates[cue]

    def gate(self, classes: frozenset[str]) -> AbstractSet[str] | None:
        if classes not in self._gates:
            index = self.index(classes)
            # The gate: batch words one of which any text meeting the need holds (None
            # when a cue has none). They are the index's keys, and a view of them answers
            # isdisjoint and & as a set would, without a second copy of the words.
            self._gates[classes] = index.keys() if index is not None else None
        return self._gates[classes]

    def index(self, classes: frozenset[str]) -> CueIndex | None:
        if classes not in self._indexes:
            index = _gate_cue_index(classes, self._cues, self.cue_ids, self.cue_gate)
            if index is not None:
                # Needs sharing a class hold equal cue lists for its words: share them.
                shared = self._shared_cue_lists
                index = {form: shared.setdefault(found, found) for form, found in index.items()}
            self._indexes[classes] = index
        return self._indexes[classes]

    def cue_words(self, classes: frozenset[str]) -> tuple[tuple[frozenset[str], ...], ...]:
        if classes not in self._cue_words:
            self._cue_words[classes] = tuple(c.words for c in self._cues if c.klass in classes)
        return self._cue_words[classes]


def _primary(
    needs: tuple[frozenset[str], ...], gates: tuple[AbstractSet[str] | None, ...]
) -> AbstractSet[str]:
    """The need gate of rarest words: what a paragraph is first searched for. Never the
    first-person or negation words when another need can serve: every text has those."""
    options = [
        (bool(classes & _EVERYWHERE), len(gate & _FREQUENT), len(gate), gate)
        for classes, gate in zip((n for n in needs if n != {"self?"}), gates, strict=True)
        if gate is not None
    ]
    return min(options, key=lambda option: option[:3])[3]


def build_concepts(data: dict[str, object]) -> Concepts:
    raw_classes = data["concepts"]
    raw_rules = data["rule"]
    if not isinstance(raw_classes, dict) or not isinstance(raw_rules, list):
        raise TypeError("concepts.toml: [concepts] must be a table and [[rule]] a list")
    cues = [_parse_cue(str(k), str(t)) for k, texts in raw_classes.items() for t in texts]
    # The per-need helpers live only inside _rules: freed before the first-word index.
    rules, word_ids = _rules(raw_rules, frozenset(raw_classes), cues)
    # Gate word -> rule indices; a rule's gate words all get equal tuples: share them.
    by_gate: dict[str, tuple[int, ...]] = {}
    shared: dict[tuple[int, ...], tuple[int, ...]] = {}
    for index, rule in enumerate(rules):
        for word in rule.gate:
            grown = (*by_gate.get(word, ()), index)
            by_gate[word] = shared.setdefault(grown, grown)
    del shared
    found = Concepts(
        tuple(rules), _by_first(cues), frozenset(raw_classes) | {"self?"}, by_gate, word_ids
    )
    # The cues hold the shared sets now; the cache would only keep the toml's words alive.
    _word_forms.cache_clear()
    return found


def _rules(
    raw_rules: list[Any], known: frozenset[str], cues: list[Cue]
) -> tuple[list[ConceptRule], dict[str, Ids]]:
    """The rules, and each batch word's cue word ids (see Concepts.word_ids)."""
    rules = []
    word_id = _WordIds()
    per_need = _PerNeed(cues, word_id)
    for raw in raw_rules:
        needs = tuple(frozenset(str(n).split("|")) for n in raw["needs"])
        unknown = set().union(*needs, raw.get("unless", [])) - known - {"self?"}
        if unknown:
            raise ValueError(f"concepts.toml: rule {raw['name']} names unknown {unknown}")
        rules.append(
            ConceptRule(
                name=str(raw["name"]),
                why=str(raw["why"]),
                needs=needs,
                unless=frozenset(str(u) for u in raw.get("unless", [])),
                negatable=bool(raw["negatable"]),
                gentle=bool(raw["gentle"]),
                fires=tuple(str(t) for t in raw.get("fires", [])),
                quiet=tuple(str(t) for t in raw.get("quiet", [])),
                need_gates=(gates := _need_gates(needs, per_need)),
                gate=_primary(needs, gates),
                need_cues=tuple(
                    per_need.cue_words(classes) for classes in needs if classes != {"self?"}
                ),
                gate_cues=tuple(
                    per_need.index(classes) for classes in needs if classes != {"self?"}
                ),
                classes=frozenset().union(*needs, raw.get("unless", []))
                | ({"self", "other"} if {"self?"} in needs else set()),
            )
        )
    return rules, word_id.by_form


def _by_first(cues: list[Cue]) -> dict[str, tuple[Cue, ...]]:
    """First-word token -> the cues starting with it, in cue order. Every form of one first
    word ("jump", "jumps"...) gets the same tuple, not a copy each (6,700 forms)."""
    groups: dict[frozenset[str], list[Cue]] = {}
    for cue in cues:
        groups.setdefault(cue.words[0], []).append(cue)
    order = {id(cue): number for number, cue in enumerate(cues)}
    by_first: dict[str, tuple[Cue, ...]] = {}
    for forms, members in groups.items():
        group = tuple(members)
        for form in forms:
            prior = by_first.get(form)
            # A form of two first words ("cutting" alone and in "cut"): merge in cue order.
            by_first[form] = (
                group
                if prior is None
                else tuple(sorted(prior + group, key=lambda cue: order[id(cue)]))
            )
    return by_first


@cache
def concepts() -> Concepts:
    return build_concepts(tomllib.loads(resources.read_text("crisis", "concepts.toml")))
