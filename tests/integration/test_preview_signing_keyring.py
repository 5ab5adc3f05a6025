"""Signing from the preview window with the real keyring (gnome-keyring's Secret Service).

Run under scripts/with-real-parts.sh. The window is opened from the therapist menu as a
therapist would open it, with no keystore given, so it reaches the system keyring itself;
the keys it makes are removed again afterwards (the fixture refuses to run if therapist
keys are already there).
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from safenote.core.identity import load_identity
from safenote.core.practice import load_practice, template_text
from safenote.core.vault import SystemKeyStore
from safenote.gui.preview_window import PreviewWindow
from safenote.gui.therapist_menu import add_therapist_menu
from tests.integration.test_practice_keyring import keystore

__all__ = ["keystore"]  # fixture: refuses existing therapist keys, removes the ones made


def test_sign_in_the_preview_then_save_and_load(
    qtbot: QtBot, keystore: SystemKeyStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    host = QMainWindow()
    qtbot.addWidget(host)
    menu = add_therapist_menu(host)  # no keystore: the system keyring, as in the app
    win = menu.open_preview(template_text(), "practice.toml")
    qtbot.addWidget(win)
    assert isinstance(win, PreviewWindow)
    editor = win.profile_editor
    assert editor.sign_button.isEnabled()

    win.sign_profile_action.trigger()
    qtbot.waitUntil(lambda: not editor.edit.isReadOnly(), timeout=60_000)
    assert editor.sign_note.kind == "success", editor.sign_note.message
    assert "Made your signing key" in editor.sign_note.message

    identity = load_identity(keystore)
    assert identity is not None  # the key the window made is really in the Secret Service
    assert editor.status.text() == (
        f"Valid and signed (fingerprint {identity.signing_fingerprint})."
    )

    target = tmp_path / "practice.toml"
    monkeypatch.setattr("safenote.gui.file_dialogs.ask_save_path", lambda *_a, **_k: str(target))
    win.save_profile_action.trigger()
    profile = load_practice(target)
    assert profile.signed
    assert profile.fingerprint == identity.signing_fingerprint
    assert stat.S_IMODE(target.stat().st_mode) & 0o077 == 0  # written like the CLI writes it
