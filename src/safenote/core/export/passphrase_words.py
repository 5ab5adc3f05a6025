"""Generated passphrases from SafeNote's bundled word list.

Used where the client must pass a secret by another route (said in session, read over the
phone): words are easier to say and type than random characters.

Many PDF tools (poppler's ``pdftotext``/``pdfinfo`` among them) silently cut a typed password
to 32 characters, which makes a longer AES-256 password impossible to enter. So a passphrase
is seven capitalised words run together (``MapleTinHarborSkyOakJamCup``) and kept to at most
32 characters by drawing again until it fits. Drawing again makes every fitting sequence
equally likely, so the strength is exactly log2(number of fitting sequences), which
:func:`passphrase_bits` computes: about 71 bits with the bundled list (the floor is 64).
"""

from __future__ import annotations

import math
import re
import secrets
from collections import Counter
from functools import lru_cache

from safenote.core.resources import read_text

WORDLIST = ("wordlists", "passphrase-words.txt")
MIN_WORDS_IN_LIST = 2048
DEFAULT_WORD_COUNT = 7
MAX_LENGTH = 32
MIN_BITS = 64
_WORD = re.compile(r"[a-z]{3,8}")


class WordListError(ValueError):
    """The bundled word list is damaged: the installation is broken."""


def parse_wordlist(text: str) -> tuple[str, ...]:
    """Words from the list's text; comments (#) and blank lines are skipped."""
    words = [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]
    bad = [w for w in words if not _WORD.fullmatch(w)]
    if bad:
        raise WordListError(f"the word list has {len(bad)} malformed entries, e.g. {bad[0]!r}")
    if len(set(words)) != len(words):
        raise WordListError("the word list has duplicate words")
    if len(words) < MIN_WORDS_IN_LIST:
        raise WordListError(f"the word list has only {len(words)} words")
    return tuple(words)


@lru_cache(maxsize=1)
def load_wordlist() -> tuple[str, ...]:
    return parse_wordlist(read_text(*WORDLIST))


@lru_cache(maxsize=8)
def passphrase_bits(word_count: int = DEFAULT_WORD_COUNT, max_length: int = MAX_LENGTH) -> float:
    """Exact strength in bits of :func:`generate_passphrase` with these settings."""
    lengths = Counter(len(word) for word in load_wordlist())
    # ways[n] = number of word sequences so far whose letters total n
    ways: Counter[int] = Counter({0: 1})
    for _ in range(word_count):
        grown: Counter[int] = Counter()
        for total, count in ways.items():
            for length, words in lengths.items():
                if total + length <= max_length:
                    grown[total + length] += count * words
        ways = grown
    fitting = sum(ways.values())
    return math.log2(fitting) if fitting else 0.0


def generate_passphrase(word_count: int = DEFAULT_WORD_COUNT, max_length: int = MAX_LENGTH) -> str:
    """A fresh passphrase like ``MapleTinHarborSkyOakJamCup``: >= 64 bits, <= 32 characters."""
    if passphrase_bits(word_count, max_length) < MIN_BITS:
        raise ValueError(f"{word_count} words within {max_length} characters are too weak")
    words = load_wordlist()
    while True:
        picked = [secrets.choice(words) for _ in range(word_count)]
        if sum(map(len, picked)) <= max_length:
            return "".join(word.capitalize() for word in picked)
