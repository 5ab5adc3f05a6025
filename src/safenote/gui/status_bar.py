"""The status bar: words, characters (against the portal limit), and the save state."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from safenote.gui.message_counts import count_words


class ComposeStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composeStatus")
        self.save_state = self._label("saveState")
        self.counts = self._label("wordCount")
        self.characters = self._label("characterCount")
        self.addWidget(self.save_state)
        self.addPermanentWidget(self.counts)
        self.addPermanentWidget(self.characters)
        self.limit: int | None = None
        self.state = "unsaved"
        self.set_save_state("unsaved", None)
        self.set_text("")

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def set_text(self, text: str) -> None:
        words = count_words(text)
        # Qt only picks plural forms from a loaded translation; spell out English here.
        if words == 1:
            self.counts.setText(self.tr("1 word"))
        else:
            self.counts.setText(self.tr("%n words", "", words))
        chars = len(text)
        locale = QLocale()
        if self.limit:
            self.characters.setText(
                self.tr("{} of {} characters").format(
                    locale.toString(chars), locale.toString(self.limit)
                )
            )
            over = chars > self.limit
            self.characters.setProperty("over", over)
            self.characters.setToolTip(
                self.tr("Longer than the portal allows: split it or shorten it.") if over else ""
            )
        else:
            self.characters.setProperty("over", False)
            if chars == 1:
                self.characters.setText(self.tr("1 character"))
            else:
                self.characters.setText(self.tr("{} characters").format(locale.toString(chars)))
        self.characters.style().unpolish(self.characters)
        self.characters.style().polish(self.characters)

    def set_save_state(self, state: str, when: datetime | None) -> None:
        self.state = state
        clock = ""
        if when is not None:
            local = when.astimezone()
            clock = QLocale().toString(
                QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat
            )
        text = {
            "saved": self.tr("Saved · encrypted {}").format(clock).strip(),
            "saving": self.tr("Saving…"),
            "unsaved": self.tr("Not saved yet") if when is None else self.tr("Editing…"),
            "failed": self.tr("Couldn't save — your text is still here"),
        }[state]
        self.save_state.setText(text)
        self.save_state.setProperty("state", state)
        self.save_state.setAccessibleName(text)
        self.save_state.style().unpolish(self.save_state)
        self.save_state.style().polish(self.save_state)
