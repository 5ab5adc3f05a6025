"""What a regex needs to find, worked out from its parsed form: cheap exact pre-tests.

* *required substrings*: groups of strings such that every match contains one string of
  each group, so a text missing a group skips the regex (``in`` is far cheaper than ``re``);
* *required words*: the same, but whole words, so the test is a set lookup on a
  paragraph's words and "end" is not fooled by "weekend".

Both are conservative: when unsure they require nothing, which is always correct.
"""

from __future__ import annotations

import re
from re import _constants as _C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

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


# Words so common that a group containing one rules out almost nothing (and poor anchors
# for phrase lists: the list ends with words frequent in messages to a therapist).
COMMON_WORDS = frozenset(
    {
        "a", "i", "me", "my", "he", "she", "they", "we", "you", "it", "is", "in", "to", "of", "on",
        "at", "be", "do", "no", "so", "all", "and", "are", "but", "can", "day", "end", "for",
        "get", "has", "had", "her", "him", "his", "how", "not", "now", "was", "who", "why", "yes",
        "the", "this", "that", "with", "what", "when", "just", "know", "like", "will", "have",
        "from", "your", "been", "were", "about", "going", "want", "back", "call", "thank",
        "thanks", "little", "work", "help", "tell", "told", "time", "feel", "think", "really",
        "session", "week", "next", "thought", "thinking", "take", "took", "make", "made",
        "give", "gave", "keep", "kept", "said", "says", "would", "could", "find", "found", "hope",
        "wish", "still", "here", "there", "them", "they're", "don't", "can't", "won't", "i'm",
        "it's",
    }
)  # fmt: skip


def _selectivity(group: Strings) -> tuple[int, int, int]:
    common = sum(s in COMMON_WORDS for s in group)
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


# -- required words --------------------------------------------------------------------
# Stronger than a substring: groups of words such that every match contains one word of
# each group as a *whole* word (no word character just before or after it). A paragraph
# whose words miss a group cannot match, and testing that is a set lookup ("end" rules out
# nothing in "we ended up at the weekend"; the word "end" does).


def _is_word_text(s: str) -> bool:
    return bool(s) and all(ch.isalnum() or ch == "_" for ch in s)


def _separator(op: Any, av: Any) -> bool:
    """True when the element always matches at least one character, none of them word
    characters, at both its ends (whitespace, ``\\W``, ``[^\\w]``...)."""
    if op is _C.IN:
        if av and av[0][0] is _C.NEGATE:
            return bool(av[1:] == [(_C.CATEGORY, _C.CATEGORY_WORD)])
        return all(
            (kind is _C.CATEGORY and value in (_C.CATEGORY_SPACE, _C.CATEGORY_NOT_WORD))
            or (kind is _C.LITERAL and not _is_word_text(chr(value)))
            for kind, value in av
        )
    if op is _C.LITERAL:
        return not _is_word_text(chr(av))
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        low, _, inner = av
        return low >= 1 and len(inner) == 1 and _separator(*inner[0])
    return False


def _boundary(op: Any, av: Any, side: int) -> bool:
    """A zero-width element that guarantees no word character on ``side`` (-1 before
    the position, 1 after): ``(?<!\\w)``, ``(?!\\w)``, ``\\b`` next to a word, ``^``, ``$``."""
    if op is _C.AT:
        if av is _C.AT_BOUNDARY:
            return True
        if side < 0:
            return av in (_C.AT_BEGINNING, _C.AT_BEGINNING_STRING)
        return av in (_C.AT_END, _C.AT_END_STRING)
    if op is _C.ASSERT_NOT:
        direction, pattern = av
        return (direction < 0) == (side < 0) and list(pattern) == [
            (_C.IN, [(_C.CATEGORY, _C.CATEGORY_WORD)])
        ]
    return False


def _optional_separated(op: Any, av: Any, step: int) -> bool:
    r"""A repeat that may match nothing and otherwise has a separator at its ``step`` end
    (-1: its start, 1: its end), such as ``(?:\w+\s+){0,2}`` seen from after it."""
    if op not in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT) or av[0] != 0:
        return False
    inner = list(av[2])
    if len(inner) == 1 and inner[0][0] is _C.SUBPATTERN:
        inner = list(inner[0][1][-1])
    return bool(inner) and _separator(*inner[0 if step > 0 else -1])


