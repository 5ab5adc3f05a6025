"""The read-only message viewer: opens in memory, writes nothing unless "Save as" (warned)."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from safenote.core.export.age_crypto import encrypt_message_to_file
from safenote.core.export.message import Message
from safenote.core.identity import load_or_create_identity
from safenote.core.vault import MemoryKeyStore
from safenote.gui.message_viewer import MessageViewer
from tests.gui.viewer_fixtures import keystore, viewer

__all__ = ["keystore", "viewer"]  # fixtures

BODY = "Thursday was hard. Could we talk about my sister next time?"


def snapshot(root: Path) -> dict[str, tuple[int, float]]:
    files: dict[str, tuple[int, float]] = {}
    for folder, _dirs, names in os.walk(root):
        files[folder] = (0, 0.0)
        for name in names:
            info = Path(folder, name).stat()
            files[str(Path(folder, name))] = (info.st_size, info.st_mtime)
    return files


@pytest.fixture
def received(tmp_path: Path, keystore: MemoryKeyStore) -> Path:
    identity = load_or_create_identity(keystore).identity
    path = tmp_path / "from-client.age"
    message = Message(
        body=BODY,
        subject="Next session",
        sender="Alex",
        date=dt.datetime(2026, 3, 5, tzinfo=dt.UTC),
    )
    encrypt_message_to_file(message, path, recipients=[identity.age_public_key])
    return path


def test_opening_with_the_keyring_identity_writes_nothing(
    viewer: MessageViewer, received: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    before = snapshot(tmp_path)
    with qtbot.waitSignal(viewer.opened, timeout=10_000):
        viewer.open_path(received)
    assert viewer.body.toPlainText() == BODY
    assert viewer.body.isReadOnly()
    assert "Next session" in viewer.heading.text()
    assert "From: Alex" in viewer.heading.text()
    assert "Nothing has been saved" in viewer.status.text()
    viewer.close()
    assert viewer.body.toPlainText() == ""
    assert snapshot(tmp_path) == before


@pytest.fixture
def stranger(qtbot: QtBot) -> MessageViewer:
    """A viewer whose keyring holds another therapist's identity, not the recipient's."""
    keys = MemoryKeyStore()
    load_or_create_identity(keys)
    window = MessageViewer(keys)
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_message_for_someone_else_says_so(
    stranger: MessageViewer, qtbot: QtBot, received: Path
) -> None:
    with qtbot.waitSignal(stranger.failed, timeout=10_000) as blocker:
        stranger.open_path(received)
    assert "someone else" in str(blocker.args[0])
    assert stranger.body.toPlainText() == ""
    assert not stranger.save_action.isEnabled()


def test_save_as_warns_first_and_cancel_writes_nothing(
    viewer: MessageViewer, received: Path, qtbot: QtBot, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    with qtbot.waitSignal(viewer.opened, timeout=10_000):
        viewer.open_path(received)
    before = snapshot(tmp_path)
    asked: list[str] = []

    def refuse() -> bool:
        asked.append("warned")
        return False

    monkeypatch.setattr(viewer, "confirm_unencrypted", refuse)
    monkeypatch.setattr(viewer, "ask_save_path", lambda: str(tmp_path / "copy.txt"))
    assert viewer.save_as() is None
    assert asked == ["warned"]
    assert snapshot(tmp_path) == before


def test_save_as_after_the_warning_writes_a_private_plain_copy(
    viewer: MessageViewer, received: Path, qtbot: QtBot, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    with qtbot.waitSignal(viewer.opened, timeout=10_000):
        viewer.open_path(received)
    target = tmp_path / "copy.txt"
    monkeypatch.setattr(viewer, "confirm_unencrypted", lambda: True)
    monkeypatch.setattr(viewer, "ask_save_path", lambda: str(target))
    assert viewer.save_as() == target
    text = target.read_text(encoding="utf-8")
    assert text.startswith("Subject: Next session\nFrom: Alex\n")
    assert text.endswith(BODY)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_the_warning_says_the_copy_is_unencrypted(
    viewer: MessageViewer, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    seen: list[str] = []

    def fake_warning(*args: object) -> QMessageBox.StandardButton:
        seen.append(str(args[2]))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", fake_warning)
    assert viewer.confirm_unencrypted() is False
    assert "not be encrypted" in seen[0]


def test_a_passphrase_message_asks_for_the_passphrase(
    viewer: MessageViewer, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.age"
    encrypt_message_to_file(Message(body=BODY), path, passphrase="correct horse battery")
    monkeypatch.setattr(viewer, "ask_passphrase", lambda: "correct horse battery")
    with qtbot.waitSignal(viewer.opened, timeout=20_000):
        viewer.open_path(path)
    assert viewer.body.toPlainText() == BODY


def test_a_file_that_is_not_a_message_is_explained(
    viewer: MessageViewer, qtbot: QtBot, tmp_path: Path
) -> None:
    junk = tmp_path / "notes.age"
    junk.write_text("just some text, not encrypted at all\n", encoding="utf-8")
    with qtbot.waitSignal(viewer.failed, timeout=10_000) as blocker:
        viewer.open_path(junk)
    assert "age" in str(blocker.args[0]).lower()
    assert viewer.body.toPlainText() == ""


def test_an_identity_file_can_be_used_instead_of_the_keyring(qtbot: QtBot, tmp_path: Path) -> None:
    from safenote.core.export.keys import generate_identity, write_identity_file

    identity = generate_identity()
    key_file = tmp_path / "key.txt"
    write_identity_file(key_file, identity)
    path = tmp_path / "m.age"
    encrypt_message_to_file(Message(body=BODY), path, recipients=[identity.public_key])
    window = MessageViewer(MemoryKeyStore(), identity_file=key_file)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.opened, timeout=10_000):
        window.open_path(path)
    assert window.body.toPlainText() == BODY
