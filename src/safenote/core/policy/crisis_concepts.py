"""Crisis concepts: risk found by ideas that co-occur in a sentence, not by exact wording.

The phrase and regex families (:mod:`crisis`, :mod:`crisis_phrases`) catch the wording they
were written for and little else: on fresh messages they found a quarter to a half of
first-person crisis messages. This layer looks, per sentence, for *classes* of words
(``resources/crisis/concepts.toml``): a first-person word, an ending ("fade away", "be
over"), means (pills, a rope), a movement towards a drop, a blade used, violence from
someone, urges to hurt someone, voices giving orders... and fires when a rule's classes all
occur together, unless an idiom, a trip away or a break-up explains the words.

It runs on every keystroke, so it is gated twice: a batch with none of the *risk* words
(the gate classes) costs one set intersection, and inside a paragraph only sentences
holding a risk word are tokenised and looked at.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from safenote.core import resources
from safenote.core.policy.batch import Batch
from safenote.core.policy.matching import COMMON_WORDS, Folded
from safenote.core.policy.phrases import inflected_forms
from safenote.core.policy.text import APOSTROPHES

# A word with its apostrophe parts ("i'm", "don't"), or a comma (it ends a "$" cue).
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|,")
_PIECE = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# A sentence ends at . ! ? ; … before a space (not "8.15"), or at a line break.
_SENTENCE_END = re.compile(r"[.!?;…]+(?=\s|$)|\n")
_WORD = re.compile(r"\w+")
_BIG = "#big"  # any number of 10 or more
_NO_INFLECT_MARK = "="
_CLAUSE_END_MARK = "$"
_SELF_BEFORE_MARK = "@"
# After a "$" cue, these still count as the end of its clause.
_END_OK = frozenset(
    {"and", "or", "but", "again", "anymore", "ever", "tomorrow", "forever", "tonight",
     "sometimes", "tbh", "honestly", "now", "soon", "already", "too", "lol"}
)  # fmt: skip
# Texting drops apostrophes: "im", "dont", "cant" read as "i'm", "don't", "can't".
_APOSTROPHE_LESS = {
    "im": "i'm", "ive": "i've", "id": "i'd", "dont": "don't", "cant": "can't",
    "wont": "won't", "didnt": "didn't", "doesnt": "doesn't", "isnt": "isn't",
    "wasnt": "wasn't", "werent": "weren't", "arent": "aren't", "wouldnt": "wouldn't",
    "couldnt": "couldn't", "shouldnt": "shouldn't", "havent": "haven't", "hasnt": "hasn't",
    "hadnt": "hadn't", "hes": "he's", "shes": "she's", "theyre": "they're",
    "youre": "you're", "thats": "that's", "whats": "what's", "itll": "it'll",
    "hell": "he'll", "shell": "she'll", "theyll": "they'll", "u": "you", "ur": "your",
    "i'am": "i'm", "imma": "i'm", "wanna": "wanna", "gonna": "gonna",
}  # fmt: skip
# Classes whose words, right after another person ("he died"), are not about the writer.
_SUBJECT_BOUND = frozenset(
    {"ending", "continuation", "presence", "self-harm-act", "fall-act", "fall-strong"}
)
_LOOKBACK = 3  # words before a risk word searched for its subject


@dataclass(frozen=True)
class Cue:
    klass: str
    words: tuple[frozenset[str], ...]  # allowed tokens for each word, in order
    clause_end: bool  # must end its clause
    self_before: bool = False  # needs a first-person word just before it


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
    need_gates: tuple[frozenset[str] | None, ...]  # per need: batch words (see _need_gates)
    gate: frozenset[str]  # the rarest of need_gates: a paragraph is searched for these
    # Per need (but "self?"): the first-word tokens of its cues; a sentence missing all of
    # one need's tokens cannot fire the rule, which a set test tells before any matching.
    need_tokens: tuple[frozenset[str], ...] = ()
    # Per need (but "self?"), per cue: the tokens allowed for each of its words; a sentence
    # lacking a word of every cue of one need cannot fire the rule either.
    need_cues: tuple[tuple[tuple[frozenset[str], ...], ...], ...] = ()
    # Per need (None when a cue of it has no gate word), per cue: batch words for each of
    # its words. A paragraph lacking a word of every cue of one need cannot fire the rule.
    gate_cues: tuple[tuple[tuple[frozenset[str], ...], ...] | None, ...] = ()
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
    gate: frozenset[str]  # every rule's gate words: a text with none has no concept hit
    classes: frozenset[str]


def _normal(token: str) -> str:
    return _APOSTROPHE_LESS.get(token, token)


def _word_forms(word: str) -> list[frozenset[str]]:
    """Allowed tokens for each token of one cue word ("multi-storey" is two tokens)."""
    inflect = not word.endswith(_NO_INFLECT_MARK)
    word = word.rstrip(_NO_INFLECT_MARK)
    if word == _BIG:
        return [frozenset({_BIG})]
    pieces = _PIECE.findall(word)
    if len(pieces) != 1:
        return [frozenset({_normal(p)}) for p in pieces]
    forms = inflected_forms(word, inflect)
    return [frozenset(forms) if forms else frozenset({_normal(word)})]


def _parse_cue(klass: str, text: str) -> Cue:
    text = text.lower().translate(APOSTROPHES).strip()
    clause_end = text.endswith(_CLAUSE_END_MARK)
    self_before = text.endswith(_SELF_BEFORE_MARK)
    words: list[frozenset[str]] = []
    for word in text.rstrip(_CLAUSE_END_MARK + _SELF_BEFORE_MARK).split():
        words.extend(_word_forms(word))
    return Cue(klass, tuple(words), clause_end, self_before)


# Frequent words make poor gates (any paragraph has them): a rule is gated on the class
# of its needs whose words are rarest. COMMON_WORDS plus these.
_FREQUENT = COMMON_WORDS | frozenset(
    {
     "about", "after", "again", "also", "always", "am", "an", "any", "around", "as", "away",
     "back", "because", "before", "being", "better", "big", "both", "by", "came", "come", "did",
     "does", "doing", "done", "down", "even", "ever", "every", "first", "go", "goes", "good",
     "got", "great", "into", "its", "last", "let", "long", "look", "lot", "many", "more", "most",
     "much", "must", "need", "never", "new", "night", "nothing", "off", "old", "one", "only",
     "or", "other", "our", "out", "over", "own", "part", "people", "put", "right", "same", "see",
     "should", "since", "some", "something", "such", "than", "then", "these", "thing", "things",
     "those", "though", "through", "time", "to", "too", "took", "two", "up", "us", "use", "used",
     "very", "want", "was", "way", "we", "well", "went", "were", "what", "where", "which",
     "while", "who", "why", "will", "with", "work", "would", "year", "years", "yes", "yet",
     "you", "your", "week", "today", "home", "life", "plan", "plans", "walk", "notice", "still",
     "if", "it", "is", "of", "in", "on", "at", "me", "my", "the", "and", "be",
     "i", "a", "so", "no", "not",
    }
)  # fmt: skip
_NORMAL_TARGETS = frozenset(_APOSTROPHE_LESS.values())
_EVERYWHERE = frozenset({"self", "negation", "desire", "abuser", "other", "victim"})


_TYPED_WITHOUT_APOSTROPHE: dict[str, frozenset[str]] = {
    full: frozenset(k for k, v in _APOSTROPHE_LESS.items() if v == full)
    for full in set(_APOSTROPHE_LESS.values())
}


def _batch_forms(forms: frozenset[str]) -> frozenset[str] | None:
    """The batch words (runs of \\w) one of which a text matching ``forms`` holds: "don't"
    shows as "don" or "dont". None when a form has no such word ("#big")."""
    found: set[str] = set()
    for form in forms:
        runs = _WORD.findall(form)
        if form == _BIG or not runs:
            return None
        found.add(max(runs, key=len))
        found |= _TYPED_WITHOUT_APOSTROPHE.get(form, frozenset())
    return frozenset(found)


def _rarity(forms: frozenset[str]) -> tuple[bool, bool, int]:
    return (forms.isdisjoint(_FREQUENT), min(map(len, forms)) >= 4, -len(forms))


def _cue_gate(cue: Cue) -> frozenset[str] | None:
    """Batch words one of which any text the cue matches holds, from its rarest word."""
    for forms in sorted(cue.words, key=_rarity, reverse=True):
        gate = _batch_forms(forms)
        if gate is not None:
            return gate
    return None


def _need_gates(
    needs: tuple[frozenset[str], ...], cues: list[Cue]
) -> tuple[frozenset[str] | None, ...]:
    """Per need (but "self?"): batch words one of which any text meeting it holds, or None
    when a cue of it has no such word."""
    gates: list[frozenset[str] | None] = []
    for classes in needs:
        if classes == {"self?"}:
            continue
        cue_gates = [_cue_gate(cue) for cue in cues if cue.klass in classes]
        if not cue_gates or any(g is None for g in cue_gates):
            gates.append(None)
        else:
            gates.append(frozenset().union(*(g for g in cue_gates if g is not None)))
    if all(g is None for g in gates):
        raise ValueError(f"no need of {needs} can gate the rule")
    return tuple(gates)


def _gate_cues(
    needs: tuple[frozenset[str], ...], cues: list[Cue]
) -> tuple[tuple[tuple[frozenset[str], ...], ...] | None, ...]:
    found: list[tuple[tuple[frozenset[str], ...], ...] | None] = []
    for classes in needs:
        if classes == {"self?"}:
            continue
        need: list[tuple[frozenset[str], ...]] = []
        for cue in cues:
            if cue.klass in classes:
                words = tuple(w for w in map(_batch_forms, cue.words) if w is not None)
                if not words:
                    break
                need.append(words)
        else:
            found.append(tuple(need))
            continue
        found.append(None)
    return tuple(found)


def _primary(
    needs: tuple[frozenset[str], ...], gates: tuple[frozenset[str] | None, ...]
) -> frozenset[str]:
    """The need gate of rarest words: what a paragraph is first searched for. Never the
    first-person or negation words when another need can serve: every text has those."""
    options = [
        (bool(classes & _EVERYWHERE), len(gate & _FREQUENT), len(gate), gate)
        for classes, gate in zip((n for n in needs if n != {"self?"}), gates, strict=True)
        if gate is not None
    ]
    return min(options, key=lambda option: option[:3])[3]


def build_concepts(data: dict[str, object]) -> Concepts:
    raw_classes = data["concepts"]
    raw_rules = data["rule"]
    if not isinstance(raw_classes, dict) or not isinstance(raw_rules, list):
        raise TypeError("concepts.toml: [concepts] must be a table and [[rule]] a list")
    cues = [_parse_cue(str(k), str(t)) for k, texts in raw_classes.items() for t in texts]
    by_first: dict[str, list[Cue]] = {}
    for cue in cues:
        for form in cue.words[0]:
            by_first.setdefault(form, []).append(cue)
    rules = []
    for raw in raw_rules:
        needs = tuple(frozenset(str(n).split("|")) for n in raw["needs"])
        unknown = set().union(*needs, raw.get("unless", [])) - set(raw_classes) - {"self?"}
        if unknown:
            raise ValueError(f"concepts.toml: rule {raw['name']} names unknown {unknown}")
        rules.append(
            ConceptRule(
                name=str(raw["name"]),
                why=str(raw["why"]),
                needs=needs,
                unless=frozenset(str(u) for u in raw.get("unless", [])),
                negatable=bool(raw["negatable"]),
                gentle=bool(raw["gentle"]),
                fires=tuple(str(t) for t in raw.get("fires", [])),
                quiet=tuple(str(t) for t in raw.get("quiet", [])),
                need_gates=(gates := _need_gates(needs, cues)),
                gate=_primary(needs, gates),
                need_cues=tuple(
                    tuple(c.words for c in cues if c.klass in classes)
                    for classes in needs
                    if classes != {"self?"}
                ),
                gate_cues=_gate_cues(needs, cues),
                need_tokens=tuple(
                    frozenset().union(*(c.words[0] for c in cues if c.klass in classes))
                    for classes in needs
                    if classes != {"self?"}
                ),
                classes=frozenset().union(*needs, raw.get("unless", []))
                | ({"self", "other"} if {"self?"} in needs else set()),
            )
        )
    return Concepts(
        tuple(rules),
        {form: tuple(found) for form, found in by_first.items()},
        frozenset().union(*(rule.gate for rule in rules)),
        frozenset(raw_classes) | {"self?"},
    )


@cache
def concepts() -> Concepts:
    return build_concepts(tomllib.loads(resources.read_text("crisis", "concepts.toml")))


# Class -> (start, end) spans of its cues in one sentence.
Found = dict[str, list[tuple[int, int]]]


def _words(text: str, start: int, end: int) -> list[str]:
    """The sentence's tokens, numbers of 10 or more as "#big", apostrophes restored."""
    words = _TOKEN.findall(text, start, end)
    for index, token in enumerate(words):
        if token in _APOSTROPHE_LESS:
            words[index] = _APOSTROPHE_LESS[token]
        elif token.isascii() and token.isdigit():
            words[index] = _BIG if len(token) <= 4 and int(token) >= 10 else token
    return words


