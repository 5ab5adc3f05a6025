"""The message header: To (a therapist contact), Send via, Subject, Copy to."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from safenote.core.vault import Contact, Draft
from safenote.gui.restyle import restyle

CHANNELS = ("portal", "encrypted", "email", "text")


def channel_names() -> dict[str, str]:
    from PySide6.QtCore import QCoreApplication

    return {
        "portal": QCoreApplication.translate("HeaderBar", "Practice portal"),
        "encrypted": QCoreApplication.translate("HeaderBar", "Encrypted file"),
        "email": QCoreApplication.translate("HeaderBar", "Email"),
        "text": QCoreApplication.translate("HeaderBar", "Text message"),
    }


def parse_cc(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.replace(";", ",").split(",") if part.strip())


class HeaderBar(QWidget):
    contactChosen = Signal(str)  # contact id ("" for none)
    channelChosen = Signal(str)
    subjectEdited = Signal(str)
    ccEdited = Signal(object)  # tuple[str, ...]
    addContactRequested = Signal()
    editContactRequested = Signal(str)  # contact id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("headerBar")
        grid = QGridLayout(self)
        grid.setContentsMargins(16, 12, 16, 8)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)

        self.to = QComboBox(self)
        self.to.setObjectName("toField")
        self.to.setAccessibleName(self.tr("To"))
        self.to.setMinimumContentsLength(16)
        self.contact_button = QPushButton(self.tr("Add therapist…"), self)
        self.contact_button.setObjectName("contactButton")
        self.contact_button.setAccessibleName(self.tr("Add or edit therapist"))
        self.channel = QComboBox(self)
        self.channel.setObjectName("channelField")
        self.channel.setAccessibleName(self.tr("Send via"))
        for key, name in channel_names().items():
            self.channel.addItem(name, key)
        self.subject = QLineEdit(self)
        self.subject.setObjectName("subjectField")
        self.subject.setAccessibleName(self.tr("Subject"))
        self.subject.setPlaceholderText(self.tr("What this message is about"))
        self.cc = QLineEdit(self)
        self.cc.setObjectName("ccField")
        self.cc.setAccessibleName(self.tr("Copy to"))
        self.cc.setPlaceholderText(self.tr("No one else (recommended)"))
        # Keyed by HeaderField's string values (HeaderField is a str enum, so either works).
        self._fields: dict[str, QWidget] = {
            "recipient": self.to,
            "channel": self.channel,
            "subject": self.subject,
            "cc": self.cc,
        }

        def label(text: str, buddy: QWidget) -> QLabel:
            lab = QLabel(text, self)
            lab.setObjectName("headerLabel")
            lab.setBuddy(buddy)
            return lab

        grid.addWidget(label(self.tr("&To"), self.to), 0, 0)
        grid.addWidget(self.to, 0, 1)
        grid.addWidget(self.contact_button, 0, 2)
        grid.addWidget(label(self.tr("Send &via"), self.channel), 0, 3)
        grid.addWidget(self.channel, 0, 4)
        grid.addWidget(label(self.tr("S&ubject"), self.subject), 1, 0)
        grid.addWidget(self.subject, 1, 1, 1, 2)
        grid.addWidget(label(self.tr("Cop&y to"), self.cc), 1, 3)
        grid.addWidget(self.cc, 1, 4)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(4, 1)

        self.to.activated.connect(self._on_contact)
        self.channel.activated.connect(
            lambda index: self.channelChosen.emit(str(self.channel.itemData(index)))
        )
        self.subject.textEdited.connect(self.subjectEdited)
        self.cc.textEdited.connect(lambda text: self.ccEdited.emit(parse_cc(text)))
        self.contact_button.clicked.connect(self._on_contact_button)
        self.set_contacts(())

    def set_contacts(self, contacts: tuple[Contact, ...]) -> None:
        current = self.to.currentData()
        with QSignalBlocker(self.to):
            self.to.clear()
            self.to.addItem(self.tr("Choose a therapist…"), "")
            for contact in contacts:
                self.to.addItem(contact.name or self.tr("(unnamed)"), contact.id)
            self._select(self.to, current or "")
        self._update_contact_button()

    def set_draft(self, draft: Draft) -> None:
        """Show a draft's header without reporting it back as an edit."""
        with QSignalBlocker(self.to), QSignalBlocker(self.channel):
            self._select(self.to, draft.recipient_contact_id or "")
            self._select(self.channel, draft.channel or "portal")
        if self.subject.text() != draft.subject:
            self.subject.setText(draft.subject)
        cc = ", ".join(draft.cc)
        if parse_cc(self.cc.text()) != draft.cc:
            self.cc.setText(cc)
        self._update_contact_button()

    def flag_fields(self, flags: dict[str, str]) -> None:
        """Mark header fields that guidance points at (style and tooltip, not colour alone)."""
        for field, widget in self._fields.items():
            message = flags.get(field, "")
            if widget.property("flagged") != bool(message):
                widget.setProperty("flagged", bool(message))
                restyle(widget)
            widget.setToolTip(message)

    def focus_field(self, field: str) -> None:
        self._fields[str(getattr(field, "value", field))].setFocus()

    def _select(self, combo: QComboBox, data: str) -> None:
        index = combo.findData(data)
        combo.setCurrentIndex(max(0, index))

    def _on_contact(self, index: int) -> None:
        self._update_contact_button()
        self.contactChosen.emit(str(self.to.itemData(index) or ""))

    def _update_contact_button(self) -> None:
        has = bool(self.to.currentData())
        text = self.tr("Edit…") if has else self.tr("Add therapist…")
        self.contact_button.setText(text)
        self.contact_button.setAccessibleName(
            self.tr("Edit therapist") if has else self.tr("Add therapist")
        )

    def _on_contact_button(self) -> None:
        contact_id = str(self.to.currentData() or "")
        if contact_id:
            self.editContactRequested.emit(contact_id)
        else:
            self.addContactRequested.emit()
