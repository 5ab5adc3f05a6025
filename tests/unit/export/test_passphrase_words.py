"""The bundled word list and the passphrases made from it."""

from __future__ import annotations

import itertools
import math
import re

import pytest

from safenote.core.export import passphrase_words
from safenote.core.export.passphrase_words import (
    WordListError,
    generate_passphrase,
    load_wordlist,
    parse_wordlist,
    passphrase_bits,
)


def test_bundled_list_is_large_unique_and_plain() -> None:
    words = load_wordlist()
    assert len(words) >= 2048
    assert len(set(words)) == len(words)
    assert all(w.isascii() and w.isalpha() and w.islower() and 3 <= len(w) <= 8 for w in words)


def test_bundled_list_avoids_sound_alike_pairs() -> None:
    words = set(load_wordlist())
    for pair in [("pear", "pair"), ("deer", "dear"), ("red", "read"), ("sun", "son")]:
        assert not set(pair) <= words, pair


def test_default_passphrase_is_strong_and_short_enough_for_pdf_tools() -> None:
    assert passphrase_bits() >= 64
    for _ in range(200):
        phrase = generate_passphrase()
        assert len(phrase) <= 32
        assert phrase.isalpha()


def test_passphrase_is_made_of_list_words() -> None:
    words = set(load_wordlist())
    phrase = generate_passphrase()
    pieces = [p.lower() for p in re.findall(r"[A-Z][a-z]+", phrase)]
    assert len(pieces) == 7
    assert all(p in words for p in pieces)


def test_bits_match_brute_force_on_a_small_list(monkeypatch: pytest.MonkeyPatch) -> None:
    small = ("abc", "abcd", "abcde", "abcdef")
    monkeypatch.setattr(passphrase_words, "load_wordlist", lambda: small)
    passphrase_words.passphrase_bits.cache_clear()
    try:
        fitting = sum(
            1 for combo in itertools.product(small, repeat=3) if sum(map(len, combo)) <= 12
        )
        assert passphrase_words.passphrase_bits(3, 12) == pytest.approx(math.log2(fitting))
    finally:
        passphrase_words.passphrase_bits.cache_clear()


def test_weak_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="too weak"):
        generate_passphrase(word_count=4)


def test_damaged_lists_are_refused() -> None:
    with pytest.raises(WordListError, match="duplicate"):
        parse_wordlist("\n".join(["apple"] * 3000))
    with pytest.raises(WordListError, match="only 2 words"):
        parse_wordlist("# comment\napple\npear\n")
    with pytest.raises(WordListError, match="malformed"):
        parse_wordlist("Apple\n")
