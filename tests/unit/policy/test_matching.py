"""The speed tricks never change what matches: prefilters and folding are exact."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safenote.core.policy import crisis
from safenote.core.policy.customise import default_pack
from safenote.core.policy.matching import CaselessRegex, caseless, fold, required_substrings
from safenote.core.policy.text import APOSTROPHES
from tests.unit.policy.test_corpus import ENTRIES


def _pack_patterns() -> list[str]:
    import tomllib

    from safenote.core import resources

    data = tomllib.loads(resources.read_text("packs", "default.toml"))
    return [
        p
        for rule in data["rules"]
        for c in rule["checks"]
        if c["kind"] == "pattern"
        for p in c.get("patterns", [])
    ]


REGEXES: list[CaselessRegex] = [r for _, r in crisis._FAMILIES] + [
    caseless(p) for p in _pack_patterns()
]
CORPUS_TEXTS = [e.text for e in ENTRIES] + [
    ex.text for r in default_pack().rules for ex in r.examples
]


def reference_spans(regex: CaselessRegex, text: str) -> list[tuple[int, int]]:
    """What the pattern finds with plain IGNORECASE and no prefilter."""
    return [m.span() for m in regex.slow.finditer(text.translate(APOSTROPHES))]


def fast_spans(regex: CaselessRegex, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(fold(text))]


def test_every_body_regex_gets_a_fast_path_and_a_prefilter() -> None:
    assert all(r.fast is not None for r in REGEXES)
    without = [r.slow.pattern[:60] for r in REGEXES if not r.required]
    assert without == []


@pytest.mark.parametrize("index", range(len(REGEXES)))
def test_prefiltered_matching_equals_plain_ignorecase_on_the_corpus(index: int) -> None:
    regex = REGEXES[index]
    for text in CORPUS_TEXTS:
        assert fast_spans(regex, text) == reference_spans(regex, text), text


VOCABULARY = (
    "I i'm I’m he she my husband kill me myself want to die hurt him cut suicidal not never "
    "reply today ASAP call back tonight copying in cc: mom reads my phone laptop gave you a "
    "gift card do you have kids are you married threatened to knife gun pills better off "
    "without burden exist stop everything end it all , . ? ! \n İ ß Σ"
)
WORDS = st.sampled_from(VOCABULARY.split(" "))


@settings(max_examples=200, deadline=None)
@given(words=st.lists(WORDS, max_size=25), glue=st.sampled_from([" ", "  ", "\n", " - "]))
def test_prefiltered_matching_equals_plain_ignorecase_on_generated_text(
    words: list[str], glue: str
) -> None:
    text = glue.join(words)
    for regex in REGEXES:
        assert fast_spans(regex, text) == reference_spans(regex, text)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"(?:cc|copy|copied)\s+my\s+(?:husband|wife)", {frozenset({"husband", "wife"})}),
        (r"abc|x", set()),
        (r"keylogger|spyware", {frozenset({"keylogger", "spyware"})}),
        (r"(?:a|b)?cd", set()),
    ],
)
def test_required_substrings(source: str, expected: set[frozenset[str]]) -> None:
    groups = set(required_substrings(source))
    assert expected <= groups
    if not expected:
        assert all(min(len(s) for s in g) >= 2 for g in groups)
        for group in groups:  # each group really is required: the pattern matches "cd"
            assert not re.fullmatch(source, "cd") or any(s in "cd" for s in group)
