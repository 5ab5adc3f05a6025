"""Add or edit a therapist: name, relationship, preferred way to send, their portal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
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
from safenote.gui.fit import grow_to_fit
from safenote.gui.header_bar import channel_names
from safenote.gui.plain_label import plain_label

if TYPE_CHECKING:
    from safenote.core.export.portal import PortalProfile


class ContactDialog(QDialog):
    def __init__(
        self,
        contact: Contact | None = None,
        parent: QWidget | None = None,
        *,
        portals: Sequence[PortalProfile] | None = None,
    ) -> None:
        """``portals``: the portal profiles to offer; by default the bundled ones, which the
        controller's side lists (this dialog never reads resources itself)."""
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
        self._build_portal(form, portals)
        layout.addLayout(form)
        # Below the form, not in it: a wrapping label in a form row is given one line only.
        layout.addWidget(self.portal_hint)
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
        self.resize(440, 0)
        grow_to_fit(self)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            grow_to_fit(self)  # a longer portal hint (or language) needs more height
        return handled

    def _build_portal(self, form: QFormLayout, portals: Sequence[PortalProfile] | None) -> None:
        """Which kind of secure portal they use: it gives the status bar its length limit
        when no practice profile does, and the export its preselected portal."""
        if portals is None:
            from safenote.gui.controller_library import portal_profiles

            portals = portal_profiles()
        self.portal = QComboBox(self)
        self.portal.setObjectName("contactPortal")
        self.portal.setAccessibleName(self.tr("Their secure portal"))
        self.portal.addItem(self.tr("Not sure"), "")
        self.portal.setItemData(0, self._not_sure_hint(), Qt.ItemDataRole.ToolTipRole)
        for profile in portals:
            self.portal.addItem(profile.name, profile.id)
            index = self.portal.count() - 1
            self.portal.setItemData(index, profile.description, Qt.ItemDataRole.ToolTipRole)
        # A profile this version doesn't have shows as "Not sure" (and is saved as such).
        self.portal.setCurrentIndex(max(0, self.portal.findData(self._contact.portal)))
        self.portal_hint = plain_label("", self, "contactPortalHint")
        form.addRow(self.tr("Their secure p&ortal"), self.portal)
        self.portal.currentIndexChanged.connect(self._show_portal_hint)
        self._show_portal_hint()

    def _not_sure_hint(self) -> str:
        return self.tr(
            "SafeNote won't guess a length limit. If you know how their portal works, "
            "choosing it shows the limit as you write."
        )

    def _show_portal_hint(self) -> None:
        hint = str(self.portal.currentData(Qt.ItemDataRole.ToolTipRole) or "")
        self.portal_hint.setText(hint)
        self.portal.setToolTip(hint)
        self.portal.setAccessibleDescription(hint)

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
            portal=str(self.portal.currentData() or ""),
        )
