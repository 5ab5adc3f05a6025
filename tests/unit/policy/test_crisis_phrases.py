"""Crisis phrase families (resources/crisis/phrases.toml) behave as their data says."""

from __future__ import annotations

import pytest

from safenote.core.policy import Context, Finding, load_default_engine
from safenote.core.policy.crisis_phrases import PhraseFamily, phrase_families
from safenote.core.policy.matching import fold
from tests.unit.policy.test_corpus import ENTRIES

ENGINE = load_default_engine()
FAMILIES = phrase_families()


def crisis(text: str) -> list[Finding]:
    return [f for f in ENGINE.check(text, Context(region="US")) if f.rule == "crisis"]


def test_families_load_with_unique_names_and_examples() -> None:
    names = [f.name for f in FAMILIES]
    assert len(names) == len(set(names)) >= 8
    for family in FAMILIES:
        assert family.why
        assert family.fires, family.name
        assert family.quiet, family.name


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_family_examples_fire_and_stay_quiet(family: PhraseFamily) -> None:
    for text in family.fires:
        assert family.matcher.spans(fold(text)), (family.name, text)  # by this family
        assert crisis(text), text
    for text in family.quiet:
        assert crisis(text) == [], text


@pytest.mark.parametrize("family", [f for f in FAMILIES if f.gentle], ids=lambda f: f.name)
def test_gentle_families_only_ever_raise_the_softer_panel(family: PhraseFamily) -> None:
    for text in family.fires:
        for start, end in family.matcher.spans(fold(text)):
            # The family's own hit is softened, and still carries the resources.
            (finding,) = [f for f in crisis(text) if f.start <= start and end <= f.end]
            assert finding.resources
            if finding.end - finding.start == end - start:
                assert finding.softened, text


@pytest.mark.parametrize(
    "text",
    [
        "Five years ago I tried to end my life, and I'm grateful I'm still here.",
        "When I was a teenager I used to self-harm.",
        "I used to feel suicidal in my twenties.",
    ],
)
def test_recovery_stories_get_the_softer_panel(text: str) -> None:
    findings = crisis(text)
    assert findings
    assert all(f.softened for f in findings)


def test_relapse_now_is_not_softened_by_a_past_marker() -> None:
    findings = crisis("I used to cut myself and I started cutting again this week.")
    assert any(not f.softened for f in findings)


def test_shooting_myself_in_the_foot_is_an_idiom() -> None:
    assert crisis("I keep shooting myself in the foot by cancelling plans.") == []
    assert crisis("I keep thinking about shooting myself.")


def test_no_hard_negative_in_the_corpus_raises_the_full_panel() -> None:
    loud = [
        e.id
        for e in ENTRIES
        if "hard-negative" in e.tags
        and any(not f.softened for f in crisis(e.text) if f.rule == "crisis")
    ]
    assert loud == []
