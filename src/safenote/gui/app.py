"""Start the SafeNote window: process hygiene, Qt application identity, logging."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from safenote import APP_ID, APP_NAME, ORG_DOMAIN, ORG_NAME, __version__
from safenote.core.logsetup import configure_logging
from safenote.core.paths import AppPaths, app_paths
from safenote.core.vault import KeyStore, SystemKeyStore, Vault
from safenote.gui.appearance import Appearance
from safenote.gui.compose_window import ComposeWindow
from safenote.gui.controller import ComposeController
from safenote.gui.error_dialog import install_excepthook
from safenote.gui.preferences import load_preferences
from safenote.gui.startup import Startup
from safenote.gui.theme import FUSION_SET
from safenote.gui.translation import install_translations

log = logging.getLogger(__name__)


def configure_application(app: QGuiApplication, paths: AppPaths) -> None:
    """Give the app its identity and keep QSettings inside SafeNote's config folder."""
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setOrganizationDomain(ORG_DOMAIN)
    app.setApplicationVersion(__version__)
    # Wayland/X11 match the window to the installed .desktop file by this name.
    app.setDesktopFileName(APP_ID)
    # INI files in our own config folder: SAFENOTE_HOME then redirects settings too, and no
    # registry or plist is written outside the places the README documents.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(paths.config))


def open_or_create_vault(paths: AppPaths, keystore: KeyStore) -> tuple[Vault, str | None]:
    """Open the vault, or set one up if there is none (then also return its recovery code).

    Runs on a worker thread: keyring calls can take seconds. An existing vault whose key is
    missing raises an error; it is never replaced by a new one.
    """
    if Vault.exists(paths):
        return Vault.open(paths, keystore=keystore), None
    return Vault.create(paths, keystore=keystore)


def start_compose(
    paths: AppPaths, keystore: KeyStore, controller: ComposeController | None = None
) -> ComposeWindow:
    """Show the compose window at once and open the vault behind it, off the GUI thread."""
    controller = controller or ComposeController()
    window = ComposeWindow(controller)  # it waits, read-only, until the drafts are open

    from safenote.gui.startup_dialogs import RecoveryCodeDialog, vault_error_box

    def show_code(code: str) -> None:
        dialog = RecoveryCodeDialog(code, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_failure(message: str) -> None:
        window.set_waiting(
            QCoreApplication.translate(
                "Startup", "Your drafts couldn't be opened, so writing is paused."
            )
        )
        box = vault_error_box(message, window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    controller.recoveryCodeCreated.connect(show_code)
    controller.vaultFailed.connect(show_failure)
    window.show()
    controller.start(lambda: open_or_create_vault(paths, keystore))
    return window


def run_gui(argv: Sequence[str] | None = None, keystore: KeyStore | None = None) -> int:
    """Run the GUI until the last window closes; return the exit code."""
    os.umask(0o077)
    paths = app_paths().ensure()
    configure_logging(paths.logs)
    app = QApplication.instance()
    if app is None:
        # The style as an argument, so it is never wrapped in Python (see theme.use_fusion).
        app = QApplication([*(sys.argv if argv is None else argv), "-style", "Fusion"])
        app.setProperty(FUSION_SET, True)
    assert isinstance(app, QApplication)
    configure_application(app, paths)
    install_excepthook(paths.logs)
    install_translations(app)  # before any window: every tr() then finds the catalog
    appearance = Appearance(app, load_preferences())
    appearance.apply()
    # First run or unlock, then the compose window (gui/startup.py). Between the wizard
    # closing and the window opening no window is visible: don't let Qt quit there.
    app.setQuitOnLastWindowClosed(False)
    startup = Startup(paths, keystore or SystemKeyStore(), appearance=appearance, parent=app)
    startup.cancelled.connect(app.quit, Qt.ConnectionType.QueuedConnection)

    def on_window(window: ComposeWindow) -> None:
        app.aboutToQuit.connect(window.controller.shutdown)
        app.setQuitOnLastWindowClosed(True)

    startup.windowOpened.connect(on_window)
    startup.begin()
    log.info("SafeNote %s started", __version__)
    code = app.exec()
    log.info("SafeNote quit with status %d", code)
    return int(code)
