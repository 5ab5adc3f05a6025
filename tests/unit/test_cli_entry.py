"""`safenote` with no arguments goes straight to the window, without the CLI's imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = """
import json, sys
import safenote.gui.app as app

def fake_run_gui():
    loaded = sorted(
        m for m in sys.modules
        if m.startswith("safenote.cli.") or m.startswith("safenote.core.policy")
    )
    print(json.dumps(loaded))
    return 7

app.run_gui = fake_run_gui
from safenote.cli import main
sys.exit(main(ARGS))
"""


def run_entry(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROBE.replace("ARGS", repr(args))],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_no_arguments_opens_the_window_without_loading_subcommands_or_the_engine() -> None:
    result = run_entry([])
    assert result.returncode == 7, result.stderr
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    # Only the package's shared helper: no subcommand, and no guidance engine (which the
    # window loads on its own thread once it is on screen).
    assert loaded == ["safenote.cli._common"]


def test_a_subcommand_still_goes_through_the_parser() -> None:
    result = run_entry(["--version"])
    assert result.returncode == 0
    assert result.stdout.startswith("safenote ")
