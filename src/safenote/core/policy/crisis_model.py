"""A small statistical crisis layer: word and word-pair weights learnt from the corpus.

The families and the concept layer (:mod:`crisis`) catch the wording and the ideas they were
written for; on sealed sets written blind they find under six in ten crisis messages, and
eight rounds of hand-written rules have stopped moving that figure. This layer is the
experiment of round 9 (``tests/corpus/holdout/README.md``): L2-regularised logistic
regression over word unigrams and bigrams, trained by ``scripts/train_crisis_model.py`` on
the labelled files in ``tests/corpus/`` and (since round 10) the crisis rules' quiet
examples as negatives, shipped as ``resources/crisis/model.json``.

It never raises the crisis panel. Where no crisis rule matched anything in a paragraph,
each sentence (and each pair of neighbouring sentences) is scored, and a score at or above
the threshold chosen by cross-validation marks the sentence that contributed most
(:func:`gentle_hits`).

**Round 9** wired it as the gentle crisis panel and did not ship it: it found 50 of the 130
sealed crisis messages the rules miss, but it also put the panel, pinned and undismissable,
on everyday sentences ("I don't want to hurt her feelings."). **Round 10** retrains it with
the crisis rules' quiet examples as negatives and uses it only for the ``check-in`` rule: a
dismissable caution card pointing to "Need help now?", hidden whenever the panel shows
(``crisis.check_in_batch``, detector ``crisis-check-in``).

The same featurisation is used to train and to score (the script imports it from here), so
the two cannot drift apart.
"""

from __future__ import annotations

import json
import math
import operator
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, pairwise, repeat

from safenote.core import resources
from safenote.core.policy.batch import Batch
from safenote.core.policy.crisis_concept_types import APOSTROPHE_LESS
from safenote.core.policy.crisis_softening import CrisisHit
from safenote.core.policy.matching import Folded
from safenote.core.policy.text import APOSTROPHES, split_paragraphs

__all__ = [
    "FORMAT",
    "CrisisModel",
    "CrisisModelError",
    "crisis_model",
    "features",
    "gentle_hits",
    "model_hit",
    "parse_model",
    "sentence_spans",
    "sentences",
]

FORMAT = "safenote-crisis-model/1"
MODEL_FILE = ("crisis", "model.json")

# The concept layer's sentence ends (. ! ? ; … before a space, not "8.15"; or a line
# break), written to start with a character class: re then skips ahead to candidates
# instead of trying the alternation at every position (five times faster).
_SENTENCE_END = re.compile(r"[\n.!?;…](?:(?<=\n)|[.!?;…]*(?=\s|$))")
_END = "\x00"  # a sentence end, as a token of its own
_BREAK = f" {_END} "
# Between paragraphs scored together (CrisisModel.best_scores): a line of its own, so a
# token of its own between two sentence ends; not punctuation, so _FOLD keeps it.
_PARAGRAPH = "\x01"
_JOIN = f"\n{_PARAGRAPH}\n"
# Words are what ``str.split`` leaves once punctuation is a space: one C call per paragraph
# (a word regex per sentence cost more than the rest of the full check). One character for
# one, so offsets still index the paragraph: digits read "0", and every punctuation mark but
# the sentence ends, apostrophes and hyphens is a space ("\x00" too: it marks the ends).
_PUNCTUATION = '\x00"#$%&()*+,/:<=>@[\\]^_`{|}~“”„«»‹›—–•·¡¿‐‒―'
_FOLD = str.maketrans({**dict.fromkeys(_PUNCTUATION, " "), **dict.fromkeys("0123456789", "0")})
# Texting drops apostrophes ("im", "dont"): read them as the concept layer does. Words it
# maps to themselves ("wanna") are left out, so the lookup below stays a plain .get.
_TEXTING = {k: v for k, v in APOSTROPHE_LESS.items() if k != v}


class CrisisModelError(ValueError):
    """The shipped model file cannot be read: the installation is damaged."""


def _raw_tokens(folded: str) -> list[str]:
    """The words of one folded paragraph as written, with a NUL at each sentence end."""
    return _SENTENCE_END.sub(_BREAK, folded.translate(_FOLD)).split()


def _tokens(folded: str) -> list[str]:
    """The words of one folded paragraph, texting spellings read as words ("im" as
    "i'm"), with a NUL token at each sentence end."""
    words = _raw_tokens(folded)
    return list(map(_TEXTING.get, words, words))


