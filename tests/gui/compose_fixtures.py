"""Fixtures for compose-window tests: a real vault (in tmp SAFENOTE_HOME) with an in-memory
key store, and a window wired to a controller with short autosave/guidance delays."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from safenote.core.paths import app_paths
from safenote.core.vault import MemoryKeyStore, Vault
from safenote.gui.compose_window import ComposeWindow
from safenote.gui.controller import ComposeController
from safenote.gui.guidance_worker import Guidance

AUTOSAVE_MS = 40
GUIDANCE_MS = 5

OpenWindow = Callable[[], ComposeWindow]
TypeText = Callable[[QWidget, str], None]


@pytest.fixture
def keys() -> MemoryKeyStore:
    """One key store for the whole test, so a "restart" can reopen the same vault."""
    return MemoryKeyStore()


@pytest.fixture
def compose(qtbot: QtBot, keys: MemoryKeyStore) -> Iterator[OpenWindow]:
    """Open a compose window on the test's vault; call again after closing to "restart"."""
    windows: list[ComposeWindow] = []

    def open_window() -> ComposeWindow:
        paths = app_paths().ensure()
        if Vault.exists(paths):
            vault = Vault.open(paths, keystore=keys)
        else:
            vault, _code = Vault.create(paths, keystore=keys)
        controller = ComposeController(vault, autosave_ms=AUTOSAVE_MS, guidance_ms=GUIDANCE_MS)
        window = ComposeWindow(controller)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(controller.draftOpened, timeout=10000):
            controller.start()
        qtbot.waitUntil(lambda: controller.idle)
        windows.append(window)
        return window

    yield open_window
    for window in windows:
        close(window)


def close(window: ComposeWindow) -> None:
    """Close like a person quitting: unsaved text is saved, then the vault is closed."""
    window.close()
    window.controller.shutdown()


def settle(qtbot: QtBot, window: ComposeWindow) -> None:
    """Wait until guidance for the editor's current text is on screen."""
    c = window.controller
    qtbot.waitUntil(lambda: c.idle and c.guidance_is_current, timeout=10000)


def rules(guidance: list[Guidance]) -> set[str]:
    return {g.finding.rule for g in guidance}


def settle_tasks(qtbot: QtBot, window: ComposeWindow) -> None:
    """Wait until every vault answer the controller asked for has been applied."""
    qtbot.waitUntil(lambda: window.controller.idle, timeout=10000)


def vault_of(window: ComposeWindow) -> Vault:
    vault = window.controller.vault
    assert vault is not None
    return vault


def saved_draft(qtbot: QtBot, window: ComposeWindow, type_text: TypeText, text: str) -> str:
    """Start a new draft holding ``text``, saved; returns its id."""
    controller = window.controller
    controller.new_draft()
    type_text(window.editor, text)
    controller.save_now()
    qtbot.waitUntil(lambda: controller.idle and window.status.state == "saved", timeout=10000)
    return controller.draft.id
