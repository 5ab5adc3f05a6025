"""Fixtures for the therapist's message viewer: one in-memory key store per test, and a
viewer shown on it (import them into a test module to use them)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from safenote.core.vault import MemoryKeyStore
from safenote.gui.message_viewer import MessageViewer


@pytest.fixture
def keystore() -> MemoryKeyStore:
    """The therapist's keyring; a test's ``received`` file is encrypted to its identity."""
    return MemoryKeyStore()


@pytest.fixture
def viewer(qtbot: QtBot, keystore: MemoryKeyStore) -> MessageViewer:
    window = MessageViewer(keystore)
    qtbot.addWidget(window)
    window.show()
    return window
