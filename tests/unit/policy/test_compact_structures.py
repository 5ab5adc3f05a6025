"""The engine's compact, shared structures answer every lookup the plain ones did.

The crisis concepts and phrase lists are built with equal sets and tuples shared, key sets
as dict views and the phrase lists' regex kept only in its exact (IGNORECASE) form, to cut
the memory the engine costs. Each test here rebuilds the plain structure from the real
rules and checks the compact one gives the same answers.
"""

from __future__ import annotations

import random
import re
import tomllib
from dataclasses import replace

import pytest

from safenote.core import resources
from safenote.core.policy.crisis_concept_rules import (
    BIG,
    Cue,
    _batch_forms,
    _parse_cue,
    concepts,
)
from safenote.core.policy.crisis_concepts import _SENTENCE_END, _possible, sentence_hits
from safenote.core.policy.crisis_phrases import phrase_families
from safenote.core.policy.matching import fold
from safenote.core.policy.tokens import PhraseMatcher

DATA = tomllib.loads(resources.read_text("crisis", "concepts.toml"))
CUES: list[Cue] = [_parse_cue(k, t) for k, texts in DATA["concepts"].items() for t in texts]
CONCEPTS = concepts()


def test_by_first_lists_the_cues_of_each_first_word_in_cue_order() -> None:
    plain: dict[str, list[Cue]] = {}
    for cue in CUES:
        for form in cue.words[0]:
            plain.setdefault(form, []).append(cue)
    assert {form: tuple(cues) for form, cues in plain.items()} == CONCEPTS.by_first
    # The forms of one first word share one tuple, so there are far fewer than forms.
    assert len({id(t) for t in CONCEPTS.by_first.values()}) < len(CONCEPTS.by_first) / 3


def test_by_gate_and_the_gate_view_are_the_plain_index() -> None:
    plain: dict[str, list[int]] = {}
    for index, rule in enumerate(CONCEPTS.rules):
        for word in rule.gate:
            plain.setdefault(word, []).append(index)
    assert {word: tuple(found) for word, found in plain.items()} == CONCEPTS.by_gate
    assert set(CONCEPTS.gate) == set(plain)


def _vocabulary() -> list[str]:
    words = {form for cue in CUES for forms in cue.words for form in forms}
    words |= {run for word in list(words) for run in word.replace("'", " ").split()}
    return sorted(words | {"the", "weekend", "zzz"})


VOCABULARY = _vocabulary()


# Per cue: its class and the batch forms of each of its words (None: no word, "#big").
CUE_FORMS = [(cue.klass, [_batch_forms(forms) for forms in cue.words]) for cue in CUES]


def _plain_possible(words: frozenset[str]) -> list[str]:
    """Rules every need of which has a cue whose words all show in ``words``, by brute
    force over the cues (what gate_cues, word_ids and satisfied() index). A need with a
    cue that has no gate word at all (only "#big") gates nothing."""
    shown = {
        klass
        for klass, forms in CUE_FORMS
        if all(f is None or not f.isdisjoint(words) for f in forms)
    }
    ungated = {klass for klass, forms in CUE_FORMS if all(f is None for f in forms)}
    return [
        rule.name
        for rule in CONCEPTS.rules
        if all(n & shown for n in rule.needs if n != {"self?"} and not n & ungated)
    ]


def _text_words(rng: random.Random) -> frozenset[str]:
    """The words of one of the rules' own examples, give or take a few."""
    rule = rng.choice(CONCEPTS.rules)
    text = rng.choice([*rule.fires, *rule.quiet]).lower().replace("’", "'")
    words = set(re.findall(r"\w+", text))
    words -= set(rng.sample(sorted(words), rng.randint(0, 2)))
    return frozenset(words | set(rng.sample(VOCABULARY, rng.randint(0, 20))))


