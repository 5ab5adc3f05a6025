"""``safenote portal``: prepare a message as plain text for a practice's secure portal."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from safenote.cli._common import CliError, read_text_arg
from safenote.core.export.errors import ExportError
from safenote.core.export.portal import list_profiles, load_profile, prepare_portal_text

_PART_SEPARATOR = "-----"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "portal",
        help="prepare a message for a secure portal (split into parts if too long)",
        description=(
            "Turn a message into plain text for a secure portal. If it is longer than the "
            "portal allows, it is split at sentence ends into parts marked (1/3), (2/3)..."
        ),
    )
    parser.add_argument(
        "source",
        nargs="?",
        default="-",
        metavar="FILE|-",
        help="the message text (UTF-8); - or nothing reads standard input",
    )
    parser.add_argument(
        "--profile",
        default="generic",
        metavar="NAME",
        help="the portal profile (default: generic; see --list-profiles)",
    )
    parser.add_argument(
        "--max-chars",
        "--limit",
        dest="max_chars",
        type=int,
        metavar="N",
        help="your portal's limit per message, if your practice gave one",
    )
    parser.add_argument(
        "--practice",
        metavar="FILE",
        help="take the portal's limit from your practice profile (TOML)",
    )
    parser.add_argument("--subject", default="", help="the subject line, if the portal has one")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help='text (parts separated by "-----" lines) or json ({"parts": [...]})',
    )
    parser.add_argument(
        "--list-profiles", action="store_true", help="list the portal profiles and stop"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        if args.list_profiles:
            for profile in list_profiles():
                print(f"{profile.id}: {profile.description}")
            return 0
        profile = load_profile(args.profile).with_limit(_practice_limit(args.practice))
        profile = profile.with_limit(args.max_chars)
        prepared = prepare_portal_text(read_text_arg(args.source), profile, args.subject)
    except ExportError as err:
        raise CliError(str(err)) from None
    if not prepared.parts:
        raise CliError("the message is empty: write something first")
    if args.format == "json":
        document: dict[str, object] = {"profile": prepared.profile_id, "parts": prepared.parts}
        if prepared.subject:
            document["subject"] = prepared.subject
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    if prepared.subject:
        print(f"Subject: {prepared.subject}")
        print(_PART_SEPARATOR)
    print(f"\n{_PART_SEPARATOR}\n".join(prepared.parts))
    return 0


def _practice_limit(path: str | None) -> int | None:
    if path is None:
        return None
    from safenote.core.practice import PracticeError, load_practice

    try:
        return load_practice(Path(path)).context.portal_limit
    except PracticeError as err:
        raise CliError(str(err)) from None
