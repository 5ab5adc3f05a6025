"""A draft's earlier versions: look at one, and bring it back if you want it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from safenote.core.vault import Draft, RevisionInfo

REVISION_ROLE = Qt.ItemDataRole.UserRole


class HistoryDialog(QDialog):
    previewRequested = Signal(int)
    restoreRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("Draft history"))
        self.setAccessibleName(self.tr("Draft history"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "SafeNote keeps the last 20 saved versions of this draft, encrypted. "
                "Restoring one keeps the current text in the history too."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.list = QListWidget(self)
        self.list.setObjectName("revisionList")
        self.list.setAccessibleName(self.tr("Saved versions"))
        self.list.setMaximumWidth(200)
        row.addWidget(self.list)
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("revisionPreview")
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Version preview"))
        row.addWidget(self.preview, 1)
        layout.addLayout(row, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("Restore this version"), self)
        self.restore_button.setObjectName("restoreRevision")
        self.restore_button.setAccessibleName(self.tr("Restore this version"))
        self.restore_button.setEnabled(False)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(self._on_current)
        self.restore_button.clicked.connect(self._restore)
        self.resize(640, 420)

    def set_history(self, history: list[RevisionInfo]) -> None:
        self.list.clear()
        for index, info in enumerate(history):
            label = self.tr("Version {} · {}").format(info.revision, info.saved_day)
            if index == 0:
                label = self.tr("{} (current)").format(label)
            item = QListWidgetItem(label)
            item.setData(REVISION_ROLE, info.revision)
            self.list.addItem(item)
        if not history:
            self.preview.setPlainText(self.tr("This draft hasn't been saved yet."))
        else:
            self.list.setCurrentRow(0)

    def set_preview(self, draft: Draft) -> None:
        if draft.revision == self.selected_revision():
            self.preview.setPlainText(draft.body)

    def selected_revision(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(REVISION_ROLE)) if item is not None else None

    def _on_current(self, item: QListWidgetItem | None, _previous: object) -> None:
        self.restore_button.setEnabled(item is not None and self.list.row(item) > 0)
        if item is not None:
            self.preview.setPlainText("")
            self.previewRequested.emit(int(item.data(REVISION_ROLE)))

    def _restore(self) -> None:
        revision = self.selected_revision()
        if revision is not None:
            self.restoreRequested.emit(revision)
            self.accept()