@pytest.mark.parametrize("seed", range(4))
def test_possible_rules_equal_a_brute_force_over_the_cues(seed: int) -> None:
    rng = random.Random(seed)
    some = 0
    for _ in range(100):
        words = _text_words(rng)
        found = [rule.name for rule in _possible(CONCEPTS.rules, words, whole_cues=True)]
        assert found == _plain_possible(words), sorted(words)
        some += bool(found)
    assert some > 20  # the texts do make rules possible, not only rule them out


def test_satisfied_is_the_union_of_the_ids_of_every_present_form() -> None:
    rng = random.Random(5)
    for _ in range(100):
        words = frozenset(rng.sample(VOCABULARY, 30))
        plain = set().union(*(CONCEPTS.word_ids[w] for w in words if w in CONCEPTS.word_ids))
        assert CONCEPTS.satisfied(words) == plain
        assert set(CONCEPTS.cue_forms & words) == {w for w in words if w in CONCEPTS.word_ids}


def test_word_ids_group_forms_exactly_as_the_cue_words_do() -> None:
    # An id stands for one cue word: the forms holding it are that word's batch forms.
    forms_of: dict[int, set[str]] = {}
    for form, ids in CONCEPTS.word_ids.items():
        for ident in ids:
            forms_of.setdefault(ident, set()).add(form)
    cue_words = {_batch_forms(forms) for cue in CUES for forms in cue.words} - {None}
    assert {frozenset(forms) for forms in forms_of.values()} <= cue_words
    assert len(forms_of) == len(set(map(frozenset, forms_of.values())))


def test_equal_token_sets_are_one_object_across_cues_and_phrase_lists() -> None:
    sets = [forms for cue in CONCEPTS.by_first.values() for c in cue for forms in c.words]
    sets += [
        forms
        for family in phrase_families()
        for phrase in family.matcher.phrases
        for word in phrase.words
        for forms in word
    ]
    assert len({id(s) for s in sets}) == len(set(sets))
    assert BIG in set().union(*sets)


@pytest.mark.parametrize(
    "text",
    [
        "İ want to kill myself tonight",  # lower-casing changes the length: the exact path
        "İstanbul trip, I'm going to end it all",
        "KİLL MYSELF",
        "I want to die",
    ],
)
def test_the_exact_regex_path_equals_the_reference(text: str) -> None:
    for family in phrase_families():
        matcher: PhraseMatcher = family.matcher
        folded = fold(text)
        reference = [m.span() for m in matcher.reference.finditer(folded) if m.end() > m.start()]
        assert matcher.spans(folded) == reference, (family.name, text)


def test_phrase_anchors_index_every_phrase_as_the_plain_lists_did() -> None:
    for family in phrase_families():
        matcher = family.matcher
        plain: dict[str, list[object]] = {}
        for phrase in matcher.phrases:
            anchor = phrase.anchor
            if not isinstance(anchor, str):
                for form in anchor:
                    plain.setdefault(form, []).append(phrase)
        assert {form: tuple(found) for form, found in plain.items()} == matcher._by_anchor


def _sentences() -> list[tuple[str, int, int]]:
    texts = [t for rule in CONCEPTS.rules for t in (*rule.fires, *rule.quiet)]
    texts += ["I'm going to end it all tonight. The pills are in the drawer; nobody knows."]
    found: list[tuple[str, int, int]] = []
    for text in texts:
        folded = fold(text).folded
        start = 0
        for end in [m.start() for m in _SENTENCE_END.finditer(folded)] + [len(folded)]:
            if end > start:
                found.append((folded, start, end))
            start = end + 1
    return found


def test_the_sentence_gate_test_never_changes_a_sentence_hit() -> None:
    # sentence_hits tests each need's gate words before its cues; with no gates at all
    # only the cue test decides, and it must decide the same.
    ungated = tuple(
        replace(rule, need_gates=(None,) * len(rule.need_gates)) for rule in CONCEPTS.rules
    )
    some = 0
    for text, start, end in _sentences():
        hits = sentence_hits(CONCEPTS, text, start, end, CONCEPTS.rules)
        assert hits == sentence_hits(CONCEPTS, text, start, end, ungated), text[start:end]
        some += bool(hits)
    assert some > 100
