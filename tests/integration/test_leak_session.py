"""A scripted session with the real keyring leaves the words typed in no file: first run,
type a message with a marker word, autosave, copy it (through the clipboard guard), lock,
quit; then the marker is in no file under HOME, the data, config and log folders, TMPDIR
(private for this test), the keyring daemon's home, or anything new in /tmp."""

from __future__ import annotations

import logging
import secrets
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from safenote.core.logsetup import configure_logging
from safenote.core.paths import app_paths
from safenote.gui.first_run_wizard import CODE
from safenote.gui.startup import Startup
from tests.gui.startup_support import FastController
from tests.integration.vault_support import SESSION_HOME, real_keystore
from tests.qt_helpers import type_text
from tests.unit.vault.scan import encodings_of, files_containing


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "tmpdir"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)
    return folder


@pytest.fixture
def app_config() -> Iterator[Path]:
    """QSettings and the log file in SafeNote's own folders, as run_gui sets them up."""
    paths = app_paths().ensure()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(paths.config))
    configure_logging(paths.logs)
    yield paths.config
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
    logger = logging.getLogger("safenote")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()


@pytest.mark.usefixtures("app_config")
def test_a_whole_session_leaves_no_plaintext(qtbot: QtBot, private_tmp: Path) -> None:
    store = real_keystore()
    started = time.time() - 1
    marker = f"Zebrafinch{secrets.token_hex(5)}"
    message = f"Dear Dr. Okafor, the {marker} dream came back. Could we talk Thursday?"
    paths = app_paths().ensure()

    flow = Startup(paths, store, controller_factory=FastController)
    flow.begin()
    wizard = flow.wizard
    assert wizard is not None
    wizard.next()
    wizard.next()  # the key goes into gnome-keyring
    qtbot.waitUntil(lambda: wizard.page == CODE, timeout=30000)
    wizard.next()
    wizard.type_back.typed.setText(wizard.code)
    wizard.next()
    wizard.about.name.setText("Sam")
    wizard.next()
    qtbot.waitUntil(lambda: flow.session is not None, timeout=30000)
    window, session = flow.window, flow.session
    assert window is not None
    assert session is not None
    qtbot.addWidget(window)
    controller = window.controller
    vault = controller.vault
    assert vault is not None
    vault_id = vault.vault_id
    try:
        qtbot.waitUntil(lambda: not window.editor.isReadOnly(), timeout=30000)
        type_text(window.editor, message)
        qtbot.waitUntil(lambda: controller.idle and controller.draft.revision > 0, timeout=30000)
        # Autosaved (encrypted): the vault gives the whole message back.
        assert vault.get_draft(controller.draft.id).body == message
        session.copy_action.trigger()
        assert QGuiApplication.clipboard().text() == message
        session.lock_action.trigger()
        assert session.lock.locked
        assert QGuiApplication.clipboard().text() == ""
        window.close()
        controller.shutdown()
        session.clipboard.clear_if_ours()

        needles = encodings_of(marker)
        roots = [Path.home(), paths.data, paths.config, paths.logs, private_tmp]
        if SESSION_HOME and SESSION_HOME not in ("/", "/root") and Path(SESSION_HOME).is_dir():
            roots.append(Path(SESSION_HOME))  # the keyring daemon's files
        assert paths.data.is_dir()
        assert any(paths.data.rglob("*.db"))  # the draft really was saved somewhere
        assert files_containing(roots, needles) == []
        assert files_containing([Path("/tmp")], needles, newer_than=started) == []
    finally:
        store.delete_key(vault_id)
