"""Shared test set-up: every test runs in a private, throw-away home.

* Qt runs offscreen unless a display is given (a pytest-qt run with neither a display nor a
  platform aborts the whole process), so this is set before anything imports Qt.
* ``HOME``, ``SAFENOTE_HOME`` and the XDG folders point into ``tmp_path``: no test can touch
  the real user's drafts, settings or logs.
* Outside integration tests the keyring is the ``fail`` backend, so a unit test that forgets
  to inject a fake keyring fails loudly instead of writing to the developer's real keyring.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/integration/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(autouse=True)
def private_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Path:
    """A fresh 0700 HOME and SAFENOTE_HOME for each test."""
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    safenote_home = tmp_path / "safenote"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("SAFENOTE_HOME", str(safenote_home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    if request.node.get_closest_marker("integration") is None:
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    return safenote_home
