"""The drafts sidebar: titles and last-edited times, search, new / delete, and the trash."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from safenote.core.vault import DraftListing

ID_ROLE = Qt.ItemDataRole.UserRole


def edited_text(when: datetime, now: datetime | None = None) -> str:
    """ "Today 14:05", or a short date: coarse enough to glance at."""
    local = when.astimezone()
    today = (now or datetime.now().astimezone()).date()
    locale = QLocale()
    clock = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    if local.date() == today:
        return QCoreApplication.translate("DraftsSidebar", "Today {}").format(clock)
    day = QDate(local.year, local.month, local.day)
    return locale.toString(day, QLocale.FormatType.ShortFormat)


class DraftsSidebar(QWidget):
    newRequested = Signal()
    openRequested = Signal(str)
    deleteRequested = Signal(str)
    restoreRequested = Signal(str)
    searchChanged = Signal(str)
    trashShown = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftsSidebar")
        self.setAccessibleName(self.tr("Drafts"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 12, 6, 10)
        layout.setSpacing(8)
        self.search = QLineEdit(self)
        self.search.setObjectName("draftSearch")
        self.search.setPlaceholderText(self.tr("Search drafts"))
        self.search.setAccessibleName(self.tr("Search drafts"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.list = QListWidget(self)
        self.list.setObjectName("draftList")
        self.list.setAccessibleName(self.tr("Drafts"))
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout.addWidget(self.list, 1)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New"), self)
        self.new_button.setObjectName("newDraft")
        self.new_button.setAccessibleName(self.tr("New draft"))
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("deleteDraft")
        self.delete_button.setAccessibleName(self.tr("Move draft to trash"))
        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.restore_button.setObjectName("restoreDraft")
        self.restore_button.setAccessibleName(self.tr("Restore draft from trash"))
        self.trash_button = QPushButton(self.tr("Trash"), self)
        self.trash_button.setObjectName("trashToggle")
        self.trash_button.setCheckable(True)
        self.trash_button.setAccessibleName(self.tr("Show trash"))
        for button in (self.new_button, self.delete_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.trash_button)
        layout.addLayout(buttons)
        # At least what the buttons need: longer translations and bigger text never clip.
        self.setMinimumWidth(max(190, self.minimumSizeHint().width()))

        self._drafts = DraftListing((), ())
        self._trash = DraftListing((), ())
        self._current = ""
        self._matches: set[str] | None = None
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(lambda: self.searchChanged.emit(self.search.text()))
        self.search.textChanged.connect(self._on_search_text)
        self.list.itemActivated.connect(self._open_item)
        self.list.itemClicked.connect(self._open_item)
        self.new_button.clicked.connect(self.newRequested)
        self.delete_button.clicked.connect(self._delete)
        self.restore_button.clicked.connect(self._restore)
        self.trash_button.toggled.connect(self._toggle_trash)
        self._refresh()

    @property
    def showing_trash(self) -> bool:
        return self.trash_button.isChecked()

    def set_drafts(self, listing: DraftListing) -> None:
        self._drafts = listing
        if not self.showing_trash:
            self._refresh()

    def set_trash(self, listing: DraftListing) -> None:
        self._trash = listing
        if self.showing_trash:
            self._refresh()

    def set_current(self, draft_id: str) -> None:
        self._current = draft_id
        self._select_current()

    def set_matches(self, query: str, ids: set[str]) -> None:
        if query != self.search.text():
            return  # an older search finished after a newer one started
        self._matches = ids if query.strip() else None
        self._refresh()

    def _on_search_text(self, text: str) -> None:
        if not text.strip():
            self._search_timer.stop()
            self._matches = None
            self._refresh()
        else:
            self._search_timer.start()

    def _refresh(self) -> None:
        listing = self._trash if self.showing_trash else self._drafts
        self.list.clear()
        for summary in listing.drafts:
            if self._matches is not None and summary.id not in self._matches:
                continue
            title = summary.title or self.tr("Untitled draft")
            when = edited_text(summary.updated)
            item = QListWidgetItem(f"{title}\n{when}")
            item.setData(ID_ROLE, summary.id)
            item.setToolTip(title)
            self.list.addItem(item)
        for failure in listing.failures:
            item = QListWidgetItem(self.tr("A draft that couldn't be opened"))
            item.setToolTip(failure.reason)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        trash = self.showing_trash
        self.restore_button.setVisible(trash)
        self.delete_button.setVisible(not trash)
        self.new_button.setEnabled(not trash)
        self._select_current()

    def _select_current(self) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == self._current:
                self.list.setCurrentItem(item)
                return
        self.list.clearSelection()

    def _selected_id(self) -> str:
        item = self.list.currentItem()
        return str(item.data(ID_ROLE) or "") if item is not None else ""

    def _open_item(self, item: QListWidgetItem) -> None:
        draft_id = str(item.data(ID_ROLE) or "")
        if draft_id and not self.showing_trash:
            self.openRequested.emit(draft_id)

    def _delete(self) -> None:
        draft_id = self._selected_id() or self._current
        if draft_id:
            self.deleteRequested.emit(draft_id)

    def _restore(self) -> None:
        draft_id = self._selected_id()
        if draft_id:
            self.restoreRequested.emit(draft_id)
            self.trash_button.setChecked(False)

    def _toggle_trash(self, shown: bool) -> None:
        self.trash_button.setText(self.tr("Back to drafts") if shown else self.tr("Trash"))
        self.trash_button.setAccessibleName(
            self.tr("Back to drafts") if shown else self.tr("Show trash")
        )
        self._refresh()
        self.trashShown.emit(shown)
