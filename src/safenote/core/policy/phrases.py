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


def _word_regex(token: str, inflect: bool) -> str:
    lowered = token.lower()
    if inflect and lowered.isalpha() and len(lowered) >= 4 and lowered not in _NO_INFLECT:
        body = "(?:" + "|".join(re.escape(form) for form in _inflections(lowered)) + ")"
    else:
        body = re.escape(lowered)
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


def phrase_triggers(phrases: list[str]) -> frozenset[str] | None:
    """Lower-case substrings at least one of which any match must contain.

    Used to skip a paragraph cheaply with ``in`` before running the regex. For each phrase
    we take the stem of its longest plain word; None when some phrase has no usable word.
    """
    triggers: set[str] = set()
    for phrase in phrases:
        words = [w.lower() for w in phrase.split() if w.isalpha() and w != GAP]
        if not words:
            return None
        longest = max(words, key=len)
        # Inflection may drop a final "e" or "y", so keep only the stable stem.
        stem = longest[:-1] if len(longest) >= 4 and longest[-1] in "ey" else longest
        triggers.add(stem)
    return frozenset(triggers)
