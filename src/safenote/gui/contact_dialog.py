"""Add or edit a therapist: name, relationship, preferred way to send."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from safenote.core.vault import Contact
from safenote.gui.header_bar import channel_names


class ContactDialog(QDialog):
    def __init__(self, contact: Contact | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactDialog")
        self._contact = contact or Contact()
        title = self.tr("Edit therapist") if contact else self.tr("Add a therapist")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Stored encrypted on this computer. The relationship helps SafeNote tailor "
                "its suggestions."
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.name = QLineEdit(self._contact.name, self)
        self.name.setObjectName("contactName")
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setPlaceholderText(self.tr("e.g. Dr. Ngozi Okafor"))
        self.relationship = QComboBox(self)
        self.relationship.setObjectName("contactRelationship")
        self.relationship.setAccessibleName(self.tr("Relationship"))
        for key, text in (
            ("current", self.tr("My current therapist")),
            ("former", self.tr("A former therapist")),
            ("prospective", self.tr("Someone I'd like to start seeing")),
        ):
            self.relationship.addItem(text, key)
        self.relationship.setCurrentIndex(
            max(0, self.relationship.findData(self._contact.relationship or "current"))
        )
        self.channel = QComboBox(self)
        self.channel.setObjectName("contactChannel")
        self.channel.setAccessibleName(self.tr("Preferred way to send"))
        for key, text in channel_names().items():
            self.channel.addItem(text, key)
        self.channel.setCurrentIndex(
            max(0, self.channel.findData(self._contact.preferred_channel or "portal"))
        )
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Relationship"), self.relationship)
        form.addRow(self.tr("&Preferred way to send"), self.channel)
        layout.addLayout(form)
        # The therapist's practice profile (and key), checked and pinned on import.
        self.import_button = QPushButton(self.tr("&Import practice profile…"), self)
        self.import_button.setObjectName("importProfileButton")
        self.import_button.clicked.connect(self.import_profile)
        layout.addWidget(self.import_button)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.button_box = buttons
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.name.textChanged.connect(lambda text: self.save_button.setEnabled(bool(text.strip())))
        self.save_button.setEnabled(bool(self._contact.name.strip()))
        self.resize(420, 0)

    def import_profile(self) -> None:
        from safenote.gui.profile_import_dialog import import_into_contact

        dialog = import_into_contact(self.contact(), self)
        dialog.exec()
        if dialog.imported_contact is not None:
            self._contact = dialog.imported_contact
            if not self.name.text().strip():
                self.name.setText(self._contact.name)

    def contact(self) -> Contact:
        return replace(
            self._contact,
            name=self.name.text().strip(),
            relationship=str(self.relationship.currentData()),
            preferred_channel=str(self.channel.currentData()),
        )
