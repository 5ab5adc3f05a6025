"""From launch to a ready compose window: first run, unlock or recover, then privacy guards.

* No vault yet: the first-run wizard; the compose window opens once it is done.
* A vault: the compose window shows at once ("Opening your drafts…") while the keyring is
  asked off the GUI thread. If the key can't be had, the unlock dialog says why and offers
  retry, passphrase or recovery code. A damaged file gets the plain explanation and, when
  there are backups, "Restore the latest backup" (the damaged file is kept aside). Other
  problems get the explanation box. A vault is never replaced by a new one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from shiboken6 import Shiboken

from safenote.core.paths import AppPaths
from safenote.core.vault import (
    KdfParams,
    KeyStore,
    Vault,
    VaultCorruptError,
    VaultError,
    restore_backup,
    vault_status,
)
from safenote.gui.appearance import Appearance
from safenote.gui.compose_window import ComposeWindow
from safenote.gui.controller import ComposeController
from safenote.gui.key_tasks import KeyTaskRunner
from safenote.gui.privacy_session import PrivacySession
from safenote.gui.quick_hide import QUICK_HIDE_KEYS

if TYPE_CHECKING:
    # Each is needed on one path only (first run, a key problem, a damaged vault): they load
    # when that path is taken, which keeps them off the everyday start-up.
    from PySide6.QtWidgets import QMessageBox

    from safenote.gui.first_run_wizard import FirstRunWizard
    from safenote.gui.unlock_dialog import UnlockDialog


class _SlotsOnly:
    """Reads which unlock methods a vault has without asking the keyring again."""

    def describe(self) -> str:
        return ""

    def get_key(self, vault_id: str) -> bytes | None:
        return None

    def set_key(self, vault_id: str, key: bytes) -> None:
        raise NotImplementedError

    def delete_key(self, vault_id: str) -> None:
        raise NotImplementedError


def _try_open(paths: AppPaths, keystore: KeyStore) -> tuple[Vault | VaultError, tuple[str, ...]]:
    """Open with the keyring; on a key problem return the error and the vault's methods."""
    try:
        vault = Vault.open(paths, keystore=keystore)
    except VaultError as err:
        from safenote.gui.unlock_dialog import unlock_reason

        if unlock_reason(err) is None:
            raise
        return err, vault_status(paths, _SlotsOnly()).unlock_methods
    return vault, vault.unlock_methods()


