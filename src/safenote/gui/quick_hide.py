"""Quick hide: one key locks SafeNote and gets the window off the screen at once.

Honest about its limits: it helps against someone looking over your shoulder, not against
monitoring software, which sees whatever you type.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from safenote.gui.lock_screen import WindowLock

QUICK_HIDE_KEYS = "F12"
LOCK_KEYS = "Ctrl+L"


def quick_hide_limits() -> str:
    return QCoreApplication.translate(
        "QuickHide",
        "Quick hide only helps against someone looking over your shoulder. It can't hide "
        "anything from monitoring software on this computer.",
    )


def quick_hide(window: QMainWindow, lock: WindowLock) -> None:
    """Lock first (so the contents are gone even if minimising is refused), then minimise."""
    lock.lock()
    window.showMinimized()


def install_privacy_actions(window: QMainWindow, lock: WindowLock) -> tuple[QAction, QAction]:
    """Add "Lock now" and "Quick hide" to ``window`` (application-wide shortcuts)."""
    translate = QCoreApplication.translate
    lock_action = QAction(translate("QuickHide", "&Lock now"), window)
    lock_action.setObjectName("lockAction")
    lock_action.setShortcut(QKeySequence(LOCK_KEYS))
    lock_action.setStatusTip(translate("QuickHide", "Hide your drafts until you unlock SafeNote"))
    lock_action.triggered.connect(lock.lock)
    hide_action = QAction(translate("QuickHide", "&Quick hide"), window)
    hide_action.setObjectName("quickHideAction")
    hide_action.setShortcut(QKeySequence(QUICK_HIDE_KEYS))
    # Works even while a dialog of ours has focus.
    hide_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    hide_action.setStatusTip(quick_hide_limits())
    hide_action.setToolTip(quick_hide_limits())
    hide_action.triggered.connect(lambda: quick_hide(window, lock))
    for action in (lock_action, hide_action):
        window.addAction(action)
    lock.keep_enabled(hide_action)
    return lock_action, hide_action
