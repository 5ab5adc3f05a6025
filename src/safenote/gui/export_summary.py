"""A second look before a message leaves: caution and urgent guidance, never a gate.

Shown at the top of the export dialog when the draft has ``caution`` or ``urgent`` findings
(:func:`safenote.core.export.readiness.summarise_for_export` picks them). Each finding reads
as an icon, a severity word and the message, never colour alone. When something urgent was
found, the crisis resources stay visible here too: someone about to send a message like that
may need them more than the export.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from safenote.core.export.readiness import ExportSummary, summarise_for_export
from safenote.core.policy.model import Finding
from safenote.gui.crisis_panel import announce
from safenote.gui.plain_label import plain_label
from safenote.gui.severity import severity_word
from safenote.gui.severity_icon import SeverityIcon


class ExportFindingsSummary(QFrame):
    """Hidden when there is nothing worth a second look; otherwise one row per finding."""

    def __init__(self, findings: Iterable[Finding], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportFindingsSummary")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.summary: ExportSummary | None = summarise_for_export(findings)
        self.rows: list[QLabel] = []
        self.resources: QLabel | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        summary = self.summary
        if summary is None:
            self.heading = plain_label("", self, "exportSummaryHeading")
            self.hide()
            return
        self.heading = plain_label(self._heading_text(summary), self, "exportSummaryHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        for finding in (*summary.urgent, *summary.caution):
            layout.addLayout(self._row(finding))
        crisis = next((f for f in summary.urgent if f.resources), None)
        if crisis is not None:
            self.resources = self._resources(crisis)
            layout.addWidget(self.resources)
        self.setAccessibleName(self.heading.text())

    def _heading_text(self, summary: ExportSummary) -> str:
        # Worded here rather than taken from core, so it can be translated.
        urgent, caution = len(summary.urgent), len(summary.caution)
        parts = []
        if urgent:
            parts.append(
                self.tr("1 important note")
                if urgent == 1
                else self.tr("{} important notes").format(urgent)
            )
        if caution:
            parts.append(
                self.tr("1 suggestion")
                if caution == 1
                else self.tr("{} suggestions").format(caution)
            )
        return self.tr(
            "Before you send: {} about this message. You can still send it as it is."
        ).format(self.tr(" and ").join(parts))

    def _row(self, finding: Finding) -> QHBoxLayout:
        row = QHBoxLayout()
        # The word is in the text as well; the icon's name (the severity word) keeps screen
        # readers from announcing an unlabelled image.
        icon = SeverityIcon(finding.severity, 18, self)
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        row.addWidget(icon)
        text = plain_label(
            f"{severity_word(finding.severity)}: {finding.message}", self, "exportFinding"
        )
        text.setProperty("severity", finding.severity.value)
        row.addWidget(text, 1)
        self.rows.append(text)
        return row

    def _resources(self, finding: Finding) -> QLabel:
        lines = [
            f"• {r.name}: {r.contact}" + (f" ({r.note})" if r.note else "")
            for r in finding.resources
        ]
        label = plain_label(
            self.tr("If you're not safe right now:") + "\n" + "\n".join(lines),
            self,
            "exportCrisisResources",
        )
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @property
    def has_urgent(self) -> bool:
        return self.summary is not None and bool(self.summary.urgent)

    def announce_if_urgent(self) -> None:
        """Tell assistive technology when the dialog opens over an urgent finding."""
        if self.has_urgent:
            announce(self)
