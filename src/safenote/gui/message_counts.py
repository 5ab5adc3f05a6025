"""Counting words the way a person does (shared by the status bar and tests)."""

from __future__ import annotations

import re

# A run of non-space characters holding at least one letter or digit.
_WORD = re.compile(r"\S*[^\W_]\S*")


def count_words(text: str) -> int:
    """Words as a person counts them: a dash or an emoji on its own is not a word."""
    return len(_WORD.findall(text))
