"""Crisis detection, round 7: everyday uses of risk words (a lie-in, a game level, a treat
overdone, a kitchen cut, a way of living) stay quiet, while the same words about the
writer's life still fire; a recovery story told with "now I ..." gets the gentle panel."""

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
        "Going to sleep and not wake up till midday on Sunday, bliss.",
        "I keep killing myself on that level, the last jump is impossible.",
        "Killed myself in the game about twenty times before the boss went down.",
        "I overdosed on cake at the wedding, no regrets.",
        "Overdosing on telly this weekend, three whole series.",
        "Nearly cut myself peeling the spuds.",
        "I burnt myself making pancakes this morning.",
        "So tired of life in the city, we're looking at cottages.",
        "I killed myself laughing at the panto.",
        "I'm killing myself trying to finish this thesis by Friday.",
        "Drowning myself in paperwork this week.",
        "Hanging myself upside down on the monkey bars with the kids.",
        "I will die of hunger if the food doesn't come soon, bhai.",
        "Confirm die, my boss is going to scold me for this one.",
        "I wan die of laughter, see as the goat dey dance.",
    ],
)
def test_everyday_uses_stay_quiet(text: str) -> None:
    assert scan_crisis(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "I want to go to sleep and not wake up until it's all over.",
        "I keep thinking about killing myself on the railway line.",
        "I overdosed on my sleeping tablets last night.",
        "I cut myself again last night to feel something.",
        "I'm sick of living like this.",
        "I'm so tired of life.",
        "Years ago I was suicidal and now I want to die again.",
        "I want to kill myself, working here is hell.",
        "I keep thinking about hanging myself in the garage.",
        "I want to die of an overdose.",
        "every day i want die, nothing is good",
        "Honestly I wan die, I no fit again.",
    ],
)
def test_the_same_words_about_the_writer_still_fire(text: str) -> None:
    hits = scan_crisis(text)
    assert hits, text
    assert any(not h.softened for h in hits), text


def test_a_way_of_living_is_at_most_the_gentle_panel() -> None:
    assert all(h.softened for h in scan_crisis("I'm sick of living out of a suitcase."))


def test_a_recovery_story_with_now_gets_the_gentle_panel() -> None:
    hits = scan_crisis("Ten years ago I was suicidal, now I run a support group.")
    assert hits
    assert all(h.softened for h in hits)
