"""Save and open dialogs that leave no trail of what was saved or opened.

Native dialogs record their files elsewhere: GTK's adds every choice to
``~/.local/share/recently-used.xbel``, Windows' common dialog to the Recent folder and
jump lists. On Linux and Windows SafeNote therefore uses Qt's own dialog, and afterwards
removes the folder history Qt itself keeps in its settings ("QtProject" FileDialog group).
macOS's panel adds nothing to recent items unless the app asks it to, so it stays native.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget
from shiboken6 import Shiboken

# What QFileDialog persists between runs: visited folders and the last folder used.
_TRAIL_KEYS = ("history", "lastVisited", "shortcuts")


def use_native_dialog(platform: str | None = None) -> bool:
    return (platform or sys.platform) == "darwin"


def private_file_dialog(
    parent: QWidget | None,
    caption: str,
    *,
    save: bool,
    directory: str = "",
    name_filter: str = "",
    default_suffix: str = "",
) -> QFileDialog:
    """A file dialog configured to leave no recent-files trail (call :func:`forget_trail`
    after it closes, or use :func:`ask_save_path` / :func:`ask_open_path`)."""
    dialog = QFileDialog(parent, caption, directory, name_filter)
    dialog.setObjectName("privateFileDialog")
    dialog.setAccessibleName(caption)
    dialog.setAcceptMode(
        QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen
    )
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    if default_suffix:
        dialog.setDefaultSuffix(default_suffix)
    if not use_native_dialog():
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setHistory([])
    return dialog


def forget_trail() -> None:
    """Remove the folder history Qt's file dialog saved (it is written when one closes)."""
    # Qt writes these in the platform's native settings store (~/.config/QtProject.conf on
    # Linux), not in SafeNote's own config folder.
    settings = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject")
    settings.beginGroup("FileDialog")
    for key in _TRAIL_KEYS:
        settings.remove(key)
    settings.endGroup()
    settings.sync()


def _ask(dialog: QFileDialog) -> str | None:
    try:
        chosen = dialog.selectedFiles() if dialog.exec() else []
    finally:
        close_privately(dialog)
    return chosen[0] if chosen else None


def close_privately(dialog: QFileDialog) -> None:
    """Destroy ``dialog`` now and scrub what its destructor saved."""
    Shiboken.delete(dialog)
    forget_trail()


def ask_save_path(
    parent: QWidget | None,
    caption: str,
    *,
    directory: str = "",
    name_filter: str = "",
    default_suffix: str = "",
) -> str | None:
    """Ask where to save; None if the person cancelled."""
    return _ask(
        private_file_dialog(
            parent,
            caption,
            save=True,
            directory=directory,
            name_filter=name_filter,
            default_suffix=default_suffix,
        )
    )


def ask_open_path(
    parent: QWidget | None, caption: str, *, directory: str = "", name_filter: str = ""
) -> str | None:
    """Ask which file to open; None if the person cancelled."""
    return _ask(
        private_file_dialog(
            parent, caption, save=False, directory=directory, name_filter=name_filter
        )
    )
