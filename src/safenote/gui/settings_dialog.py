"""Settings: about you (encrypted in the vault), privacy, appearance, guidance, security.

Non-secret preferences go to QSettings when the person chooses Save; the name and region
go to the vault through the controller (:attr:`SettingsDialog.personalChanged`). Key
changes in the Security box happen at once, off the GUI thread.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from safenote.core.vault import KdfParams, KeyStore, Settings, Vault
from safenote.gui.clipboard_guard import clipboard_manager_note
from safenote.gui.preferences import (
    MAX_IDLE_MINUTES,
    OPTIONAL_CATEGORIES,
    TEXT_SCALES,
    Preferences,
    save_preferences,
)
from safenote.gui.quick_hide import QUICK_HIDE_KEYS, quick_hide_limits
from safenote.gui.region_combo import RegionCombo
from safenote.gui.settings_security import NewCodeDialog, SecurityBox


def _note(parent: QWidget, text: str) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setObjectName("settingsNote")
    return label


class SettingsDialog(QDialog):
    personalChanged = Signal(object)
    """``Settings`` (name, region) to save encrypted in the vault."""
    preferencesChanged = Signal(object)
    """``Preferences`` just saved to QSettings (apply theme, text size, idle lock, guidance)."""
    recoveryConfirmedChanged = Signal(bool)
    """False when a new recovery code was made (the old one no longer works), True once the
    person typed it back: to save in the vault at once, not on Save."""

    def __init__(
        self,
        settings: Settings,
        prefs: Preferences,
        vault: Vault | None,
        keystore: KeyStore,
        *,
        kdf: KdfParams | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("SafeNote settings"))
        self.setAccessibleName(self.tr("SafeNote settings"))
        self._settings = settings
        self.new_code_dialog: NewCodeDialog | None = None
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self._scroll = scroll
        body = QWidget(scroll)
        layout = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        about = QGroupBox(self.tr("About you"), body)
        form = QFormLayout(about)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name = QLineEdit(settings.sender_name, about)
        self.name.setObjectName("senderName")
        self.name.setAccessibleName(self.tr("Your name"))
        self.region = RegionCombo(about)
        self.region.set_region(settings.region)
        form.addRow(self.tr("Your &name:"), self.name)
        form.addRow(self.tr("&Region:"), self.region)
        form.addRow(_note(about, self.tr("Kept encrypted with your drafts.")))
        layout.addWidget(about)

        privacy = QGroupBox(self.tr("Privacy"), body)
        form = QFormLayout(privacy)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.idle = QSpinBox(privacy)
        self.idle.setObjectName("idleMinutes")
        self.idle.setRange(0, MAX_IDLE_MINUTES)
        self.idle.setSpecialValueText(self.tr("Never"))
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(prefs.idle_lock_minutes)
        self.idle.setAccessibleName(self.tr("Lock after this many minutes without use"))
        form.addRow(self.tr("&Lock after:"), self.idle)
        form.addRow(
            _note(
                privacy,
                self.tr("Press %1 to hide SafeNote at once.").replace("%1", QUICK_HIDE_KEYS)
                + " "
                + quick_hide_limits(),
            )
        )
        form.addRow(_note(privacy, clipboard_manager_note()))
        layout.addWidget(privacy)

        look = QGroupBox(self.tr("Appearance"), body)
        form = QFormLayout(look)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.theme = QComboBox(look)
        self.theme.setObjectName("themeCombo")
        self.theme.setAccessibleName(self.tr("Theme"))
        for value, label in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme.addItem(label, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.theme)))
        self.text_size = QComboBox(look)
        self.text_size.setObjectName("textSizeCombo")
        self.text_size.setAccessibleName(self.tr("Text size"))
        for scale in TEXT_SCALES:
            self.text_size.addItem(self.tr("%1%").replace("%1", str(scale)), scale)
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(prefs.text_scale)))
        form.addRow(self.tr("&Theme:"), self.theme)
        form.addRow(self.tr("Te&xt size:"), self.text_size)
        layout.addWidget(look)

        guidance = QGroupBox(self.tr("Suggestions to show"), body)
        box = QVBoxLayout(guidance)
        names = {
            "style": self.tr("Style (w&ording, length, tone)"),
            "boundaries": self.tr("&Boundaries (what fits a message to a therapist)"),
            "expectations": self.tr("&Expectations (replies, timing, channels)"),
        }
        self.categories: dict[str, QCheckBox] = {}
        for category in OPTIONAL_CATEGORIES:
            check = QCheckBox(names[category], guidance)
            check.setObjectName(f"show_{category}")
            check.setChecked(category not in prefs.hidden_categories)
            self.categories[category] = check
            box.addWidget(check)
        box.addWidget(_note(guidance, self.tr("Safety and privacy guidance is always shown.")))
        layout.addWidget(guidance)

        self.security = SecurityBox(vault, keystore, kdf=kdf, parent=body)
        self.security.codeCreated.connect(self.show_new_code)
        layout.addWidget(self.security)
        layout.addStretch(1)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        # Our own words, so they are in SafeNote's catalog (Qt's come from its own).
        self.save_button.setText(self.tr("&Save"))
        self.cancel_button.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(560, 640)

    def preferences(self) -> Preferences:
        return Preferences(
            idle_lock_minutes=self.idle.value(),
            theme=str(self.theme.currentData()),
            text_scale=int(self.text_size.currentData()),
            hidden_categories=frozenset(
                c for c, box in self.categories.items() if not box.isChecked()
            ),
        )

    def personal(self) -> Settings:
        # replace(), so fields this dialog doesn't edit (the recovery flag) are kept.
        return replace(
            self._settings, sender_name=self.name.text().strip(), region=self.region.region()
        )

    def save(self) -> None:
        prefs = self.preferences()
        save_preferences(prefs)
        personal = self.personal()
        if personal != self._settings:
            self.personalChanged.emit(personal)
        self.preferencesChanged.emit(prefs)
        self.accept()

    def show_new_code(self, code: str) -> NewCodeDialog:
        # The new code is the only one that works now, and nobody has confirmed keeping it.
        self._set_recovery_confirmed(False)
        dialog = NewCodeDialog(code, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._set_recovery_confirmed(True))
        self.new_code_dialog = dialog
        dialog.open()
        return dialog

    def _set_recovery_confirmed(self, confirmed: bool) -> None:
        self._settings = replace(self._settings, recovery_confirmed=confirmed)
        self.recoveryConfirmedChanged.emit(confirmed)

    def make_new_recovery_code(self) -> None:
        """Go straight to making a new code (from the compose window's reminder)."""
        self._scroll.ensureWidgetVisible(self.security.new_code)
        self.security.new_code.setFocus(Qt.FocusReason.OtherFocusReason)
        self.security.make_new_code_when_ready()
