"""The profile's contact details at a glance: channels, response time and office hours.

Shown under the profile text in the therapist's preview, so a change to any of them is
seen at once (the guidance report PDF lists the same details). Values are the therapist's
own words, always shown as plain text, never as markup.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from safenote.core.policy import Channel
from safenote.core.practice import PracticeProfile
from safenote.gui.header_bar import CHANNELS, channel_names
from safenote.gui.plain_label import plain_label


class PracticeSummary(QWidget):
    """Accepted channels (with their notes), usual response time and office hours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("practiceSummary")
        self.setAccessibleName(self.tr("Contact details from the profile"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 4, 0, 0)
        self.channels = plain_label("", self, "summaryChannels")
        self.response_time = plain_label("", self, "summaryResponseTime")
        self.hours = plain_label("", self, "summaryHours")
        for caption, label in (
            (self.tr("Ways to reach you:"), self.channels),
            (self.tr("Usual response time:"), self.response_time),
            (self.tr("Office hours:"), self.hours),
        ):
            form.addRow(caption, label)
            buddy = form.labelForField(label)
            if isinstance(buddy, QLabel):
                buddy.setBuddy(label)
            label.setAccessibleName(caption.rstrip(":"))
        self.hide()

    def show_profile(self, profile: PracticeProfile | None) -> None:
        """Show ``profile``'s details; while the text has problems, keep the last ones."""
        if profile is None:
            return
        ctx = profile.context
        names = channel_names()
        notes = dict(ctx.channel_notes)
        accepted = [
            names[key] + (f" ({notes[Channel(key)]})" if Channel(key) in notes else "")
            for key in CHANNELS
            if Channel(key) in ctx.accepted_channels
        ]
        not_stated = self.tr("not stated")
        self.channels.setText("\n".join(accepted) or not_stated)
        self.response_time.setText(ctx.response_time or not_stated)
        self.hours.setText(profile.hours or not_stated)
        self.show()
