"""Copy text for the person and take it back off the clipboard after a while.

Copied message text is cleared after :data:`CLEAR_AFTER_MS` — but only if what is on the
clipboard is still exactly what SafeNote put there, so something the person copied since
is never thrown away. On Windows the copy is also marked so clipboard history (Win+V) and
the cloud clipboard leave it alone. Clipboard managers on Linux may still keep their own
copy; the UI says so (see :data:`CLIPBOARD_MANAGER_NOTE`).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 30_000

# Qt maps "application/x-qt-windows-mime;value=NAME" to the registered clipboard format
# NAME. These three are what Windows documents for excluding a copy from monitoring tools,
# from clipboard history and from cloud clipboard sync.
_WINDOWS_FORMAT = 'application/x-qt-windows-mime;value="{}"'
_DWORD_ZERO = b"\x00\x00\x00\x00"
WINDOWS_EXCLUSION_FORMATS: dict[str, bytes] = {
    _WINDOWS_FORMAT.format("ExcludeClipboardContentFromMonitorProcessing"): b"\x01",
    _WINDOWS_FORMAT.format("CanIncludeInClipboardHistory"): _DWORD_ZERO,
    _WINDOWS_FORMAT.format("CanUploadToCloudClipboard"): _DWORD_ZERO,
}


def clipboard_manager_note() -> str:
    return QCoreApplication.translate(
        "ClipboardGuard",
        "Copied text is removed from the clipboard after 30 seconds. A clipboard manager, if "
        "you use one, may still keep its own copy.",
    )


def private_mime_data(text: str, platform: str | None = None) -> QMimeData:
    """Plain text, plus the Windows "keep out of history and cloud" markers on Windows."""
    data = QMimeData()
    data.setText(text)
    if (platform or sys.platform).startswith("win"):
        for mime, value in WINDOWS_EXCLUSION_FORMATS.items():
            data.setData(mime, value)
    return data


class ClipboardGuard(QObject):
    """Puts text on the clipboard and clears it later if it is still ours."""

    copied = Signal()
    """Text was put on the clipboard (the clear timer is running)."""
    cleared = Signal()
    """Our text was taken off the clipboard (it was still there)."""

    def __init__(
        self,
        clear_after_ms: int = CLEAR_AFTER_MS,
        clipboard: QClipboard | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clipboard = clipboard or QGuiApplication.clipboard()
        self._ours: str | None = None
        self._timer = QTimer(self, singleShot=True, interval=clear_after_ms)
        self._timer.timeout.connect(self.clear_if_ours)

    @property
    def pending(self) -> bool:
        """Our text may still be on the clipboard."""
        return self._ours is not None

    def copy(self, text: str) -> None:
        self._clipboard.setMimeData(private_mime_data(text))
        self._ours = text
        self._timer.start()
        self.copied.emit()

    def clear_if_ours(self) -> bool:
        """Clear the clipboard now if it still holds what we copied; returns whether it did.

        Called by the timer, and on lock and quit (nothing of ours lingers after those).
        """
        self._timer.stop()
        ours, self._ours = self._ours, None
        if ours is None or self._clipboard.text() != ours:
            return False
        self._clipboard.clear()
        self.cleared.emit()
        return True
