"""Everything that guards an open compose window on a shared computer, wired in one place:
lock after inactivity, Lock now, Quick hide, clipboard copies that clear themselves, the
Settings dialog whose choices apply at once, and the reminder to confirm a recovery code.

The compose window and its controller are used only through their public parts (the
editor's text, ``save_now``, ``save_settings``, ``add_banner``, the status bar), so this
module can grow without touching them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from safenote.core.paths import AppPaths
from safenote.core.vault import KdfParams, KeyStore, Vault
from safenote.gui.appearance import Appearance
from safenote.gui.clipboard_guard import ClipboardGuard
from safenote.gui.compose_window import ComposeWindow
from safenote.gui.idle_lock import IdleWatcher
from safenote.gui.lock_screen import WindowLock
from safenote.gui.preferences import Preferences, load_preferences
from safenote.gui.quick_hide import install_privacy_actions

if TYPE_CHECKING:  # load when first needed (Settings opened, a reminder due), not at start-up
    from safenote.gui.recovery_reminder import RecoveryReminder
    from safenote.gui.settings_dialog import SettingsDialog


WATCH_AFTER_MS = 1000  # input watching starts once the window is up (see IdleWatcher)


def passphrase_only(methods: tuple[str, ...]) -> bool:
    return "passphrase" in methods and "keyring" not in methods


class PrivacySession(QObject):
    """Attach to a compose window whose controller has an open vault."""

    def __init__(
        self,
        window: ComposeWindow,
        paths: AppPaths,
        keystore: KeyStore,
        *,
        methods: tuple[str, ...] = (),
        prefs: Preferences | None = None,
        appearance: Appearance | None = None,
        clear_after_ms: int | None = None,
        kdf: KdfParams | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.paths, self.keystore, self._kdf = window, paths, keystore, kdf
        self.prefs = prefs or load_preferences()
        self.appearance = appearance
        self.clipboard = (
            ClipboardGuard(parent=self)
            if clear_after_ms is None
            else ClipboardGuard(clear_after_ms, parent=self)
        )
        self._passphrase_mode = passphrase_only(methods)
        self.lock = WindowLock(window, self._verify, passphrase_mode=self._passphrase_mode)
        self.lock.aboutToLock.connect(self._before_lock)
        window.when_unlocked = self.lock.when_unlocked  # no box over the lock screen
        self.idle = IdleWatcher(
            self.prefs.idle_lock_minutes * 60_000, parent=self, watch_after_ms=WATCH_AFTER_MS
        )
        self.idle.idle.connect(self.lock.lock)
        self.lock.lockedChanged.connect(self._locked_changed)
        self.settings_dialog: SettingsDialog | None = None
        self.recovery_reminder: RecoveryReminder | None = None
        self.reminder_later = False  # "Later" was chosen: hidden until the next start
        self._build_menu()
        # The controller's settings are loaded just before it first lists the contacts (and
        # stay current after); checking a bool on each list is all this costs.
        window.controller.contactsChanged.connect(self.update_recovery_reminder)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.clipboard.clear_if_ours)
        window.controller.set_hidden_categories(self.prefs.hidden_categories)

    # -- menu and actions -------------------------------------------------------------------

    def _build_menu(self) -> None:
        w = self.window
        translate = QCoreApplication.translate
        self.lock_action, self.hide_action = install_privacy_actions(w, self.lock)
        self.copy_action = QAction(translate("Privacy", "&Copy message text"), w)
        self.copy_action.setObjectName("copyMessageAction")
        self.copy_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy_action.setStatusTip(
            translate("Privacy", "Copy the whole message; it is cleared from the clipboard in 30 s")
        )
        self.copy_action.triggered.connect(self.copy_message)
        self.settings_action = QAction(translate("Privacy", "&Settings…"), w)
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.show_settings)
        for action in (self.copy_action, self.settings_action):
            w.addAction(action)
        menu = QMenu(translate("Privacy", "&Privacy"), w)
        menu.setObjectName("privacyMenu")
        for action in (self.lock_action, self.hide_action, self.copy_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.settings_action)
        bar = w.menuBar()
        menus = bar.actions()
        # Before Help, which conventionally comes last.
        if menus:
            bar.insertMenu(menus[-1], menu)
        else:
            bar.addMenu(menu)
        quit_action = getattr(w, "quit_action", None)
        if isinstance(quit_action, QAction):
            self.lock.keep_enabled(quit_action)

    def copy_message(self) -> None:
        self.window.controller.save_now()
        self.clipboard.copy(self.window.editor.toPlainText())
        self.window.statusBar().showMessage(
            QCoreApplication.translate(
                "Privacy", "Copied. SafeNote clears it from the clipboard in 30 seconds."
            ),
            10_000,
        )

    # -- lock ---------------------------------------------------------------------------------

    def _verify(self, passphrase: str | None) -> None:
        if passphrase is not None:
            Vault.open(self.paths, passphrase=passphrase).close()
        else:
            Vault.open(self.paths, keystore=self.keystore).close()

    def _before_lock(self) -> None:
        self.window.controller.save_now()
        self.clipboard.clear_if_ours()
        # Settings is not closed here: the lock hides it like any other dialog and shows it
        # again on unlock. Closing it dropped the result of a key change still running on
        # its thread (a new recovery code, the only one that works, never shown).

    def _locked_changed(self, locked: bool) -> None:
        if locked:
            self.idle.pause()
        else:
            self.idle.restart()

    # -- settings -----------------------------------------------------------------------------

    def show_settings(self) -> SettingsDialog:
        from safenote.gui.settings_dialog import SettingsDialog

        c = self.window.controller
        dialog = SettingsDialog(
            c.settings, self.prefs, c.vault, self.keystore, kdf=self._kdf, parent=self.window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.personalChanged.connect(c.save_settings)
        dialog.preferencesChanged.connect(self.apply_preferences)
        dialog.security.methodsChanged.connect(self._methods_changed)
        dialog.recoveryConfirmedChanged.connect(self.set_recovery_confirmed)
        dialog.security.codeCreated.disconnect(dialog.show_new_code)
        dialog.security.codeCreated.connect(lambda code: self._new_code_made(dialog, code))
        dialog.finished.connect(lambda _: setattr(self, "settings_dialog", None))
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _new_code_made(self, dialog: SettingsDialog, code: str) -> None:
        if not self.lock.locked:
            dialog.show_new_code(code)
            return
        # Made after a lock (it runs off the GUI thread): the code must not appear over the
        # lock screen, so it is shown once unlocked. The old code already stopped working,
        # so the reminder is due now, even if SafeNote is quit before unlocking.
        self.set_recovery_confirmed(False)
        self.lock.when_unlocked(lambda: dialog.show_new_code(code))

    def apply_preferences(self, prefs: Preferences) -> None:
        self.prefs = prefs
        self.idle.set_minutes(prefs.idle_lock_minutes)
        self.window.controller.set_hidden_categories(prefs.hidden_categories)
        if self.appearance is not None:
            self.appearance.apply(prefs)

    def _methods_changed(self, methods: tuple[str, ...]) -> None:
        self._passphrase_mode = passphrase_only(methods)
        self.lock.set_passphrase_mode(self._passphrase_mode)

    # -- recovery code reminder -------------------------------------------------------------

    def set_recovery_confirmed(self, confirmed: bool) -> None:
        """Save whether the current recovery code was typed back, and show or drop the
        reminder to match."""
        c = self.window.controller
        if c.settings.recovery_confirmed != confirmed and c.vault is not None:
            c.save_settings(replace(c.settings, recovery_confirmed=confirmed))
        self.update_recovery_reminder()

    def update_recovery_reminder(self) -> None:
        wanted = not self.window.controller.settings.recovery_confirmed and not self.reminder_later
        if wanted and self.recovery_reminder is None:
            from safenote.gui.recovery_reminder import RecoveryReminder

            reminder = RecoveryReminder(passphrase_mode=self._passphrase_mode, parent=self.window)
            reminder.makeCodeRequested.connect(self.make_new_recovery_code)
            reminder.laterRequested.connect(self.hide_recovery_reminder)
            self.window.add_banner(reminder)
            reminder.show()  # a child added to a visible window is otherwise shown later
            self.recovery_reminder = reminder
        elif not wanted and self.recovery_reminder is not None:
            self._drop_reminder()

    def hide_recovery_reminder(self) -> None:
        """The reminder's "Later": hidden for this session; it comes back at the next start."""
        self.reminder_later = True
        self._drop_reminder()
        self.window.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _drop_reminder(self) -> None:
        reminder, self.recovery_reminder = self.recovery_reminder, None
        if reminder is not None:
            reminder.hide()
            reminder.deleteLater()

    def make_new_recovery_code(self) -> SettingsDialog:
        """Open Settings and make a new code there (shown, then typed back)."""
        dialog = self.settings_dialog or self.show_settings()
        dialog.make_new_recovery_code()
        return dialog
