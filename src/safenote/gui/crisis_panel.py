"""The crisis panel: pinned above all other guidance when a message suggests danger.

It can be collapsed, never dismissed; it never blocks typing, saving or exporting; and it is
announced to screen readers when it appears (an accessibility Alert event).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from safenote.gui.guidance_worker import Guidance
from safenote.gui.plain_label import plain_label
from safenote.gui.severity_icon import SeverityIcon


def announce(widget: QWidget) -> None:
    """Tell assistive technology something important just appeared."""
    # QAccessible's many enums are built on first import: not on every start-up.
    from PySide6.QtGui import QAccessible, QAccessibleEvent

    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))


class CrisisPanel(QFrame):
    announced = Signal()  # emitted each time the panel appears and is announced
    activated = Signal(object)  # Guidance: show the passage in the message

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crisisPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("If you're not safe right now"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)
        top = QHBoxLayout()
        # The icon is drawn when the panel first appears: most sessions never show it, and
        # rendering it (QtSvg) would otherwise sit on every start-up.
        self.icon: SeverityIcon | None = None
        self._top = top
        self.title = plain_label(self.tr("If you're not safe right now"), self, "crisisTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        top.addWidget(self.title, 1)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("crisisToggle")
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.toggled.connect(self.set_expanded)
        top.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(6)
        self.message = plain_label("", self.body, "crisisMessage")
        body.addWidget(self.message)
        self.resources = plain_label("", self.body, "crisisResources")
        self.resources.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.addWidget(self.resources)
        self.reassurance = plain_label(
            self.tr(
                "SafeNote never contacts anyone for you, and this panel never stops you "
                "writing or saving. You can collapse it while you write."
            ),
            self.body,
            "crisisReassurance",
        )
        body.addWidget(self.reassurance)
        self.verified = plain_label("", self.body, "crisisVerified")
        body.addWidget(self.verified)
        layout.addWidget(self.body)
        self._current: list[Guidance] = []
        self.set_expanded(True)
        self.hide()

    def show_crisis(self, urgent: list[Guidance]) -> None:
        appearing = bool(urgent) and not self._current
        self._current = list(urgent)
        if not urgent:
            self.hide()
            return
        first = urgent[0].finding
        self.message.setText(first.message)
        lines = [
            f"• {r.name}: {r.contact}" + (f" ({r.note})" if r.note else "") for r in first.resources
        ]
        self.resources.setText("\n".join(lines))
        self.resources.setAccessibleName(self.tr("Crisis resources") + ": " + "; ".join(lines))
        self.verified.setText(
            self.tr("Numbers checked on {}. They work without SafeNote.").format(
                first.resources_verified
            )
            if first.resources_verified
            else ""
        )
        self.verified.setVisible(bool(first.resources_verified))
        self.setAccessibleDescription(first.message)
        if appearing:
            if self.icon is None:
                self.icon = SeverityIcon("urgent", 20, self)
                self._top.insertWidget(0, self.icon)
            self.set_expanded(True)
            self.show()
            announce(self)
            self.announced.emit()

    @property
    def current(self) -> list[Guidance]:
        return list(self._current)

    def set_expanded(self, expanded: bool) -> None:
        """Collapse to the title line, or show everything. There is no way to close it."""
        self.body.setVisible(expanded)
        if self.toggle.isChecked() != expanded:
            self.toggle.setChecked(expanded)
        text = self.tr("Hide details") if expanded else self.tr("Show details")
        self.toggle.setText(text)
        self.toggle.setAccessibleName(text)
        self.toggle.setArrowType(Qt.ArrowType.UpArrow if expanded else Qt.ArrowType.DownArrow)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

    @property
    def expanded(self) -> bool:
        return self.body.isVisibleTo(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._current:
            self.activated.emit(self._current[0])
        super().mousePressEvent(event)
