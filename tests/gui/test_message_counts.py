"""Word counting: a regex for speed, held to the plain definition."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from safenote.gui.message_counts import count_words


def by_hand(text: str) -> int:
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


def test_examples() -> None:
    assert count_words("Hi Dr. Ngozi — café at 5? 🙂\nThanks, Zoë") == 8
    assert count_words("— 🙂 ...") == 0
    assert count_words("") == 0


@given(st.text(alphabet=st.sampled_from(list("ab 1_-—🙂é\n\t.,")), max_size=80))
def test_matches_the_plain_definition(text: str) -> None:
    assert count_words(text) == by_hand(text)
