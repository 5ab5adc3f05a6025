"""A GUI session opens no network socket: an audit hook ends the process if one is tried."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

GUARD = textwrap.dedent(
    """
    import os, socket, sys

    def guard(event, args):
        if event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
                     "socket.gethostbyaddr"):
            sys.stderr.write("network lookup: " + event + "\\n"); os._exit(99)
        if event in ("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"):
            sock = args[0]
            # Local D-Bus (AF_UNIX) is how the keyring is reached; only network families fail.
            if sock.family in (socket.AF_INET, socket.AF_INET6):
                sys.stderr.write("network socket: " + event + "\\n"); os._exit(99)

    sys.addaudithook(guard)
    """
)

SESSION = textwrap.dedent(
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])

    def script():
        # A first run: go through the wizard (passphrase mode: no keyring in unit tests),
        # then write in the compose window once its drafts are open.
        shown = {w.objectName(): w for w in app.topLevelWidgets() if w.isVisible()}
        window = shown.get("composeWindow")
        if window is not None and window.controller.vault is not None:
            timer.stop()
            window.editor.setPlainText("A message to my therapist about Tuesday.")
            window.close()
            app.quit()
            return
        wizard = shown.get("firstRunWizard")
        if wizard is None or wizard.busy.isVisible():
            return
        if wizard.page == 1:
            wizard.key_page.passphrase.setChecked(True)
            wizard.key_page.fields.first.setText("lantern orbit marble")
            wizard.key_page.fields.second.setText("lantern orbit marble")
        if wizard.page == 3:
            wizard.type_back.typed.setText(wizard.code)
        wizard.next()

    timer = QTimer()
    timer.timeout.connect(script)
    timer.start(50)
    from safenote.gui.app import run_gui
    sys.exit(run_gui())
    """
)


def run_guarded(body: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", GUARD + body],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_gui_session_opens_no_network_socket() -> None:
    result = run_guarded(SESSION)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "attempt",
    [
        "socket.create_connection(('127.0.0.1', 9), timeout=1)",
        "socket.getaddrinfo('example.org', 443)",
    ],
)
def test_guard_really_catches_network_use(attempt: str) -> None:
    result = run_guarded(f"import socket\n{attempt}\n")
    assert result.returncode == 99, result.stderr
