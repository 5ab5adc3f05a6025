"""The ``safenote`` command: argparse over core; with no subcommand it starts the GUI.

Each subcommand lives in its own module under ``safenote.cli`` and exposes
``register(subparsers)``, which adds its parser and sets ``func`` to a handler taking the
parsed arguments and returning an exit code. Handlers raise :class:`CliError` for bad
input; :func:`main` turns that into one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from safenote import __version__
from safenote.cli._common import CliError

# Subcommand modules, in the order ``--help`` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "safenote.cli.vault",
    "safenote.cli.drafts",
    "safenote.cli.check",
    "safenote.cli.keygen",
    "safenote.cli.encrypt",
    "safenote.cli.decrypt",
    "safenote.cli.portal",
    "safenote.cli.practice",
    "safenote.cli.preview",
)

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr (scripts parse it) and exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="safenote",
        description=(
            "Write to your therapist between sessions, privately. "
            "With no command, SafeNote opens its window."
        ),
    )
    parser.add_argument("--version", action="version", version=f"safenote {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Every file SafeNote creates (vault, logs, exports, temp files) is private to this user.
    os.umask(0o077)
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments:
        # The everyday start, straight to the window: building the parser imports every
        # subcommand (the guidance engine among them), which the window loads later, on
        # its own thread. That was ~250 ms of start-up.
        from safenote.gui.app import run_gui

        return run_gui()
    parser = build_parser()
    args = parser.parse_args(arguments)
    if args.command is None:
        # Imported here so CLI subcommands never pay for (or need) Qt.
        from safenote.gui.app import run_gui

        return run_gui()
    try:
        code: int = args.func(args)
    except CliError as err:
        print(f"safenote: error: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    return code
