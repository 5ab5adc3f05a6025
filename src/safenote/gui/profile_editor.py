"""Edit a practice profile's text with live validation (every problem, with its line).

A valid profile can be signed here with the therapist's keyring key ("Sign with my key"),
the same signature ``safenote practice sign`` writes, so no terminal is needed.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from safenote.core.practice import (
    PracticeProfile,
    SignatureError,
    check_profile_text,
)
from safenote.core.practice.signing import strip_signature
from safenote.core.vault import KeyStore
from safenote.gui.key_tasks import KeyTaskRunner, busy_bar
from safenote.gui.notice import NoticeLabel
from safenote.gui.plain_label import plain_label
from safenote.gui.practice_summary import PracticeSummary
from safenote.gui.profile_signing import (
    SignedProfile,
    made_keys_message,
    sign_with_keyring,
    signing_problem,
)

VALIDATE_DELAY_MS = 250  # a pause in typing, so each keystroke doesn't rebuild the rules


class ProfileEditor(QWidget):
    """The profile as text; emits the validated profile (or None) after each pause."""

    profileChanged = Signal(object)
    """``PracticeProfile`` when the text is valid, ``None`` when it has problems."""

    signableChanged = Signal(bool)
    """Whether "Sign with my key" can be used now (valid, not yet signed as it is, idle)."""

    def __init__(
        self,
        text: str = "",
        name: str = "",
        parent: QWidget | None = None,
        keystore: KeyStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("profileEditor")
        self._name = name or self.tr("profile")
        # The system keyring is only reached when the therapist signs (tests pass a stand-in).
        self._keystore = keystore
        self._keys = KeyTaskRunner(self)
        self._keys.busyChanged.connect(self._set_busy)
        self.signable = False
        self._can_sign_text = False  # valid, and unsigned or changed since it was signed
        self._validated_text: str | None = None
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
        self._add_signing(layout)
        self.summary = PracticeSummary(self)
        layout.addWidget(self.summary)
        self.profile: PracticeProfile | None = None
        self.problems: list[str] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(VALIDATE_DELAY_MS)
        self._timer.timeout.connect(self.validate_now)
        self.edit.textChanged.connect(self._text_changed)
        self.validate_now()

    def _add_signing(self, layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        self.sign_button = QPushButton(self.tr("&Sign with my key"), self)
        self.sign_button.setObjectName("signProfile")
        self.sign_button.setAccessibleName(self.tr("Sign with my key"))
        description = self.tr(
            "Signs this profile with the signing key in your system keyring, so clients can "
            "check it is yours. Only a valid profile can be signed."
        )
        self.sign_button.setAccessibleDescription(description)
        self.sign_button.setToolTip(description)
        self.sign_button.clicked.connect(self.sign)
        row.addWidget(self.sign_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.busy = busy_bar(self, self.tr("Signing the profile…"))
        layout.addWidget(self.busy)
        self.sign_note = NoticeLabel(self)
        self.sign_note.setObjectName("signNote")
        layout.addWidget(self.sign_note)

    def text(self) -> str:
        return self.edit.toPlainText()

    def _text_changed(self) -> None:
        # Until the pause-then-validate has run, the text on screen is unchecked: it must
        # not be signable in that moment.
        self._validated_text = None
        self._update_signable()
        self._timer.start()

    def validate_now(self) -> None:
        self._timer.stop()
        source = self.text()
        self._validated_text = source
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
        self._can_sign_text = not errors and (resign or not (profile and profile.signed))
        self._update_signable()
        self.summary.show_profile(self.profile)
        self.profileChanged.emit(self.profile)

    # -- signing ------------------------------------------------------------------------------

    def _update_signable(self) -> None:
        signable = (
            self._validated_text is not None
            and self._validated_text == self.text()
            and self._can_sign_text
            and not self._keys.busy
        )
        self.sign_button.setEnabled(signable)
        if signable != self.signable:
            self.signable = signable
            self.signableChanged.emit(signable)

    def sign(self) -> bool:
        """Start signing the text as it is now; returns whether signing started."""
        self.validate_now()
        if not self.signable:
            return False
        if self._keystore is None:
            from safenote.core.vault import SystemKeyStore

            self._keystore = SystemKeyStore()
        source, store, name = self.text(), self._keystore, self._name
        self.sign_note.clear()
        return self._keys.run(
            lambda: sign_with_keyring(source, store, name), self._signed, self._sign_failed
        )

    @property
    def signing(self) -> bool:
        """Whether a signature is being made (its text not yet in the editor)."""
        return self._keys.busy

    def wait_for_signing(self) -> None:
        self._keys.wait()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        # Read-only while signing, so the text signed is the text that gets replaced.
        self.edit.setReadOnly(busy)
        self._update_signable()

    def _signed(self, result: SignedProfile) -> None:
        if self.text() != result.source:  # replaced meanwhile (e.g. another file opened)
            self.sign_note.show_warning(
                self.tr("The profile changed while it was being signed; sign it again.")
            )
            return
        # One edit block: a single Undo brings back the text as it was before signing.
        cursor = QTextCursor(self.edit.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(result.text)
        cursor.endEditBlock()
        self.validate_now()
        made = made_keys_message(result.made)
        if made:
            self.sign_note.show_success(made)

    def _sign_failed(self, err: BaseException) -> None:
        self.sign_note.show_warning(signing_problem(err))
