"""Helpers for driving SafeNote's dialogs from outside: a vault made with the CLI (so a test
can start past the first run), and pressing buttons through AT-SPI."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from safenote.core.paths import app_paths
from safenote.core.vault import SystemKeyStore, Vault
from tests.integration.atspi import AtspiApp, Node, pump_qt_until
from tests.integration.realparts import ATSPI_PYTHON

PRESS = Path(__file__).with_name("atspi_press.py")


def init_vault(home: Path) -> str:
    """Create a vault under ``home`` with its key in the real keyring (as the app would);
    returns the recovery code."""
    paths = app_paths({"SAFENOTE_HOME": str(home)}).ensure()
    vault, code = Vault.create(paths, keystore=SystemKeyStore())
    vault.close()
    return code


def press(app: AtspiApp, name: str, role: str = "push button", timeout: float = 30.0) -> None:
    """Do the default action of the showing control called ``name`` (waits until it shows)."""
    deadline = time.monotonic() + timeout
    command = [ATSPI_PYTHON, str(PRESS), app.app_name, name, role]
    while True:
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        pump_qt_until(lambda p=proc: p.poll() is not None, timeout=60.0)
        _out, err = proc.communicate(timeout=60)
        if proc.returncode == 0:
            return
        if proc.returncode not in (3, 4) or time.monotonic() > deadline:
            raise AssertionError(f"couldn't press {name!r}: {err}")
        time.sleep(0.2)  # polling a separate process until the control shows


def wait_for(
    app: AtspiApp, predicate: Callable[[list[Node]], bool], timeout: float = 60.0
) -> list[Node]:
    """Like ``app.wait_for``, but a walk that meets a widget being destroyed (a dialog
    closing mid-walk: "No such object path") is simply tried again."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            nodes = app.dump(timeout)
        except AssertionError as err:
            if "No such object" not in str(err) or time.monotonic() > deadline:
                raise
            continue
        if predicate(nodes):
            return nodes
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in the accessible tree")
        time.sleep(0.2)  # polling a separate process; not a timing assumption
