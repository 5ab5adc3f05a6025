"""``safenote drafts``: add, list, show and delete drafts in the encrypted vault."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import Any

from safenote.cli._common import read_text_arg
from safenote.cli.vault import add_passphrase_option, open_vault, vault_errors
from safenote.core.vault import Draft


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


@vault_errors
def _add(args: argparse.Namespace) -> int:
    body = read_text_arg(args.file)
    draft = Draft(title=args.title, body=body, relationship=args.relationship, channel=args.channel)
    with open_vault(args) as vault:
        saved = vault.save_draft(draft)
    print(saved.id)
    return 0


@vault_errors
def _list(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        listing = vault.list_drafts()
    if args.format == "json":
        payload = {
            "drafts": [
                {
                    "id": d.id,
                    "title": d.title,
                    "updated": d.updated.isoformat(),
                    "revision": d.revision,
                }
                for d in listing.drafts
            ],
            "unreadable": [{"id": f.id, "reason": f.reason} for f in listing.failures],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    if not listing.drafts and not listing.failures:
        print("No drafts yet.")
    for summary in listing.drafts:
        print(f"{summary.id}  {_local(summary.updated)}  {summary.title or '(untitled)'}")
    for failure in listing.failures:
        print(f"{failure.id}  (can't be opened) {failure.reason}")
    return 0


@vault_errors
def _show(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        draft = vault.get_draft(args.id)
    fields = [
        ("Title", draft.title),
        ("Relationship", draft.relationship),
        ("Channel", draft.channel),
        ("Subject", draft.subject),
        ("CC", ", ".join(draft.cc)),
        ("Revision", str(draft.revision)),
        ("Updated", _local(draft.updated)),
    ]
    for label, value in fields:
        if value:
            print(f"{label}: {value}")
    print()
    print(draft.body)
    return 0


@vault_errors
def _history(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        revisions = vault.history(args.id)
    for index, info in enumerate(revisions):
        note = "  (current)" if index == 0 else ""
        print(f"revision {info.revision}  saved {info.saved_day}{note}")
    return 0


@vault_errors
def _delete(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.delete_draft(args.id)
    print("Moved to the trash. It stays there until you empty the trash.")
    return 0


@vault_errors
def _empty_trash(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        count = vault.empty_trash()
    noun = "draft" if count == 1 else "drafts"
    print(f"Emptied the trash: {count} {noun} deleted for good.")
    return 0


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("drafts", help="your encrypted drafts")
    commands = parser.add_subparsers(dest="drafts_command", metavar="ACTION", required=True)

    add = commands.add_parser("add", help="save text (FILE or - for stdin) as a new draft")
    add.add_argument("file", nargs="?", metavar="FILE|-", default="-")
    add.add_argument("--title", required=True)
    add.add_argument("--relationship", default="")
    add.add_argument("--channel", default="")
    add.set_defaults(func=_add)

    listing = commands.add_parser("list", help="list drafts (newest first)")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.set_defaults(func=_list)

    for name, func, help_text in (
        ("show", _show, "print a draft"),
        ("history", _history, "list a draft's kept revisions"),
        ("delete", _delete, "move a draft to the trash"),
    ):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("id")
        sub.set_defaults(func=func)

    empty = commands.add_parser("empty-trash", help="delete trashed drafts for good")
    empty.set_defaults(func=_empty_trash)

    for sub in (add, listing, empty, *(commands.choices[n] for n in ("show", "history", "delete"))):
        add_passphrase_option(sub)
