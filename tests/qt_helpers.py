"""Helpers for driving Qt widgets in tests."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` one key event per character.

    ``qtbot.keyClicks`` trips a Qt assertion (and aborts the process) on any non-ASCII
    character, so this sends press/release events carrying the character's text directly.
    Newlines become Return presses, as a person would type them.
    """
    for ch in text:
        key = Qt.Key.Key_Return if ch == "\n" else Qt.Key.Key_unknown
        payload = "\r" if ch == "\n" else ch
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, int(key.value), Qt.KeyboardModifier.NoModifier, payload)
            QCoreApplication.sendEvent(widget, event)
