"""The status bar's portal parts: the export's own split for ordinary lengths, a lower
bound said as "at least" for very long drafts, and no promise when it can't be split."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from safenote.core.export.portal import load_profile, prepare_portal_text
from safenote.gui.message_counts import EXACT_PARTS_UP_TO, fewest_parts, portal_parts
from safenote.gui.status_bar import ComposeStatusBar

WORDS = st.sampled_from(["I", "feel", "tired.", "Thursday", "Zoë", "🙂", "—", "ok?", "\n\n"])
prose = st.lists(WORDS, min_size=1, max_size=600).map(" ".join)


@pytest.fixture
def english_numbers() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


@settings(max_examples=60, deadline=None)
@given(text=prose, limit=st.sampled_from([40, 100, 1000]))
def test_the_count_is_the_exports(text: str, limit: int) -> None:
    profile = load_profile("generic").with_limit(limit)
    parts = portal_parts(text, limit)
    assert parts.exact
    assert parts.count == len(prepare_portal_text(text, profile).parts)
    # The lower bound used for long drafts never promises more parts than the export makes.
    assert fewest_parts(len(" ".join(text.split())), limit) <= parts.count


def test_a_very_long_draft_gets_a_lower_bound() -> None:
    text = "I feel tired today. " * (EXACT_PARTS_UP_TO // 20 + 100)
    parts = portal_parts(text, 1000)
    assert not parts.exact
    assert parts.count == fewest_parts(len(" ".join(text.split())), 1000)
    assert parts.count * (1000 - len("(25/25) ")) >= len(text)


def test_fewest_parts_edges() -> None:
    assert fewest_parts(0, 1000) == 0
    assert fewest_parts(1000, 1000) == 1
    assert fewest_parts(1001, 1000) == 2
    # Two parts hold 2 x 994 besides their "(1/2) " markers, plus the space cut between them.
    assert fewest_parts(1989, 1000) == 2
    assert fewest_parts(1990, 1000) == 3
    assert fewest_parts(500, 5) == 0  # a marker alone fills a part


@pytest.mark.usefixtures("english_numbers")
def test_the_status_bar_words_each_case(qtbot: QtBot) -> None:
    bar = ComposeStatusBar()
    qtbot.addWidget(bar)
    bar.limit = 100
    bar.set_text("x" * 150)  # one 150-character "word": it can't be split
    assert bar.characters.text() == "150 / 100 characters — 50 over the portal's limit"
    assert bar.characters.property("over") is True
    bar.set_text("I feel tired today. " * 1100)
    assert bar.characters.text().endswith(
        f"— 21,900 over, will be split into at least {fewest_parts(22000, 100)} parts"
    )
    bar.set_text("I feel tired today. " * 3)
    assert bar.characters.text() == "60 / 100 characters"
    assert "up to 100 characters" in bar.characters.toolTip()
    bar.limit = None
    bar.set_text("I feel tired today. " * 6)
    assert bar.characters.text() == "120 characters"
    assert bar.characters.property("over") is False
    assert bar.characters.toolTip() == ""
