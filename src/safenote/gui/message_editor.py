"""The plain-text editor a client writes their message in, with guidance underlines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from safenote.gui.guidance_worker import Guidance
from safenote.gui.severity import severity_word, underline_format

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTextEdit

    from safenote.core.policy import Fix


class MessageEditor(QPlainTextEdit):
    """Plain text only: whatever a person pastes or types is never interpreted as markup.

    Underlines are extra selections, whose cursors move with the text as it is edited, so
    they stay on the right words between one check and the next without any work per key.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageEditor")
        self.setAccessibleName(self.tr("Message"))
        self.setAccessibleDescription(self.tr("Write your message to your therapist here."))
        self.setPlaceholderText(self.tr("Write your message here…"))
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._marks: list[tuple[QTextCursor, Guidance]] = []

    # -- underlines ---------------------------------------------------------------------------

    def prepare(self) -> None:
        """Load the underline classes now, in an idle moment, so the first underlines don't
        wait on PySide building their types (~3 ms once)."""
        from PySide6.QtWidgets import QTextEdit

        QTextEdit.ExtraSelection()
        for severity in ("info", "caution", "urgent"):
            underline_format(severity)

    def show_guidance(self, guidance: list[Guidance]) -> None:
        """Underline each finding's span (header findings have none)."""
        length = self.document().characterCount() - 1
        marks: list[tuple[QTextCursor, Guidance]] = []
        selections: list[QTextEdit.ExtraSelection] = []
        if guidance:
            # Named with the first finding: PySide builds a Qt class's enums when the class
            # is first named, and QTextEdit's are start-up time the empty editor never needs.
            from PySide6.QtWidgets import QTextEdit
        for item in guidance:
            if item.finding.is_header or item.qt_end <= item.qt_start:
                continue
            cursor = QTextCursor(self.document())
            cursor.setPosition(min(item.qt_start, length))
            cursor.setPosition(min(item.qt_end, length), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = underline_format(item.finding.severity)
            selections.append(selection)
            marks.append((cursor, item))
        self._marks = marks
        self.setExtraSelections(selections)

    def span_of(self, guidance: Guidance) -> tuple[int, int] | None:
        """Where a finding's text is now (it may have moved since the check)."""
        for cursor, item in self._marks:
            if item.key == guidance.key:
                return cursor.selectionStart(), cursor.selectionEnd()
        return None

    def select_span(self, guidance: Guidance) -> None:
        span = self.span_of(guidance)
        if span is None:
            return
        cursor = self.textCursor()
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def guidance_at(self, position: int) -> Guidance | None:
        for cursor, item in self._marks:
            if cursor.selectionStart() <= position < cursor.selectionEnd():
                return item
        return None

    def viewportEvent(self, event: QEvent) -> bool:
        # Hovering an underline shows its finding. Overriding the viewport's own handler,
        # rather than filtering viewport() events, spares start-up PySide's first wrap of
        # a QWidget* (it builds the enums of every widget class then: ~5 ms).
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            from PySide6.QtWidgets import QToolTip  # on the first hover, not at start-up

            item = self.guidance_at(self.cursorForPosition(event.pos()).position())
            if item is None:
                QToolTip.hideText()
            else:
                word = severity_word(item.finding.severity)
                QToolTip.showText(event.globalPos(), f"{word}: {item.finding.message}", self)
            return True
        return super().viewportEvent(event)

    # -- fixes --------------------------------------------------------------------------------

    def apply_fix(self, guidance: Guidance, fix: Fix) -> bool:
        """Apply a fix as one normal, undoable edit. False if its text has gone."""
        cursor = QTextCursor(self.document())
        if fix.kind == "opening":  # FixKind is a str enum
            cursor.movePosition(QTextCursor.MoveOperation.Start)
            text = fix.text if fix.text.endswith(("\n", " ")) else fix.text + "\n"
        elif fix.kind == "closing":
            cursor.movePosition(QTextCursor.MoveOperation.End)
            body = self.toPlainText()
            gap = (
                ""
                if not body or body.endswith("\n\n")
                else ("\n" if body.endswith("\n") else "\n\n")
            )
            text = gap + fix.text
        else:
            span = self.span_of(guidance)
            if span is None:
                return False
            if fix.kind == "insert":
                cursor.setPosition(span[1])
            else:
                cursor.setPosition(span[0])
                cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
            text = fix.text
        cursor.beginEditBlock()
        cursor.insertText(text)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        return True
