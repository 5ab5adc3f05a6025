"""What the export dialog says before a message leaves: a summary, never a gate.

Guidance findings of ``caution`` or ``urgent`` severity are summarised so the person sees
them once more before sending; ``info`` findings are left out. Nothing here blocks an export.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from safenote.core.policy.model import Finding, Severity

# Saved portal text is a plain file; say so whenever it is saved.
UNENCRYPTED_TEXT_WARNING = (
    "This file is not encrypted: anyone who can open your files can read it. "
    "Delete it once you have pasted it into the portal."
)


@dataclass(frozen=True)
class ExportSummary:
    """Findings worth a second look, most serious first, with a one-line heading."""

    heading: str
    urgent: tuple[Finding, ...]
    caution: tuple[Finding, ...]

    @property
    def has_crisis(self) -> bool:
        return any(f.resources for f in self.urgent)


def summarise_for_export(findings: Iterable[Finding]) -> ExportSummary | None:
    """A summary of the caution/urgent findings, or ``None`` when there are none."""
    findings = tuple(findings)
    urgent = tuple(f for f in findings if f.severity is Severity.URGENT)
    caution = tuple(f for f in findings if f.severity is Severity.CAUTION)
    if not urgent and not caution:
        return None
    parts = []
    if urgent:
        parts.append(f"{len(urgent)} important {'note' if len(urgent) == 1 else 'notes'}")
    if caution:
        parts.append(f"{len(caution)} {'suggestion' if len(caution) == 1 else 'suggestions'}")
    heading = (
        f"Before you send: {' and '.join(parts)} about this message. "
        "You can still send it as it is."
    )
    return ExportSummary(heading=heading, urgent=urgent, caution=caution)
