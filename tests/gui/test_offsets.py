"""The code-point <-> UTF-16 boundary, checked against Python's own UTF-16 encoder."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from safenote.gui.offsets import OffsetMap, to_utf16_spans, utf16_length


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_examples() -> None:
    text = "a🙂b👍🏽c é"
    mapping = OffsetMap(text)
    assert mapping.to_utf16(0) == 0
    assert mapping.to_utf16(1) == 1  # before the emoji
    assert mapping.to_utf16(2) == 3  # after it: two units
    assert mapping.to_utf16(len(text)) == utf16_units(text)
    assert mapping.to_code_point(2) == 1  # between the halves of a pair: rounds down
    assert utf16_length("🙂🙂") == 4
    assert to_utf16_spans("🙂 reply ASAP", [(2, 12)]) == [(3, 13)]


def test_out_of_range_offsets_are_clamped() -> None:
    mapping = OffsetMap("🙂x")
    assert mapping.to_utf16(-5) == 0
    assert mapping.to_utf16(99) == 3
    assert mapping.to_code_point(99) == 2


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=60))
def test_round_trip_matches_utf16_encoding(text: str) -> None:
    mapping = OffsetMap(text)
    for offset in range(len(text) + 1):
        position = mapping.to_utf16(offset)
        assert position == utf16_units(text[:offset])
        assert mapping.to_code_point(position) == offset
