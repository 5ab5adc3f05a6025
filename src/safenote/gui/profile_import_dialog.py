"""Client side: import a therapist's practice profile into a contact, and show its fingerprint.

The dialog does no storage itself: the caller hands it ``do_import(text, accept_new_signer)``
(normally :func:`safenote.core.practice.import_profile` bound to the open vault and the
contact). What the client sees:

* signed: the short fingerprint, to compare with the therapist in the next session;
* unsigned: marked unverified, with what that means;
* signed by a different key than the one confirmed before: refused, with the reason, and a
  deliberate way on ("I've checked the new fingerprint with my therapist in person").
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from safenote.core.practice import (
    ImportRefusedError,
    ImportResult,
    PracticeError,
    import_profile,
    read_profile_file,
)
from safenote.core.vault import Contact, VaultError
from safenote.gui.plain_label import plain_label

Importer = Callable[[str, bool], ImportResult]


class ProfileImportDialog(QDialog):
    def __init__(self, do_import: Importer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileImportDialog")
        self.setWindowTitle(self.tr("Import your therapist's practice profile"))
        self._do_import = do_import
        self.result_info: ImportResult | None = None
        self.imported_contact: Contact | None = None  # set by import_into_contact()
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Your therapist may give you a practice profile file. It tells SafeNote "
                    "how their practice works (how to reach them, how soon they reply, what to "
                    "do in a crisis) and their key for encrypted messages. Choose the file, or "
                    "paste its text below."
                ),
                self,
                "importIntro",
            )
        )
        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Choose file…"), self)
        self.choose_button.clicked.connect(self._choose_file)
        row.addWidget(self.choose_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("importText")
        self.text.setAccessibleName(self.tr("Profile text"))
        layout.addWidget(self.text, 1)
        self.outcome = plain_label("", self, "importOutcome")
        layout.addWidget(self.outcome)
        self.trust_new = QCheckBox(
            self.tr("I've checked the new fingerprint with my therapist in person"), self
        )
        self.trust_new.setObjectName("trustNewSigner")
        self.trust_new.hide()
        layout.addWidget(self.trust_new)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button.clicked.connect(self.run_import)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.text.textChanged.connect(self._text_changed)
        self._text_changed()
        self.resize(560, 460)

    def _text_changed(self) -> None:
        self.import_button.setEnabled(bool(self.text.toPlainText().strip()))
        self.trust_new.hide()
        self.trust_new.setChecked(False)

    def _choose_file(self) -> None:
        from safenote.gui.file_dialogs import ask_open_path

        chosen = ask_open_path(
            self, self.tr("Choose the profile file"), name_filter=self.tr("Profiles (*.toml)")
        )
        if chosen:
            self.load_file(Path(chosen))

    def load_file(self, path: Path) -> None:
        try:
            self.text.setPlainText(read_profile_file(path))
        except PracticeError as err:
            self.outcome.setText(str(err))

    def run_import(self) -> ImportResult | None:
        accept_new = self.trust_new.isVisible() and self.trust_new.isChecked()
        try:
            result = self._do_import(self.text.toPlainText(), accept_new)
        except ImportRefusedError as err:
            self.outcome.setText(str(err))
            self.trust_new.show()
            return None
        except PracticeError as err:
            self.outcome.setText(
                self.tr(
                    "This profile can't be used: {}. Ask your therapist for a new copy."
                ).format(err)
            )
            return None
        except VaultError as err:
            self.outcome.setText(str(err))
            return None
        self.result_info = result
        self.trust_new.hide()
        self.outcome.setText(self.describe(result))
        return result

    def describe(self, result: ImportResult) -> str:
        name = result.profile.context.therapist_name or self.tr("your therapist")
        if not result.verified:
            return self.tr(
                "Imported, but unverified: this profile isn't signed, so SafeNote can't tell "
                "whether it really comes from {}. Ask them for a signed copy."
            ).format(name)
        if result.same_signer:
            return self.tr("Updated. Signed by the same key as before ({}).").format(
                result.fingerprint
            )
        return self.tr(
            "Imported. Fingerprint: {}. Compare it with {} in your next session: if it "
            "matches, the profile (and their key for encrypted messages) is really theirs."
        ).format(result.fingerprint, name)


class _OneContact:
    """A contact held in memory, so the contact dialog can import before it saves."""

    def __init__(self, contact: Contact) -> None:
        self.contact = contact

    def get_contact(self, contact_id: str) -> Contact:
        return self.contact

    def save_contact(self, contact: Contact) -> Contact:
        self.contact = contact
        return contact


def import_into_contact(contact: Contact, parent: QWidget | None = None) -> ProfileImportDialog:
    """Open the import dialog for a contact being edited (not yet saved).

    After the dialog closes, ``dialog.imported_contact`` is the contact with the profile
    text and the therapist's key filled in, or None when nothing was imported. The caller
    saves it with the rest of the contact's fields (the vault stores it encrypted).
    """
    held = _OneContact(contact)

    def do_import(text: str, accept_new_signer: bool) -> ImportResult:
        return import_profile(held, contact.id, text, accept_new_signer=accept_new_signer)

    dialog = ProfileImportDialog(do_import, parent)

    def remember(_code: int) -> None:
        dialog.imported_contact = held.contact if dialog.result_info else None

    dialog.finished.connect(remember)
    return dialog
