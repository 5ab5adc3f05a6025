"""The main window: message editor, guidance panel and status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QWidget

from safenote import APP_NAME
from safenote.gui.guidance_panel import GuidancePanel
from safenote.gui.message_editor import MessageEditor


def count_words(text: str) -> int:
    """Words as a person counts them: a dash or an emoji on its own is not a word."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


class ComposeWindow(QMainWindow):
    """Where a client writes. The title stays neutral: never a draft's title."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composeWindow")
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(self.tr("SafeNote compose window"))
        self.editor = MessageEditor(self)
        self.guidance = GuidancePanel(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("composeSplitter")
        splitter.addWidget(self.editor)
        splitter.addWidget(self.guidance)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

        self.counts = QLabel(self)
        self.counts.setObjectName("wordCount")
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.counts)
        self.editor.textChanged.connect(self._update_counts)
        self._update_counts()
        self.resize(960, 640)
        self.editor.setFocus()

    def _update_counts(self) -> None:
        text = self.editor.toPlainText()
        words = count_words(text)
        # Qt only picks plural forms from a loaded translation; spell out English here.
        if words == 1:
            self.counts.setText(self.tr("1 word"))
        else:
            self.counts.setText(self.tr("%n words", "", words))
