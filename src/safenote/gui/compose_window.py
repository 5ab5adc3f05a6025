"""The main window: drafts, header, message editor, guidance, crisis panel, status bar.

It only arranges widgets and connects them to the controller: widgets emit what the person
did, the controller answers with signals, and the window hands those to the widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from safenote import APP_NAME
from safenote.core.vault import Contact, Draft
from safenote.gui.controller import ComposeController
from safenote.gui.crisis_panel import CrisisPanel
from safenote.gui.drafts_sidebar import DraftsSidebar
from safenote.gui.guidance_panel import GuidancePanel
from safenote.gui.guidance_worker import Guidance
from safenote.gui.header_bar import HeaderBar
from safenote.gui.message_counts import count_words
from safenote.gui.message_editor import MessageEditor
from safenote.gui.restyle import restyle
from safenote.gui.status_bar import ComposeStatusBar

if TYPE_CHECKING:  # the engine loads on the guidance thread; dialogs load when opened
    from PySide6.QtWidgets import QMessageBox

    from safenote.core.policy import Fix
    from safenote.gui.contact_dialog import ContactDialog
    from safenote.gui.help_dialog import HelpDialog
    from safenote.gui.help_now_dialog import HelpNowDialog
    from safenote.gui.history_dialog import HistoryDialog

__all__ = ["ComposeWindow", "count_words"]

COUNTS_MS = 150  # counting 10,000 words on every key would cost more than the key itself
# After the first draft opens, the guidance engine takes a few hundred milliseconds to load
# on its thread: the GUI thread uses a moment of that wait to load what showing findings
# needs (cards, icons, underlines), which start-up itself does not.
PREPARE_MS = 100


def _now(show: Callable[[], object]) -> None:
    show()


class ComposeWindow(QMainWindow):
    """Where a client writes. The title stays neutral: never a draft's title."""

    def __init__(
        self, controller: ComposeController | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("composeWindow")
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(self.tr("SafeNote compose window"))
        self.controller = controller or ComposeController(parent=self)
        self.sidebar = DraftsSidebar(self)
        self.header = HeaderBar(self)
        self.editor = MessageEditor(self)
        self.crisis = CrisisPanel(self)
        self._prepared = False  # the guidance display is loaded once, after the first draft
        self.guidance = GuidancePanel(self)
        self.status = ComposeStatusBar(self)
        self.setStatusBar(self.status)
        self.counts = self.status.counts
        self.history_dialog: HistoryDialog | None = None
        self._quit_box: QMessageBox | None = None  # asking before a quit loses words
        self._quit_anyway = False
        # How to show a box that may come while the window is locked (a save failing as the
        # idle lock falls): the privacy session makes it wait for the unlock.
        self.when_unlocked: Callable[[Callable[[], object]], None] = _now
        self._guidance: list[Guidance] = []
        self._urgent: list[Guidance] = []

        centre = QWidget(self)
        centre.setObjectName("centralArea")
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        centre_layout.addWidget(self.header)
        editor_box = QVBoxLayout()
        editor_box.setContentsMargins(16, 4, 16, 12)
        editor_box.addWidget(self.editor)
        centre_layout.addLayout(editor_box, 1)
        self._centre_layout = centre_layout
        right = QWidget(self)
        right.setObjectName("guidanceColumn")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 12, 12, 0)
        right_layout.setSpacing(10)
        right_layout.addWidget(self.crisis)
        right_layout.addWidget(self.guidance, 1)
        # Always there, whatever the guidance detects: no phrase list catches every way a
        # person says they are not safe.
        self.help_now_button = QPushButton(self.tr("Need help now?"), right)
        self.help_now_button.setObjectName("helpNowButton")
        self.help_now_button.setAccessibleName(self.tr("Need help now?"))
        self.help_now_button.setAccessibleDescription(
            self.tr("Shows crisis lines for your region. SafeNote never contacts anyone.")
        )
        self.help_now_button.clicked.connect(self.show_help_now)
        right_layout.addWidget(self.help_now_button, 0, Qt.AlignmentFlag.AlignLeft)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("composeSplitter")
        splitter.addWidget(self.sidebar)
        splitter.addWidget(centre)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 1)
        splitter.setSizes([220, 640, 320])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

        self._counts_timer = QTimer(self, singleShot=True, interval=COUNTS_MS)
        self._counts_timer.timeout.connect(self._update_counts)
        self._build_actions()
        self._connect()
        self._update_counts()
        self.resize(1180, 720)
        if not self.controller.opened:
            # Until a draft is open, typing would have nowhere to go, and the draft's
            # arrival would replace it: the editor waits, whichever path built the window.
            self.set_waiting(QCoreApplication.translate("Startup", "Opening your drafts…"))
        self.editor.setFocus()

    # -- wiring -------------------------------------------------------------------------------

    def _connect(self) -> None:
        c = self.controller
        c.set_text_source(self.editor.toPlainText)
        self.editor.textChanged.connect(c.edited)
        self.editor.textChanged.connect(self._counts_timer.start)
        c.draftOpened.connect(self._on_draft_opened)
        c.headerUpdated.connect(self.header.set_draft)
        c.guidanceChanged.connect(self._on_guidance)
        c.crisisChanged.connect(self._on_crisis)
        c.guidanceUnavailable.connect(self.guidance.set_unavailable)
        c.saveStateChanged.connect(self.status.set_save_state)
        c.characterLimitChanged.connect(self._on_character_limit)
        c.contactsChanged.connect(self.header.set_contacts)
        c.draftsListed.connect(self.sidebar.set_drafts)
        c.trashListed.connect(self.sidebar.set_trash)
        c.searchFinished.connect(self.sidebar.set_matches)
        c.problem.connect(self.show_problem)

        self.guidance.activated.connect(self.show_guidance_target)
        self.crisis.activated.connect(self.show_guidance_target)
        self.guidance.fixRequested.connect(self.apply_fix)
        self.guidance.dismissRequested.connect(c.dismiss)
        self.guidance.restoreDismissedRequested.connect(c.restore_dismissed)

        self.header.contactChosen.connect(lambda cid: c.set_header(contact_id=cid))
        self.header.channelChosen.connect(lambda ch: c.set_header(channel=ch))
        self.header.subjectEdited.connect(lambda s: c.set_header(subject=s))
        self.header.ccEdited.connect(lambda cc: c.set_header(cc=cc))
        self.header.addContactRequested.connect(lambda: self.edit_contact(None))
        self.header.editContactRequested.connect(lambda cid: self.edit_contact(c.contact(cid)))

        self.sidebar.newRequested.connect(c.new_draft)
        self.sidebar.openRequested.connect(c.open_draft)
        self.sidebar.deleteRequested.connect(c.delete_draft)
        self.sidebar.restoreRequested.connect(c.restore_draft)
        self.sidebar.searchChanged.connect(c.search)
        self.sidebar.trashShown.connect(lambda shown: c.list_trash() if shown else None)

    def _action(self, text: str, keys: QKeySequence | QKeySequence.StandardKey | str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&New draft"), keys.New)
        self.new_action.triggered.connect(self.controller.new_draft)
        self.save_action = self._action(self.tr("&Save"), keys.Save)
        self.save_action.triggered.connect(self.controller.save_now)
        self.history_action = self._action(self.tr("&History…"), "Ctrl+Shift+H")
        self.history_action.triggered.connect(self.show_history)
        self.quit_action = self._action(self.tr("&Quit"), keys.Quit)
        self.quit_action.triggered.connect(self.close)
        self.undo_action = self._action(self.tr("&Undo"), keys.Undo)
        self.undo_action.triggered.connect(self.editor.undo)
        self.redo_action = self._action(self.tr("&Redo"), keys.Redo)
        self.redo_action.triggered.connect(self.editor.redo)
        self.find_action = self._action(self.tr("&Find in drafts"), keys.Find)
        self.find_action.triggered.connect(self.sidebar.search.setFocus)
        self.zoom_in_action = self._action(self.tr("Zoom &in"), keys.ZoomIn)
        self.zoom_in_action.triggered.connect(lambda: self.editor.zoomIn(1))
        self.zoom_out_action = self._action(self.tr("Zoom &out"), keys.ZoomOut)
        self.zoom_out_action.triggered.connect(lambda: self.editor.zoomOut(1))
        self.help_action = self._action(self.tr("SafeNote &help"), keys.HelpContents)
        self.help_action.triggered.connect(self.show_help)
        self.help_now_action = self._action(self.tr("Need help &now?"), "")
        self.help_now_action.triggered.connect(self.show_help_now)
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        for action in (self.new_action, self.save_action, self.history_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        # File > Export… (Ctrl+E), before Quit; the dialog itself loads when first used.
        from safenote.gui.export_action import install_export_action

        self.export_action = install_export_action(self)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        for action in (self.undo_action, self.redo_action, self.find_action):
            edit_menu.addAction(action)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.zoom_in_action)
        view_menu.addAction(self.zoom_out_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.help_now_action)
        help_menu.addAction(self.help_action)
        # For therapists: the guidance preview and the message viewer (loaded when used).
        from safenote.gui.therapist_menu import add_therapist_menu

        self.therapist_menu = add_therapist_menu(self, before=help_menu.menuAction())

    # -- what the controller says ---------------------------------------------------------

    def set_waiting(self, message: str) -> None:
        """Hold typing while drafts open (or can't): text typed now would have nowhere to go."""
        self.editor.setReadOnly(bool(message))
        self.editor.setPlaceholderText(message or self.tr("Write your message here…"))
        restyle(self.editor)

    def add_banner(self, banner: QWidget) -> None:
        """Show a non-blocking notice above the message header (e.g. a reminder)."""
        self._centre_layout.insertWidget(0, banner)

    def _on_draft_opened(self, draft: Draft) -> None:
        if not self._prepared:
            self._prepared = True
            QTimer.singleShot(PREPARE_MS, self, self._prepare_guidance)
        self.set_waiting("")
        self.editor.setPlainText(draft.body)
        self.editor.show_guidance([])
        self.header.set_draft(draft)
        self.sidebar.set_current(draft.id)
        self.guidance.set_dismissed_count(len(draft.dismissed_rule_ids))
        self._update_counts()
        self.editor.setFocus()

    def _prepare_guidance(self) -> None:
        self.editor.prepare()
        self.guidance.prepare()

    def _on_guidance(self, guidance: list[Guidance]) -> None:
        self._guidance = guidance
        self._refresh_guidance()

    def _on_crisis(self, urgent: list[Guidance]) -> None:
        # The controller always sends guidanceChanged right after this; it redraws both.
        self._urgent = urgent
        self.crisis.show_crisis(urgent)

    def _refresh_guidance(self) -> None:
        self.editor.show_guidance(self._urgent + self._guidance)
        self.guidance.show_guidance(self._guidance)
        flags: dict[str, str] = {}
        for item in self._guidance + self._urgent:
            if item.finding.field is not None:
                flags.setdefault(item.finding.field.value, item.finding.message)
        self.header.flag_fields(flags)
        self.guidance.set_dismissed_count(len(self.controller.draft.dismissed_rule_ids))

    def _on_character_limit(self, limit: int | None) -> None:
        self.status.limit = limit
        self._update_counts()

    def _update_counts(self) -> None:
        self.status.set_text(self.editor.toPlainText())

    def show_problem(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # its enums load with the first problem

        self.status.showMessage(message, 15000)
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, message, parent=self)
        box.setObjectName("problemDialog")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.when_unlocked(box.open)

    # -- what the person does -------------------------------------------------------------

    def show_guidance_target(self, guidance: Guidance) -> None:
        if guidance.finding.field is not None:
            self.header.focus_field(guidance.finding.field)
        else:
            self.editor.select_span(guidance)

    def apply_fix(self, guidance: Guidance, fix: Fix) -> None:
        if not self.editor.apply_fix(guidance, fix):
            self.status.showMessage(self.tr("That text has changed, so the fix wasn't applied."))

    def edit_contact(self, contact: Contact | None) -> ContactDialog:
        from safenote.gui.contact_dialog import ContactDialog

        dialog = ContactDialog(contact, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.controller.save_contact(dialog.contact()))
        dialog.open()
        return dialog

    def show_history(self) -> HistoryDialog:
        from safenote.gui.history_dialog import HistoryDialog

        dialog = HistoryDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        c = self.controller
        c.historyLoaded.connect(dialog.set_history)
        c.revisionLoaded.connect(dialog.set_preview)
        dialog.previewRequested.connect(c.preview_revision)
        dialog.restoreRequested.connect(c.restore_revision)
        dialog.finished.connect(lambda _: self._forget_history(dialog))
        self.history_dialog = dialog
        dialog.open()
        c.load_history()
        return dialog

    def _forget_history(self, dialog: HistoryDialog) -> None:
        c = self.controller
        c.historyLoaded.disconnect(dialog.set_history)
        c.revisionLoaded.disconnect(dialog.set_preview)
        self.history_dialog = None

    def show_help(self) -> HelpDialog:
        from safenote.gui.help_dialog import HelpDialog

        dialog = HelpDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_help_now(self) -> HelpNowDialog:
        from safenote.gui.help_now_dialog import HelpNowDialog

        practice = self.controller.context().practice
        dialog = HelpNowDialog(
            region=self.controller.settings.region,
            therapist_instructions=practice.crisis_instructions if practice else "",
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._quit_anyway or self.controller.flush():
            super().closeEvent(event)
            return
        # Some words could not be saved (disk full, no permission): quitting would lose
        # them, so the window stays open until the person says what to do.
        event.ignore()
        self._ask_before_losing_words()

    def _ask_before_losing_words(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        if self._quit_box is not None:
            self._quit_box.setInformativeText(self._quit_advice())
            self.when_unlocked(self._quit_box.open)
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            APP_NAME,
            self.tr("Some of your words couldn't be saved, and quitting now would lose them."),
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
            self,
        )
        box.setObjectName("unsavedQuitBox")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(self._quit_advice())
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Keep SafeNote open"))
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Quit and lose them"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)

        def answered(button: object) -> None:
            self._quit_box = None
            if button is box.button(QMessageBox.StandardButton.Discard):
                self._quit_anyway = True
                self.close()

        box.buttonClicked.connect(answered)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._quit_box = box
        self.when_unlocked(box.open)

    def _quit_advice(self) -> str:
        return (
            self.controller.save_error
            + "\n\n"
            + self.tr(
                "Keep SafeNote open, free some disk space or check that your account can "
                "write to SafeNote's folder, then quit again: SafeNote saves everything first."
            )
        )
