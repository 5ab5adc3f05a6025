"""scripts/corpus_report.py --crisis: per-file lines, the ids behind misses, any path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unit.policy.test_corpus import report


@pytest.fixture
def sealed(tmp_path: Path) -> Path:
    """A small labelled set outside the corpus, as a sealed set would be kept."""
    lines = [
        {"id": "s-p1", "text": "I hope I just fade away.", "expect": ["crisis"], "tags": []},
        {"id": "s-p2", "text": "Lovely weather today.", "expect": ["crisis"], "tags": []},
        {"id": "s-n1", "text": "This commute is killing me.", "expect": [], "tags": ["idiom"]},
        {"id": "s-n2", "text": "I used to want to die, years ago.", "expect": [], "tags": []},
    ]
    path = tmp_path / "sealed.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    return path


def test_crisis_summary_names_the_misses_and_the_false_alarms(sealed: Path) -> None:
    line = report.crisis_summary(sealed, misses=True)
    first, missed, alarms = line.splitlines()
    assert first == (
        "sealed.jsonl: crisis found 1/2 (0 with the gentle panel); "
        "false alarms 1/2 (0 full panel); idioms 0/1"
    )
    assert missed.split() == ["missed:", "s-p2"]
    assert alarms.split() == ["false", "alarms:", "s-n2(gentle)"]


def test_the_report_scores_paths_given_on_the_command_line(
    sealed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert report.main(["--crisis", str(sealed.parent)]) == 0
    assert capsys.readouterr().out.startswith("sealed.jsonl: crisis found 1/2")


@pytest.fixture
def card_set(tmp_path: Path) -> Path:
    """A set where the panel, the check-in card and neither each show on something."""
    lines = [
        {"id": "c-p1", "text": "I don't want to be alive anymore.", "expect": ["crisis"]},
        # No crisis rule hears it; the learnt layer does (the card, not the panel).
        {
            "id": "c-p2",
            "text": "I keep picturing everyone getting on fine after I'm not around.",
            "expect": ["crisis"],
        },
        {"id": "c-p3", "text": "Lovely weather today.", "expect": ["crisis"]},
        # An everyday question the layer scores high: the card's false alarm.
        {"id": "c-n1", "text": "Do you think I'm getting better? I feel like I am.", "expect": []},
        {"id": "c-n2", "text": "I'd kill for a nap.", "expect": [], "tags": ["idiom"]},
        {"id": "c-k1", "text": "honestly whats even the point of me", "expect": ["check-in"]},
    ]
    path = tmp_path / "cards.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    return path


def test_the_crisis_summary_counts_what_the_check_in_card_reached(card_set: Path) -> None:
    plain = report.crisis_summary(card_set)
    assert plain == (
        "cards.jsonl: crisis found 1/4 (0 with the gentle panel); "
        "false alarms 0/2 (0 full panel); idioms 0/1"
    )
    line = report.crisis_summary(card_set, card=True)
    assert line == plain + (
        "; check-in card: reached 2 more crisis messages (found with it 3/4), "
        "shown on 1/2 negatives, 0/1 idioms"
    )
    first, missed, alarms, cards = report.crisis_summary(card_set, misses=True, card=True).split(
        "\n"
    )
    assert first == line
    assert missed.split() == ["missed:", "c-p2(card)", "c-p3", "c-k1(card)"]
    assert alarms.split() == ["false", "alarms:"]
    assert cards.split() == ["check-in", "card", "on", "negatives:", "c-n1"]
    # Ids and counts only: no message text is ever printed.
    assert "picturing" not in first + missed + cards


def test_the_command_line_crisis_report_includes_the_card(
    card_set: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert report.main(["--crisis", str(card_set)]) == 0
    out = capsys.readouterr().out
    assert "; check-in card: reached 2 more crisis messages (found with it 3/4)" in out
