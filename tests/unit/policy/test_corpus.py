"""The labelled corpus holds the project's guidance targets (GUIDANCE.md, issue 3)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from safenote.core.policy import load_default_engine

ROOT = Path(__file__).resolve().parents[3]


def _report_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "corpus_report", ROOT / "scripts" / "corpus_report.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus_report"] = module
    spec.loader.exec_module(module)
    return module


report = _report_module()
ENTRIES = report.load_corpus()
SCORES = report.score(ENTRIES)


def test_corpus_is_large_and_covers_every_rule_both_ways() -> None:
    assert len(ENTRIES) >= 200
    assert len({e.id for e in ENTRIES}) == len(ENTRIES)
    for rule in load_default_engine().rules:
        fires = [e for e in ENTRIES if rule.id in e.expect]
        assert len(fires) >= 2, f"{rule.id}: too few must-fire messages"
    tags = set().union(*(e.tags for e in ENTRIES))
    for needed in ("idiom", "negation", "quote", "typo", "non-english-name", "emoji", "long"):
        assert needed in tags, needed


def test_crisis_recall_is_total() -> None:
    crisis = SCORES["crisis"]
    assert crisis.missed_ids == []
    assert crisis.tp >= 50


def test_no_idiom_raises_a_crisis_alarm() -> None:
    assert report.idiom_false_alarms(ENTRIES) == []


@pytest.mark.parametrize(
    "rule_id", sorted(r.id for r in load_default_engine().rules if r.id != "crisis")
)
def test_every_other_rule_is_precise(rule_id: str) -> None:
    result = SCORES[rule_id]
    assert result.precision >= 0.9, (rule_id, result.false_ids)


def test_crisis_summary_reports_found_and_false_alarms_per_file() -> None:
    line = report.crisis_summary(report.CORPUS_DIR / "holdout_5_tuned.jsonl")
    assert line.startswith("holdout_5_tuned.jsonl: crisis found 46/46")
    assert "idioms 0/16" in line
