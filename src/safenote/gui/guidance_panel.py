"""The panel beside the editor where guidance about the message appears, one card each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from safenote.gui.guidance_worker import Guidance
from safenote.gui.plain_label import plain_label

if TYPE_CHECKING:
    from safenote.gui.guidance_card import GuidanceCard


def _identity(item: Guidance) -> tuple[object, ...]:
    """What a card shows, without where its words are."""
    f = item.finding
    fixes = tuple((fix.kind, fix.label, fix.text) for fix in f.fixes)
    return (f.rule, f.field, f.severity, f.message, f.why, f.source, fixes)


class GuidancePanel(QWidget):
    """Cards for the current findings, a calm empty state, and a way back for dismissed ones."""

    activated = Signal(object)  # Guidance
    fixRequested = Signal(object, object)  # Guidance, Fix
    dismissRequested = Signal(str)  # rule id
    restoreDismissedRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guidancePanel")
        self.setAccessibleName(self.tr("Guidance"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        self._heading = QLabel(self.tr("Guidance"), self)
        self._heading.setObjectName("guidanceHeading")
        self._heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self._heading.font()
        font.setBold(True)
        self._heading.setFont(font)
        layout.addWidget(self._heading)
        self._empty = plain_label(
            self.tr("Suggestions about your message will appear here."), self, "guidanceEmpty"
        )
        layout.addWidget(self._empty)
        self._unavailable = plain_label("", self, "guidanceUnavailable")
        self._unavailable.hide()
        layout.addWidget(self._unavailable)

        self._scroll = QScrollArea(self)
        self._scroll.setObjectName("guidanceScroll")
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list = QWidget(self._scroll)
        self._list.setObjectName("guidanceList")
        self._cards_layout = QVBoxLayout(self._list)
        self._cards_layout.setContentsMargins(0, 0, 0, 0)
        self._cards_layout.setSpacing(8)
        self._cards_layout.addStretch(1)
        self._scroll.setWidget(self._list)
        layout.addWidget(self._scroll, 1)

        self._restore = QPushButton(self)
        self._restore.setObjectName("showDismissed")
        self._restore.setFlat(True)
        self._restore.clicked.connect(self.restoreDismissedRequested)
        self._restore.hide()
        layout.addWidget(self._restore)
        self.cards: list[GuidanceCard] = []
        self._shown: list[Guidance] = []
        self.setMinimumWidth(260)

    def prepare(self) -> None:
        """Load what the first card needs (its module, the SVG renderer behind its icon) now,
        in an idle moment, so the first findings don't wait on it (~10 ms once)."""
        from safenote.gui.guidance_card import GuidanceCard  # noqa: F401 (loading is the point)
        from safenote.gui.severity import severity_pixmap

        severity_pixmap("info", 16)

    def show_guidance(self, guidance: list[Guidance]) -> None:
        if guidance == self._shown:
            return
        if [_identity(g) for g in guidance] == [_identity(c.guidance) for c in self.cards]:
            # The same findings, moved by typing elsewhere: keep the cards, update positions.
            for card, item in zip(self.cards, guidance, strict=True):
                card.guidance = item
            self._shown = list(guidance)
            return
        expanded = {c.guidance.key for c in self.cards if c.why_button.isChecked()}
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        if guidance:
            # Cards (and the severity icons they draw) load with the first finding, not
            # with the window: an empty panel needs none of it to start.
            from safenote.gui.guidance_card import GuidanceCard
        for item in guidance:
            card = GuidanceCard(item, self._list)
            card.activated.connect(self.activated)
            card.fixRequested.connect(self.fixRequested)
            card.dismissRequested.connect(self.dismissRequested)
            if item.key in expanded:
                card.why_button.setChecked(True)
            self._cards_layout.insertWidget(self._cards_layout.count() - 1, card)
            self.cards.append(card)
        self._shown = list(guidance)
        self._empty.setVisible(not guidance and self._unavailable.isHidden())

    def set_dismissed_count(self, count: int) -> None:
        self._restore.setVisible(count > 0)
        if count == 1:
            self._restore.setText(self.tr("Show 1 dismissed suggestion"))
        else:
            self._restore.setText(self.tr("Show %n dismissed suggestions", "", count))
        self._restore.setAccessibleName(self._restore.text())

    def set_unavailable(self, message: str) -> None:
        self._unavailable.setText(message)
        self._unavailable.setVisible(bool(message))
        self._empty.setVisible(not message and not self.cards)
