"""F1: a short page on what the guidance means and how your words are kept safe."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("SafeNote help"))
        self.setAccessibleName(self.tr("SafeNote help"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpText")
        self.browser.setAccessibleName(self.tr("Help text"))
        self.browser.setOpenLinks(False)
        self.browser.setHtml(self._page())
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def _page(self) -> str:
        sections = [
            (
                self.tr("Writing"),
                [
                    self.tr(
                        "Write as you would in an email. Choose who it's to and how you'll send "
                        "it at the top; SafeNote tailors its suggestions to that."
                    ),
                    self.tr(
                        "Your draft saves itself, encrypted, a moment after you stop typing, "
                        "and when you close SafeNote. Ctrl+S saves right away."
                    ),
                ],
            ),
            (
                self.tr("Guidance"),
                [
                    self.tr(
                        "Suggestions appear on the right as you type. A dotted underline with a "
                        "round icon is a tip; a wavy underline with a triangle is something "
                        "worth knowing before you send, such as privacy or how quickly you'll "
                        "get a reply."
                    ),
                    self.tr(
                        'Click a card to see the words it\'s about; "Why?" explains the reason '
                        "and where it comes from. A fix button makes the change for you, and "
                        "Undo takes it back. Dismiss hides a suggestion for this draft."
                    ),
                    self.tr(
                        "If your words suggest you might not be safe, a panel with crisis lines "
                        "for your region stays at the top. It never stops you writing or saving, "
                        "and SafeNote never contacts anyone. You can collapse it."
                    ),
                ],
            ),
            (
                self.tr("Your words stay private"),
                [
                    self.tr(
                        "Drafts, names, subjects and contacts are encrypted on this computer. The "
                        "key is kept in your system's keyring; your recovery code opens your "
                        "drafts if that key is ever lost. SafeNote has no network code at all: "
                        "nothing is sent anywhere unless you export it."
                    ),
                    self.tr(
                        "Encryption protects drafts at rest. It can't stop someone who can use "
                        "this computer while you're signed in, or software that watches the "
                        "keyboard or screen."
                    ),
                ],
            ),
        ]
        parts = []
        for heading, paragraphs in sections:
            parts.append(f"<h3>{escape(heading)}</h3>")
            parts.extend(f"<p>{escape(p)}</p>" for p in paragraphs)
        return "".join(parts)
