from __future__ import annotations

import stat
from pathlib import Path

from safenote.core.paths import app_paths


def test_safenote_home_redirects_everything(tmp_path: Path) -> None:
    paths = app_paths({"SAFENOTE_HOME": str(tmp_path / "sn"), "HOME": "/nowhere"}, "linux")
    assert paths.data == tmp_path / "sn" / "data"
    assert paths.config == tmp_path / "sn" / "config"
    assert paths.logs == tmp_path / "sn" / "logs"


def test_linux_follows_xdg() -> None:
    env = {"HOME": "/home/ana", "XDG_DATA_HOME": "/d", "XDG_CONFIG_HOME": "/c"}
    paths = app_paths(env, "linux")
    assert paths.data == Path("/d/safenote")
    assert paths.config == Path("/c/safenote")
    assert paths.logs == Path("/home/ana/.local/state/safenote/logs")


def test_linux_ignores_relative_xdg_values() -> None:
    paths = app_paths({"HOME": "/home/ana", "XDG_DATA_HOME": "relative"}, "linux")
    assert paths.data == Path("/home/ana/.local/share/safenote")


def test_macos_and_windows_locations() -> None:
    mac = app_paths({"HOME": "/Users/ana"}, "darwin")
    assert mac.data == Path("/Users/ana/Library/Application Support/SafeNote")
    assert mac.logs == Path("/Users/ana/Library/Logs/SafeNote")
    win = app_paths({"HOME": "/h", "LOCALAPPDATA": "/l", "APPDATA": "/r"}, "win32")
    assert win.data == Path("/l/SafeNote/data")
    assert win.config == Path("/r/SafeNote")


def test_ensure_creates_private_folders(tmp_path: Path) -> None:
    paths = app_paths({"SAFENOTE_HOME": str(tmp_path / "sn")}).ensure()
    for folder in (paths.data, paths.config, paths.logs):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
