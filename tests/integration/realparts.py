"""Integration tests need real parts. Under `make test` on Linux (SAFENOTE_REAL_PARTS=1) a
missing part fails the run; elsewhere the test skips and says why."""

from __future__ import annotations

import os
import shutil

import pytest

REQUIRED = os.environ.get("SAFENOTE_REAL_PARTS") == "1"
ATSPI_PYTHON = "/usr/bin/python3"


def missing(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"real part missing: {reason}", pytrace=False)
    pytest.skip(reason)


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        missing(f"the {name!r} command is not installed")
        raise AssertionError  # unreachable: missing() raises
    return path


def require_session_bus() -> None:
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        missing("no D-Bus session bus (run under scripts/with-real-parts.sh)")


def require_display() -> None:
    if not os.environ.get("DISPLAY"):
        missing("no X display (run under scripts/with-real-parts.sh)")
