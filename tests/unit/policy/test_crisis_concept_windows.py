"""Crisis concepts read over pairs of sentences and runs of fragments (windows), not only
one sentence at a time: an idea spread over two sentences raises the gentle panel."""

from __future__ import annotations

import pytest

from safenote.core.policy import Context, Finding, load_default_engine
from safenote.core.policy.batch import Batch
from safenote.core.policy.crisis_concepts import concept_batch_hits, paragraph_hits
from safenote.core.policy.matching import fold

ENGINE = load_default_engine()


def crisis(text: str) -> list[Finding]:
    return [f for f in ENGINE.check(text, Context(region="GB")) if f.rule == "crisis"]


# (message, the underlined text: first matched cue to last, across the sentence break)
SPREAD = [
    ("i want to go to sleep and just. not. wake up.", "want to go to sleep and just. not. wake up"),
    (
        "I've sorted the will and the insurance. Won't need any of it after Friday.",
        "sorted the will and the insurance. Won't need any of it",
    ),
    ("Nobody would notice. If I was gone I mean.", "Nobody would notice"),
]


@pytest.mark.parametrize(("text", "underlined"), SPREAD)
def test_an_idea_spread_over_sentences_raises_the_gentle_panel(text: str, underlined: str) -> None:
    findings = crisis(text)
    assert [text[f.start : f.end] for f in findings] == [underlined]
    assert all(f.softened for f in findings)


@pytest.mark.parametrize(("text", "underlined"), SPREAD)
def test_no_single_sentence_of_them_fires_alone(text: str, underlined: str) -> None:
    for sentence in text.split(". "):
        if len(sentence.split()) > 3:  # the fragments mean nothing alone either way
            assert paragraph_hits(fold(sentence)) == [], sentence


# Two sentences each, the second about the writer: someone else's story, a film, an idiom.
HARD_NEGATIVES = [
    "My brother tried to kill himself last year. I think about it a lot.",
    "My sister wants to disappear. I feel the same sometimes.",
    "Grandad died in his sleep on Tuesday. I can't stop crying.",
    "My dog is dying. I don't know what I'll do without him.",
    "She took all her pills at once in the end. I found out today.",
    "The film was about a man who wants to die. I felt so sad after.",
    "We watched a documentary about a bridge. I couldn't sleep after.",
    "This traffic is killing me. I want to go home.",
    "I'm dead tired. Going to bed early tonight.",
    "My phone died halfway through the call. I'll ring her back tomorrow.",
    "I could murder a pizza. Long day at work.",
    "Cancelled the gym. I'll walk instead.",
    "Gave my old bike to my nephew. He's been wanting one for ages.",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_two_sentence_hard_negatives_raise_nothing_from_the_pair(text: str) -> None:
    assert crisis(text) == []


def test_someone_elses_attempt_then_the_writer_never_raises_the_full_panel() -> None:
    # The families find "end it all" (softened: someone else's); the window adds nothing.
    text = "My brother tried to end it all last year. I think about it a lot."
    assert all(f.softened for f in crisis(text))
    assert paragraph_hits(fold(text)) == []


def test_windows_never_span_paragraphs() -> None:
    paragraphs = ["Nobody would notice.", "If I was gone I mean."]
    assert crisis("\n\n".join(paragraphs)) == []
    assert concept_batch_hits(Batch([fold(p) for p in paragraphs])) == {}
    # The same words in one paragraph do fire.
    assert crisis(" ".join(paragraphs))


def test_a_sentence_that_fires_alone_keeps_its_own_hit_and_panel() -> None:
    text = "Not wake up. That's all I want."
    hits = paragraph_hits(fold(text))
    assert [(text[s:e], tag[0]) for s, e, tag in hits] == [("wake up", "u")]
    assert any(not f.softened for f in crisis(text))


def test_a_window_hit_is_one_hit_however_many_windows_see_it() -> None:
    text = "i want to go to sleep and just. not. wake up."
    assert len(paragraph_hits(fold(text))) == 1
