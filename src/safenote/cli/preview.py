"""``safenote preview PROFILE`` and ``safenote view MESSAGE.age``: the therapist's windows.

* ``preview``: the client's compose and guidance widgets in a sandbox that saves nothing,
  with a gallery of sample messages and the profile editable beside them.
* ``view``: open a received ``.age`` message read-only, with the identity in your keyring
  (or ``-i FILE``); nothing is written to disk unless you choose "Save as".
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from safenote.cli._common import CliError
from safenote.core.practice import PracticeError, read_profile_file


def register(subparsers: Any) -> None:
    preview = subparsers.add_parser(
        "preview",
        help="for therapists: see the guidance your clients get with a profile",
        description=(
            "Open the preview window: the same writing and guidance panels clients use, in a "
            "sandbox that saves nothing, with sample messages and the profile beside them."
        ),
    )
    preview.add_argument("file", nargs="?", metavar="PROFILE", help="a practice profile (TOML)")
    preview.set_defaults(func=_preview)
    view = subparsers.add_parser(
        "view",
        help="for therapists: read an encrypted .age message (nothing is saved)",
        description="Open a received .age message in a read-only window.",
    )
    view.add_argument("file", metavar="MESSAGE.age")
    view.add_argument("-i", "--identity", metavar="FILE", help="an age identity file to use")
    view.set_defaults(func=_view)


def _preview(args: argparse.Namespace) -> int:
    text = ""
    if args.file:
        try:
            text = read_profile_file(Path(args.file))
        except PracticeError as err:
            raise CliError(str(err)) from None
    from safenote.gui.preview_window import run_preview

    return run_preview(text, Path(args.file).name if args.file else "")


def _view(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"cannot open {path}: no such file")
    from safenote.gui.message_viewer import run_viewer

    return run_viewer(path, Path(args.identity) if args.identity else None)