def sentences(folded: str) -> list[list[str]]:
    """The words of each sentence of one folded paragraph (sentences without words left
    out): what the model reads."""
    found: list[list[str]] = []
    current: list[str] = []
    for token in _tokens(folded):
        if token == _END:
            if current:
                found.append(current)
            current = []
        else:
            current.append(token)
    if current:
        found.append(current)
    return found


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text`` (one paragraph) that hold words, in the order of
    :func:`sentences`, surrounding whitespace left out."""
    plain = text.translate(_FOLD)  # one for one: offsets carry over
    spans: list[tuple[int, int]] = []
    start = 0
    ends = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(plain)]
    for end, after in [*ends, (len(plain), len(plain))]:
        piece = plain[start:end]
        if piece.split():
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + len(piece.rstrip())))
        start = after
    return spans


def features(words: list[str]) -> list[str]:
    """The features of one sentence's words, repeats kept: the words, and each pair of
    neighbouring words as "first second". Training counts these per message."""
    return words + [f"{a} {b}" for a, b in pairwise(words)]


def _spellings(word: str, variants: Mapping[str, list[str]]) -> list[str]:
    return [word, *variants.get(word, ())]


@dataclass(frozen=True)
class CrisisModel:
    """Weights as trained (texting spellings already read as words); build with
    :meth:`build`, which also gives each texting spelling its word's weights."""

    bias: float
    threshold: float  # a window scoring at or above it raises the gentle panel
    unigrams: Mapping[str, float]
    bigrams: Mapping[tuple[str, str], float]

    @classmethod
    def build(
        cls,
        bias: float,
        threshold: float,
        unigrams: Mapping[str, float],
        bigrams: Mapping[tuple[str, str], float],
    ) -> CrisisModel:
        """The model, with "im" weighted as "i'm" (and "im tired" as "i'm tired") in the
        tables themselves: scoring then needs no per-word spelling lookup, and reads
        exactly what training read."""
        variants: dict[str, list[str]] = {}
        for texting, word in _TEXTING.items():
            variants.setdefault(word, []).append(texting)
        uni = dict(unigrams)
        for word, weight in unigrams.items():
            for texting in variants.get(word, ()):
                uni[texting] = weight
        bi = dict(bigrams)
        for (first, second), weight in bigrams.items():
            if first in variants or second in variants:
                for a in _spellings(first, variants):
                    for b in _spellings(second, variants):
                        bi[a, b] = weight
        return cls(bias, threshold, uni, bi)

    def sentence_weights(self, folded: str) -> list[tuple[float, int]]:
        """Per sentence of one folded paragraph (as :func:`sentences` finds them): the sum
        of its features' weights and how many features it has. Every token's weight comes
        from two C-level maps over the whole paragraph, then one sum per sentence: this
        runs on every paragraph of every full check."""
        tokens = _raw_tokens(folded)
        tokens.append(_END)
        weights = map(self.unigrams.get, tokens, repeat(0.0))
        # A pair across a sentence end holds a NUL: never a feature, so weight 0.
        pairs = map(self.bigrams.get, pairwise(tokens), repeat(0.0))
        # Running totals: a sentence's sum is a difference of two of them. (operator.add,
        # not float.__add__: the same sums, a quarter of the cost.)
        totals = list(accumulate(map(operator.add, weights, pairs), initial=0.0))
        found: list[tuple[float, int]] = []
        start = 0
        find_end = tokens.index
        while start < len(tokens):
            end = find_end(_END, start)
            if end > start:
                found.append((totals[end] - totals[start], 2 * (end - start) - 1))
            start = end + 1
        return found

    def best_window(self, folded: str) -> tuple[float, int]:
        """The highest score of a sentence or a pair of neighbouring sentences in one folded
        paragraph, and the index of the sentence that contributed most to it (-inf and
        -1 when it has no sentence). A window's features are counted over the square root
        of how many it has, as in training: a long window does not score higher for its
        length alone."""
        best, best_index = -math.inf, -1
        before, before_size = math.nan, 0  # the previous sentence's sum and feature count
        bias, sqrt = self.bias, math.sqrt  # locals: this loop runs on every full check
        for index, (weight, size) in enumerate(self.sentence_weights(folded)):
            score = bias + weight / sqrt(size)
            if score > best:
                best, best_index = score, index
            if index:
                score = bias + (weight + before) / sqrt(size + before_size)
                if score > best:
                    best = score
                    best_index = index if weight >= before else index - 1
            before, before_size = weight, size
        return best, best_index

    def best_scores(self, folded: Sequence[str]) -> list[float]:
        """``best_window(text)[0]`` for each folded paragraph, the same floats, faster for
        many paragraphs: one tokenisation and one pass of weight look-ups over them all
        (joined by a line holding only ``_PARAGRAPH``: a sentence of its own, weight 0,
        that no window crosses), then each paragraph's running totals from zero over its
        own tokens, as :meth:`sentence_weights` sums them."""
        joined = _JOIN.join(folded)
        if joined.count(_PARAGRAPH) >= len(folded):  # in the text itself: the plain way
            return [self.best_window(text)[0] for text in folded]
        tokens = _raw_tokens(joined)
        tokens.append(_END)
        weights = map(self.unigrams.get, tokens, repeat(0.0))
        pairs = map(self.bigrams.get, pairwise(tokens), repeat(0.0))
        # Per token, as in sentence_weights: the marker and the ends around it weigh 0.
        each = list(map(operator.add, weights, pairs))
        bias, sqrt, find = self.bias, math.sqrt, tokens.index
        found: list[float] = []
        first = 0
        for _ in folded:
            # Each paragraph's tokens run up to an end ("\n") just before the marker.
            last = find(_PARAGRAPH, first) if len(found) < len(folded) - 1 else len(tokens)
            totals = list(accumulate(each[first:last], initial=0.0))
            best = -math.inf
            before, before_size = math.nan, 0
            start = first
            while start < last:
                end = find(_END, start, last)
                if end > start:
                    weight = totals[end - first] - totals[start - first]
                    size = 2 * (end - start) - 1
                    score = bias + weight / sqrt(size)
                    if score > best:
                        best = score
                    if before_size:  # a sentence before it in this paragraph: the pair
                        score = bias + (weight + before) / sqrt(size + before_size)
                        if score > best:
                            best = score
                    before, before_size = weight, size
                start = end + 1
            found.append(best)
            first = last + 1
        return found

    def score(self, folded_text: str) -> float:
        """The model's score for a whole folded message: its best window in any paragraph
        (how cross-validation and the engine see a message)."""
        return max(
            (self.best_window(p.text)[0] for p in split_paragraphs(folded_text)),
            default=-math.inf,
        )


