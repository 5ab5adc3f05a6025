"""The "For therapists" menu: the guidance preview and the message viewer.

Kept apart from the compose window so that window stays light: the preview (which loads
the guidance engine) and the viewer are imported only when a therapist picks them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

if TYPE_CHECKING:
    from safenote.core.vault import KeyStore


class TherapistMenu(QMenu):
    def __init__(self, window: QMainWindow, keystore: KeyStore | None = None) -> None:
        super().__init__(window)
        # Where the therapist's keys live: the system keyring when None (as in the message
        # viewer and 'safenote keygen --keyring'); tests put a stand-in here.
        self.keystore = keystore
        self.setTitle(self.tr("For &therapists"))
        self.setObjectName("therapistMenu")
        self._window = window
        # Kept for the menu's lifetime: dropping a closed viewer's last reference while its
        # decryption task is still finishing would delete it under that task.
        self.windows: list[QWidget] = []
        self.preview_action = QAction(self.tr("&Preview client guidance…"), self)
        self.preview_action.triggered.connect(lambda: self.open_preview())
        self.viewer_action = QAction(self.tr("&Open a client's message…"), self)
        self.viewer_action.triggered.connect(lambda: self.choose_message())
        self.addAction(self.preview_action)
        self.addAction(self.viewer_action)

    def _keep(self, widget: QWidget) -> QWidget:
        self.windows.append(widget)
        widget.show()
        return widget

    def open_preview(self, profile_text: str | None = None, name: str = "") -> QWidget:
        from safenote.core.practice import template_text
        from safenote.gui.preview_window import PreviewWindow

        text = template_text() if profile_text is None else profile_text
        return self._keep(
            PreviewWindow(text, name or self.tr("new profile"), keystore=self.keystore)
        )

    def choose_message(self) -> None:
        from safenote.gui.file_dialogs import ask_open_path

        chosen = ask_open_path(
            self._window,
            self.tr("Open a client's message"),
            name_filter=self.tr("Encrypted messages (*.age)"),
        )
        if chosen:
            self.open_message(Path(chosen))

    def open_message(self, path: Path) -> QWidget:
        from safenote.gui.message_viewer import MessageViewer

        viewer = MessageViewer(keystore=self.keystore)
        viewer.open_path(path)
        return self._keep(viewer)


def add_therapist_menu(
    window: QMainWindow, before: QAction | None = None, keystore: KeyStore | None = None
) -> TherapistMenu:
    """Add the menu to ``window``'s menu bar (before ``before``, e.g. the Help menu)."""
    menu = TherapistMenu(window, keystore)
    bar = window.menuBar()
    if before is None:
        bar.addMenu(menu)
    else:
        bar.insertMenu(before, menu)
    return menu
