from __future__ import annotations

import subprocess
import sys

import pytest

from safenote import __version__
from safenote.cli import main


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "safenote", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_version_prints_name_and_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"safenote {__version__}"


def test_help_lists_every_registered_subcommand() -> None:
    from safenote.cli import COMMAND_MODULES

    result = run_cli("--help")
    assert result.returncode == 0
    assert "usage: safenote" in result.stdout
    for module in COMMAND_MODULES:
        # Module safenote.cli.check registers "check", safenote.cli.drafts "drafts", ...
        assert module.rsplit(".", 1)[1] in result.stdout


def test_unknown_subcommand_is_one_line_and_exit_2() -> None:
    result = run_cli("no-such-command")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "error" in result.stderr


def test_main_sets_a_private_umask(capsys: pytest.CaptureFixture[str]) -> None:
    import os

    old = os.umask(0o022)
    try:
        with pytest.raises(SystemExit):
            main(["--version"])
        assert os.umask(0o022) == 0o077
    finally:
        os.umask(old)
    assert __version__ in capsys.readouterr().out
