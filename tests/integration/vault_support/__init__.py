"""Helpers for the vault's integration tests (real gnome-keyring, subprocesses)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from safenote.core.vault import SystemKeyStore
from tests.integration.realparts import missing, require_session_bus

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
# The HOME of the session (and of its keyring daemon), before tests/conftest.py swaps in a
# per-test HOME. This module is imported at collection time, before any fixture runs.
SESSION_HOME = os.environ.get("HOME", "")


def real_keystore() -> SystemKeyStore:
    """SafeNote's keystore over the real Secret Service, or fail/skip saying what's missing."""
    require_session_bus()
    import keyring

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if name != "keyring.backends.SecretService.Keyring":
        missing(f"the keyring backend is {name}, not gnome-keyring's Secret Service")
    return SystemKeyStore(backend=backend)


def run_safenote(
    *args: str, env: dict[str, str] | None = None, stdin: str = "", timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """``python -m safenote ARGS`` in a subprocess (inherits the test's HOME/SAFENOTE_HOME)."""
    return subprocess.run(
        [sys.executable, "-m", "safenote", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env=env if env is not None else dict(os.environ),
        cwd=ROOT,
    )


def env_without_keyring_overrides() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHON_KEYRING_BACKEND", None)
    return env


def fake_keyrings_alt(folder: Path) -> Path:
    """A stand-in for the ``keyrings.alt`` package: same module path and class name as the
    real plaintext backend, and like it, it writes secrets to a file. SafeNote decides by
    module and class, so this exercises the same refusal without installing keyrings.alt.
    """
    package = folder / "keyrings" / "alt"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "file.py").write_text(
        '''"""Stand-in for keyrings.alt.file (test only)."""
import base64
import json
import os

from keyring.backend import KeyringBackend


class PlaintextKeyring(KeyringBackend):
    priority = 0.5

    @property
    def _path(self):
        return os.path.join(os.environ["HOME"], "keyring_pass.cfg")

    def _load(self):
        try:
            with open(self._path) as handle:
                return json.load(handle)
        except FileNotFoundError:
            return {}

    def get_password(self, service, username):
        value = self._load().get(f"{service}/{username}")
        return None if value is None else base64.b64decode(value).decode()

    def set_password(self, service, username, password):
        data = self._load()
        data[f"{service}/{username}"] = base64.b64encode(password.encode()).decode()
        with open(self._path, "w") as handle:
            json.dump(data, handle)

    def delete_password(self, service, username):
        data = self._load()
        data.pop(f"{service}/{username}", None)
        with open(self._path, "w") as handle:
            json.dump(data, handle)
''',
        encoding="utf-8",
    )
    return folder


def require(tool: str) -> str:
    import shutil

    path = shutil.which(tool)
    if path is None:
        missing(f"the {tool!r} command is not installed")
    assert path is not None
    return path


__all__ = [
    "ROOT",
    "SESSION_HOME",
    "env_without_keyring_overrides",
    "fake_keyrings_alt",
    "real_keystore",
    "require",
    "run_safenote",
]
