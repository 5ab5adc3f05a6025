"""Portal splitting: golden files for typical messages, and properties for any text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safenote.core.export.errors import PortalSplitError
from safenote.core.export.portal import load_profile, prepare_portal_text
from safenote.core.export.portal_split import marker, split_for_limit, strip_marker

GOLDEN = Path(__file__).resolve().parents[2] / "golden" / "portal"
CASES = sorted(GOLDEN.glob("*.expected.json"))


def test_there_are_golden_cases() -> None:
    assert len(CASES) >= 6


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_golden(case: Path) -> None:
    expected = json.loads(case.read_text(encoding="utf-8"))
    text = (GOLDEN / expected["input"]).read_text(encoding="utf-8")
    profile = load_profile(expected["profile"]).with_limit(expected["max_chars"])
    prepared = prepare_portal_text(text, profile, expected["subject"])
    assert prepared.subject == expected["expected_subject"]
    assert list(prepared.parts) == expected["parts"]
    if profile.max_chars is not None:
        assert all(len(part) <= profile.max_chars for part in prepared.parts)


def test_text_that_fits_has_no_marker() -> None:
    assert split_for_limit("  Short and sweet.  ", 100) == ["Short and sweet."]
    assert split_for_limit(" \n ", 100) == []


def test_prefers_sentence_ends() -> None:
    text = "One two three four five. Six seven eight nine ten eleven twelve."
    parts = split_for_limit(text, 50)
    assert parts == [
        "(1/2) One two three four five.",
        "(2/2) Six seven eight nine ten eleven twelve.",
    ]


def test_falls_back_to_word_boundaries() -> None:
    parts = split_for_limit("alpha beta gamma delta epsilon zeta eta theta", 20)
    assert all(len(p) <= 20 for p in parts)
    assert (
        " ".join(strip_marker(p) for p in parts) == "alpha beta gamma delta epsilon zeta eta theta"
    )


def test_markers_widen_past_nine_parts() -> None:
    parts = split_for_limit("word " * 200, 30)
    assert len(parts) >= 10
    assert parts[0].startswith(f"(1/{len(parts)}) ")
    assert all(len(p) <= 30 for p in parts)


def test_a_word_longer_than_a_part_is_refused_not_broken() -> None:
    with pytest.raises(PortalSplitError, match="Shorten it"):
        split_for_limit("see https://example.org/" + "x" * 200 + " please", 100)


words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Zs", "Zl", "Zp", "Cc")),
    min_size=1,
    max_size=12,
)
separators = st.sampled_from([" ", "  ", "\n", "\n\n", ". ", "! ", "? ", ".\n\n", "\t"])


@st.composite
def messages(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.tuples(words, separators), min_size=1, max_size=300))
    return "".join(word + sep for word, sep in pieces)


@settings(max_examples=300, deadline=None)
@given(text=messages(), limit=st.integers(min_value=30, max_value=1200))
def test_parts_fit_and_keep_every_word_in_order(text: str, limit: int) -> None:
    parts = split_for_limit(text, limit)
    assert all(len(part) <= limit for part in parts)
    if len(parts) > 1:
        assert [p[: len(marker(i, len(parts)))] for i, p in enumerate(parts, 1)] == [
            marker(i, len(parts)) for i in range(1, len(parts) + 1)
        ]
    rejoined = " ".join(strip_marker(p) if len(parts) > 1 else p for p in parts)
    assert rejoined.split() == text.split()
