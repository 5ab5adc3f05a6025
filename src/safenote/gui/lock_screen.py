"""Lock the compose window: its contents hidden until the person unlocks again.

:class:`LockScreen` is what shows while locked. :class:`WindowLock` swaps it in for the
window's contents (the editor is taken out of the window, so neither the screen nor a
screen reader can reach its text), disables the window's actions and hides its open
dialogs; unlocking checks the keyring or the passphrase off the GUI thread first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from safenote.core.vault import VaultError
from safenote.gui.key_tasks import KeyTaskRunner, busy_bar

if TYPE_CHECKING:
    from safenote.gui.notice import NoticeLabel

Verify = Callable[[str | None], object]
"""Checks an unlock attempt (passphrase or None for the keyring); raises VaultError."""


class LockScreen(QWidget):
    """ "SafeNote is locked": an Unlock button, and a passphrase field in passphrase mode."""

    unlockRequested = Signal(object)
    """The person asked to unlock: carries the passphrase typed, or None (keyring mode)."""

    def __init__(self, passphrase_mode: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAccessibleName(self.tr("SafeNote is locked"))
        self.passphrase_mode = passphrase_mode
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(1)
        self.heading = QLabel(self.tr("SafeNote is locked"), self)
        self.heading.setObjectName("lockHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.heading)
        self.explain = QLabel(self)
        self.explain.setObjectName("lockExplain")
        self.explain.setWordWrap(True)
        self.explain.setTextFormat(Qt.TextFormat.PlainText)
        self.explain.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.explain)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("lockPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self._request)
        layout.addWidget(self.passphrase)
        self.unlock = QPushButton(self.tr("&Unlock"), self)
        self.unlock.setObjectName("unlockButton")
        self.unlock.setAccessibleDescription(self.tr("Show your drafts again"))
        self.unlock.setDefault(True)
        self.unlock.clicked.connect(self._request)
        layout.addWidget(self.unlock, 0, Qt.AlignmentFlag.AlignHCenter)
        self.busy = busy_bar(self, self.tr("Checking…"))
        layout.addWidget(self.busy)
        from safenote.gui.notice import NoticeLabel  # QStyle's enums: built when first locked

        self.notice: NoticeLabel = NoticeLabel(self)
        layout.addWidget(self.notice)
        layout.addStretch(2)
        self.set_passphrase_mode(passphrase_mode)

    def set_passphrase_mode(self, on: bool) -> None:
        """Ask for the passphrase, or unlock with the keyring (see WindowLock)."""
        self.passphrase_mode = on
        if on:
            self.explain.setText(
                self.tr("Your drafts are hidden. Enter your passphrase to show them again.")
            )
        else:
            self.explain.setText(
                self.tr(
                    "Your drafts are hidden. Unlocking checks your system keyring, so anyone "
                    "using this computer account while you are logged in could unlock it. "
                    "If that matters, set a passphrase in Settings."
                )
            )
        self.passphrase.setVisible(on)

    def _request(self) -> None:
        self.unlockRequested.emit(self.passphrase.text() if self.passphrase_mode else None)

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.unlock.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)
        if not busy:
            self.focus_first()

    def show_error(self, message: str) -> None:
        self.notice.show_warning(message)
        self.passphrase.selectAll()

    def focus_first(self) -> None:
        (self.passphrase if self.passphrase_mode else self.unlock).setFocus(
            Qt.FocusReason.OtherFocusReason
        )


class WindowLock(QObject):
    """Locks and unlocks one main window."""

    aboutToLock = Signal()
    """Emitted just before the contents are hidden (save now, clear the clipboard)."""
    lockedChanged = Signal(bool)
    """True once locked, False once unlocked."""

    def __init__(
        self,
        window: QMainWindow,
        verify: Verify,
        *,
        passphrase_mode: bool = False,
        keep_enabled: Iterable[QAction] = (),
    ) -> None:
        super().__init__(window)
        self.window = window
        self._verify = verify
        self._passphrase_mode = passphrase_mode
        self._keep = list(keep_enabled)
        self._keys = KeyTaskRunner(self)
        self._content: QWidget | None = None
        self._screen: LockScreen | None = None
        self._disabled: list[QAction] = []
        self._hidden_dialogs: list[QDialog] = []
        self._after_unlock: list[Callable[[], object]] = []
        self._attempts = 0  # bumped by a lock while locked: an answer then in flight is void
        self._status_visible = False

    @property
    def locked(self) -> bool:
        return self._content is not None

    @property
    def screen(self) -> LockScreen | None:
        return self._screen

    def keep_enabled(self, *actions: QAction) -> None:
        """Actions that stay usable while locked (quit, quick hide)."""
        self._keep.extend(actions)

    def set_passphrase_mode(self, on: bool) -> None:
        self._passphrase_mode = on
        if self._screen is not None and self._screen.passphrase_mode != on:
            # A change made in Settings can finish after the lock (it runs off the GUI
            # thread): a keyring-mode screen over a passphrase-only vault could never unlock.
            self._screen.set_passphrase_mode(on)
            self._screen.focus_first()

    def set_verify(self, verify: Verify) -> None:
        self._verify = verify

    def lock(self) -> None:
        if self.locked:
            # Locked again (Quick hide) while an unlock is being checked off the GUI thread:
            # that check's answer must not unlock the window the person just hid.
            self._attempts += 1
            return
        self.aboutToLock.emit()
        w = self.window
        for dialog in w.findChildren(QDialog):
            if not dialog.isVisible():
                continue
            if dialog.windowModality() == Qt.WindowModality.ApplicationModal:
                # Only exec() makes a dialog application-modal here (the others use open()).
                # Hiding ends its event loop and the code that asked carries on, so it is
                # cancelled properly: shown again on unlock, its answer would go nowhere.
                dialog.reject()
                continue
            dialog.hide()
            self._hidden_dialogs.append(dialog)
        self._disabled = [
            a for a in w.findChildren(QAction) if a.isEnabled() and a not in self._keep
        ]
        for action in self._disabled:
            action.setEnabled(False)
        self._status_visible = w.statusBar().isVisible()
        w.statusBar().hide()
        w.menuBar().setEnabled(False)
        content = w.takeCentralWidget()
        if content is None:  # nothing to hide yet; keep a placeholder so unlock restores it
            content = QWidget(w)
        content.hide()
        self._content = content
        self._screen = LockScreen(self._passphrase_mode, w)
        self._screen.unlockRequested.connect(self._attempt)
        w.setCentralWidget(self._screen)
        self._screen.show()  # a child added to a visible window is otherwise shown later
        self._screen.focus_first()
        self.lockedChanged.emit(True)

    def _attempt(self, passphrase: str | None) -> None:
        screen = self._screen
        if screen is None:
            return
        if self._passphrase_mode and not passphrase:
            screen.show_error(self.tr("Enter your passphrase to unlock."))
            return
        verify, attempt = self._verify, self._attempts
        if self._keys.run(
            lambda: verify(passphrase), lambda _: self._verified(attempt), self._failed
        ):
            screen.set_busy(True)

    def _verified(self, attempt: int) -> None:
        if attempt == self._attempts:
            self.unlock()
        elif self._screen is not None:  # locked again meanwhile: ask again
            self._screen.passphrase.clear()
            self._screen.set_busy(False)

    def _failed(self, err: BaseException) -> None:
        if self._screen is None:
            return
        self._screen.set_busy(False)
        if isinstance(err, VaultError):
            self._screen.show_error(str(err))
        else:
            self._screen.show_error(
                self.tr("SafeNote couldn't check that just now. Please try again.")
            )

    def unlock(self) -> None:
        """Show the contents again (after a successful check; tests call it directly)."""
        content, screen = self._content, self._screen
        if content is None or screen is None:
            return
        w = self.window
        w.takeCentralWidget()
        screen.hide()
        screen.deleteLater()
        self._screen = None
        w.setCentralWidget(content)
        content.show()
        self._content = None
        w.menuBar().setEnabled(True)
        w.statusBar().setVisible(self._status_visible)
        # What was hidden or disabled may have been destroyed while locked: a file dialog
        # whose event loop the lock ended (Quick hide during "Save as…"), a dialog that
        # finished its work and closed. Touching one raised half-way through unlocking.
        for action in self._disabled:
            if Shiboken.isValid(action):
                action.setEnabled(True)
        self._disabled = []
        for dialog in self._hidden_dialogs:
            if Shiboken.isValid(dialog):
                dialog.show()
        self._hidden_dialogs = []
        self.lockedChanged.emit(False)
        waiting, self._after_unlock = self._after_unlock, []
        for callback in waiting:
            callback()

    def when_unlocked(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` now, or once unlocked if locked (a window it opens would
        otherwise appear over the lock screen)."""
        if self.locked:
            self._after_unlock.append(callback)
        else:
            callback()

    def wait(self) -> None:
        self._keys.wait()
