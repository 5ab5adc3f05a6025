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
from re import _constants as _C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, NamedTuple

from safenote.core.policy.text import APOSTROPHES


class Folded(NamedTuple):
    original: str
    folded: str  # apostrophes straightened, lower-cased
    aligned: bool  # folded has the original's length, so offsets carry over


def fold(text: str) -> Folded:
    folded = text.translate(APOSTROPHES).lower()
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

    def finditer(self, text: Folded) -> Iterator[re.Match[str]]:
        if text.aligned and self.fast is not None:
            folded = text.folded
            for group in self.required:
                if not any(s in folded for s in group):
                    return iter(())
            return self.fast.finditer(folded)
        return self.slow.finditer(text.original.translate(APOSTROPHES))

    def finditer_unfiltered(self, text: Folded) -> Iterator[re.Match[str]]:
        """Like :meth:`finditer` without the pre-test (for when a plan already did it)."""
        if text.aligned and self.fast is not None:
            return self.fast.finditer(text.folded)
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
    required = required_substrings(source) if fast is not None else ()
    return CaselessRegex(fast, re.compile(source, re.IGNORECASE), required)


# -- required substrings -------------------------------------------------------------------
# For a prefilter we want groups of strings such that every match contains one string of
# each group; a paragraph missing a group skips the regex (``in`` is far cheaper than
# ``re``). Worked out from the parsed pattern: literal runs and small literal alternations.

_MAX_SET = 64
_MIN_LEN = 2  # two letters ("cc", "gp") still rule out most paragraphs
_MAX_GROUPS = 3
Strings = frozenset[str]
Groups = tuple[Strings, ...]


def _cross(left: Strings, right: Strings) -> Strings | None:
    if len(left) * len(right) > _MAX_SET:
        return None
    return frozenset(a + b for a in left for b in right)


def _usable(group: Strings | None) -> bool:
    return group is not None and bool(group) and min(len(s) for s in group) >= _MIN_LEN


# Words so common that a group containing one rules out almost nothing.
_COMMON = frozenset(
    [
        "a",
        "i",
        "me",
        "my",
        "he",
        "she",
        "they",
        "we",
        "you",
        "it",
        "is",
        "in",
        "to",
        "of",
        "on",
        "at",
        "be",
        "do",
        "no",
        "so",
        "all",
        "and",
        "are",
        "but",
        "can",
        "day",
        "end",
        "for",
        "get",
        "has",
        "had",
        "her",
        "him",
        "his",
        "how",
        "not",
        "now",
        "was",
        "who",
        "why",
        "yes",
        "the",
        "this",
        "that",
        "with",
        "what",
        "when",
        "just",
        "know",
        "like",
        "will",
        "have",
        "from",
        "your",
        "been",
        "were",
        "about",
        "going",
        "want",
        "back",
        "call",
    ]
)


def _selectivity(group: Strings) -> tuple[int, int, int]:
    common = sum(s in _COMMON for s in group)
    # Fewer common words, then longer shortest string, then fewer strings to test.
    return (-common, min(len(s) for s in group), -len(group))


def _strongest(groups: list[Strings]) -> Groups:
    ranked = sorted(set(groups), key=lambda g: (_selectivity(g), sorted(g)), reverse=True)
    return tuple(ranked[:_MAX_GROUPS])


def _analyse(items: Any) -> tuple[Strings | None, Groups]:
    """(every string the items can match, if few and literal; required groups)."""
    exact: Strings | None = frozenset({""})
    segment: Strings = frozenset({""})
    groups: list[Strings] = []
    for op, av in items:
        if op in (_C.ASSERT, _C.ASSERT_NOT, _C.AT):
            continue  # zero-width: matches no text, requires none
        sub_exact, sub_groups = _element(op, av)
        if sub_exact is not None:
            joined = _cross(segment, sub_exact)
            if joined is None:
                groups.append(segment)
                joined = sub_exact
            segment = joined
            exact = _cross(exact, sub_exact) if exact is not None else None
        else:
            groups.append(segment)
            groups.extend(sub_groups)
            segment = frozenset({""})
            exact = None
    groups.append(segment)
    return exact, _strongest([g for g in groups if _usable(g)])


def _element(op: Any, av: Any) -> tuple[Strings | None, Groups]:
    if op is _C.LITERAL:
        return frozenset({chr(av)}), ()
    if op is _C.SUBPATTERN:
        return _analyse(av[-1])
    if op is _C.ATOMIC_GROUP:
        return _analyse(av)
    if op is _C.IN and all(kind is _C.LITERAL for kind, _ in av) and len(av) <= 8:
        return frozenset(chr(code) for _, code in av), ()
    if op is _C.BRANCH:
        results = [_analyse(branch) for branch in av[1]]
        exact: Strings | None = frozenset()
        for branch_exact, _ in results:
            exact = None if exact is None or branch_exact is None else exact | branch_exact
        if exact is not None and len(exact) > _MAX_SET:
            exact = None
        # Any one alternative may match, so the branch requires the union of each
        # alternative's strongest group (or its exact strings).
        needs: list[Strings] = []
        for branch_exact, branch_groups in results:
            options = list(branch_groups)
            if branch_exact is not None and _usable(branch_exact):
                options.append(branch_exact)
            if not options:
                return exact, ()  # this alternative requires nothing we can test for
            needs.append(max(options, key=_selectivity))
        return exact, (frozenset().union(*needs),)
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        low, high, inner = av
        sub_exact, sub_groups = _analyse(inner)
        if low == high == 1:
            return sub_exact, sub_groups
        if low >= 1:
            if sub_exact is not None and _usable(sub_exact):
                return None, (sub_exact,)
            return None, sub_groups
    return None, ()


def required_substrings(source: str) -> Groups:
    """Groups of lower-case strings; every match contains one string from each group."""
    try:
        parsed = _parser.parse(source)
    except re.error:
        return ()
    _, groups = _analyse(parsed)
    return tuple(frozenset(s.lower() for s in group) for group in groups)
