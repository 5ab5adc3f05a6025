"""Portal text, part by part: copy each one into the practice's secure portal in order.

Each part has its own "Copy part N" button. Copies go through the :class:`ClipboardGuard`
(cleared after 30 seconds, and only if SafeNote's text is still on the clipboard). Saving
the text as a file is possible, after a warning that the file is not encrypted, and uses
SafeNote's save dialog that leaves no recent-files trail.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from safenote.core.export.portal import PortalProfile, PortalText
from safenote.gui.clipboard_guard import ClipboardGuard, clipboard_manager_note
from safenote.gui.export_jobs import ExportOutcome, text_job
from safenote.gui.file_dialogs import ask_save_path
from safenote.gui.key_tasks import KeyTaskRunner, busy_bar
from safenote.gui.notice import NoticeLabel
from safenote.gui.plain_label import plain_label

# A part's box shows this many lines before it scrolls (the whole part is still copied).
_PART_LINES = 5


def unencrypted_warning() -> str:
    """Core's :data:`UNENCRYPTED_TEXT_WARNING`, spelled out so it can be translated (a test
    keeps the two the same)."""
    return QCoreApplication.translate(
        "PortalDialog",
        "This file is not encrypted: anyone who can open your files can read it. "
        "Delete it once you have pasted it into the portal.",
    )


def portal_file_text(text: PortalText) -> str:
    """What "Save as .txt" writes: the subject line, then the parts in order."""
    blocks = [f"Subject: {text.subject}"] if text.subject else []
    blocks.extend(text.parts)
    return "\n\n".join(blocks) + "\n"


class PortalDialog(QDialog):
    partCopied = Signal(int)
    """The 1-based number of the part just copied (0 for the subject)."""
    saved = Signal(str)
    """The path the text was saved to as a .txt file."""

    def __init__(
        self,
        text: PortalText,
        profile: PortalProfile,
        clipboard: ClipboardGuard,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("portalDialog")
        self.setWindowTitle(self.tr("Text for your portal"))
        self.setAccessibleName(self.tr("Text for your portal"))
        self.text = text
        self.profile = profile
        self.clipboard = clipboard
        self._keys = KeyTaskRunner(self)
        self._keys.busyChanged.connect(self._set_busy)
        self.copy_buttons: list[QPushButton] = []
        self.part_views: list[QPlainTextEdit] = []
        self.subject_button: QPushButton | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self._intro(), self, "portalIntro"))
        layout.addWidget(plain_label(clipboard_manager_note(), self, "clipboardNote"))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setObjectName("portalParts")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self._build_parts())
        layout.addWidget(scroll, 1)
        self.notice = NoticeLabel(self)
        layout.addWidget(self.notice)
        self.busy = busy_bar(self, self.tr("Saving"))
        layout.addWidget(self.busy)
        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("Save as .&txt…"), self)
        self.save_button.setObjectName("saveTextButton")
        self.save_button.setAccessibleName(self.tr("Save as text file"))
        self.save_button.setAccessibleDescription(unencrypted_warning())
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_as_text)
        self.save_button.setEnabled(bool(text.parts))  # an empty message: nothing to save
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAutoDefault(False)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 560)
        if self.copy_buttons:
            self.copy_buttons[0].setFocus()

    def _intro(self) -> str:
        count = len(self.text.parts)
        if count == 0:
            return self.tr("There is no text to paste yet: the message is empty.")
        if count == 1:
            return self.tr("Ready for {}: copy the message and paste it into the portal.").format(
                self.profile.name
            )
        return self.tr(
            "Ready for {}: the message is split into {} parts to fit the portal's limit. "
            "Paste them in order, one portal message each; each part starts with its number."
        ).format(self.profile.name, count)

    def _build_parts(self) -> QWidget:
        holder = QWidget(self)
        grid = QGridLayout(holder)
        row = 0
        if self.text.subject:
            subject = QLineEdit(self.text.subject, holder)
            subject.setObjectName("portalSubject")
            subject.setReadOnly(True)
            subject.setAccessibleName(self.tr("Subject"))
            self.subject_button = QPushButton(self.tr("Copy &subject"), holder)
            self.subject_button.setObjectName("copySubject")
            self.subject_button.setAccessibleName(self.tr("Copy subject"))
            self.subject_button.clicked.connect(self.copy_subject)
            grid.addWidget(plain_label(self.tr("Subject"), holder), row, 0)
            grid.addWidget(subject, row + 1, 0)
            grid.addWidget(self.subject_button, row + 1, 1, Qt.AlignmentFlag.AlignTop)
            row += 2
        total = len(self.text.parts)
        for index, part in enumerate(self.text.parts, start=1):
            heading = self.tr("Part {} of {} ({} characters)").format(index, total, len(part))
            grid.addWidget(plain_label(heading, holder, f"partHeading{index}"), row, 0)
            view = QPlainTextEdit(holder)
            view.setObjectName(f"part{index}")
            view.setReadOnly(True)
            view.setPlainText(part)
            view.setTabChangesFocus(True)
            view.setAccessibleName(self.tr("Part {} of {}").format(index, total))
            view.setMaximumHeight(view.fontMetrics().lineSpacing() * _PART_LINES + 12)
            button = QPushButton(self.tr("Copy part {}").format(index), holder)
            button.setObjectName(f"copyPart{index}")
            button.setAccessibleName(self.tr("Copy part {} of {}").format(index, total))
            button.setProperty("part", index)
            # One slot for all buttons (a lambda per button would tie the dialog into a
            # reference cycle that only the garbage collector can break).
            button.clicked.connect(self._copy_clicked)
            grid.addWidget(view, row + 1, 0)
            grid.addWidget(button, row + 1, 1, Qt.AlignmentFlag.AlignTop)
            self.part_views.append(view)
            self.copy_buttons.append(button)
            row += 2
        grid.setRowStretch(row, 1)
        return holder

    # -- copying ----------------------------------------------------------------------------

    def _copy_clicked(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton):
            self.copy_part(int(button.property("part")))

    def copy_part(self, number: int) -> None:
        """Put part ``number`` (1-based) on the clipboard; it clears itself later."""
        self.clipboard.copy(self.text.parts[number - 1])
        total = len(self.text.parts)
        self.notice.show_success(
            self.tr("Part {} of {} copied. Paste it into the portal now.").format(number, total)
            if total > 1
            else self.tr("Message copied. Paste it into the portal now.")
        )
        self.partCopied.emit(number)

    def copy_subject(self) -> None:
        if self.text.subject:
            self.clipboard.copy(self.text.subject)
            self.notice.show_success(self.tr("Subject copied."))
            self.partCopied.emit(0)

    # -- saving -----------------------------------------------------------------------------

    def save_as_text(self) -> None:
        if self._keys.busy or not self.confirm_unencrypted():
            return
        path = self.choose_save_path()
        if not path:
            return
        self._keys.run(text_job(portal_file_text(self.text), Path(path)), self._saved, self._failed)

    def _saved(self, outcome: ExportOutcome) -> None:
        if not outcome.ok:
            self.notice.show_warning(outcome.problem)
            return
        self.notice.show_info(
            self.tr("Saved as {}.").format(outcome.path.name) + " " + unencrypted_warning()
        )
        self.saved.emit(str(outcome.path))

    def _failed(self, _err: BaseException) -> None:
        self.notice.show_warning(
            self.tr("Something went wrong and nothing was saved. Please try again.")
        )

    def confirm_unencrypted(self) -> bool:
        """Warn that the file won't be encrypted; True if the person saves anyway."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not encrypted"), "", parent=self)
        box.setObjectName("unencryptedWarning")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Save the portal text as an ordinary file?"))
        box.setInformativeText(unencrypted_warning())
        save = box.addButton(self.tr("Save anyway"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is save

    def choose_save_path(self) -> str | None:
        """Where to save (None: cancelled). Tests replace it on the instance."""
        return ask_save_path(
            self,
            self.tr("Save the portal text"),
            directory=str(Path.home() / "portal-message.txt"),
            name_filter=self.tr("Text files (*.txt)"),
            default_suffix="txt",
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.save_button.setEnabled(not busy and bool(self.text.parts))

    def reject(self) -> None:
        if self._keys.busy:
            return
        super().reject()
