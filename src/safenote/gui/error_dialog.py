"""Unexpected errors: log where it happened, tell the person calmly, keep running."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


def describe_exception(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """The traceback's frames and the exception's type, but not its message.

    An exception's message can carry what someone typed (a decode error quotes bytes, a
    ValueError may quote a value), and logs must never hold message text.
    """
    frames = "".join(traceback.format_tb(tb))
    return f"Traceback (most recent call last):\n{frames}{exc_type.__module__}.{exc_type.__name__}"


def show_error_dialog(log_dir: Path) -> None:
    """Tell the person something went wrong, where details are, and that they can go on."""
    from PySide6.QtWidgets import QMessageBox  # only when needed: not on every start-up

    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "SafeNote hit a problem"))
    box.setText(QCoreApplication.translate("ErrorDialog", "Something went wrong inside SafeNote."))
    box.setInformativeText(
        QCoreApplication.translate(
            "ErrorDialog",
            "You can keep writing; your drafts stay encrypted on this computer. "
            "If it happens again, the technical details (never your words) are in {}.",
        ).format(log_dir)
    )
    box.setAccessibleName(QCoreApplication.translate("ErrorDialog", "Error"))
    box.exec()


def install_excepthook(log_dir: Path) -> None:
    """Replace ``sys.excepthook`` so an error in a slot logs and shows a dialog, not a crash."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("Unhandled error\n%s", describe_exception(exc_type, tb))
        if QApplication.instance() is not None:
            show_error_dialog(log_dir)

    sys.excepthook = hook
