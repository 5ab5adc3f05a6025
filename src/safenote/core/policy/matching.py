"""Fast case-insensitive matching: fold the text once, match without ``re.IGNORECASE``.

Python's ``re`` is many times slower with ``IGNORECASE`` than without. So each paragraph is
*folded* once (curly apostrophes straightened, lower-cased) and case-free patterns run on
the folded text without the flag. Offsets carry over because folding keeps the length; in
the rare text where lower-casing changes the length (e.g. "İ"), and for patterns with
upper-case literals, the same pattern runs with ``IGNORECASE`` on the original instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from safenote.core.policy.prefilter import COMMON_WORDS, required_substrings, required_words
from safenote.core.policy.text import APOSTROPHES

__all__ = [
    "COMMON_WORDS",
    "CaselessRegex",
    "Folded",
    "caseless",
    "fold",
    "is_case_free",
    "required_substrings",
    "required_words",
]


class Folded(NamedTuple):
    original: str
    folded: str  # apostrophes straightened, lower-cased
    aligned: bool  # folded has the original's length, so offsets carry over


_CURLY = tuple(chr(code) for code in APOSTROPHES)


def fold(text: str) -> Folded:
    # translate() costs more than lower(); most paragraphs have no curly apostrophe.
    straight = text.translate(APOSTROPHES) if any(c in text for c in _CURLY) else text
    folded = straight.lower()
    return Folded(text, folded, len(folded) == len(text))


_HEX_ESCAPE = re.compile(r"\\x([0-9a-fA-F]{2})")
_UNSAFE_ESCAPE = re.compile(r"\\(?:u|U|N|[0-7])")
_ANY_ESCAPE = re.compile(r"\\.", re.DOTALL)
_GROUP_SYNTAX = re.compile(r"\(\?P(?=[<=])")  # (?P<name>...) and (?P=name): not literals


def is_case_free(source: str) -> bool:
    """True when ``source`` has no upper-case literal, so it matches folded text as-is.

    Conservative: escapes that could spell a letter (\\u, \\N, octal) and inline case flags
    make it False, and the pattern then runs with IGNORECASE on the original text.
    """
    if "(?i" in source or "(?-i" in source or _UNSAFE_ESCAPE.search(source):
        return False
    for match in _HEX_ESCAPE.finditer(source):
        char = chr(int(match.group(1), 16))
        if char.lower() != char:
            return False
    stripped = _GROUP_SYNTAX.sub("", _ANY_ESCAPE.sub("", _HEX_ESCAPE.sub("", source)))
    return all(char.lower() == char for char in stripped)


@dataclass(frozen=True)
class CaselessRegex:
    fast: re.Pattern[str] | None  # no IGNORECASE; for folded text
    slow: re.Pattern[str]  # for the original text (apostrophes straightened)
    # Every match contains one string of each group (in folded text): a quick pre-test.
    required: tuple[frozenset[str], ...] = ()
    # Every match contains one word of each group as a whole word (see required_words).
    words: tuple[frozenset[str], ...] = ()

    def finditer(self, text: Folded) -> Iterator[re.Match[str]]:
        if text.aligned and self.fast is not None:
            folded = text.folded
            for group in self.required:
                if not any(s in folded for s in group):
                    return iter(())
            return self.fast.finditer(folded)
        return self.slow.finditer(text.original.translate(APOSTROPHES))

    def could_match(self, folded_text: str) -> bool:
        """False only when no match can exist in ``folded_text`` (a cheap pre-test)."""
        return all(any(s in folded_text for s in group) for group in self.required)

    def search(self, text: Folded) -> re.Match[str] | None:
        return next(self.finditer(text), None)


def caseless(source: str, ignore_case: bool = True) -> CaselessRegex:
    """Compile ``source`` for matching folded paragraphs (see module docs)."""
    if not ignore_case:
        return CaselessRegex(None, re.compile(source))
    fast = re.compile(source) if is_case_free(source) else None
    if fast is None:
        return CaselessRegex(None, re.compile(source, re.IGNORECASE))
    return CaselessRegex(
        fast, re.compile(source, re.IGNORECASE), required_substrings(source), required_words(source)
    )
