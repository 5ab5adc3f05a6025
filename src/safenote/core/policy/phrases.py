"""Phrase lists -> one precompiled regex, with word boundaries and simple inflections.

Pack authors write plain phrases ("invite you", "coffee sometime"). Each word of four or
more letters also matches its regular inflections (invite -> invites, invited, inviting),
so authors need not list every form. ``~`` in a phrase stands for up to three words
("copying ~ husband" matches "copying my husband"). Apostrophes match straight and curly.
"""

from __future__ import annotations

import re

# Short function words never inflect ("her" must not match "hers" or "herd").
_NO_INFLECT = frozenset(
    {
        "your", "yours", "this", "that", "them", "they", "their", "with", "from", "have",
        "into", "about", "what", "when", "will", "would", "could", "should", "been", "were",
        "here", "there",
    }
)  # fmt: skip
_VOWELS = set("aeiou")
GAP = "~"
_GAP_RE = r"(?:\s+\S+){0,3}?"


def _inflections(word: str) -> list[str]:
    """Regular English inflections of a lower-case word (a generous, cheap approximation)."""
    forms = {word, word + "s", word + "es", word + "ed", word + "ing", word + "d"}
    if word.endswith("e"):
        forms.update({word[:-1] + "ing", word[:-1] + "ed"})
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        forms.update({word[:-1] + "ies", word[:-1] + "ied"})
    if (
        len(word) >= 3
        and word[-1] not in _VOWELS | {"w", "x", "y"}
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    ):
        forms.update({word + word[-1] + "ed", word + word[-1] + "ing"})
    return sorted(forms, key=len, reverse=True)


# One object per distinct set of allowed tokens, for every phrase list and crisis cue: the
# same word recurs across lists and cues, and an inflection set of six to eight forms
# costs ~730 bytes a copy (3,200 set objects held 1,500 distinct sets before this table).
_SHARED_SETS: dict[frozenset[str], frozenset[str]] = {}


def shared_set(tokens: frozenset[str]) -> frozenset[str]:
    """The one shared object equal to ``tokens`` (setdefault: safe across threads)."""
    return _SHARED_SETS.setdefault(tokens, tokens)


def inflected_forms(token: str, inflect: bool = True) -> list[str] | None:
    """Every form a phrase word matches, longest first; None when it matches only itself."""
    lowered = token.lower()
    if inflect and lowered.isalpha() and len(lowered) >= 4 and lowered not in _NO_INFLECT:
        return _inflections(lowered)
    return None


def _word_regex(token: str, inflect: bool) -> str:
    forms = inflected_forms(token, inflect)
    if forms is not None:
        body = "(?:" + "|".join(re.escape(form) for form in forms) + ")"
    else:
        body = re.escape(token.lower())
    return body.replace("'", "['’]")


def phrase_regex(phrase: str, inflect: bool = True) -> str:
    """Regex source for one phrase (no boundaries; see :func:`compile_phrases`)."""
    parts: list[str] = []
    gap = False
    for token in phrase.split():
        if token == GAP:
            gap = True
            continue
        if parts:
            parts.append(_GAP_RE + r"\s+" if gap else r"\s+")
        parts.append(_word_regex(token, inflect))
        gap = False
    return "".join(parts)


def compile_phrases(phrases: list[str], inflect: bool = True) -> re.Pattern[str]:
    """One case-insensitive regex matching any phrase as whole words, longest first."""
    sources = sorted((phrase_regex(p, inflect) for p in phrases), key=lambda src: (-len(src), src))
    return re.compile(r"(?<!\w)(?:" + "|".join(sources) + r")(?!\w)", re.IGNORECASE)
