"""Focus is always visible: every control in Settings, the first-run wizard and the unlock
dialog looks different when it has keyboard focus (in the light and the dark theme)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from safenote.core.paths import app_paths
from safenote.core.vault import MemoryKeyStore, Settings
from safenote.gui.first_run_wizard import FirstRunWizard
from safenote.gui.preferences import Preferences
from safenote.gui.settings_dialog import SettingsDialog
from safenote.gui.theme import apply_theme
from safenote.gui.unlock_dialog import UnlockDialog, UnlockReason


@pytest.fixture(params=[False, True], ids=["light", "dark"])
def themed(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[bool]:
    palette, sheet = qapp.palette(), qapp.styleSheet()
    apply_theme(qapp, dark=bool(request.param))
    yield bool(request.param)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)


def image(widget: QWidget) -> QImage:
    return widget.grab().toImage()


def focus_chain(dialog: QDialog) -> list[QWidget]:
    """Controls reached with Tab, in order, starting from the dialog's first."""
    seen: list[QWidget] = []
    widget = dialog.nextInFocusChain()
    while widget is not None and widget is not dialog and len(seen) < 200:
        if (
            widget.isVisibleTo(dialog)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.window() is dialog
        ):
            seen.append(widget)
        widget = widget.nextInFocusChain()
    return seen


def unmarked_focus(qtbot: QtBot, dialog: QDialog) -> list[str]:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    controls = focus_chain(dialog)
    assert len(controls) >= 3
    problems = []
    parking = dialog.focusWidget()
    for control in controls:
        # Unfocused: focus parked on another control; then focused from the keyboard.
        other = next(c for c in controls if c is not control)
        other.setFocus(Qt.FocusReason.TabFocusReason)
        before = image(control)
        control.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(control.hasFocus)
        if image(control) == before:
            problems.append(f"{type(control).__name__} {control.objectName()!r}")
    if parking is not None:
        parking.setFocus()
    return problems


@pytest.mark.usefixtures("themed")
def test_settings_focus_is_visible(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(), Preferences(), None, MemoryKeyStore())
    assert unmarked_focus(qtbot, dialog) == []


@pytest.mark.usefixtures("themed")
def test_first_run_focus_is_visible(qtbot: QtBot) -> None:
    wizard = FirstRunWizard(app_paths().ensure(), MemoryKeyStore())
    wizard.next()
    wizard.key_page.passphrase.setChecked(True)
    assert unmarked_focus(qtbot, wizard) == []


@pytest.mark.usefixtures("themed")
def test_unlock_focus_is_visible(qtbot: QtBot) -> None:
    dialog = UnlockDialog(
        app_paths().ensure(), MemoryKeyStore(), UnlockReason.LOCKED, has_passphrase=True
    )
    dialog.reveal_recovery()
    assert unmarked_focus(qtbot, dialog) == []
