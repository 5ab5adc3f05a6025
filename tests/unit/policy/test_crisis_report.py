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
