"""Train the crisis layer's statistical model (rounds 9-10) and choose its threshold.

Usage: .venv/bin/python scripts/train_crisis_model.py [--check | --compare]

Reads ONLY the labelled files ``tests/corpus/*.jsonl`` (never ``tests/corpus/holdout/``;
a message is a positive if it expects ``crisis`` or ``check-in``) and, as negatives since
round 10, the ``quiet`` examples of ``resources/crisis/*.toml`` and of the default pack's
``crisis`` rule (sentences written to sound near a crisis that must stay quiet; one group
of their own, counted as hard negatives). Writes ``resources/crisis/model.json`` (a few
seconds). Deterministic: fixed
fold assignment, a fixed seed for the training order, rounded and sorted output;
re-running it reproduces the shipped file byte for byte (``--check`` says whether it
would, without writing; ``--compare`` prints the CV figures of the three trainers tried).

1. Features (``safenote.core.policy.crisis_model``): the folded words of each sentence
   and each pair of neighbouring words, counted over the message and divided by the square
   root of the message's feature count; L2-regularised logistic regression. A window (one
   sentence or two neighbouring ones) scores the bias plus its features' weights over the
   square root of its feature count, so a long window scores no higher for length alone.
2. Grouped 5-fold cross-validation: a group is one source set (the id before its number:
   ``holdout8``, ``crisisdev3``, ``everyday``...), so a fold's messages come from writers
   and briefs the model was not trained on, as the sealed sets will. Each held-out message
   is scored as the engine scores it (best sentence or sentence pair in any paragraph).
3. The threshold, stated before any sealed set is scored: the lowest score that flags, of
   the pooled out-of-fold scores, at most 5% of the *hard negatives* (non-crisis messages
   from the crisis sets, and every idiom), at most 5% of the other negatives (everyday
   messages: the bulk of what people write), at most 1.5% of the idioms, and at most 1%
   of the everyday messages' sentences each scored alone (a long draft is read a sentence
   or two at a time, so its chance of a false alarm grows with its length).
4. The final model is trained on every file with the same settings and that threshold;
   weights are rounded to four decimals and features whose weight rounds to zero dropped.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from safenote.core.policy.crisis_model import (
    FORMAT,
    CrisisModel,
    features,
    sentence_spans,
    sentences,
)
from safenote.core.policy.matching import fold
from safenote.core.policy.text import split_paragraphs

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "tests" / "corpus"
MODEL_PATH = ROOT / "resources" / "crisis" / "model.json"
# Quiet examples read as negatives (round 10): every "quiet" list in these files, and the
# "quiet" examples of the pack's crisis rule. Only those texts are hashed, so editing a
# rule's wording or another rule of the pack does not call for a retrain.
QUIET_FILES = sorted((ROOT / "resources" / "crisis").glob("*.toml"))
PACK_PATH = ROOT / "resources" / "packs" / "default.toml"
QUIET_GROUP = "quietexamples"
# Labels that mean "a crisis message" for training: the panel's and the check-in card's.
POSITIVE = ("crisis", "check-in")

FOLDS = 5
SEED = 20261127
MIN_DF = 2  # a feature must occur in at least two training messages
# The most of each kind of out-of-fold negative the threshold may flag.
TARGETS = {
    "hard negatives": 0.05,
    "other negatives": 0.05,
    "idioms": 0.015,
    "sentences of other negatives": 0.01,
}
# L2-regularised logistic regression (SGD, seeded order), compared out of fold with
# multinomial naive Bayes and an averaged perceptron (--compare prints all three, each at
# its own threshold): 300/524 crisis messages found, naive Bayes 313 and perceptron 244.
# Naive Bayes is not used: trained on every file, it still flags a corpus idiom ("I
# wouldn't want to be in his shoes"), which test_corpus.py forbids; logistic regression
# fits the corpus (no corpus idiom flagged) with fewer hard negatives flagged (8 vs 11).
TRAINER = "logistic"
EPOCHS = 40
LEARNING_RATE = 1.0
L2 = 1e-5
ALPHA = 1.0  # naive Bayes (--compare only): add-one smoothing
DIGITS = 4  # weights are rounded: a small, stable file
# Sets written to stress the crisis detector: their non-crisis messages are hard negatives.
_HARD_GROUPS = ("crisisdev", "holdout")


@dataclass(frozen=True)
class Example:
    id: str
    group: str
    crisis: bool
    hard: bool  # a hard negative (or a crisis message from a crisis set)
    idiom: bool
    folded: str
    counts: Counter[str]


def _group(message_id: str) -> str:
    return message_id.rsplit("-", 1)[0].replace("_", "")


def message_counts(folded: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for paragraph in split_paragraphs(folded):
        for words in sentences(paragraph.text):
            counts.update(features(words))
    return counts


def training_files() -> list[Path]:
    return sorted(CORPUS_DIR.glob("*.jsonl"))  # not recursive: holdout/ is never read


def _quiet_lists(node: object) -> list[str]:
    """Every string in a ``quiet`` list anywhere in a parsed TOML document, in order."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "quiet" and isinstance(value, list):
                found.extend(v for v in value if isinstance(v, str))
            else:
                found.extend(_quiet_lists(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_quiet_lists(value))
    return found


def quiet_sources() -> list[tuple[Path, list[str]]]:
    """The quiet examples read as negatives, by file, in file order."""
    sources = [
        (path, _quiet_lists(tomllib.loads(path.read_text(encoding="utf-8"))))
        for path in QUIET_FILES
    ]
    pack = tomllib.loads(PACK_PATH.read_text(encoding="utf-8"))
    crisis = [
        str(example["text"])
        for rule in pack["rules"]
        if rule["id"] == "crisis"
        for example in rule.get("examples", [])
        if example.get("expect") == "quiet"
    ]
    return [*sources, (PACK_PATH, crisis)]


def quiet_examples() -> list[str]:
    """Every quiet example once, in file order (a few are listed twice)."""
    return list(dict.fromkeys(text for _, texts in quiet_sources() for text in texts))


def load_examples() -> list[Example]:
    examples: list[Example] = []
    for number, text in enumerate(quiet_examples(), start=1):
        folded = fold(text).folded
        examples.append(
            Example(
                f"{QUIET_GROUP}-{number:03d}",
                QUIET_GROUP,
                False,
                True,
                False,
                folded,
                message_counts(folded),
            )
        )
    for path in training_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            raw = json.loads(line)
            tags = set(raw.get("tags", []))
            group = _group(raw["id"])
            folded = fold(raw["text"]).folded
            crisis = any(label in raw["expect"] for label in POSITIVE)
            idiom = "idiom" in tags
            examples.append(
                Example(
                    raw["id"],
                    group,
                    crisis,
                    (group.startswith(_HARD_GROUPS) or idiom) and not crisis,
                    idiom,
                    folded,
                    message_counts(folded),
                )
            )
    return examples


def assign_folds(examples: list[Example]) -> dict[str, int]:
    """Whole groups to folds, largest first, each to the emptiest fold (ties: lowest)."""
    sizes = Counter(e.group for e in examples)
    load = [0] * FOLDS
    folds: dict[str, int] = {}
    for group, size in sorted(sizes.items(), key=lambda item: (-item[1], item[0])):
        target = min(range(FOLDS), key=lambda f: (load[f], f))
        folds[group] = target
        load[target] += size
    return folds


def _vocabulary(examples: list[Example]) -> list[str]:
    df: Counter[str] = Counter()
    for example in examples:
        df.update(example.counts.keys())
    return sorted(f for f, n in df.items() if n >= MIN_DF)


def _train_logistic(examples: list[Example]) -> tuple[float, dict[str, float]]:
    """L2-regularised logistic regression by SGD with a decaying rate; the L2 shrink is
    kept as one scale factor (w = scale * v), so each step costs only the message's
    features (counts)."""
    vocab = set(_vocabulary(examples))
    rows = [
        (
            [
                (f, c / math.sqrt(e.counts.total()))
                for f, c in sorted(e.counts.items())
                if f in vocab
            ],
            1.0 if e.crisis else 0.0,
        )
        for e in examples
    ]
    v: dict[str, float] = dict.fromkeys(sorted(vocab), 0.0)
    bias = 0.0
    scale = 1.0
    rng = random.Random(SEED)  # noqa: S311 - a fixed training order, not a secret
    order = list(range(len(rows)))
    step = 0
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for index in order:
            feats, label = rows[index]
            rate = LEARNING_RATE / (1.0 + LEARNING_RATE * L2 * step)
            step += 1
            margin = bias + scale * sum(v[f] * c for f, c in feats)
            prob = 1.0 / (1.0 + math.exp(-margin)) if margin > -30 else 0.0
            gradient = prob - label
            scale *= 1.0 - rate * L2
            for f, c in feats:
                v[f] -= rate * gradient * c / scale
            bias -= rate * gradient
        for f in v:  # fold the scale back in once an epoch: no underflow
            v[f] *= scale
        scale = 1.0
    return bias, v


def _train_bayes(examples: list[Example]) -> tuple[float, dict[str, float]]:
    """Multinomial naive Bayes as a linear model: each feature's weight is the log of how
    much likelier it is in a crisis message than in another (add-one smoothing); the bias
    is the log of the prior odds. Scored, like every trainer, over the square root of a
    window's feature count (see CrisisModel.best_window)."""
    vocab = _vocabulary(examples)
    known = set(vocab)
    totals = {True: Counter[str](), False: Counter[str]()}
    for e in examples:
        totals[e.crisis].update({f: c for f, c in e.counts.items() if f in known})
    size = {k: sum(t.values()) + ALPHA * len(vocab) for k, t in totals.items()}
    weights = {
        f: math.log((totals[True][f] + ALPHA) / size[True])
        - math.log((totals[False][f] + ALPHA) / size[False])
        for f in vocab
    }
    positives = sum(e.crisis for e in examples)
    return math.log(positives / (len(examples) - positives)), weights


def _train_perceptron(examples: list[Example]) -> tuple[float, dict[str, float]]:
    """Averaged perceptron, EPOCHS passes in a seeded order."""
    vocab = set(_vocabulary(examples))
    rows = [
        (
            [
                (f, c / math.sqrt(e.counts.total()))
                for f, c in sorted(e.counts.items())
                if f in vocab
            ],
            e.crisis,
        )
        for e in examples
    ]
    w: dict[str, float] = dict.fromkeys(sorted(vocab), 0.0)
    total: dict[str, float] = dict.fromkeys(w, 0.0)
    bias = bias_total = 0.0
    rng = random.Random(SEED)  # noqa: S311 - a fixed training order, not a secret
    order = list(range(len(rows)))
    seen = 0
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for index in order:
            feats, crisis = rows[index]
            seen += 1
            predicted = bias + sum(w[f] * c for f, c in feats) > 0
            if predicted != crisis:
                sign = 1.0 if crisis else -1.0
                for f, c in feats:
                    w[f] += sign * c
                    total[f] += sign * c * seen
                bias += sign
                bias_total += sign * seen
    # The average of w over every step, from the running sums (Daume's trick).
    return bias - bias_total / seen, {f: w[f] - total[f] / seen for f in w}


TRAINERS = {"logistic": _train_logistic, "bayes": _train_bayes, "perceptron": _train_perceptron}


def build_model(bias: float, weights: dict[str, float], threshold: float) -> CrisisModel:
    unigrams = {f: w for f, w in weights.items() if " " not in f}
    bigrams = {tuple(f.split(" ")): w for f, w in weights.items() if " " in f}
    return CrisisModel.build(bias, threshold, unigrams, bigrams)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Scored:
    example: Example
    score: float
    sentence: bool = False  # one sentence of a negative, scored as a paragraph of its own


def cross_validate(examples: list[Example], trainer: str) -> list[Scored]:
    """Out-of-fold scores for every example (grouped folds), and for every sentence of the
    everyday negatives on its own: a long draft is read a sentence or two at a time."""
    folds = assign_folds(examples)
    scored: list[Scored] = []
    for fold_index in range(FOLDS):
        train = [e for e in examples if folds[e.group] != fold_index]
        test = [e for e in examples if folds[e.group] == fold_index]
        bias, weights = TRAINERS[trainer](train)
        model = build_model(bias, weights, 0.0)
        for e in test:
            scored.append(Scored(e, model.score(e.folded)))
            if _kind(e) == "other negatives":
                for paragraph in split_paragraphs(e.folded):
                    for start, end in sentence_spans(paragraph.text):
                        sentence = paragraph.text[start:end]
                        scored.append(Scored(e, model.best_window(sentence)[0], sentence=True))
    return scored


def _kind(example: Example) -> str | None:
    if example.crisis:
        return None
    return "hard negatives" if example.hard else "other negatives"


def _of_kind(row: Scored, kind: str) -> bool:
    if kind == "sentences of other negatives":
        return row.sentence
    if row.sentence:
        return False
    return row.example.idiom if kind == "idioms" else _kind(row.example) == kind


def choose_threshold(scored: list[Scored]) -> float:
    """The lowest score that flags no more than TARGETS of each kind of out-of-fold
    negative (a window flags at score >= threshold)."""
    lowest = -math.inf
    for kind, rate in TARGETS.items():
        negatives = sorted((row.score for row in scored if _of_kind(row, kind)), reverse=True)
        allowed = math.floor(rate * len(negatives))
        # Just above the (allowed+1)-th highest score of this kind.
        lowest = max(lowest, negatives[allowed] + 10**-DIGITS)
    return round(lowest, DIGITS)


def figures(scored: list[Scored], threshold: float) -> dict[str, str]:
    """Out-of-fold: crisis messages found, and each kind of negative flagged."""

    def share(rows: list[Scored]) -> str:
        return f"{sum(row.score >= threshold for row in rows)}/{len(rows)}"

    messages = [row for row in scored if not row.sentence]
    found = {
        "crisis messages found": share([r for r in messages if r.example.crisis]),
        "of them, in the crisis sets": share(
            [r for r in messages if r.example.crisis and r.example.group.startswith(_HARD_GROUPS)]
        ),
    }
    return found | {
        f"{kind} flagged": share([r for r in scored if _of_kind(r, kind)]) for kind in TARGETS
    }


def file_hashes() -> list[dict[str, str]]:
    return [
        {
            "file": path.relative_to(ROOT).as_posix(),
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        }
        for path in training_files()
    ]


def quiet_text_hash(texts: list[str]) -> str:
    """The SHA-256 of a file's quiet examples, one per line (not of the whole file)."""
    return hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()


def quiet_hashes() -> list[dict[str, object]]:
    return [
        {
            "file": path.relative_to(ROOT).as_posix(),
            "quiet_examples": len(texts),
            "quiet_sha256": quiet_text_hash(texts),
        }
        for path, texts in quiet_sources()
    ]


def render(trainer: str = TRAINER) -> tuple[str, dict[str, str]]:
    """The model file's text, and the CV figures printed alongside."""
    examples = load_examples()
    scored = cross_validate(examples, trainer)
    threshold = choose_threshold(scored)
    cv = figures(scored, threshold)
    bias, weights = TRAINERS[trainer](examples)
    rounded = {f: round(w, DIGITS) for f, w in weights.items()}
    kept = {f: w for f, w in sorted(rounded.items()) if w != 0.0}
    document = {
        "format": FORMAT,
        "about": (
            "The learnt crisis layer behind the check-in card (rounds 9-10): written by "
            "scripts/train_crisis_model.py from tests/corpus/*.jsonl and the quiet examples "
            "of resources/crisis/*.toml and the pack's crisis rule. Do not edit by hand."
        ),
        "trainer": trainer,
        "settings": {
            "folds": FOLDS,
            "min_df": MIN_DF,
            "seed": SEED,
            "epochs": EPOCHS,
            "learning_rate": LEARNING_RATE,
            "l2": L2,
            "targets": TARGETS,
        },
        "trained_on": file_hashes(),
        "quiet_negatives": quiet_hashes(),
        "cv": cv,
        "threshold": threshold,
        "bias": round(bias, DIGITS),
        "unigrams": {f: w for f, w in kept.items() if " " not in f},
        "bigrams": {f: w for f, w in kept.items() if " " in f},
    }
    return json.dumps(document, ensure_ascii=False, indent=0, sort_keys=False) + "\n", cv


def compare() -> None:
    examples = load_examples()
    for trainer in TRAINERS:
        scored = cross_validate(examples, trainer)
        threshold = choose_threshold(scored)
        print(trainer, f"threshold {threshold}", figures(scored, threshold))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    parser.add_argument("--compare", action="store_true", help="CV figures of every trainer")
    args = parser.parse_args(argv)
    if args.compare:
        compare()
        return 0
    text, cv = render()
    threshold = json.loads(text)["threshold"]
    targets = ", ".join(f"{rate:.1%} of {kind}" for kind, rate in TARGETS.items())
    print(f"threshold {threshold} (flags at most {targets}, out of fold)")
    for name, value in cv.items():
        print(f"  {name}: {value}")
    if args.check:
        same = MODEL_PATH.exists() and MODEL_PATH.read_text(encoding="utf-8") == text
        print("shipped model is up to date" if same else "shipped model differs: retrain")
        return 0 if same else 1
    MODEL_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {MODEL_PATH.relative_to(ROOT)} ({len(text.encode()):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