class Startup(QObject):
    """Runs the start-up flow; :attr:`ready` carries the compose window once drafts are open."""

    windowOpened = Signal(object)
    """The ``ComposeWindow`` is on screen (its drafts may still be opening)."""
    ready = Signal(object)
    """The ``ComposeWindow``, with its vault open and privacy guards attached."""
    cancelled = Signal()
    """The person quit from the wizard or the unlock dialog: nothing is open."""

    def __init__(
        self,
        paths: AppPaths,
        keystore: KeyStore,
        *,
        appearance: Appearance | None = None,
        kdf: KdfParams | None = None,
        controller_factory: type[ComposeController] = ComposeController,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths, self.keystore, self._kdf = paths, keystore, kdf
        self.appearance = appearance
        self._factory = controller_factory
        self._keys = KeyTaskRunner(self)
        self.wizard: FirstRunWizard | None = None
        self.unlock: UnlockDialog | None = None
        self.error_box: QMessageBox | None = None
        self.window: ComposeWindow | None = None
        self.session: PrivacySession | None = None
        self._early_hide: QAction | None = None
        self._hide_requested = False  # Quick hide was pressed before the session existed

    def begin(self) -> None:
        if Vault.exists(self.paths):
            self._open_existing()
        else:
            self._first_run()

    # -- first run ------------------------------------------------------------------------------

    def _first_run(self) -> None:
        from safenote.gui.first_run_wizard import FirstRunWizard

        wizard = FirstRunWizard(self.paths, self.keystore, kdf=self._kdf)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.accepted.connect(lambda: self._wizard_done(wizard))
        wizard.rejected.connect(self.cancelled)
        self.wizard = wizard
        wizard.show()

    def _wizard_done(self, wizard: FirstRunWizard) -> None:
        vault = wizard.vault
        self.wizard = None
        if vault is None:
            self.cancelled.emit()
            return
        methods = ("passphrase",) if wizard.key_page.use_passphrase() else ("keyring",)
        window = self._new_window()
        self._attach(window, vault, methods)

    # -- an existing vault ------------------------------------------------------------------

    def _new_window(self) -> ComposeWindow:
        window = ComposeWindow(self._factory())
        self._install_early_hide(window)
        window.show()
        self.window = window
        self.windowOpened.emit(window)
        return window

    def _open_existing(self) -> None:
        paths, keystore = self.paths, self.keystore
        # Ask for the key first, so the vault opens on its thread while the window is being
        # built; the result arrives through the event loop, after the window exists.
        self._keys.run(lambda: _try_open(paths, keystore), self._opened, self._failed)
        self._new_window()  # read-only ("Opening your drafts…") until the drafts are open

    def _opened(self, result: tuple[Vault | VaultError, tuple[str, ...]]) -> None:
        window = self.window
        assert window is not None
        found, methods = result
        if isinstance(found, Vault):
            self._attach(window, found, methods)
            return
        from safenote.gui.unlock_dialog import UnlockDialog, unlock_reason

        reason = unlock_reason(found)
        assert reason is not None
        dialog = UnlockDialog(
            self.paths,
            self.keystore,
            reason,
            has_passphrase="passphrase" in methods,
            kdf=self._kdf,
            parent=window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._unlocked(dialog))
        dialog.rejected.connect(self._unlock_cancelled)
        self.unlock = dialog
        dialog.open()

    def _unlocked(self, dialog: UnlockDialog) -> None:
        self.unlock = None
        vault = dialog.vault
        if vault is None or self.window is None:
            return
        self._attach(self.window, vault, vault.unlock_methods())

    def _unlock_cancelled(self) -> None:
        self.unlock = None
        if self.window is not None:
            self.window.close()
        self.cancelled.emit()

    def _failed(self, err: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        from safenote.gui.startup_dialogs import vault_error_box

        window = self.window
        assert window is not None
        translate = QCoreApplication.translate
        window.set_waiting(
            translate("Startup", "Your drafts couldn't be opened, so writing is paused.")
        )
        message = (
            str(err)
            if isinstance(err, VaultError)
            else translate(
                "Startup", "Something went wrong inside SafeNote while opening your drafts."
            )
        )
        box = vault_error_box(message, window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if isinstance(err, VaultCorruptError) and err.backups:
            restore = box.addButton(
                translate("Startup", "&Restore the latest backup"),
                QMessageBox.ButtonRole.AcceptRole,
            )
            restore.setObjectName("restoreBackup")
            box.setDefaultButton(restore)
            restore.clicked.connect(self.restore_latest_backup)
        self.error_box = box
        box.open()

    def restore_latest_backup(self) -> None:
        """Put the newest backup in place (the damaged file is kept aside), then open it."""
        paths, keystore = self.paths, self.keystore

        def work() -> tuple[Vault | VaultError, tuple[str, ...]]:
            restore_backup(paths)
            return _try_open(paths, keystore)

        if self.window is not None:
            self.window.set_waiting(
                QCoreApplication.translate("Startup", "Restoring your latest backup…")
            )
        self._keys.run(work, self._opened, self._failed)

    # -- ready ----------------------------------------------------------------------------------

    def _install_early_hide(self, window: ComposeWindow) -> None:
        """Quick hide before the privacy session exists (the keyring can take seconds): the
        window is minimised now and locked the moment the session is attached, so the
        draft that opens next arrives behind the lock screen instead of on screen."""

        def hide() -> None:
            self._hide_requested = True
            window.showMinimized()

        action = QAction(window)
        action.setShortcut(QKeySequence(QUICK_HIDE_KEYS))
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(hide)
        window.addAction(action)
        self._early_hide = action

    def _attach(self, window: ComposeWindow, vault: Vault, methods: tuple[str, ...]) -> None:
        controller = window.controller
        controller.vault = vault
        early = self._early_hide
        if early is not None:
            # Gone at once, not later: two actions on one key make Qt ignore the key.
            self._early_hide = None
            window.removeAction(early)
            Shiboken.delete(early)
        self.session = PrivacySession(
            window,
            self.paths,
            self.keystore,
            methods=methods,
            appearance=self.appearance,
            kdf=self._kdf,
        )
        if self._hide_requested:
            self.session.lock.lock()
        controller.start()
        self.ready.emit(window)

    def wait(self) -> None:
        self._keys.wait()
