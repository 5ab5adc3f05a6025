"""Start the SafeNote window: process hygiene, Qt application identity, logging."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from safenote import APP_ID, APP_NAME, ORG_DOMAIN, ORG_NAME, __version__
from safenote.core.logsetup import configure_logging
from safenote.core.paths import AppPaths, app_paths
from safenote.gui.compose_window import ComposeWindow
from safenote.gui.error_dialog import install_excepthook

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


def run_gui(argv: Sequence[str] | None = None) -> int:
    """Run the GUI until the last window closes; return the exit code."""
    os.umask(0o077)
    paths = app_paths().ensure()
    configure_logging(paths.logs)
    app = QApplication.instance() or QApplication(list(sys.argv if argv is None else argv))
    assert isinstance(app, QApplication)
    configure_application(app, paths)
    install_excepthook(paths.logs)
    window = ComposeWindow()
    window.show()
    log.info("SafeNote %s started", __version__)
    code = app.exec()
    log.info("SafeNote quit with status %d", code)
    return int(code)
