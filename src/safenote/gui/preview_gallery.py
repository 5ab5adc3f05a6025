"""The preview's gallery: sample messages a therapist can load to see guidance fire."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from safenote.core.practice.gallery import Sample, load_gallery


class PreviewGallery(QListWidget):
    """One row per sample; choosing a row emits the sample."""

    sampleChosen = Signal(object)
    """The :class:`Sample` the therapist picked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewGallery")
        self.setAccessibleName(self.tr("Sample messages"))
        self.samples = load_gallery()
        for sample in self.samples:
            item = QListWidgetItem(sample.title, self)
            item.setData(Qt.ItemDataRole.UserRole, sample)
            item.setToolTip(self.tr("Shows: {}").format(", ".join(sample.shows)))
        self.currentItemChanged.connect(self._chosen)

    def _chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.sampleChosen.emit(current.data(Qt.ItemDataRole.UserRole))

    def choose(self, index: int) -> Sample:
        self.setCurrentRow(index)
        sample: Sample = self.samples[index]
        return sample