def _word_groups(items: Any, left: bool, right: bool) -> tuple[Strings | None, list[Strings]]:
    """(every string the items can match, if few and literal; required-word groups).

    ``left``/``right``: no word character can come just before/after the items.
    """
    items = list(items)
    groups: list[Strings] = []
    exact: Strings | None = frozenset({""})
    run: Strings | None = None  # the literal text since the last non-literal element
    run_left = left

    def close(bounded_right: bool) -> None:
        nonlocal run
        if run and run_left and bounded_right and all(_is_word_text(s) for s in run):
            groups.append(run)
        run = None

    def bounded(index: int, step: int) -> bool:
        """No word character next to item ``index`` on the ``step`` side (-1 or 1)."""
        index += step
        while 0 <= index < len(items):
            op, av = items[index]
            if _separator(op, av) or _boundary(op, av, step):
                return True
            if op in (_C.ASSERT, _C.ASSERT_NOT, _C.AT):
                index += step  # zero-width: the neighbour is further on
                continue
            if not _optional_separated(op, av, step):
                return False
            index += step  # "(?:\w+\s+){0,2}": either nothing or ends with a separator
        return left if step < 0 else right

    for index, (op, av) in enumerate(items):
        if op in (_C.ASSERT, _C.ASSERT_NOT, _C.AT):
            if run is not None:
                close(bounded(index - 1, 1))
            continue
        sub_exact, sub_groups = _word_element(op, av, bounded(index, -1), bounded(index, 1))
        if sub_exact is not None:
            if run is None:
                run, run_left = sub_exact, bounded(index, -1)
            else:
                joined = _cross(run, sub_exact)
                if joined is None:
                    close(False)
                    run, run_left = sub_exact, False
                else:
                    run = joined
            exact = _cross(exact, sub_exact) if exact is not None else None
        else:
            if run is not None:
                close(bounded(index - 1, 1))
            groups.extend(sub_groups)
            exact = None
    close(right)
    return exact, groups


def _word_element(
    op: Any, av: Any, left: bool, right: bool
) -> tuple[Strings | None, list[Strings]]:
    if op is _C.LITERAL:
        return frozenset({chr(av)}), []
    if op is _C.SUBPATTERN:
        return _word_groups(av[-1], left, right)
    if op is _C.ATOMIC_GROUP:
        return _word_groups(av, left, right)
    if op is _C.IN and all(kind is _C.LITERAL for kind, _ in av) and len(av) <= 8:
        return frozenset(chr(code) for _, code in av), []
    if op is _C.BRANCH:
        results = [_word_groups(branch, left, right) for branch in av[1]]
        exact: Strings | None = frozenset()
        for branch_exact, _ in results:
            exact = None if exact is None or branch_exact is None else exact | branch_exact
        if exact is not None and len(exact) <= _MAX_SET:
            return exact, []
        # Any alternative may match: the branch requires the union of one group of each.
        needs: list[Strings] = []
        for branch_exact, branch_groups in results:
            options = list(branch_groups)
            if (
                branch_exact is not None
                and left
                and right
                and all(_is_word_text(s) for s in branch_exact)
            ):
                options.append(branch_exact)
            if not options:
                return None, []
            needs.append(max(options, key=_selectivity))
        return None, [frozenset().union(*needs)]
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        low, high, inner = av
        sub_exact, sub_groups = _word_groups(inner, left and high == 1, right and high == 1)
        if low == high == 1:
            return sub_exact, sub_groups
        if low == 0 and high == 1 and sub_exact is not None:
            return sub_exact | {""}, []  # optional literal: "end(?:ing)?" is end or ending
        if low >= 1:
            return None, sub_groups  # words bounded inside one repetition stay required
    return None, []


def required_words(source: str) -> Groups:
    """Groups of lower-case words; every match contains one word of each group, whole."""
    try:
        parsed = _parser.parse(source)
    except re.error:
        return ()
    _, groups = _word_groups(parsed, False, False)
    usable = [g for g in groups if g and "" not in g and not (g & COMMON_WORDS and len(g) == 1)]
    return tuple(frozenset(s.lower() for s in g) for g in _strongest(usable))
