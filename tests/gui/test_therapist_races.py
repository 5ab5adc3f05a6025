"""The therapist's windows when things happen in an awkward order: a second file opened
while the first decrypts, a window closed while its work finishes, edits not yet saved.

Deterministic: the viewer's worker runs one task at a time in order, so waiting for the
last task's signal means every earlier result has been delivered too."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from safenote.core.export.age_crypto import encrypt_message_to_file
from safenote.core.export.message import Message
from safenote.core.identity import load_or_create_identity
from safenote.core.practice import template_text
from safenote.core.vault import MemoryKeyStore
from safenote.gui.message_viewer import MessageViewer
from safenote.gui.preview_window import PreviewWindow
from tests.gui.keystore_doubles import BlockingKeyStore
from tests.gui.viewer_fixtures import keystore, viewer
from tests.unit.practice.profiles import FULL

__all__ = ["keystore", "viewer"]  # fixtures

BODY = "Thursday was hard. Could we talk about my sister next time?"


@pytest.fixture
def received(tmp_path: Path, keystore: MemoryKeyStore) -> Path:
    identity = load_or_create_identity(keystore).identity
    path = tmp_path / "from-client.age"
    encrypt_message_to_file(
        Message(body=BODY, subject="Next session"), path, recipients=[identity.age_public_key]
    )
    return path


@pytest.fixture
def junk(tmp_path: Path) -> Path:
    path = tmp_path / "notes.age"
    path.write_text("just some text, not encrypted at all\n", encoding="utf-8")
    return path


def test_a_second_file_opened_while_the_first_decrypts_is_the_one_shown(
    viewer: MessageViewer, qtbot: QtBot, received: Path, junk: Path
) -> None:
    # The first file's result used to be shown (and Save as enabled for it) although the
    # therapist had asked for another; the second's failure then sat under the first's text.
    shown: list[object] = []
    viewer.opened.connect(shown.append)
    viewer.open_path(received)
    with qtbot.waitSignal(viewer.failed, timeout=10_000):
        viewer.open_path(junk)
    assert shown == []
    assert viewer.body.toPlainText() == ""
    assert viewer.message is None
    assert not viewer.save_action.isEnabled()


def test_a_passphrase_is_not_asked_for_a_file_no_longer_wanted(
    viewer: MessageViewer, qtbot: QtBot, tmp_path: Path, received: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    # The stale result asked for the first file's passphrase, then tried it on the second.
    locked = tmp_path / "locked.age"
    encrypt_message_to_file(Message(body="other"), locked, passphrase="correct horse battery")
    asked: list[str] = []

    def answer() -> str:
        asked.append("asked")
        return "correct horse battery"

    monkeypatch.setattr(viewer, "ask_passphrase", answer)
    viewer.open_path(locked)
    with qtbot.waitSignal(viewer.opened, timeout=20_000):
        viewer.open_path(received)
    assert asked == []
    assert viewer.body.toPlainText() == BODY


def test_opening_another_file_clears_the_message_on_screen(
    viewer: MessageViewer, qtbot: QtBot, received: Path, junk: Path
) -> None:
    # A failed second open left the first message's text (and Save as) under the second
    # file's error, as if it were that file's content.
    with qtbot.waitSignal(viewer.opened, timeout=10_000):
        viewer.open_path(received)
    with qtbot.waitSignal(viewer.failed, timeout=10_000):
        viewer.open_path(junk)
    assert viewer.body.toPlainText() == ""
    assert viewer.heading.text() == ""
    assert not viewer.save_action.isEnabled()


def test_a_message_decrypted_after_the_viewer_closed_is_not_kept(
    viewer: MessageViewer, qtbot: QtBot, received: Path
) -> None:
    # Closing clears the text so none stays in a hidden window (the menu keeps closed
    # viewers alive); a decryption finishing just after put the whole message back there.
    shown: list[object] = []
    viewer.opened.connect(shown.append)
    viewer.open_path(received)
    viewer.close()
    qtbot.waitUntil(lambda: not viewer._tasks.busy, timeout=10_000)  # result delivered
    assert shown == []
    assert viewer.body.toPlainText() == ""
    assert viewer.message is None


# -- the preview's practice profile: the therapist's own work --------------------------------


@pytest.fixture
def preview(qtbot: QtBot) -> PreviewWindow:
    window = PreviewWindow(FULL, "riverside.toml", keystore=MemoryKeyStore())
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.profile_editor)
    return window


def edit_profile(window: PreviewWindow) -> str:
    """Type a change into the profile, as the therapist would; returns the new text."""
    editor = window.profile_editor.edit
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.insertPlainText("\n# reviewed with the team\n")
    return window.profile_editor.text()


def answer(qtbot: QtBot, window: PreviewWindow, button: QMessageBox.StandardButton) -> None:
    box = window.unsaved_box
    assert box is not None
    assert box.isVisible()
    clicked = box.button(button)
    assert clicked is not None
    clicked.click()
    qtbot.waitUntil(lambda: not box.isVisible())


def test_closing_with_unsaved_profile_edits_asks_first(
    qtbot: QtBot, preview: PreviewWindow
) -> None:
    # Closing the preview dropped the edited profile without a word.
    edited = edit_profile(preview)
    preview.close()
    assert preview.isVisible()
    answer(qtbot, preview, QMessageBox.StandardButton.Cancel)
    assert preview.isVisible()
    assert preview.profile_editor.text() == edited
    preview.close()
    answer(qtbot, preview, QMessageBox.StandardButton.Discard)
    assert not preview.isVisible()


def test_closing_an_unchanged_or_saved_profile_asks_nothing(
    qtbot: QtBot, preview: PreviewWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "saved.toml"
    monkeypatch.setattr("safenote.gui.file_dialogs.ask_save_path", lambda *a, **k: str(target))
    edited = edit_profile(preview)
    preview.save_profile_action.trigger()
    assert target.read_text(encoding="utf-8") == edited
    preview.close()
    assert preview.unsaved_box is None
    assert not preview.isVisible()


def test_a_failed_save_keeps_the_window_and_the_edits(
    qtbot: QtBot, preview: PreviewWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nowhere = tmp_path / "missing-folder" / "profile.toml"
    monkeypatch.setattr("safenote.gui.file_dialogs.ask_save_path", lambda *a, **k: str(nowhere))
    edited = edit_profile(preview)
    preview.close()
    answer(qtbot, preview, QMessageBox.StandardButton.Save)
    assert preview.isVisible()
    assert preview.profile_editor.text() == edited
    assert "Try another folder" in preview.profile_editor.status.text()
    target = tmp_path / "profile.toml"
    monkeypatch.setattr("safenote.gui.file_dialogs.ask_save_path", lambda *a, **k: str(target))
    preview.close()
    answer(qtbot, preview, QMessageBox.StandardButton.Save)
    assert not preview.isVisible()
    assert target.read_text(encoding="utf-8") == edited


def test_opening_a_profile_over_unsaved_edits_asks_first(
    qtbot: QtBot, preview: PreviewWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # File > Open profile replaced the edited text at once.
    other = tmp_path / "other.toml"
    other.write_text(template_text(), encoding="utf-8")
    chosen: list[str] = []

    def choose(*_args: object, **_kwargs: object) -> str:
        chosen.append("asked")
        return str(other)

    monkeypatch.setattr("safenote.gui.file_dialogs.ask_open_path", choose)
    edited = edit_profile(preview)
    preview.open_profile_action.trigger()
    answer(qtbot, preview, QMessageBox.StandardButton.Cancel)
    assert chosen == []
    assert preview.profile_editor.text() == edited
    preview.open_profile_action.trigger()
    answer(qtbot, preview, QMessageBox.StandardButton.Discard)
    assert chosen == ["asked"]
    assert preview.profile_editor.text() == template_text()
    assert not preview.has_unsaved_profile()


def test_no_key_at_all_says_so_rather_than_someone_else(qtbot: QtBot, received: Path) -> None:
    # With no key in the keyring (a new computer, keys never made) the viewer said the
    # message "was encrypted for someone else's key", pointing at the client.
    keyless = MessageViewer(MemoryKeyStore())
    qtbot.addWidget(keyless)
    with qtbot.waitSignal(keyless.failed, timeout=10_000) as blocker:
        keyless.open_path(received)
    problem = str(blocker.args[0])
    assert "someone else" not in problem
    assert "no key of yours" in problem
    assert "--identity" in problem


def test_closing_while_the_profile_is_being_signed_asks_first(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The window closed at once; the signature then landed in the closed window and was lost.
    keys = BlockingKeyStore()
    window = PreviewWindow(FULL, "riverside.toml", keystore=keys)
    qtbot.addWidget(window)
    window.show()
    editor = window.profile_editor
    editor.sign_button.click()
    qtbot.waitUntil(keys.asked.is_set)
    window.close()
    assert window.isVisible()
    keys.answer.set()
    qtbot.waitUntil(lambda: not editor.signing)  # the signature arrives while it asks
    target = tmp_path / "signed.toml"
    monkeypatch.setattr("safenote.gui.file_dialogs.ask_save_path", lambda *a, **k: str(target))
    answer(qtbot, window, QMessageBox.StandardButton.Save)
    assert not window.isVisible()
    assert "[signature]" in target.read_text(encoding="utf-8")


def test_a_mistyped_passphrase_is_asked_for_again(
    viewer: MessageViewer, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A wrong passphrase ended the opening with "try again", but there was no way to try
    # again short of finding and opening the file once more.
    locked = tmp_path / "locked.age"
    encrypt_message_to_file(Message(body=BODY), locked, passphrase="correct horse battery")
    answers = ["correct horse batery", "correct horse battery"]
    asked: list[str] = []

    def next_answer() -> str:
        asked.append(viewer.status.text())
        return answers.pop(0) if answers else ""

    monkeypatch.setattr(viewer, "ask_passphrase", next_answer)
    outcomes: list[object] = []
    viewer.opened.connect(outcomes.append)
    viewer.failed.connect(outcomes.append)
    viewer.open_path(locked)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=30_000)
    assert viewer.body.toPlainText() == BODY
    assert len(asked) == 2
    assert "does not open this message" in asked[1]