def _offsets(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for match in _TOKEN.finditer(text, start, end):
        starts.append(match.start())
        ends.append(match.end())
    return starts, ends


def _find_cues(
    concepts: Concepts,
    strings: list[str],
    offsets: tuple[list[int], list[int]],
    wanted: frozenset[str],
) -> Found:
    """Spans of the cues of the ``wanted`` classes in one sentence, by class."""
    starts, ends = offsets
    found: Found = {}
    count = len(strings)
    for index, token in enumerate(strings):
        for cue in concepts.by_first.get(token, ()):
            if cue.klass not in wanted:
                continue
            last = index + len(cue.words) - 1
            if last >= count:
                continue
            if any(strings[index + k] not in cue.words[k] for k in range(1, len(cue.words))):
                continue
            if cue.clause_end and last + 1 < count:
                following = strings[last + 1]
                if following != "," and following not in _END_OK:
                    continue
            if cue.klass in _SUBJECT_BOUND and _about_someone_else(strings, index):
                continue
            if cue.self_before and not _said_of_self(strings, index):
                continue
            found.setdefault(cue.klass, []).append((starts[index], ends[last]))
    return found


@cache
def _single_words(klass: str) -> frozenset[str]:
    return frozenset(
        form for cue in _class_cues(klass) if len(cue.words) == 1 for form in cue.words[0]
    )


@cache
def _class_cues(klass: str) -> tuple[Cue, ...]:
    return tuple(cue for cues in concepts().by_first.values() for cue in cues if cue.klass == klass)


def _said_of_self(strings: list[str], index: int) -> bool:
    """A first-person word a few words before ``index``: "I'm dead", "I'd be better dead"."""
    selves = _single_words("self")
    for back in range(index - 1, max(-1, index - 1 - _LOOKBACK - 1), -1):
        if strings[back] == ",":
            return False
        if strings[back] in selves:
            return True
    return False


def _about_someone_else(strings: list[str], index: int) -> bool:
    """True when the nearest person word before ``index`` (a few words back) is not the
    writer: "he died", "a man who jumps". The writer's own words win ("I think he...")."""
    others, selves = _single_words("other"), _single_words("self")
    for back in range(index - 1, max(-1, index - 1 - _LOOKBACK), -1):
        token = strings[back]
        if token in selves or token == ",":  # noqa: S105 (a comma, not a password)
            return False
        if token in others:
            return True
    return False


def _present(found: Found, classes: frozenset[str]) -> bool:
    return any(k in found for k in classes)


def _rule_span(rule: ConceptRule, found: Found) -> tuple[int, int] | None:
    """The span to underline for ``rule`` in a sentence, or None when it does not fire."""
    if _present(found, rule.unless):
        return None
    spans: list[tuple[int, int]] = []
    for classes in rule.needs:
        if classes == {"self?"}:
            if "self" not in found and "other" in found:
                return None
            continue
        if not _present(found, classes):
            return None
        if classes & {"self", "negation"}:
            continue  # "I" far before the risk words would stretch the underline
        spans.extend(span for k in classes for span in found.get(k, ()))
    if not spans:
        return None
    return min(s for s, _ in spans), max(e for _, e in spans)


def sentence_hits(
    concepts: Concepts,
    text: str,
    start: int,
    end: int,
    rules: Sequence[ConceptRule] | None = None,
) -> list[tuple[int, int, str]]:
    """The strongest concept hit in ``text[start:end]`` (one sentence), as a tagged span."""
    strings = _words(text, start, end)
    words = set(strings)
    live = [
        rule
        for rule in (concepts.rules if rules is None else rules)
        if all(not tokens.isdisjoint(words) for tokens in rule.need_tokens)
        and all(
            any(all(not w.isdisjoint(words) for w in cue) for cue in need)
            for need in rule.need_cues
        )
    ]
    if not live:
        return []
    wanted = frozenset().union(*(rule.classes for rule in live)) | {"self", "other"}
    found = _find_cues(concepts, strings, _offsets(text, start, end), wanted)
    best: tuple[int, int, str] | None = None
    for rule in live:
        span = _rule_span(rule, found)
        if span is None:
            continue
        gentle = rule.gentle or (rule.about_writer and _someone_else_first(found, span[0]))
        if not gentle:
            return [(span[0], span[1], rule.tag)]
        best = best or (span[0], span[1], "g" + rule.tag[1:])
    return [best] if best else []


def _someone_else_first(found: Found, start: int) -> bool:
    """ "My brother keeps thinking about swerving into traffic, he told me": someone else is
    named before the risk words and the writer is not; the gentle panel then."""
    others = [s for s, _ in found.get("other", ()) if s < start]
    selves = [s for s, _ in found.get("self", ()) if s < start]
    return bool(others) and not selves


def _possible(
    rules: Iterable[ConceptRule], words: frozenset[str], whole_cues: bool = False
) -> list[ConceptRule]:
    """The rules every need of which has a word among ``words`` (and, ``whole_cues``, one
    cue of whose rarest need has all its words there)."""
    return [
        rule
        for rule in rules
        if all(gate is None or not gate.isdisjoint(words) for gate in rule.need_gates)
        and (
            not whole_cues
            or all(
                need is None or any(all(not w.isdisjoint(words) for w in cue) for cue in need)
                for need in rule.gate_cues
            )
        )
    ]


def paragraph_hits(
    paragraph: Folded,
    rules: Sequence[ConceptRule] | None = None,
    words: frozenset[str] = frozenset(),
) -> list[tuple[int, int, str]]:
    """Concept hits in one paragraph, as tagged code-point spans into it. With ``rules``
    (those possible for the paragraph's ``words``), only sentences holding one of their
    gate words are looked at."""
    found = concepts()
    text = paragraph.folded if paragraph.aligned else paragraph.original.translate(APOSTROPHES)
    if not paragraph.aligned:
        text_lower = [c.lower() if len(c.lower()) == 1 else c for c in text]
        text = "".join(text_lower)  # same length, so offsets stay the original's
    if rules is None:
        rules = found.rules
        needles: tuple[str, ...] | None = None
    else:
        needles = tuple(frozenset().union(*(rule.gate for rule in rules)) & words)
    hits: list[tuple[int, int, str]] = []
    start = 0
    for end in [m.start() for m in _SENTENCE_END.finditer(text)] + [len(text)]:
        if end > start and (needles is None or any(w in text[start:end] for w in needles)):
            hits.extend(sentence_hits(found, text, start, end, rules))
        start = end + 1
    return hits


def concept_batch_hits(batch: Batch) -> dict[int, list[tuple[int, int, str]]]:
    """Concept hits by paragraph, for the paragraphs of ``batch`` where a rule is possible."""
    rules = _possible(concepts().rules, batch.words, whole_cues=True)
    if not rules and not batch.unaligned:
        return {}
    searched = frozenset().union(*(rule.gate for rule in rules)) & batch.words
    found: dict[int, list[tuple[int, int, str]]] = {}
    for index in sorted(batch.containing(searched) | batch.unaligned):
        paragraph = batch.paragraphs[index]
        if paragraph.aligned:
            words = batch.paragraph_words(index)
            live = _possible(rules, words, whole_cues=True)
            hits = paragraph_hits(paragraph, live, words) if live else []
        else:
            hits = paragraph_hits(paragraph)
        if hits:
            found[index] = hits
    return found
