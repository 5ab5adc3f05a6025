from __future__ import annotations

from safenote.core.export.readiness import summarise_for_export
from safenote.core.policy.model import Finding, Severity


def finding(rule: str, severity: Severity) -> Finding:
    return Finding(rule=rule, severity=severity, message="m", why="w", source="s")


def test_nothing_to_say_without_caution_or_urgent() -> None:
    assert summarise_for_export([]) is None
    assert summarise_for_export([finding("a", Severity.INFO)]) is None


def test_summary_counts_and_orders() -> None:
    summary = summarise_for_export(
        iter(
            [
                finding("style", Severity.CAUTION),
                finding("info", Severity.INFO),
                finding("crisis", Severity.URGENT),
                finding("long", Severity.CAUTION),
            ]
        )
    )
    assert summary is not None
    assert [f.rule for f in summary.urgent] == ["crisis"]
    assert [f.rule for f in summary.caution] == ["style", "long"]
    assert summary.heading.startswith("Before you send: 1 important note and 2 suggestions")
    assert "still send" in summary.heading
    assert not summary.has_crisis
