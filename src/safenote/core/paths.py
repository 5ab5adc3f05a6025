"""Where SafeNote keeps its data, configuration and logs.

``SAFENOTE_HOME`` redirects all three (tests always set it). Otherwise the platform's usual
places are used: XDG directories on Linux, ``~/Library`` on macOS, ``%LOCALAPPDATA%`` and
``%APPDATA%`` on Windows. The folders are created with mode 0700 so nothing in them is readable
by other accounts even where the umask is loose.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

HOME_ENV = "SAFENOTE_HOME"
_APP_DIR = "safenote"
_APP_DIR_TITLE = "SafeNote"


@dataclass(frozen=True)
class AppPaths:
    """The three folders SafeNote writes to."""

    data: Path
    config: Path
    logs: Path

    def ensure(self) -> AppPaths:
        """Create the folders (0700) if missing and return self."""
        for folder in (self.data, self.config, self.logs):
            make_private_dir(folder)
        return self


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` (and parents) and make sure only the owner can enter it."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(folder, 0o700)


def app_paths(environ: dict[str, str] | None = None, platform: str | None = None) -> AppPaths:
    """Resolve SafeNote's folders for this user (nothing is created)."""
    env = dict(os.environ) if environ is None else environ
    plat = sys.platform if platform is None else platform
    override = env.get(HOME_ENV, "").strip()
    if override:
        root = Path(override).expanduser().resolve()
        return AppPaths(data=root / "data", config=root / "config", logs=root / "logs")

    home = Path(env.get("HOME") or Path.home())
    if plat.startswith("win"):
        local = Path(env.get("LOCALAPPDATA") or home / "AppData" / "Local")
        roaming = Path(env.get("APPDATA") or home / "AppData" / "Roaming")
        return AppPaths(
            data=local / _APP_DIR_TITLE / "data",
            config=roaming / _APP_DIR_TITLE,
            logs=local / _APP_DIR_TITLE / "logs",
        )
    if plat == "darwin":
        support = home / "Library" / "Application Support" / _APP_DIR_TITLE
        return AppPaths(
            data=support,
            config=home / "Library" / "Preferences" / _APP_DIR_TITLE,
            logs=home / "Library" / "Logs" / _APP_DIR_TITLE,
        )

    def xdg(name: str, default: Path) -> Path:
        value = env.get(name, "")
        return Path(value) if value and os.path.isabs(value) else default

    return AppPaths(
        data=xdg("XDG_DATA_HOME", home / ".local" / "share") / _APP_DIR,
        config=xdg("XDG_CONFIG_HOME", home / ".config") / _APP_DIR,
        logs=xdg("XDG_STATE_HOME", home / ".local" / "state") / _APP_DIR / "logs",
    )
