"""Helpers for tests that run the whole start-up flow (Startup) in one process: a controller
with short delays, a fixture that closes every flow a test started, and the steps most such
tests take (start, finish the first-run wizard, wait until the window can be written in)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from safenote.core.paths import app_paths
from safenote.core.vault import KdfParams, MemoryKeyStore
from safenote.gui.compose_window import ComposeWindow
from safenote.gui.controller import ComposeController
from safenote.gui.first_run_wizard import FirstRunWizard
from safenote.gui.privacy_session import PrivacySession
from safenote.gui.startup import Startup
from tests.gui.compose_fixtures import AUTOSAVE_MS, GUIDANCE_MS

# Test-only KDF costs: the first run makes a real vault, and the default costs take seconds.
FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)


class FastController(ComposeController):
    """The compose-window tests' short autosave and guidance delays, for Startup to build."""

    def __init__(self) -> None:
        super().__init__(autosave_ms=AUTOSAVE_MS, guidance_ms=GUIDANCE_MS)


@pytest.fixture
def started(qtbot: QtBot) -> Iterator[list[Startup]]:
    """Every flow the test starts (see start); each is waited for and its window shut down,
    so no worker thread or open vault outlives the test."""
    flows: list[Startup] = []
    yield flows
    for flow in flows:
        flow.wait()
        if flow.window is not None:
            flow.window.close()
            flow.window.controller.shutdown()


def start(keys: MemoryKeyStore, flows: list[Startup]) -> Startup:
    """Begin the start-up flow on the test's SAFENOTE_HOME, as launching the app would."""
    flow = Startup(app_paths().ensure(), keys, kdf=FAST_KDF, controller_factory=FastController)
    flows.append(flow)
    flow.begin()
    return flow


def finish_first_run(qtbot: QtBot, wizard: FirstRunWizard, name: str) -> None:
    """Walk the wizard to the end: make the vault, type the recovery code back, give a name."""
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: bool(wizard.code), timeout=10000)
    wizard.next()
    wizard.type_back.typed.setText(wizard.code)
    wizard.next()
    wizard.about.name.setText(name)
    wizard.next()


def ready(qtbot: QtBot, flow: Startup) -> tuple[ComposeWindow, PrivacySession]:
    """The window once its drafts are open: by then the settings have been read and the
    reminder (if due) is in place, since settings load before the first draft opens."""
    qtbot.waitUntil(lambda: flow.session is not None, timeout=10000)
    window, session = flow.window, flow.session
    assert window is not None
    assert session is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.editor.isReadOnly(), timeout=10000)
    return window, session
