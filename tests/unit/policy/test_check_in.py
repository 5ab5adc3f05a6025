"""The ``check-in`` rule (round 10): the learnt crisis layer as a dismissable caution card,
through the whole engine. It speaks only where no crisis rule matched anything, never
beside the crisis panel, and never changes what the panel does."""

from __future__ import annotations

import pytest

from safenote.core.policy import (
    PROTECTED_RULES,
    Context,
    Finding,
    Severity,
    load_default_engine,
)
from safenote.core.policy.batch import Batch
from safenote.core.policy.checks import DETECTORS
from safenote.core.policy.crisis import check_in_batch, crisis_batch, raw_crisis_matches
from safenote.core.policy.crisis_model import model_hit
from safenote.core.policy.customise import default_pack
from safenote.core.policy.matching import fold

ENGINE = load_default_engine()
# Written for these tests: in no corpus file or example, and no crisis rule hears it.
UNSEEN = "I keep picturing everyone getting on fine after I'm not around."
SENTENCE = UNSEEN.removesuffix(".")  # what the card underlines: the end mark left out


def check(text: str) -> list[Finding]:
    return ENGINE.check(text, Context(region="US"))


def rules(text: str) -> set[str]:
    return {f.rule for f in check(text)}


def test_the_card_shows_on_crisis_wording_the_rules_miss() -> None:
    text = f"Work was long again. {UNSEEN} Anyway, see you Thursday."
    findings = check(text)
    assert [f.rule for f in findings] == ["check-in"]
    card = findings[0]
    assert text[card.start : card.end] == SENTENCE  # the sentence, not the paragraph
    assert card.severity is Severity.CAUTION  # a card, not the pinned panel
    assert card.category == "safety"
    assert card.resources == ()  # the crisis lines live behind "Need help now?"
    assert '"Need help now?"' in card.message
    assert "your therapist's reply" in card.message  # {therapist_name}, filled


@pytest.mark.parametrize(
    "text",
    [
        "I'm looking forward to Thursday.",
        "I'm looking forward to Thursday 😊",
        "Can we move my session to Friday? My shift changed.",
        "I don't want to hurt her feelings.",  # round 9's layer put the panel on this
        "I hope I don't wake up the baby.",
    ],
)
def test_everyday_sentences_get_no_card(text: str) -> None:
    assert "check-in" not in rules(text)


@pytest.mark.parametrize(
    "before",
    [
        "I'm literally going to die if this meeting runs over.",  # dropped: an idiom
        "My laptop battery is about to die.",  # dropped: a thing dies
        "We bought a rope for the tent.",  # dropped: a rope in use
    ],
)
def test_no_card_in_a_paragraph_where_a_crisis_rule_matched(before: str) -> None:
    # The softening drops these matches, so no panel shows; the layer alone would flag the
    # paragraph, but a rule already read it: the card stays out of it.
    text = f"{before} {UNSEEN}"
    batch = Batch([fold(text)])
    assert raw_crisis_matches(batch)[0]
    assert crisis_batch(batch) == {}
    assert model_hit(fold(text)) is not None
    assert check_in_batch(batch) == {}
    assert rules(text) & {"crisis", "check-in"} == set()


def test_the_card_hides_when_the_crisis_panel_shows_anywhere_in_the_draft() -> None:
    alone = rules(f"{UNSEEN}\n\nSee you Thursday.")
    assert "check-in" in alone
    with_panel = check(f"{UNSEEN}\n\nHonestly I don't want to be alive anymore.")
    assert {f.rule for f in with_panel} == {"crisis"}
    assert all(f.severity is Severity.URGENT for f in with_panel)


def test_the_crisis_detector_and_the_card_share_one_run_per_batch() -> None:
    batch = Batch([fold(UNSEEN), fold("I want to die.")])
    first = raw_crisis_matches(batch)
    assert batch.crisis_matches is first
    assert raw_crisis_matches(batch) is first  # cached, not run again
    assert sorted(crisis_batch(batch)) == [1]
    assert sorted(check_in_batch(batch)) == [0]
    assert DETECTORS["crisis-check-in"] is check_in_batch


@pytest.mark.parametrize(
    "text",
    [
        f"😂😂 Work was fine. {UNSEEN}",
        f"İstanbul was lovely. {UNSEEN}",  # "İ" lower-cases to two characters
        f"Café, crème brûlée, 東京. {UNSEEN} 💔",
    ],
)
def test_the_card_points_at_the_sentence_in_non_ascii_text(text: str) -> None:
    cards = [f for f in check(text) if f.rule == "check-in"]
    assert len(cards) == 1
    assert text[cards[0].start : cards[0].end] == SENTENCE


def test_a_practice_cannot_switch_the_card_off() -> None:
    assert "check-in" in PROTECTED_RULES
    assert "crisis" in PROTECTED_RULES


def test_the_rule_is_a_caution_card_with_its_own_examples() -> None:
    rule = next(r for r in default_pack().rules if r.id == "check-in")
    assert rule.severity is Severity.CAUTION
    assert rule.yield_to_urgent
    assert rule.category == "safety"
    # The loader ran these against the rule alone; the full engine agrees.
    assert any(e.fires for e in rule.examples)
    assert any(not e.fires for e in rule.examples)
    for example in rule.examples:
        assert ("check-in" in rules(example.text)) == example.fires, example.text
        assert "crisis" not in rules(example.text)
