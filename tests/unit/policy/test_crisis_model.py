"""The statistical crisis layer of rounds 9-10 (``core/policy/crisis_model.py``): what it
scores, the span it gives, how it reads odd text, how a damaged model file fails, and that
the shipped model is exactly what the training script makes from ``tests/corpus/`` and the
quiet examples."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
import sys
from pathlib import Path
from types import ModuleType

import pytest

from safenote.core import resources
from safenote.core.policy.batch import Batch
from safenote.core.policy.crisis import check_in_batch, crisis_batch, scan_crisis
from safenote.core.policy.crisis_model import (
    CrisisModel,
    CrisisModelError,
    crisis_model,
    features,
    gentle_hits,
    model_hit,
    parse_model,
    sentence_spans,
    sentences,
)
from safenote.core.policy.matching import fold

ROOT = Path(__file__).resolve().parents[3]
MODEL = crisis_model()
# Not in any corpus file, and no family or concept rule hears them.
UNSEEN_CRISIS = "i just want everything to go quiet forever"
EVERYDAY = [
    "Can we move my session to Friday? My shift changed and I can only do mornings.",
    "The battery on my phone died again, so I missed your call.",
    "I tried the breathing exercise before the meeting and it helped a little.",
    "Please let me know if the 4pm slot is still free next week.",
]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "train_crisis_model", ROOT / "scripts" / "train_crisis_model.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_crisis_model"] = module
    spec.loader.exec_module(module)
    return module


def score(text: str) -> float:
    return MODEL.score(fold(text).folded)


def test_crisis_wording_it_was_not_trained_on_scores_above_the_threshold() -> None:
    corpus = "\n".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "tests" / "corpus").glob("*.jsonl")
    )
    assert UNSEEN_CRISIS not in corpus.lower()
    assert score(UNSEEN_CRISIS) >= MODEL.threshold
    assert score("im starting to think everyone would be better if i wasnt here") >= MODEL.threshold


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_messages_score_below_the_threshold(text: str) -> None:
    assert score(text) < MODEL.threshold
    assert model_hit(fold(text)) is None


def test_a_long_everyday_draft_raises_nothing() -> None:
    paragraph = " ".join(EVERYDAY * 3)
    assert all(model_hit(fold(paragraph)) is None for _ in range(2))
    assert model_hit(fold(" ".join([paragraph] * 200))) is None  # ~9,000 words, one paragraph


def test_the_hit_is_gentle_and_spans_the_sentence_that_contributed_most() -> None:
    text = f"We walked by the river today. {UNSEEN_CRISIS}. Anyway, see you Thursday."
    hit = model_hit(fold(text))
    assert hit is not None
    assert hit.softened  # never the full panel
    assert text[hit.start : hit.end] == UNSEEN_CRISIS


def test_gentle_hits_never_add_to_a_paragraph_a_rule_matched_in() -> None:
    paragraphs = [
        f"My phone died again. {UNSEEN_CRISIS}.",  # a rule matched here (then dropped)
        f"Work was long. {UNSEEN_CRISIS}.",
        EVERYDAY[0],
        f"{UNSEEN_CRISIS}.",  # an empty list of matches is no match
    ]
    batch = Batch([fold(p) for p in paragraphs])
    hits = gentle_hits(batch, {0: [(0, 14, "u:idiom")], 3: []})
    assert sorted(hits) == [1, 3]
    assert all(hit.softened for hit in hits.values())
    assert paragraphs[1][hits[1].start : hits[1].end] == UNSEEN_CRISIS


def test_the_crisis_detector_does_not_use_the_layer_the_check_in_card_does() -> None:
    # Round 9's decision (tests/corpus/holdout/README.md): the layer never raises the
    # crisis panel, pinned and undismissable, as it also scores everyday sentences high.
    # Round 10 gives it a rule of its own: the dismissable check-in card (caution).
    assert model_hit(fold(UNSEEN_CRISIS)) is not None
    assert scan_crisis(fold(UNSEEN_CRISIS)) == []
    batch = Batch([fold(UNSEEN_CRISIS)])
    assert crisis_batch(batch) == {}
    assert check_in_batch(batch) == {0: [(0, len(UNSEEN_CRISIS))]}


def test_a_pair_of_sentences_is_read_together_and_the_larger_part_is_underlined() -> None:
    weights = MODEL.sentence_weights(fold("Nobody would notice. If I was gone I mean.").folded)
    assert len(weights) == 2
    best, index = MODEL.best_window(fold("Nobody would notice. If I was gone I mean.").folded)
    singles = [MODEL.bias + w / math.sqrt(n) for w, n in weights]
    pair = MODEL.bias + (weights[0][0] + weights[1][0]) / math.sqrt(weights[0][1] + weights[1][1])
    assert best == max([*singles, pair])
    if best == pair:
        assert index == (1 if weights[1][0] >= weights[0][0] else 0)


def test_texting_spellings_score_as_the_words() -> None:
    assert score("im so done with everything i dont want to be here") == pytest.approx(
        score("i'm so done with everything i don't want to be here")
    )
    assert sentences("im fine. u ok?") == [["i'm", "fine"], ["you", "ok"]]


def test_sentences_and_their_spans_line_up_on_odd_text() -> None:
    text = "a...\n\n!! b. — c?! d\ne 8.15 😂 “quoted” self-harm"
    found = sentences(fold(text).folded)
    spans = sentence_spans(text)
    assert len(found) == len(spans)
    assert [text[s:e] for s, e in spans] == ["a", "b", "c", "d", "e 8.15 😂 “quoted” self-harm"]
    assert found[-1] == ["e", "0.00", "😂", "quoted", "self-harm"]
    assert features(["i", "am", "done"]) == ["i", "am", "done", "i am", "am done"]


@pytest.mark.parametrize("text", ["", "   \n  ", "...", "😂😂😂", "— — —", "\x00\x00"])
def test_text_without_words_scores_nothing(text: str) -> None:
    assert model_hit(fold(text)) is None


def test_non_ascii_and_emoji_text_is_read_and_spans_index_the_original() -> None:
    # "İ" lower-cases to two characters: spans must still index the original paragraph.
    text = f"İstanbul was lovely. {UNSEEN_CRISIS} 💔"
    folded = fold(text)
    assert not folded.aligned
    hit = model_hit(folded)
    assert hit is not None
    assert text[hit.start : hit.end] == f"{UNSEEN_CRISIS} 💔"
    assert model_hit(fold("Я устал, но всё хорошо. 我很好。 Ça va très bien, merci.")) is None


def test_scores_are_deterministic() -> None:
    text = f"Some days are fine. {UNSEEN_CRISIS}."
    first = MODEL.best_window(fold(text).folded)
    assert all(MODEL.best_window(fold(text).folded) == first for _ in range(3))
    assert parse_model(resources.read_text("crisis", "model.json")) == MODEL


def _raw() -> dict[str, object]:
    data: dict[str, object] = json.loads(resources.read_text("crisis", "model.json"))
    return data


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda raw: raw[: len(raw) // 2], "damaged"),
        (lambda raw: "[]", "expected format"),
        (lambda raw: raw.replace('"format": "safenote-crisis-model/1"', '"format": "x"'), "format"),
        (lambda raw: raw.replace('"bias"', '"b"'), "bias"),
        (lambda raw: raw.replace('"unigrams": {', '"unigrams": {"x": "heavy", '), "heavy"),
        (lambda raw: raw.replace('"bigrams": {', '"bigrams": {"one": 1.0, '), "unpack"),
        (lambda raw: raw.replace('"bigrams": {', '"bigrams": 3, "b2": {'), "items"),
    ],
)
def test_a_damaged_model_file_fails_with_a_clear_error(damage: object, reason: str) -> None:
    raw = json.dumps(_raw())
    assert callable(damage)
    with pytest.raises(CrisisModelError) as caught:
        parse_model(damage(raw))
    message = str(caught.value)
    assert "crisis/model.json" in message
    assert "reinstall SafeNote" in message
    assert reason in message


def test_a_threshold_that_is_not_a_number_is_refused() -> None:
    data = _raw()
    data["threshold"] = math.nan
    with pytest.raises(CrisisModelError, match="not a number"):
        parse_model(json.dumps(data))


def test_training_reproduces_the_shipped_model_from_the_corpus_only() -> None:
    script = _script()
    text, _cv = script.render()
    shipped = (ROOT / "resources" / "crisis" / "model.json").read_text(encoding="utf-8")
    assert text == shipped  # retrain with scripts/train_crisis_model.py after corpus edits
    trained_on = json.loads(shipped)["trained_on"]
    corpus = sorted((ROOT / "tests" / "corpus").glob("*.jsonl"))
    assert [entry["file"] for entry in trained_on] == [
        p.relative_to(ROOT).as_posix() for p in corpus
    ]
    assert all("holdout/" not in entry["file"] for entry in trained_on)
    for entry, path in zip(trained_on, corpus, strict=True):
        assert entry["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    # Round 10: the quiet examples are negatives; only their texts are hashed.
    quiet = json.loads(shipped)["quiet_negatives"]
    assert [entry["file"] for entry in quiet] == [
        "resources/crisis/concepts.toml",
        "resources/crisis/helplines.toml",
        "resources/crisis/phrases.toml",
        "resources/packs/default.toml",
    ]
    assert sum(entry["quiet_examples"] for entry in quiet) >= 140
    for entry, (path, texts) in zip(quiet, script.quiet_sources(), strict=True):
        assert entry["quiet_sha256"] == script.quiet_text_hash(texts)
        assert path.relative_to(ROOT).as_posix() == entry["file"]


def test_the_quiet_examples_are_negatives_in_their_own_group() -> None:
    script = _script()
    examples = script.load_examples()
    quiet = [e for e in examples if e.group == script.QUIET_GROUP]
    assert len(quiet) == len(script.quiet_examples()) >= 140
    assert not any(e.crisis for e in quiet)
    assert all(e.hard for e in quiet)
    assert "I don't want to hurt her feelings." in script.quiet_examples()
    # Check-in corpus messages are positives, as crisis ones are.
    assert all(e.crisis for e in examples if e.group == "check-in")
    assert sum(e.group == "check-in" for e in examples) >= 20


def test_the_quiet_examples_round_9_flagged_score_below_the_threshold() -> None:
    # Round 9's model gave the panel to these quiet examples; trained on them as
    # negatives, the model of round 10 does not.
    for text in (
        "I hope I don't wake up the baby.",
        "He said he'll be sad if I leave early.",
        "I don't want to hurt her feelings.",
        "I'd be better off if I left earlier for work.",
        "I've got the wedding all planned out and I'm doing it my way.",
        "I'll do it, I just haven't figured out how to tell my boss yet.",
        "The doctor told me it's time for me to go home.",
    ):
        assert score(text) < MODEL.threshold, text


def test_the_built_model_gives_texting_spellings_their_words_weights() -> None:
    model = CrisisModel.build(0.0, 1.0, {"i'm": 0.5, "done": 1.0}, {("i'm", "done"): 2.0})
    assert model.unigrams["im"] == 0.5
    assert model.bigrams["im", "done"] == 2.0
    assert model.sentence_weights("im done") == model.sentence_weights("i'm done")


def test_scoring_paragraphs_together_gives_each_its_own_best_score_exactly() -> None:
    # best_scores is the engine's fast path (one pass over a whole batch): it must give
    # the very floats best_window gives each paragraph alone, whatever the paragraphs.
    paragraphs = [
        *EVERYDAY,
        UNSEEN_CRISIS,
        f"Some days are fine. {UNSEEN_CRISIS}. Anyway.",
        "",
        "...",
        "a...\n\n!! b. — c?! d\ne 8.15 😂 “quoted” self-harm",
        "im done. u ok?\nline two",
        "Nobody would notice. If I was gone I mean.",
    ]
    folded = [fold(p).folded for p in paragraphs]
    expected = [MODEL.best_window(text)[0] for text in folded]
    assert MODEL.best_scores(folded) == expected
    assert MODEL.best_scores(folded[::-1]) == expected[::-1]
    assert MODEL.best_scores([]) == []
    # The marker between paragraphs in the text itself: the plain way, same answer.
    marked = [*folded, "a line\x01with the marker", "\x01"]
    assert MODEL.best_scores(marked) == [MODEL.best_window(text)[0] for text in marked]
