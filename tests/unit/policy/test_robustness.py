"""Any str at all: the engine never raises and every span lies inside the text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safenote.core.policy import Context, IncrementalChecker, load_default_engine

NASTY = st.lists(
    st.one_of(
        st.text(st.characters(), max_size=20),  # lone surrogates, NUL, RTL, combining marks
        st.sampled_from(["\x00", "\ud800", "\u202e", "\u0301", "\n\n", "’", "I want to die", "1"]),
    ),
    max_size=30,
).map("".join)


def assert_in_bounds(text: str, ctx: Context) -> None:
    for finding in load_default_engine().check(text, ctx):
        assert 0 <= finding.start <= finding.end <= len(text)
        for fix in finding.fixes:
            assert 0 <= fix.start <= fix.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(text=NASTY, subject=NASTY, name=NASTY)
def test_any_text_never_raises_and_spans_stay_inside(text: str, subject: str, name: str) -> None:
    assert_in_bounds(text, Context(subject=subject, sender_name=name, region="US"))


def test_odd_inputs() -> None:
    for text in [
        "",
        "\x00" * 50,
        "\ud800\udfff\ud800",
        "\u202eI want to die\u202c",
        "e\u0301" * 99,
    ]:
        assert_in_bounds(text, Context(region="US"))


@pytest.mark.slow
def test_two_megabytes_of_text() -> None:
    paragraph = "Some ordinary words about my week, and I want to die, 4111 1111 1111 1111. "
    text = (paragraph * 20 + "\n\n") * (2_000_000 // (len(paragraph) * 20))
    assert len(text) >= 1_900_000
    assert_in_bounds(text, Context(region="US"))
    one_line = "x" * 2_000_000
    assert_in_bounds(one_line, Context(region="US"))
    checker = IncrementalChecker(load_default_engine(), Context(region="US"))
    checker.update(text)
    assert checker.edit(10, 10, "!") == load_default_engine().check(checker.text, checker.context)
