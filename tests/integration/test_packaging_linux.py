"""The desktop entry and AppStream metainfo pass the freedesktop validators (offline)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from safenote import APP_ID
from tests.conftest import ROOT
from tests.integration.realparts import require_tool

LINUX = ROOT / "packaging" / "linux"


def test_desktop_entry_validates() -> None:
    tool = require_tool("desktop-file-validate")
    done = subprocess.run(
        [tool, str(LINUX / f"{APP_ID}.desktop")], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower()


def test_metainfo_validates_without_network() -> None:
    tool = require_tool("appstreamcli")
    done = subprocess.run(
        [tool, "validate", "--no-net", "--explain", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # Warnings fail too: only pedantic notes (the app id's capitals) are accepted.
    assert not [line for line in done.stdout.splitlines() if line.startswith(("E:", "W:"))]


def test_metainfo_validator_is_not_a_rubber_stamp(tmp_path: Path) -> None:
    tool = require_tool("appstreamcli")
    broken = (LINUX / f"{APP_ID}.metainfo.xml").read_text("utf-8").replace("<summary>", "<x>", 1)
    path = tmp_path / f"{APP_ID}.metainfo.xml"
    path.write_text(broken.replace("</summary>", "</x>", 1), "utf-8")
    done = subprocess.run(
        [tool, "validate", "--no-net", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode != 0
