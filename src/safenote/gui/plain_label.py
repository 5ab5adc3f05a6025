"""The one way the GUI shows text it did not write itself: a plain-text label."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str, parent: QWidget, name: str = "") -> QLabel:
    """A label that never interprets its text as markup, wrapping and selectable."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label
