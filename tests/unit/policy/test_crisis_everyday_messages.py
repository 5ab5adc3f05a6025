"""Crisis detection, round 11: ordinary messages to a therapist raise no crisis panel.

Every message in ``tests/corpus/everyday_messages/`` (written blind: scheduling, feelings,
relationships, work, past grief, medication as prescribed; nobody at risk) must stay quiet.
Then the families that used to raise the panel there, in other wordings, both ways: the
everyday use stays quiet and a first-person crisis use of the same words still fires.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from safenote.core.policy import Context, Finding, load_default_engine
from safenote.core.policy.crisis_concept_rules import build_concepts
from safenote.core.policy.crisis_concept_types import EVERYDAY_SENSE
from safenote.core.policy.crisis_concepts import sentence_hits

ROOT = Path(__file__).resolve().parents[3]
EVERYDAY_DIR = ROOT / "tests" / "corpus" / "everyday_messages"
ENGINE = load_default_engine()


def _report_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "corpus_report", ROOT / "scripts" / "corpus_report.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus_report"] = module
    spec.loader.exec_module(module)
    return module


def crisis(text: str) -> list[Finding]:
    return [f for f in ENGINE.check(text, Context(region="GB")) if f.rule == "crisis"]


def test_no_everyday_message_raises_the_crisis_panel() -> None:
    report = _report_module()
    entries = report.load_corpus(EVERYDAY_DIR)
    assert len(entries) >= 100  # the folder is read: an empty glob cannot pass
    assert all("crisis" not in e.expect for e in entries)
    alarms = [
        f"{e.id}({'full' if any(not f.softened for f in hits) else 'gentle'})"
        for e in entries
        if (hits := [f for f in ENGINE.check(e.text, e.context) if f.rule == "crisis"])
    ]
    assert alarms == [], f"crisis panel on everyday messages: {' '.join(alarms)}"


# --- "Everyone would be better off if I stopped/started doing something" ---------------


@pytest.mark.parametrize(
    "text",
    [
        "Honestly everyone would be better off if I stopped answering work emails at midnight.",
        "They'd be better off if I started saying no to extra shifts.",
        "I think everyone would be better off if I quit organising every birthday myself.",
        "Everyone would be better off if I just stopped trying so hard to be perfect at work.",
    ],
)
def test_better_off_for_a_change_of_habit_stays_quiet(text: str) -> None:
    assert crisis(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Everyone would be better off if I just stopped.",
        "Everyone would be better off if I just stopped trying.",  # left open
        "Everyone would be better off if I stopped trying to stay alive.",
        "They'd be better off if I stopped taking my meds and let it happen.",
        "they'd be better off if i stopped being around",
        "Everyone would be better off without me.",
        "Everyone would be better off.",
    ],
)
def test_better_off_about_the_writer_gone_still_fires_in_full(text: str) -> None:
    hits = crisis(text)
    assert any(not f.softened for f in hits), text


# --- Drowning as overwhelm --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I love my mum but I feel like I'm drowning in her expectations.",
        "I want to support her but we're drowning in medical bills.",
        "Honestly I want to help him, but I'm drowning in work this month.",
        "I think about my kids all day but I'm drowning in laundry.",
        "Love him to bits, but honestly I feel like I'm drowning.",
    ],
)
def test_drowning_in_work_or_guilt_stays_quiet(text: str) -> None:
    assert crisis(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "I keep getting urges to drown him in the bath.",
        "I love her but sometimes I want to drown her.",
        "I feel like I'm drowning and I want to hurt her.",
        "I'm drowning in debt and I want to disappear for good.",
        "I keep thinking about walking into the sea and drowning.",
        "I'm drowning in the river tonight.",
    ],
)
def test_drowning_someone_or_oneself_still_fires_in_full(text: str) -> None:
    hits = crisis(text)
    assert any(not f.softened for f in hits), text


# --- Following round the house ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My mum follows me around the kitchen when she visits, checking everything.",
        "Since he retired my husband follows me around like a lost puppy.",
        "My husband follows me round the shops now he's retired and I can't think.",
    ],
)
def test_following_round_the_house_or_like_a_puppy_stays_quiet(text: str) -> None:
    assert crisis(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "My ex keeps following me home from the station.",
        "My stepdad followed me into the bathroom.",
        "He follows me around the house with a knife.",
        "My husband follows me everywhere and I'm scared of him.",
    ],
)
def test_being_followed_home_or_with_a_weapon_still_fires_in_full(text: str) -> None:
    hits = crisis(text)
    assert any(not f.softened for f in hits), text


# --- Surviving: got through, or asking how to get through --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I survived my first week back at work and didn't cry once.",
        "I survived Christmas with the in-laws and didn't lose my temper once.",
        "I want to talk about how to survive the next month without falling apart.",
        "I'd like to learn how to survive family dinners without a row, I want them to go better.",
    ],
)
def test_survived_or_how_to_survive_stays_quiet(text: str) -> None:
    assert crisis(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "I don't know how to survive another night like this.",
        "I don't want to survive this.",
        "I wish I hadn't survived last year.",
        "Part of me is disappointed I survived.",
        "Why did I have to survive?",
    ],
)
def test_not_wanting_to_survive_or_regretting_it_fires_in_full(text: str) -> None:
    hits = crisis(text)
    assert any(not f.softened for f in hits), text


def test_doubting_one_will_survive_still_raises_the_panel() -> None:
    assert crisis("I won't survive much longer.")


# --- The mechanism: an everyday phrase hides only the cues inside it --------------------

_TINY = build_concepts(
    {
        "concepts": {
            "self": ["i", "i'm"],
            "other": ["he"],
            "desire": ["want"],
            "harm-verb": ["drown", "hurt"],
            "victim": ["her"],
            EVERYDAY_SENSE: ["i'm drowning in"],
        },
        "rule": [
            {
                "name": "harm-to-others",
                "why": "",
                "needs": ["self", "desire", "harm-verb", "victim"],
                "negatable": False,
                "gentle": False,
            }
        ],
    }
)


def _fires(text: str) -> bool:
    return bool(sentence_hits(_TINY, text, 0, len(text)))


def test_an_everyday_phrase_hides_the_risk_word_inside_it() -> None:
    assert _fires("i want to drown her")
    assert not _fires("i want to help her but i'm drowning in work")


def test_an_everyday_phrase_leaves_the_rest_of_the_sentence_heard() -> None:
    assert _fires("i'm drowning in work and i want to hurt her")