def model_hit(paragraph: Folded, model: CrisisModel | None = None) -> CrisisHit | None:
    """A gentle hit on the top sentence of ``paragraph`` when its best window reaches the
    threshold; None otherwise."""
    model = model or crisis_model()
    score, index = model.best_window(paragraph.folded)
    if score < model.threshold:
        return None
    # Lower-casing may change the length ("İ"): then sentences are found in the original.
    text = paragraph.folded if paragraph.aligned else paragraph.original.translate(APOSTROPHES)
    spans = sentence_spans(text)
    start, end = spans[index] if index < len(spans) else (0, len(text))
    return CrisisHit(start, end, True)


def gentle_hits(
    batch: Batch, matched: Mapping[int, Sequence[object]], model: CrisisModel | None = None
) -> dict[int, CrisisHit]:
    """The layer's gentle hits in ``batch``, by paragraph, for the paragraphs in which no
    rule matched anything (``matched``: the rules' raw matches by paragraph, including
    wording the softening then drops as an idiom). The check-in card's detector
    (:func:`crisis.check_in_batch`) is this; the crisis panel never uses it."""
    model = model or crisis_model()
    todo = [i for i in range(len(batch.paragraphs)) if not matched.get(i)]
    scores = model.best_scores([batch.paragraphs[i].folded for i in todo])
    found: dict[int, CrisisHit] = {}
    for index, score in zip(todo, scores, strict=True):
        # Only a paragraph whose best window reaches the threshold is read again, for
        # the sentence to mark (model_hit finds the same score).
        if score >= model.threshold:
            hit = model_hit(batch.paragraphs[index], model)
            if hit is not None:
                found[index] = hit
    return found


def parse_model(raw: str, source: str = "crisis/model.json") -> CrisisModel:
    """Build the model from the JSON text of a model file, or raise CrisisModelError."""
    try:
        data = json.loads(raw)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"expected format {FORMAT!r}")
        unigrams = {str(k): float(v) for k, v in data["unigrams"].items()}
        bigrams: dict[tuple[str, str], float] = {}
        for key, value in data["bigrams"].items():
            first, second = str(key).split(" ")
            bigrams[first, second] = float(value)
        model = CrisisModel.build(float(data["bias"]), float(data["threshold"]), unigrams, bigrams)
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise CrisisModelError(
            f"SafeNote's bundled file {source!r} is damaged ({err}); reinstall SafeNote."
        ) from None
    if not all(map(math.isfinite, (model.bias, model.threshold))):
        raise CrisisModelError(
            f"SafeNote's bundled file {source!r} is damaged (bias or threshold is not a "
            "number); reinstall SafeNote."
        )
    return model


@cache
def crisis_model() -> CrisisModel:
    """The shipped model (read once)."""
    try:
        raw = resources.read_text(*MODEL_FILE)
    except UnicodeDecodeError as err:
        raise CrisisModelError(
            f"SafeNote's bundled file {'/'.join(MODEL_FILE)!r} is damaged ({err.reason}); "
            "reinstall SafeNote."
        ) from None
    return parse_model(raw)
