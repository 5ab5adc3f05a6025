"""The pages of the first-run wizard, one class each; the wizard moves between them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from safenote.gui.passphrase_fields import PassphraseFields
from safenote.gui.recovery_kit import group_code
from safenote.gui.region_combo import RegionCombo


def _text(parent: QWidget, text: str, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    return label


def _heading(parent: QWidget, text: str) -> QLabel:
    label = _text(parent, text, "pageHeading")
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.3)
    label.setFont(font)
    return label


class WelcomePage(QWidget):
    """What SafeNote does and doesn't do, in plain words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        layout = QVBoxLayout(self)
        self.heading = _heading(self, self.tr("Welcome to SafeNote"))
        layout.addWidget(self.heading)
        points = [
            self.tr(
                "SafeNote helps you write to your therapist between sessions, with gentle "
                "suggestions as you type."
            ),
            self.tr(
                "Your drafts are encrypted and stay on this computer. The key is kept in your "
                "system's keyring (or behind a passphrase, if you prefer)."
            ),
            self.tr(
                "SafeNote never uses the internet and never sends anything by itself. You "
                "decide what to send, and how."
            ),
            self.tr(
                "The suggestions are advice, not a clinician. In a crisis, SafeNote shows you "
                "who to contact right away."
            ),
            self.tr(
                "Encryption can't protect you from monitoring software or from someone using "
                "this computer while you are logged in. SafeNote can lock itself and hide "
                "quickly, which helps against someone looking over your shoulder."
            ),
        ]
        self.points = [_text(self, "\u2022 " + point) for point in points]
        for label in self.points:
            layout.addWidget(label)
        layout.addStretch(1)


class KeyPage(QWidget):
    """Where the key to the drafts is kept: the system keyring, or a passphrase."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyPage")
        layout = QVBoxLayout(self)
        self.heading = _heading(self, self.tr("Where should the key to your drafts live?"))
        layout.addWidget(self.heading)
        self.keyring = QRadioButton(self.tr("In my system &keyring (recommended)"), self)
        self.keyring.setObjectName("useKeyring")
        self.keyring.setAccessibleDescription(
            self.tr("SafeNote opens without asking while you are logged in")
        )
        self.passphrase = QRadioButton(self.tr("Behind a &passphrase I type each time"), self)
        self.passphrase.setObjectName("usePassphrase")
        self.passphrase.setAccessibleDescription(
            self.tr("For computers without a working keyring, or shared logins")
        )
        group = QButtonGroup(self)
        group.addButton(self.keyring)
        group.addButton(self.passphrase)
        self.keyring.setChecked(True)
        layout.addWidget(self.keyring)
        layout.addWidget(
            _text(
                self,
                self.tr(
                    "The keyring unlocks when you log in, so SafeNote opens straight away. "
                    "Anyone using your logged-in account could open it too."
                ),
            )
        )
        layout.addWidget(self.passphrase)
        layout.addWidget(
            _text(
                self,
                self.tr(
                    "Choose this if your computer has no working keyring, or if others use "
                    "your account. If you forget the passphrase, your recovery code still "
                    "works."
                ),
            )
        )
        self.fields = PassphraseFields(self)
        self.fields.setVisible(False)
        self.passphrase.toggled.connect(self.fields.setVisible)
        layout.addWidget(self.fields)
        self.no_keyring = _text(
            self,
            self.tr(
                "SafeNote couldn't find a usable keyring on this computer, so your drafts "
                "will be opened with a passphrase."
            ),
            "noKeyringNote",
        )
        self.no_keyring.hide()
        layout.addWidget(self.no_keyring)
        layout.addStretch(1)

    def use_passphrase(self) -> bool:
        return self.passphrase.isChecked()

    def keyring_unusable(self) -> None:
        """No real keyring here: choose the passphrase and say why."""
        self.passphrase.setChecked(True)
        self.keyring.setEnabled(False)
        self.no_keyring.show()


class CodePage(QWidget):
    """The recovery code, shown once, grouped, with Save as PDF and Print."""

    saveRequested = Signal()
    printRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codePage")
        layout = QVBoxLayout(self)
        self.heading = _heading(self, self.tr("Your recovery code"))
        layout.addWidget(self.heading)
        layout.addWidget(
            _text(
                self,
                self.tr(
                    "If the key to your drafts is ever lost (a new computer, a reset keyring, "
                    "a forgotten passphrase), this code is the only way back to them. Write it "
                    "down, print it or save it, and keep it away from this computer. It is "
                    "shown only now."
                ),
            )
        )
        self.code = QLabel(self)
        self.code.setObjectName("recoveryCode")
        self.code.setTextFormat(Qt.TextFormat.PlainText)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setWordWrap(True)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.5)
        font.setBold(True)
        self.code.setFont(font)
        layout.addWidget(self.code)
        row = QHBoxLayout()
        self.save = QPushButton(self.tr("&Save as PDF…"), self)
        self.save.setObjectName("saveKit")
        self.save.setAccessibleDescription(self.tr("Save a one-page recovery kit as a PDF file"))
        self.save.clicked.connect(self.saveRequested)
        self.print = QPushButton(self.tr("P&rint…"), self)
        self.print.setObjectName("printKit")
        self.print.setAccessibleDescription(self.tr("Print a one-page recovery kit"))
        self.print.clicked.connect(self.printRequested)
        row.addWidget(self.save)
        row.addWidget(self.print)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def set_code(self, code: str) -> None:
        groups = group_code(code)
        self.code.setText("  ".join(groups[:4]) + "\n" + "  ".join(groups[4:]))
        # Read out group by group; the label's own text keeps the visual layout.
        self.code.setAccessibleName(self.tr("Recovery code"))
        self.code.setAccessibleDescription(", ".join(" ".join(g) for g in groups))


class TypeBackPage(QWidget):
    """The person types the code back, so we know they really have it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("typeBackPage")
        layout = QVBoxLayout(self)
        self.heading = _heading(self, self.tr("Type your recovery code back"))
        layout.addWidget(self.heading)
        layout.addWidget(
            _text(
                self,
                self.tr(
                    "Type the code from your copy, to be sure it is complete and readable. "
                    "Capital letters, dashes and spaces don't matter."
                ),
            )
        )
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.typed = QLineEdit(self)
        self.typed.setObjectName("typedCode")
        self.typed.setAccessibleName(self.tr("Recovery code, typed back"))
        self.typed.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        form.addRow(self.tr("&Recovery code:"), self.typed)
        layout.addLayout(form)
        layout.addStretch(1)


class AboutYouPage(QWidget):
    """Optional: the name to sign with and the region for crisis resources."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutYouPage")
        layout = QVBoxLayout(self)
        self.heading = _heading(self, self.tr("A little about you (optional)"))
        layout.addWidget(self.heading)
        layout.addWidget(
            _text(
                self,
                self.tr(
                    "Both are optional and are kept encrypted with your drafts. Your name helps "
                    "suggestions about signing off; your region picks the crisis lines "
                    "SafeNote shows."
                ),
            )
        )
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name = QLineEdit(self)
        self.name.setObjectName("senderName")
        self.name.setAccessibleName(self.tr("Your name"))
        self.region = RegionCombo(self)
        form.addRow(self.tr("Your &name:"), self.name)
        form.addRow(self.tr("&Region:"), self.region)
        layout.addLayout(form)
        layout.addStretch(1)
