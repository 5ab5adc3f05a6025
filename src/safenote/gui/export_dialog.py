"""Export: send a finished message out of SafeNote as an encrypted file, a locked PDF or
text for a secure portal.

The dialog gathers choices and hands the slow work (scrypt, PDF locking, the durable write)
to a background thread with a busy bar (:class:`KeyTaskRunner`). Guidance of ``caution`` or
``urgent`` severity is summarised at the top; it never blocks the export. Save dialogs are
SafeNote's private ones, so no recent-files trail is left behind.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from safenote.core.export.errors import ExportError
from safenote.core.export.keys import parse_recipient
from safenote.core.export.portal import prepare_portal_text
from safenote.gui.clipboard_guard import ClipboardGuard
from safenote.gui.export_jobs import ExportOutcome, encrypt_job, locked_pdf_job
from safenote.gui.export_options import AgeOptions, PdfOptions, PortalOptions
from safenote.gui.export_request import ExportRequest
from safenote.gui.export_summary import ExportFindingsSummary
from safenote.gui.file_dialogs import ask_save_path
from safenote.gui.key_tasks import KeyTaskRunner, busy_bar
from safenote.gui.notice import NoticeLabel
from safenote.gui.pdf_passphrase_panel import PdfPassphrasePanel
from safenote.gui.plain_label import plain_label
from safenote.gui.portal_dialog import PortalDialog

AGE, PDF, PORTAL = "age", "pdf", "portal"
# Neutral file names: a subject in a file name would show in folder listings and mail.
_SUGGESTED = {AGE: "message.age", PDF: "message.pdf"}
MIN_WIDTH = 540  # wide enough that the "who can open it" lines wrap to two lines at most


class ExportDialog(QDialog):
    exported = Signal(str, str)
    """(kind, path) after a file was written: kind is "age" or "pdf"."""
    portalOpened = Signal(object)
    """The :class:`PortalDialog` that now shows the parts (this dialog closes)."""

    def __init__(
        self,
        request: ExportRequest,
        parent: QWidget | None = None,
        *,
        clipboard: ClipboardGuard | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export message"))
        self.setAccessibleName(self.tr("Export message"))
        self.request = request
        self.clipboard = clipboard
        self.portal_dialog: PortalDialog | None = None
        self._keys = KeyTaskRunner(self)
        self._keys.busyChanged.connect(self._set_busy)

        layout = QVBoxLayout(self)
        self.summary = ExportFindingsSummary(request.findings, self)
        layout.addWidget(self.summary)
        layout.addWidget(self._build_formats())
        self.pages = QStackedWidget(self)
        self.age = AgeOptions(request.recipient_keys, request.recipient_name, self)
        self.portal = PortalOptions(request.portal_limit, self)
        if self.portal.profile_box.findData(request.portal_profile) >= 0:
            self.portal.choose(request.portal_profile)  # the portal chosen for the contact
        for page in (self.age, PdfOptions(self), self.portal):
            self.pages.addWidget(page)
        layout.addWidget(self.pages)
        self.notice = NoticeLabel(self)
        layout.addWidget(self.notice)
        self.pdf_panel = PdfPassphrasePanel(self)
        layout.addWidget(self.pdf_panel)
        self.busy = busy_bar(self, self.tr("Exporting"))
        layout.addWidget(self.busy)
        self.buttons = QDialogButtonBox(self)
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.export_button.setAutoDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAutoDefault(False)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setAccessibleName(self.tr("Close"))
        self.export_button.clicked.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._formats.idToggled.connect(self._format_changed)
        self.age.modeChanged.connect(self.grow_to_fit)
        self.setMinimumWidth(MIN_WIDTH)
        self._format_changed(0, True)

    # -- building ---------------------------------------------------------------------------

    def _build_formats(self) -> QGroupBox:
        box = QGroupBox(self.tr("How should it leave SafeNote?"), self)
        box.setObjectName("exportFormats")
        column = QVBoxLayout(box)
        self._formats = QButtonGroup(self)
        choices = (
            (
                AGE,
                self.tr("Encrypted &message (.age file)"),
                self.tr(
                    "Your therapist opens it with SafeNote or the free age or rage tools, "
                    "using their key or the passphrase you agree on."
                ),
            ),
            (
                PDF,
                self.tr("Password-protected P&DF"),
                self.tr(
                    "Opens in any PDF reader with a passphrase SafeNote makes for you; you "
                    "tell your therapist the passphrase by another route."
                ),
            ),
            (
                PORTAL,
                self.tr("Text for a secure p&ortal"),
                self.tr(
                    "To paste into your practice's portal, which protects it; anyone who "
                    "can sign in to that portal account can read it."
                ),
            ),
        )
        self.format_buttons: dict[str, QRadioButton] = {}
        for index, (kind, label, who) in enumerate(choices):
            button = QRadioButton(label, box)
            button.setObjectName(f"format_{kind}")
            button.setAccessibleName(label.replace("&", ""))
            button.setAccessibleDescription(who)
            line = plain_label(who, box, f"who_{kind}")
            line.setIndent(24)
            column.addWidget(button)
            column.addWidget(line)
            self._formats.addButton(button, index)
            self.format_buttons[kind] = button
        self.format_buttons[AGE].setChecked(True)
        return box

    # -- state ----------------------------------------------------------------------------

    @property
    def kind(self) -> str:
        return (AGE, PDF, PORTAL)[max(self._formats.checkedId(), 0)]

    def choose_format(self, kind: str) -> None:
        self.format_buttons[kind].setChecked(True)

    def _format_changed(self, index: int, checked: bool) -> None:
        if not checked:
            return
        self.pages.setCurrentIndex(index)
        self.export_button.setText(
            self.tr("Prepare te&xt…") if self.kind == PORTAL else self.tr("&Export…")
        )
        self.export_button.setAccessibleName(self.export_button.text().replace("&", ""))
        self.notice.clear()
        self.grow_to_fit()

    def grow_to_fit(self) -> None:
        """Grow taller when a notice, the passphrase or other fields appear, so wrapped
        text is never cut off (a dialog does not grow by itself for wrapping labels)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        width = self.width()
        need = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if need > self.height():
            self.resize(width, need)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.export_button, self.close_button, self.pages):
            widget.setEnabled(not busy)
        for button in self.format_buttons.values():
            button.setEnabled(not busy)

    @property
    def is_busy(self) -> bool:
        return self._keys.busy

    # -- exporting ---------------------------------------------------------------------------

    def start_export(self) -> None:
        if self._keys.busy:
            return
        self.notice.clear()
        if self.kind == AGE:
            self._export_age()
        elif self.kind == PDF:
            self._export_pdf()
        else:
            self._open_portal()

    def _export_age(self) -> None:
        passphrase: str | None = None
        recipients: list[str] = []
        age = self.age
        if age.by_key:
            recipients = age.recipients()
            if not recipients:
                self._problem(
                    self.tr(
                        "Add your therapist's public key (it starts with age1), or choose "
                        "to lock the message with a passphrase."
                    ),
                    age.keys,
                )
                return
            try:
                for key in recipients:
                    parse_recipient(key)
            except ExportError as err:
                self._problem(str(err), age.keys)
                return
        else:
            problem = age.passphrase.problem()
            if problem:
                self._problem(problem, age.passphrase.first)
                return
            passphrase = age.passphrase.passphrase()
        path = self.choose_save_path(_SUGGESTED[AGE], self.tr("Encrypted messages (*.age)"), "age")
        if not path:
            return
        job = encrypt_job(
            self.request.message(),
            Path(path),
            recipients=recipients,
            passphrase=passphrase,
            armored=age.armored.isChecked(),
        )
        self._keys.run(job, self._age_done, self._unexpected)

    def _age_done(self, outcome: ExportOutcome) -> None:
        if not outcome.ok:
            self._problem(outcome.problem, self.export_button)
            return
        how = (
            self.tr("Only your therapist's key opens it.")
            if self.age.by_key
            else self.tr("It opens with the passphrase you chose; share it by another route.")
        )
        self.notice.show_success(self.tr("Saved as {}. {}").format(outcome.path.name, how))
        self.grow_to_fit()
        self.exported.emit(AGE, str(outcome.path))

    def _export_pdf(self) -> None:
        path = self.choose_save_path(_SUGGESTED[PDF], self.tr("PDF files (*.pdf)"), "pdf")
        if not path:
            return
        # Qt lays the text out here on the GUI thread (fonts belong to it); locking and the
        # durable write, the slower part, go to the background. The unlocked PDF only ever
        # exists in memory.
        from safenote.gui.pdf_render import render_message_pdf

        pdf = render_message_pdf(self.request.message())
        self.pdf_panel.forget()
        self._keys.run(locked_pdf_job(pdf, Path(path)), self._pdf_done, self._unexpected)

    def _pdf_done(self, outcome: ExportOutcome) -> None:
        if not outcome.ok:
            self._problem(outcome.problem, self.export_button)
            return
        self.pdf_panel.show_passphrase(outcome.passphrase)
        self.grow_to_fit()
        self.exported.emit(PDF, str(outcome.path))

    def _open_portal(self) -> None:
        profile = self.portal.selected()
        if profile is None:
            self._problem(
                self.tr("SafeNote's portal settings are missing. Reinstall SafeNote."),
                self.portal.profile_box,
            )
            return
        try:
            profile = profile.with_limit(self.request.portal_limit)
            text = prepare_portal_text(self.request.body, profile, self.request.subject)
        except ExportError as err:
            self._problem(str(err), self.portal.profile_box)
            return
        guard = self.clipboard or ClipboardGuard(parent=self.parent() or self)
        dialog = PortalDialog(text, profile, guard, self.parentWidget())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.portal_dialog = dialog
        self.portalOpened.emit(dialog)
        dialog.open()
        self.accept()

    def _problem(self, message: str, focus: QWidget) -> None:
        self.notice.show_warning(message)
        self.grow_to_fit()
        focus.setFocus()

    def _unexpected(self, _err: BaseException) -> None:
        self._problem(
            self.tr("Something went wrong and nothing was saved. Please try again."),
            self.export_button,
        )

    def choose_save_path(self, suggested: str, name_filter: str, suffix: str) -> str | None:
        """Where to save (None: cancelled). Tests replace it on the instance."""
        return ask_save_path(
            self,
            self.tr("Save the exported message"),
            directory=str(Path.home() / suggested),
            name_filter=name_filter,
            default_suffix=suffix,
        )

    # -- closing ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.summary.announce_if_urgent()

    def reject(self) -> None:
        if self._keys.busy:
            return  # the file is half-written; closing now would hide how it ended
        super().reject()

    def done(self, result: int) -> None:
        self.pdf_panel.forget()
        self.age.forget_passphrase()
        super().done(result)
