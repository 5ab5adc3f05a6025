"""Edit a practice profile's text with live validation (every problem, with its line)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from safenote.core.practice import (
    PracticeProfile,
    SignatureError,
    check_profile_text,
)
from safenote.core.practice.signing import strip_signature
from safenote.gui.guidance_card import plain_label

VALIDATE_DELAY_MS = 250  # a pause in typing, so each keystroke doesn't rebuild the rules


class ProfileEditor(QWidget):
    """The profile as text; emits the validated profile (or None) after each pause."""

    profileChanged = Signal(object)
    """``PracticeProfile`` when the text is valid, ``None`` when it has problems."""

    def __init__(self, text: str = "", name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileEditor")
        self._name = name or self.tr("profile")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = plain_label(self.tr("Practice profile"), self, "profileHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("profileText")
        self.edit.setAccessibleName(self.tr("Practice profile text"))
        self.edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.edit.setPlainText(text)
        layout.addWidget(self.edit, 1)
        self.status = plain_label("", self, "profileStatus")
        self.status.setFont(QFont(self.status.font()))
        layout.addWidget(self.status)
        self.profile: PracticeProfile | None = None
        self.problems: list[str] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(VALIDATE_DELAY_MS)
        self._timer.timeout.connect(self.validate_now)
        self.edit.textChanged.connect(self._timer.start)
        self.validate_now()

    def text(self) -> str:
        return self.edit.toPlainText()

    def validate_now(self) -> None:
        self._timer.stop()
        source = self.text()
        profile, errors = check_profile_text(source, self._name)
        resign = bool(errors) and all(isinstance(e, SignatureError) for e in errors)
        if resign:
            # Editing a signed profile breaks its signature: preview the edit all the same.
            profile, errors = check_profile_text(strip_signature(source), self._name)
        self.problems = [str(err) for err in errors]
        self.profile = profile
        if errors:
            self.status.setText(
                self.tr("Not valid yet; clients would not be able to import it:")
                + "\n"
                + "\n".join(f"• {p}" for p in self.problems)
            )
        elif resign:
            self.status.setText(
                self.tr("Valid, but changed since it was signed: sign it again before sharing.")
            )
        elif self.profile is not None and self.profile.signed:
            self.status.setText(
                self.tr("Valid and signed (fingerprint {}).").format(self.profile.fingerprint)
            )
        else:
            self.status.setText(self.tr("Valid. Not signed yet: clients will see it unverified."))
        self.status.setProperty("valid", not errors)
        self.profileChanged.emit(self.profile)
