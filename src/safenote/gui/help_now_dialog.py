""" "Need help now?": crisis lines one keystroke away, whatever the message says.

The crisis panel appears when the guidance engine recognises risk in what someone writes,
but no phrase list recognises every way a person says they are not safe (our own held-out
tests say so; see tests/corpus/holdout/README.md). So the same lines are always reachable
from the Help menu, a shortcut and a button, without SafeNote having to detect anything.
Nothing here contacts anyone: it only shows numbers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from safenote.core.policy.helplines import bundled_helplines, region_from_locale
from safenote.core.policy.model import CrisisResource


def resources_for(region: str) -> tuple[tuple[CrisisResource, ...], str]:
    """The crisis lines for ``region`` (or the system locale's) and their check date."""
    lines = bundled_helplines()
    return lines.for_region(region or region_from_locale()), lines.verified_on


def _plain_label(text: str, parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # never interpret what the data holds
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


class HelpNowDialog(QDialog):
    """The region's crisis lines, and the therapist's own crisis instructions if known."""

    def __init__(
        self, region: str = "", therapist_instructions: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("helpNowDialog")
        self.setWindowTitle(self.tr("Need help now?"))
        self.setAccessibleName(self.tr("Need help now?"))
        resources, verified_on = resources_for(region)
        layout = QVBoxLayout(self)
        heading = _plain_label(self.tr("If you're not safe right now"), self, "helpNowHeading")
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        heading.setFont(font)
        layout.addWidget(heading)
        layout.addWidget(
            _plain_label(
                self.tr(
                    "A message to your therapist may not be read for hours or days. If you "
                    "might act on thoughts of hurting yourself or someone else, or someone "
                    "is hurting you, please contact one of these now, then let your "
                    "therapist know."
                ),
                self,
                "helpNowIntro",
            )
        )
        self.lines: list[QLabel] = []
        for resource in resources:
            text = f"• {resource.name}: {resource.contact}"
            if resource.note:
                text += f" ({resource.note})"
            line = _plain_label(text, self, "helpNowLine")
            line.setFont(font)
            self.lines.append(line)
            layout.addWidget(line)
        if therapist_instructions.strip():
            layout.addWidget(
                _plain_label(self.tr("Your therapist's own instructions:"), self, "helpNowOwn")
            )
            layout.addWidget(_plain_label(therapist_instructions.strip(), self, "helpNowOwnText"))
        layout.addWidget(
            _plain_label(
                self.tr(
                    "SafeNote never contacts anyone for you. Numbers checked on {date}; they "
                    "work without SafeNote and without the internet."
                ).format(date=verified_on),
                self,
                "helpNowNote",
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        close.setFocus()
        self.resize(480, self.sizeHint().height())
