"""Start SafeNote and look at it the way a screen reader does (AT-SPI, under Xvfb)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from tests.integration.realparts import (
    ATSPI_PYTHON,
    missing,
    require_display,
    require_session_bus,
)

PROBE = Path(__file__).with_name("atspi_probe.py")
APP_NOT_ON_BUS = 3


@dataclass
class Node:
    path: str
    role: str
    name: str
    description: str
    showing: bool
    interactive: bool
    text: str | None = None


def _probe(*args: str) -> subprocess.CompletedProcess[str]:
    command = [ATSPI_PYTHON, str(PROBE), *args]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    pump_qt_until(lambda: proc.poll() is not None, timeout=60.0)
    out, err = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(command, proc.returncode, out, err)


def pump_qt_until(done: Any, timeout: float) -> None:
    """Wait for ``done()``; if this test process runs Qt itself, keep its events turning.

    A test process that has shown widgets with accessibility on is on the AT-SPI bus too,
    and the probe asks every application on the bus for its name: if this process didn't
    answer while waiting, each probe would first sit through D-Bus timeouts.
    """
    qt_core = sys.modules.get("PySide6.QtCore")
    app = qt_core.QCoreApplication.instance() if qt_core is not None else None
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            return
        if app is not None:
            app.processEvents(qt_core.QEventLoop.ProcessEventsFlag.AllEvents, 50)  # type: ignore[union-attr]
        else:
            time.sleep(0.02)  # no Qt here: just waiting for the probe process


class AtspiApp:
    """A running SafeNote process whose accessible tree can be read and typed into."""

    def __init__(self, home: Path, args: Sequence[str] = (), app_name: str = "SafeNote") -> None:
        require_session_bus()
        require_display()
        if not Path(ATSPI_PYTHON).exists() or _probe_has_no_pyatspi():
            missing("Debian's python3-pyatspi is not installed")
        self.app_name = app_name
        env = dict(os.environ, SAFENOTE_HOME=str(home), QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1")
        env.pop("QT_QPA_PLATFORM", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "safenote", *args],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    def __enter__(self) -> AtspiApp:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def dump(self, timeout: float = 30.0) -> list[Node]:
        """The accessible tree, waiting (polling) until the app has registered on the bus."""
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise AssertionError(f"SafeNote exited early: {self.process.stderr.read()}")  # type: ignore[union-attr]
            result = _probe("dump", self.app_name)
            if result.returncode == 0:
                return [Node(**_known(n)) for n in json.loads(result.stdout)]
            if result.returncode != APP_NOT_ON_BUS or time.monotonic() > deadline:
                raise AssertionError(f"AT-SPI probe failed ({result.returncode}): {result.stderr}")
            time.sleep(0.2)  # polling a separate process; not a timing assumption

    def wait_for(self, predicate: Any, timeout: float = 30.0) -> list[Node]:
        deadline = time.monotonic() + timeout
        while True:
            nodes = self.dump(timeout)
            if predicate(nodes):
                return nodes
            if time.monotonic() > deadline:
                raise AssertionError("condition not met in the accessible tree")
            time.sleep(0.2)

    def type(self, name: str, text: str) -> None:
        """Insert ``text`` into the editable control a screen reader knows as ``name``."""
        self.dump()
        result = _probe("type", self.app_name, name, text)
        assert result.returncode == 0, result.stderr


def _known(raw: dict[str, Any]) -> dict[str, Any]:
    fields = Node.__dataclass_fields__
    return {k: v for k, v in raw.items() if k in fields}


def _probe_has_no_pyatspi() -> bool:
    result = subprocess.run(
        [ATSPI_PYTHON, "-c", "import pyatspi"], capture_output=True, timeout=60, check=False
    )
    return result.returncode != 0


def unnamed_interactive(nodes: list[Node]) -> list[Node]:
    return [n for n in nodes if n.interactive and n.showing and not n.name.strip()]
