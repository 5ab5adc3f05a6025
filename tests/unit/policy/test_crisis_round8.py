"""Crisis detection, round 8: the generic "you" people use about themselves counts as the
writer's own risk; the therapist's question or advice reported back ("You asked whether
I'd had thoughts of ending my life") gets the gentle panel, while "you" at the start of a
sentence that goes on to the writer's wish still gets the full one; new families (being
chosen to die, a job's means turned on oneself, generic "you" with being gone) are heard."""

from __future__ import annotations

import pytest

from safenote.core.policy.crisis import CrisisHit
from safenote.core.policy.crisis import scan_crisis as scan_folded
from safenote.core.policy.matching import fold


def scan_crisis(text: str) -> list[CrisisHit]:
    return scan_folded(fold(text))


@pytest.mark.parametrize(
    "text",
    [
        "You asked whether I'd had thoughts of ending my life and honestly, not lately.",
        "You said I should tell you if I start wanting to die again.",
        "Last week you told me I should write it down if I feel like ending it.",
    ],
)
def test_the_therapists_question_reported_back_is_gentle(text: str) -> None:
    hits = scan_crisis(text)
    assert hits, text  # still the resources
    assert all(hit.softened for hit in hits), text


@pytest.mark.parametrize(
    "text",
    [
        "You said it would get better but I just want to die.",
        "I want to die, you asked and that's the answer.",
    ],
)
def test_you_said_before_the_writers_own_wish_stays_full(text: str) -> None:
    hits = scan_crisis(text)
    assert any(not hit.softened for hit in hits), text


@pytest.mark.parametrize(
    "text",
    [
        "you get to a point where you just want to go to sleep forever",
        "You find yourself thinking you could just not wake up.",
        "You start thinking about the pills in the drawer.",
        "You wonder if anyone would even notice if you just disappeared.",
    ],
)
def test_the_generic_you_about_oneself_fires(text: str) -> None:
    assert scan_crisis(text), text


@pytest.mark.parametrize(
    "text",
    [
        "You get to the point where you need a holiday.",
        "You find yourself laughing at the silliest jokes.",
        "Can you send the form for my GP before Friday?",
        "Do you think I'm getting better? I feel like I am.",
        "Thank you for last session, I really needed it.",
        "I will take them myself to school tomorrow, no need for the bus.",
        "I was chosen to give the speech at the wedding.",
    ],
)
def test_you_to_the_reader_and_everyday_wording_stay_quiet(text: str) -> None:
    assert scan_crisis(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "I've been chosen to sacrifice myself so the others can live.",
        "One day I'll use my own kit on myself, I've seen how quick it is.",
        "I know exactly what dose would do it, I see it every week at work.",
    ],
)
def test_new_families_are_heard(text: str) -> None:
    assert scan_crisis(text), text
