"""The token matcher and the word gates find exactly what the reference regexes find."""

from __future__ import annotations

import re
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safenote.core import resources
from safenote.core.policy import crisis
from safenote.core.policy.batch import Batch, RegexSet
from safenote.core.policy.matching import CaselessRegex, caseless, fold, required_words
from safenote.core.policy.phrases import GAP, inflected_forms
from safenote.core.policy.text import APOSTROPHES
from safenote.core.policy.tokens import WORD_RE, PhraseMatcher, tokenize
from tests.unit.policy.test_matching import CORPUS_TEXTS

PACK = tomllib.loads(resources.read_text("packs", "default.toml"))
PHRASE_LISTS: list[tuple[list[str], bool]] = [
    (check["phrases"], check.get("inflect", True))
    for rule in PACK["rules"]
    for check in rule["checks"]
    if check["kind"] == "phrases"
]
# Awkward phrases a therapist's pack might hold: gaps, punctuation inside words, digits.
AWKWARD = (
    ["copying ~ husband", "a.s.a.p", "cc:", "don't ~ ~ reply", "e-mail me", "4 pm", "(call)"],
    True,
)
MATCHERS = [PhraseMatcher(phrases, inflect) for phrases, inflect in [*PHRASE_LISTS, AWKWARD]]


def reference(matcher: PhraseMatcher, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in matcher.reference.finditer(fold(text)) if m.end() > m.start()]


def _vocabulary() -> list[str]:
    words: set[str] = {"the", "and", "my", "x", "it's", "—", ",", ".", "?", "'", "-", ":", "İ"}
    for phrases, inflect in [*PHRASE_LISTS, AWKWARD]:
        for phrase in phrases:
            for word in phrase.split():
                if word != GAP:
                    words.update(inflected_forms(word, inflect) or [word, word.upper()])
    return sorted(words)


WORDS = st.sampled_from(_vocabulary())
GLUE = st.sampled_from([" ", " ", " ", "  ", "\n", ", ", "-", "'", "", "\t"])


def test_tokens_cover_the_text_but_whitespace() -> None:
    text = "I'd e-mail you (today), ok?  Σσ 4pm"
    tokens = tokenize(text)
    assert tokens.strings == ["I", "'", "d", "e", "-", "mail", "you", "(", "today", ")", ",",
                              "ok", "?", "Σσ", "4pm"]  # fmt: skip
    assert all(text[s:e] == t for t, s, e in zip(*tokens, strict=True))


@pytest.mark.parametrize("index", range(len(MATCHERS)))
def test_token_matcher_equals_the_regex_on_the_corpus(index: int) -> None:
    matcher = MATCHERS[index]
    for text in CORPUS_TEXTS:
        assert matcher.spans(fold(text)) == reference(matcher, text), text


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.tuples(WORDS, GLUE), max_size=30))
def test_token_matcher_equals_the_regex_on_text_made_of_pack_words(
    words: list[tuple[str, str]],
) -> None:
    text = "".join(word + glue for word, glue in words)
    for matcher in MATCHERS:
        assert matcher.spans(fold(text)) == reference(matcher, text), text


def test_awkward_phrases_match_like_the_regex() -> None:
    matcher = MATCHERS[-1]
    text = "Copying my dear husband, A.S.A.P please; cc: Jo. Don't ever reply. Call (call) 4 pm"
    assert matcher.spans(fold(text)) == reference(matcher, text)
    assert len(reference(matcher, text)) == 6


# -- word gates --------------------------------------------------------------------------

REGEXES: list[CaselessRegex] = [r for _, r in crisis._FAMILIES] + [
    caseless(p)
    for rule in PACK["rules"]
    for check in rule["checks"]
    if check["kind"] == "pattern"
    for p in check["patterns"]
]


def test_required_words_are_whole_words_only() -> None:
    assert set(required_words(r"(?<!\w)end(?:ing)?\s+(?:my|it\s+all)(?!\w)")) == {
        frozenset({"end", "ending"}),
        frozenset({"my", "all"}),
    }
    assert required_words(r"end(?:ing)?\s+my") == ()  # "weekend my" matches: no left edge
    assert required_words(r"\bsui\w*") == ()  # "suicidal" is not the word "sui"
    assert set(required_words(r"he\s+(?:\w+\s+){0,2}checks\s+my\b")) >= {frozenset({"checks"})}


def _assert_gates_hold(text: str) -> None:
    folded = fold(text)
    words = set(WORD_RE.findall(folded.folded))
    for regex in REGEXES:
        if not folded.aligned:
            continue
        if any(True for _ in regex.finditer(folded)):
            for group in regex.words:
                assert group & words, (regex.slow.pattern[:60], group, text)


def test_required_words_hold_for_every_match_in_the_corpus() -> None:
    for text in CORPUS_TEXTS:
        _assert_gates_hold(text)


_CRISIS_VOCABULARY = (
    "I i'm he she my husband kill killing me myself want to die end ending it all my life "
    "hurt him cut suicidal not never no point reason live better off without burden tired "
    "of living pills rope gun bridge the weekend ended ok . , ?"
)
CRISIS_WORDS = st.sampled_from([*_CRISIS_VOCABULARY.split(), "\n"])


@settings(max_examples=200, deadline=None)
@given(paragraphs=st.lists(st.lists(st.tuples(CRISIS_WORDS, GLUE), max_size=15), max_size=4))
def test_batch_gating_equals_running_every_regex_everywhere(
    paragraphs: list[list[tuple[str, str]]],
) -> None:
    texts = ["".join(w + g for w, g in words) or "x" for words in paragraphs]
    folded = [fold(t) for t in texts]
    batch = Batch(folded)
    for regex in REGEXES:
        everywhere = {
            i: spans
            for i, f in enumerate(folded)
            if (
                spans := [
                    m.span()
                    for m in regex.slow.finditer(f.original.translate(APOSTROPHES))
                    if m.end() > m.start()
                ]
            )
        }
        gated = batch.regex_spans(RegexSet([regex]))
        assert gated == everywhere, regex.slow.pattern[:60]
    for text in texts:
        _assert_gates_hold(text)


def test_phrase_gate_and_batch_agree_with_one_paragraph_at_a_time() -> None:
    texts = [t for t in CORPUS_TEXTS if "\n\n" not in t][:120]
    batch = Batch([fold(t) for t in texts])
    for matcher in MATCHERS:
        for index, text in enumerate(texts):
            text = batch.paragraphs[index].folded
            phrases = matcher.live(batch.paragraph_words(index), text.__contains__)
            found = matcher.find(batch.tokens(index), phrases) if phrases else []
            assert found == reference(matcher, text), text


def test_word_gate_ignores_substrings() -> None:
    family = caseless(r"(?<!\w)(?:end(?:ing)?\s+it\s+all)(?!\w)")
    batch = Batch([fold("We ended it all right at the weekend."), fold("ok"), fold("x")])
    assert batch.candidates(family) == []
    assert re.search("end", batch.joined)
