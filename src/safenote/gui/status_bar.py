"""The status bar: words, characters (against the portal limit), and the save state."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from safenote.gui.message_counts import count_words, portal_parts
from safenote.gui.restyle import restyle


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
        self._show_characters(text)

    def _show_characters(self, text: str) -> None:
        """Characters against the portal's limit ("812 / 1,000 characters"); past it, how
        far over and what the export will do, in words (colour is only a second cue). With
        no limit known, a plain count: a limit is never made up."""
        chars = len(text)
        locale = QLocale()
        limit = self.limit
        over = bool(limit) and chars > (limit or 0)
        if limit:
            shown = self.tr("{} / {} characters").format(
                locale.toString(chars), locale.toString(limit)
            )
            if over:
                shown += " — " + self._over_text(text, chars - limit, limit)
            self.characters.setToolTip(
                self.tr(
                    "Longer than their portal allows in one message. When you export it for "
                    "the portal, SafeNote splits it into numbered parts to paste in order, or "
                    "you can shorten it."
                )
                if over
                else self.tr("Their portal takes up to {} characters in one message.").format(
                    locale.toString(limit)
                )
            )
        else:
            shown = (
                self.tr("1 character")
                if chars == 1
                else self.tr("{} characters").format(locale.toString(chars))
            )
            self.characters.setToolTip("")
        self.characters.setText(shown)
        self.characters.setAccessibleName(shown)
        self.characters.setProperty("over", over)
        restyle(self.characters)

    def _over_text(self, text: str, excess: int, limit: int) -> str:
        amount = QLocale().toString(excess)
        parts = portal_parts(text, limit)
        if parts.count < 2:
            # One word or link too long to split (or only trailing spaces over): no promise.
            return self.tr("{} over the portal's limit").format(amount)
        count = QLocale().toString(parts.count)
        if parts.exact:
            return self.tr("{} over, will be split into {} parts").format(amount, count)
        return self.tr("{} over, will be split into at least {} parts").format(amount, count)

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
            # This draft is fine; an earlier one (left by New or a switch) is not saved yet.
            "waiting": self.tr("An earlier draft isn't saved yet — SafeNote keeps trying"),
        }[state]
        self.save_state.setText(text)
        self.save_state.setProperty("state", state)
        self.save_state.setAccessibleName(text)
        restyle(self.save_state)
