"""The "For therapists" menu opens the preview and the message viewer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from safenote.gui.message_viewer import MessageViewer
from safenote.gui.preview_window import PreviewWindow
from safenote.gui.therapist_menu import add_therapist_menu


def test_menu_sits_before_help_and_opens_the_preview(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    help_menu = window.menuBar().addMenu("&Help")
    menu = add_therapist_menu(window, before=help_menu.menuAction())
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["For &therapists", "&Help"]
    menu.preview_action.trigger()
    (preview,) = menu.windows
    qtbot.addWidget(preview)
    assert isinstance(preview, PreviewWindow)
    assert preview.isVisible()
    assert preview.profile is not None  # the template, valid as it is


def test_menu_opens_a_message_in_the_viewer(qtbot: QtBot, tmp_path: Path) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = add_therapist_menu(window)
    junk = tmp_path / "x.age"
    junk.write_text("not a message", encoding="utf-8")
    viewer = menu.open_message(junk)
    qtbot.addWidget(viewer)
    assert isinstance(viewer, MessageViewer)
    qtbot.waitUntil(lambda: "age" in viewer.status.text().lower(), timeout=10_000)


def test_the_compose_window_has_the_therapist_menu_before_help(qtbot: QtBot) -> None:
    from safenote.gui.compose_window import ComposeWindow

    window = ComposeWindow()
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("For &therapists") == titles.index("&Help") - 1
    assert window.therapist_menu.preview_action.text() == "&Preview client guidance…"
