"""One piece of guidance: icon and severity word, message, "Why?", fixes, dismiss."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from safenote.gui.guidance_worker import Guidance
from safenote.gui.plain_label import plain_label
from safenote.gui.severity import severity_word
from safenote.gui.severity_icon import SeverityIcon

if TYPE_CHECKING:
    from safenote.core.policy import Fix, HeaderField


class GuidanceCard(QFrame):
    """A card in the guidance panel. Clicking it shows where the finding is."""

    activated = Signal(object)  # Guidance: select its span or focus its header field
    fixRequested = Signal(object, object)  # Guidance, Fix
    dismissRequested = Signal(str)  # rule id

    def __init__(self, guidance: Guidance, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guidance = guidance
        finding = guidance.finding
        self.setObjectName("guidanceCard")
        self.setProperty("severity", finding.severity.value)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # Keyboard users reach the card with Tab and show its words with Enter or Space.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        word = severity_word(finding.severity)
        self.setAccessibleName(f"{word}: {finding.message}")
        self.setAccessibleDescription(
            self.tr("Press Enter or click to show where this is in your message.")
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        top = QHBoxLayout()
        top.setSpacing(8)
        icon = SeverityIcon(finding.severity, 18, self)
        top.addWidget(icon)
        self.severity_label = plain_label(word, self, "cardSeverity")
        top.addWidget(self.severity_label, 1)
        if finding.field is not None:
            where = plain_label(self._field_name(finding.field), self, "cardField")
            top.addWidget(where)
        layout.addLayout(top)

        self.message = plain_label(finding.message, self, "cardMessage")
        layout.addWidget(self.message)

        self.why_button = QToolButton(self)
        self.why_button.setObjectName("whyButton")
        self.why_button.setText(self.tr("Why?"))
        self.why_button.setAccessibleName(self.tr("Why? Show the reason and source"))
        self.why_button.setCheckable(True)
        self.why_button.setArrowType(Qt.ArrowType.RightArrow)
        self.why_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.why_button.toggled.connect(self._toggle_why)
        self.why = plain_label(finding.why, self, "cardWhy")
        self.source = plain_label(self.tr("Source: {}").format(finding.source), self, "cardSource")
        self.why.hide()
        self.source.hide()

        self.fix_buttons: list[QPushButton] = []
        if finding.fixes:
            fixes = QHBoxLayout()
            fixes.setSpacing(6)
            for fix in finding.fixes:
                button = QPushButton(fix.label, self)
                button.setObjectName("fixButton")
                button.setAccessibleName(fix.label)
                button.clicked.connect(lambda _=False, f=fix: self._fix(f))
                fixes.addWidget(button)
                self.fix_buttons.append(button)
            fixes.addStretch(1)
            layout.addLayout(fixes)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.why_button)
        buttons.addStretch(1)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        self.dismiss_button.setObjectName("dismissButton")
        self.dismiss_button.setAccessibleName(self.tr("Dismiss this suggestion for this draft"))
        self.dismiss_button.setToolTip(self.tr("Hide this suggestion for this draft"))
        self.dismiss_button.clicked.connect(lambda: self.dismissRequested.emit(finding.rule))
        buttons.addWidget(self.dismiss_button)
        layout.addLayout(buttons)
        layout.addWidget(self.why)
        layout.addWidget(self.source)

    def _field_name(self, field: HeaderField) -> str:
        return {
            "subject": self.tr("Subject"),
            "cc": self.tr("Copy to"),
            "channel": self.tr("Send via"),
            "recipient": self.tr("To"),
        }[field.value]

    def _toggle_why(self, shown: bool) -> None:
        self.why.setVisible(shown)
        self.source.setVisible(shown)
        self.why_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _fix(self, fix: Fix) -> None:
        self.fixRequested.emit(self.guidance, fix)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.guidance)
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.guidance)
        super().mousePressEvent(event)
