"""Crisis detection: many phrasings of first-person risk fire; idioms never do."""

from __future__ import annotations

import pytest

from safenote.core.policy.crisis import CrisisHit
from safenote.core.policy.crisis import scan_crisis as scan_folded
from safenote.core.policy.matching import fold


def scan_crisis(text: str) -> list[CrisisHit]:
    return scan_folded(fold(text))


MUST_FIRE = [
    "I want to die.",
    "i wanna die tbh",
    "I've been feeling suicidal since Sunday.",
    "I'm having suicidal thoughts again",
    "I keep thinking about killing myself.",
    "I've thought about how I would end my life.",
    "Sometimes I think everyone would be better off without me.",
    "There's no reason to keep going.",
    "I honestly don't want to be alive anymore.",
    "I wish I was dead.",
    "I wish I had never been born.",
    "I have been cutting myself again.",
    "I burned myself on purpose last night.",
    "I've been self-harming.",
    "I took all my pills last night and I feel strange.",
    "I've been saving up my sleeping pills.",
    "I've thought about jumping off the bridge near work.",
    "I wrote a goodbye letter to my kids.",
    "This is my goodbye.",
    "He said he'll kill me if I leave.",
    "My husband threatened to kill me last night.",
    "He held a knife to my throat.",
    "My boyfriend choked me on Saturday.",
    "I'm scared for my life.",
    "I don't feel safe at home anymore.",
    "I'm going to hurt him if he touches my daughter again.",
    "I have thoughts about hurting my baby and it scares me.",
    "i'm sucidal",
    "Honestly I might kill my self",
    "I can't go on like this.",
    "I want to go to sleep and never wake up.",
    "I won't be around much longer.",
    "I overdosed in March and I'm scared I'll do it again.",
    "I want to unalive myself",
]
IDIOMS = [
    "This traffic is killing me.",
    "I'd kill for a nap.",
    "My phone died halfway through.",
    "I nearly died laughing at the video you mentioned.",
    "I'm dying to see the new film.",
    "My feet are killing me after the hike.",
    "My mum will kill me if I'm late again.",
    "That presentation killed it!",
    "I'm dead tired.",
    "The battery is dead.",
    "I cut myself shaving this morning, ha.",
    "I hurt myself at the gym, so I might limp in.",
    "He hit me up yesterday about the party.",
    "My brother beat me at chess.",
    "I could murder a pizza.",
    "We killed time at the station.",
    "This homework is the death of me.",
    "Let's kill two birds with one stone and do both forms.",
    "I'm going to kill this interview tomorrow!",
    "I don't want to live with my parents forever.",
    "I have a plan to see my sister next month.",
    "The plant died while I was away.",
    "Dying my hair purple was a mistake.",
]


@pytest.mark.parametrize("text", MUST_FIRE)
def test_first_person_risk_fires(text: str) -> None:
    hits = scan_crisis(text)
    assert hits, text
    assert not any(h.softened for h in hits), text


@pytest.mark.parametrize("text", IDIOMS)
def test_idioms_stay_quiet(text: str) -> None:
    assert scan_crisis(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "I'm not suicidal, I promise.",
        "I would never hurt myself.",
        "No thoughts of killing myself this week.",
        'The song goes "I want to die" over and over.',
        "My uncle died by suicide when I was little.",
    ],
)
def test_negated_or_quoted_still_fires_but_softened(text: str) -> None:
    hits = scan_crisis(text)
    assert hits, text
    assert all(h.softened for h in hits), text


def test_capitals_only_abbreviations_and_unaligned_text() -> None:
    assert scan_crisis("I nearly OD'd on Friday.")
    assert scan_crisis("kms honestly")
    assert scan_crisis("The od thing was odd.") == []
    # "İ" lower-cases to two code points; offsets must still point into the original.
    text = "İstanbul trip was fine but I want to die."
    (hit,) = scan_crisis(text)
    assert text[hit.start : hit.end] == "want to die"


def test_spans_cover_the_wording_with_curly_apostrophes() -> None:
    text = "Some days I don’t want to live anymore."
    (hit,) = scan_crisis(text)
    assert text[hit.start : hit.end] == "don’t want to live"
