"""The options under each export format: how to lock an encrypted message, what the PDF
does, which portal the text is for. The export dialog shows one at a time."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from safenote.core.export.errors import ExportError
from safenote.core.export.portal import PortalProfile, list_profiles
from safenote.gui.passphrase_fields import PassphraseFields
from safenote.gui.plain_label import plain_label

DEFAULT_PORTAL = "generic"


class AgeOptions(QWidget):
    """The therapist's key(s) or a passphrase; armored (text) or binary."""

    modeChanged = Signal()
    """Key or passphrase was chosen (fields were shown or hidden)."""

    def __init__(
        self, keys: tuple[str, ...], recipient_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agePage")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self._modes = QButtonGroup(self)
        self.use_keys = QRadioButton(self.tr("Lock it for your therapist's &key"), self)
        self.use_keys.setObjectName("useKeys")
        self.use_passphrase = QRadioButton(self.tr("Lock it with a p&assphrase"), self)
        self.use_passphrase.setObjectName("usePassphrase")
        for index, button in enumerate((self.use_keys, self.use_passphrase)):
            button.setAccessibleName(button.text().replace("&", ""))
            self._modes.addButton(button, index)
            column.addWidget(button)
        self.keys = QPlainTextEdit(self)
        self.keys.setObjectName("recipientKeys")
        self.keys.setTabChangesFocus(True)
        self.keys.setPlaceholderText(self.tr("age1…"))
        self.keys.setAccessibleName(self.tr("Therapist's public keys, one per line"))
        self.keys.setMaximumHeight(self.keys.fontMetrics().lineSpacing() * 4 + 12)
        self.keys.setPlainText("\n".join(keys))
        self.keys_label = QLabel(self.tr("Their public keys (one per &line):"), self)
        self.keys_label.setBuddy(self.keys)
        column.addWidget(self.keys_label)
        column.addWidget(self.keys)
        if keys:
            source = self.tr("Filled in from {}'s details.").format(
                recipient_name or self.tr("your contact")
            )
        else:
            source = self.tr(
                "Ask your therapist for their public key (it starts with age1), or lock the "
                "message with a passphrase instead."
            )
        self.keys_source = plain_label(source, self, "keysSource")
        column.addWidget(self.keys_source)
        self.passphrase = PassphraseFields(self)
        column.addWidget(self.passphrase)
        self.passphrase_note = plain_label(
            self.tr("Agree the passphrase with your therapist in person or by phone."),
            self,
            "passphraseNote",
        )
        column.addWidget(self.passphrase_note)
        self.armored = QCheckBox(self.tr("Save as &text (armored; best for email)"), self)
        self.armored.setObjectName("armored")
        self.armored.setChecked(True)
        self.armored.setAccessibleName(self.tr("Save as text, armored"))
        self.armored.setAccessibleDescription(
            self.tr("Untick to save a smaller binary file; both open the same way.")
        )
        column.addWidget(self.armored)
        (self.use_keys if keys else self.use_passphrase).setChecked(True)
        self._modes.idToggled.connect(self._mode_toggled)
        self._show_mode()

    @property
    def by_key(self) -> bool:
        return self.use_keys.isChecked()

    def recipients(self) -> list[str]:
        """The keys typed or filled in, one per line, blank lines skipped."""
        return [line.strip() for line in self.keys.toPlainText().splitlines() if line.strip()]

    def forget_passphrase(self) -> None:
        self.passphrase.first.clear()
        self.passphrase.second.clear()

    def _mode_toggled(self, _index: int, checked: bool) -> None:
        if checked:
            self._show_mode()
            self.modeChanged.emit()

    def _show_mode(self) -> None:
        for widget in (self.keys_label, self.keys, self.keys_source):
            widget.setVisible(self.by_key)
        self.passphrase.setVisible(not self.by_key)
        self.passphrase_note.setVisible(not self.by_key)


class PdfOptions(QWidget):
    """Nothing to choose: what SafeNote will do, in one paragraph."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPage")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(
            plain_label(
                self.tr(
                    "SafeNote lays the message out as a PDF, locks it (AES-256) with a new "
                    "passphrase of random words, and shows you the passphrase once."
                ),
                self,
                "pdfExplanation",
            )
        )
        column.addStretch(1)


class PortalOptions(QWidget):
    """Which portal the text is for; the practice's own limit, when it gave one."""

    def __init__(self, practice_limit: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("portalPage")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.profile_box = QComboBox(self)
        self.profile_box.setObjectName("portalProfile")
        self.profile_box.setAccessibleName(self.tr("Portal type"))
        self.profiles: list[PortalProfile] = []
        try:
            self.profiles = list_profiles()
        except ExportError:
            self.profiles = []  # a broken bundled profile: the dialog says so on export
        for profile in self.profiles:
            self.profile_box.addItem(profile.name, profile.id)
        self.profile_box.setCurrentIndex(max(self.profile_box.findData(DEFAULT_PORTAL), 0))
        form.addRow(self.tr("Po&rtal:"), self.profile_box)
        note = (
            self.tr("Your practice's limit applies: {} characters per message.").format(
                practice_limit
            )
            if practice_limit
            else self.tr("Long messages are split into numbered parts that each fit.")
        )
        self.note = plain_label(note, self, "portalNote")
        form.addRow(self.note)

    def choose(self, profile_id: str) -> None:
        self.profile_box.setCurrentIndex(self.profile_box.findData(profile_id))

    def selected(self) -> PortalProfile | None:
        if not self.profiles:
            return None
        return self.profiles[max(self.profile_box.currentIndex(), 0)]
