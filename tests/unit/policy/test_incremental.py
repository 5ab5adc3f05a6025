"""The editor's incremental checker always agrees with a full check (property tests)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from safenote.core.policy import (
    Channel,
    Context,
    IncrementalChecker,
    Relationship,
    load_default_engine,
)
from safenote.core.policy.text import resplit_paragraphs, split_paragraphs

# Fragments that make rules fire, so random edits move findings around, split and join
# paragraphs, and create and destroy matches mid-word.
FRAGMENTS = [
    "I want to die. ", "not ", "Reply ASAP. ", "4111 1111 1111 1111 ", "\n\n", "\n", " ",
    "copying my husband ", "grab coffee sometime? ", "do you have kids? ", "Thanks,\nSam",
    "I need to reschedule ", "he checks my phone ", "my card ", "kill", " myself", "ASA",
    "word ", "é", "\u202e", "🙂 ", "“quoted I want to die” ", "referred by my GP ",
]  # fmt: skip

edits = st.lists(
    st.tuples(
        st.floats(min_value=0, max_value=1),
        st.integers(min_value=0, max_value=12),
        st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)),
    ),
    min_size=1,
    max_size=25,
)
contexts = st.builds(
    Context,
    relationship=st.sampled_from(list(Relationship)),
    channel=st.sampled_from(list(Channel)),
    cc=st.sampled_from([(), ("a@example.org",)]),
    sender_name=st.sampled_from(["", "Sam Lee"]),
    region=st.sampled_from(["US", "GB", "ZZ"]),
)


@settings(max_examples=120, deadline=None)
@given(start=st.lists(st.sampled_from(FRAGMENTS), max_size=12), steps=edits, ctx=contexts)
def test_incremental_equals_full_check_over_random_edits(
    start: list[str], steps: list[tuple[float, int, str]], ctx: Context
) -> None:
    engine = load_default_engine()
    checker = IncrementalChecker(engine, ctx)
    text = "".join(start)
    assert checker.update(text) == engine.check(text, ctx)
    for where, length, insert in steps:
        pos = int(where * len(text))
        text = text[:pos] + insert + text[pos + length :]
        assert checker.edit(pos, pos + length, insert) == engine.check(text, ctx)
        assert checker.text == text


@settings(max_examples=40, deadline=None)
@given(text=st.lists(st.sampled_from(FRAGMENTS), max_size=15).map("".join), ctx=contexts)
def test_context_change_reassembles_from_cached_paragraphs(text: str, ctx: Context) -> None:
    engine = load_default_engine()
    checker = IncrementalChecker(engine, Context())
    checker.update(text)
    assert checker.set_context(ctx) == engine.check(text, ctx)


def test_cache_holds_only_current_paragraphs() -> None:
    checker = IncrementalChecker(load_default_engine(), Context(region="US"))
    checker.update("one\n\ntwo\n\nthree")
    assert checker.cached_paragraphs == 3
    checker.update("one\n\nthree")
    assert checker.cached_paragraphs == 2


BLANKS = st.sampled_from(["a", "b c", " ", "\n", "\n\n", " \n ", "\t", "\n \n", "é", "\u2029"])


@settings(max_examples=300, deadline=None)
@given(
    old=st.lists(BLANKS, max_size=20).map("".join),
    where=st.floats(min_value=0, max_value=1),
    span=st.integers(min_value=0, max_value=4),
    insert=st.lists(BLANKS, max_size=3).map("".join),
)
def test_resplitting_around_an_edit_equals_splitting_afresh(
    old: str, where: float, span: int, insert: str
) -> None:
    start = int(where * len(old))
    new = old[:start] + insert + old[start + span :]
    assert resplit_paragraphs(old, split_paragraphs(old), new) == split_paragraphs(new)
