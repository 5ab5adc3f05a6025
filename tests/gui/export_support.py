"""Shared pieces for the export and portal dialog tests: findings, keys, modal drivers."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QMessageBox

from safenote.core.export.keys import NewIdentity, generate_identity
from safenote.core.policy.model import CrisisResource, Finding, Severity

BODY = "Before Thursday: the new medication makes me dizzy — Zoë noticed it too.\n\nSam"
SUBJECT = "Before Thursday"
SENDER = "Sam"
MAX_TRIES = 1000  # turns of the event loop to wait for a modal dialog before failing


def finding(severity: Severity, message: str, **extra: object) -> Finding:
    return Finding(
        rule=f"test-{severity.value}",
        severity=severity,
        message=message,
        why="A test finding.",
        source="tests",
        **extra,  # type: ignore[arg-type]
    )


CAUTION = finding(Severity.CAUTION, "Health details: only what your therapist needs.")
INFO = finding(Severity.INFO, "A short greeting is enough.")
URGENT = finding(
    Severity.URGENT,
    "It sounds like you might not be safe right now.",
    resources=(CrisisResource("Samaritans", "call 116 123", "free, any time"),),
    resources_verified="2026-11-01",
)


@pytest.fixture
def clean_clipboard(qapp: QApplication) -> Iterator[None]:
    """Tidy up after a test on the GUI thread, while the application is alive.

    The clipboard is emptied: offscreen Qt was seen to crash at exit while SafeNote's copy
    was still on it. Garbage is collected here: otherwise a later test's background thread
    may run the collector and destroy this test's leftover widgets on the wrong thread.
    """
    yield
    qapp.clipboard().clear()
    gc.collect()


def identity() -> NewIdentity:
    return generate_identity()


def when_modal(act: Callable[[QApplication], bool]) -> None:
    """Run ``act`` on the next turns of the event loop until it says it acted.

    Modal dialogs (``exec()``) block the caller, so a test hands the work to the event loop
    before the click that opens one. This polls the loop, it never sleeps.
    """

    tries = [0]

    def attempt() -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        if act(app):
            return
        tries[0] += 1
        if tries[0] < MAX_TRIES:
            QTimer.singleShot(10, attempt)
            return
        # Give up without hanging the run: close whatever is modal and fail the test.
        stuck = app.activeModalWidget()
        if isinstance(stuck, QDialog):
            stuck.reject()
        raise AssertionError("the expected dialog never became ready")

    QTimer.singleShot(0, attempt)


def accept_file_dialog(path: Path) -> None:
    """Choose ``path`` in SafeNote's save dialog as soon as it is shown."""

    def act(app: QApplication) -> bool:
        dialog = app.activeModalWidget()
        if not isinstance(dialog, QFileDialog) or not dialog.isVisible():
            return False
        dialog.setDirectory(str(path.parent))
        dialog.selectFile(path.name)
        name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
        if isinstance(name_edit, QLineEdit):  # Qt's own dialog: type the name as a person would
            name_edit.setText(path.name)
        # The dialog lists its folder in the background and may put its own suggested name
        # back when that finishes: accept only once our choice is what it would return.
        if dialog.selectedFiles() != [str(path)]:
            return False
        dialog.accept()
        return True

    when_modal(act)


def answer_message_box(button_text: str, seen: list[str]) -> None:
    """Click ``button_text`` in the next message box; record its text and details."""

    def act(app: QApplication) -> bool:
        box = app.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            return False
        seen.extend([box.text(), box.informativeText()])
        for button in box.buttons():
            if button.text() == button_text:
                button.click()
                return True
        raise AssertionError(f"no {button_text!r} button")

    when_modal(act)
