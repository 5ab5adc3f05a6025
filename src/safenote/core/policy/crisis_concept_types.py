"""Crisis concepts, the types: cues, concept rules and the indexes the layer runs on.

Built by :mod:`crisis_concept_rules` from ``resources/crisis/concepts.toml``; read on every
keystroke by :mod:`crisis_concepts`. The indexes share equal sets and tuples (see
``build_concepts``): they are most of the guidance engine's memory.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass

BIG = "#big"  # any number of 10 or more
# The class of everyday phrases that hold a risk word in another sense ("drowning in
# paperwork", "follows me around the house like a puppy"): a cue of it hides the cues of
# other classes inside its span, not the rest of the sentence (see crisis_concept_cues).
EVERYDAY_SENSE = "everyday-sense"
# Texting drops apostrophes: "im", "dont", "cant" read as "i'm", "don't", "can't".
APOSTROPHE_LESS = {
    "im": "i'm", "ive": "i've", "id": "i'd", "dont": "don't", "cant": "can't",
    "wont": "won't", "didnt": "didn't", "doesnt": "doesn't", "isnt": "isn't",
    "wasnt": "wasn't", "werent": "weren't", "arent": "aren't", "wouldnt": "wouldn't",
    "couldnt": "couldn't", "shouldnt": "shouldn't", "havent": "haven't", "hasnt": "hasn't",
    "hadnt": "hadn't", "hes": "he's", "shes": "she's", "theyre": "they're",
    "youre": "you're", "thats": "that's", "whats": "what's", "itll": "it'll",
    "theyll": "they'll", "u": "you", "ur": "your",
    "i'am": "i'm", "imma": "i'm", "wanna": "wanna", "gonna": "gonna",
}  # fmt: skip


# Cue word ids, ascending and without repeats: a tuple is a quarter of the size of a small
# frozenset, and ``present.issuperset(ids)`` or a union of them reads it as fast.
Ids = tuple[int, ...]
# Per need: its cues by the batch forms of their rarest word, each cue as the ids of its
# words (see ConceptRule.gate_cues and Concepts.satisfied).
CueIndex = dict[str, tuple[Ids, ...]]


@dataclass(frozen=True, slots=True)  # thousands of cues: no dict each
class Cue:
    klass: str
    words: tuple[frozenset[str], ...]  # allowed tokens for each word, in order
    clause_end: bool  # must end its clause
    self_before: bool = False  # needs a first-person word just before it
    sentence_start: bool = False  # must begin its sentence


@dataclass(frozen=True)
class ConceptRule:
    name: str
    why: str
    needs: tuple[frozenset[str], ...]  # each: classes, one of which must be present
    unless: frozenset[str]
    negatable: bool
    gentle: bool
    fires: tuple[str, ...]
    quiet: tuple[str, ...]
    need_gates: tuple[AbstractSet[str] | None, ...]  # per need: batch words (_need_gates)
    gate: AbstractSet[str]  # the rarest of need_gates: a paragraph is searched for these
    # Per need (but "self?"), per cue: the tokens allowed for each of its words; a sentence
    # lacking a word of every cue of one need cannot fire the rule either.
    need_cues: tuple[tuple[tuple[frozenset[str], ...], ...], ...] = ()
    # Per need (None when a cue of it has no gate word): its cues, found by their rarest
    # word, each as the batch words allowed for each of its words. A paragraph lacking a
    # word of every cue of one need cannot fire the rule.
    gate_cues: tuple[CueIndex | None, ...] = ()
    classes: frozenset[str] = frozenset()  # every class the rule looks at

    @property
    def about_writer(self) -> bool:
        """A rule about the writer's own risk (not danger from or to someone)."""
        return any(need & {"self", "self?"} for need in self.needs)

    @property
    def tag(self) -> str:
        """How :func:`crisis._resolve` treats a hit (see crisis_phrases.PhraseFamily.tag)."""
        kind = "g" if self.gentle else "n" if self.negatable else "u"
        return f"{kind}:concept:{self.name}"


@dataclass(frozen=True)
class Concepts:
    rules: tuple[ConceptRule, ...]
    by_first: dict[str, tuple[Cue, ...]]  # first-word token -> cues starting with it
    classes: frozenset[str]
    by_gate: dict[str, tuple[int, ...]]  # gate word -> indices of the rules it gates
    # Batch word -> ids of the cue words it can be (a cue word: its set of batch forms).
    word_ids: dict[str, Ids]

    # The key sets are views, not copies: ``view & words`` walks ``words`` (a text's few
    # hundred words) with one dict lookup each, as frozenset.intersection would.
    @property
    def gate(self) -> AbstractSet[str]:
        """Every rule's gate words: a text with none has no concept hit."""
        return self.by_gate.keys()

    @property
    def cue_forms(self) -> AbstractSet[str]:
        """Every batch word some cue word can be (the keys of ``word_ids``)."""
        return self.word_ids.keys()

    def gated(self, words: frozenset[str]) -> list[ConceptRule]:
        """The rules whose gate has a word among ``words``, in their order."""
        by_gate = self.by_gate
        chosen = {index for word in by_gate.keys() & words for index in by_gate[word]}
        return [self.rules[index] for index in sorted(chosen)]

    def satisfied(self, words: frozenset[str]) -> frozenset[int]:
        """Ids of the cue words present among ``words``: a cue whose ids are all here has
        every word in the text (not necessarily in a row)."""
        word_ids = self.word_ids
        return frozenset().union(*(word_ids[w] for w in word_ids.keys() & words))


def normal(token: str) -> str:
    """A texted spelling as the word it stands for ("dont" -> "don't")."""
    return APOSTROPHE_LESS.get(token, token)
