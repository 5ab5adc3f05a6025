"""Helpers for the packaging tests: start an installed SafeNote and see its window come up."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

START_TIMEOUT = 120.0  # generous: a cold bundle on a busy 2-core CI machine


def gui_starts_and_quits(
    command: Sequence[str], env: Mapping[str, str], safenote_home: Path
) -> None:
    """Start SafeNote's window and stop it once it is up; fail with its output otherwise.

    "Up" means the app logged "started", which it does right after showing the compose
    window. SafeNote has no quit option, so the test ends it with SIGTERM, as a session
    logout would, and checks it died of that signal rather than of an error of its own.
    """
    log = safenote_home / "logs" / "safenote.log"
    proc = subprocess.Popen(
        list(command),
        env=dict(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not (log.is_file() and "started" in log.read_text(encoding="utf-8")):
            try:
                proc.wait(timeout=0.1)  # waits on the process, and notices an early exit
            except subprocess.TimeoutExpired:
                if time.monotonic() > deadline:
                    pytest.fail(f"SafeNote did not start within {START_TIMEOUT:.0f} s")
                continue
            out, err = proc.communicate()
            pytest.fail(f"SafeNote exited with {proc.returncode} before starting:\n{out}\n{err}")
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == -signal.SIGTERM, f"exit {proc.returncode}:\n{out}\n{err}"
    assert "Traceback" not in err, err
    assert "ERROR" not in log.read_text(encoding="utf-8")


def gui_env(safenote_home: Path, platform: str = "offscreen") -> dict[str, str]:
    env = dict(os.environ, SAFENOTE_HOME=str(safenote_home), QT_QPA_PLATFORM=platform)
    # Nothing from the source tree may leak in: the installed copy must stand alone.
    env.pop("PYTHONPATH", None)
    return env
