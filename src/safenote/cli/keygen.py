"""``safenote keygen``: make an age identity for a therapist and print its public key."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from safenote.cli._common import CliError
from safenote.core.export.keys import (
    default_identity_path,
    generate_identity,
    write_identity_file,
)
from safenote.core.paths import make_private_dir


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "keygen",
        help="make a key pair so clients can send you encrypted messages",
        description=(
            "Make an age identity (secret key) and print its public key (age1...). Give the "
            "public key to clients (or put it in your practice profile); keep the identity "
            "file private. Without -o it is kept in SafeNote's own private folder."
        ),
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write the identity to FILE")
    parser.add_argument(
        "--keyring",
        action="store_true",
        help="keep the identity in your system keyring instead (made once, then reused)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.keyring:
        if args.output:
            raise CliError("choose either --keyring or -o FILE, not both")
        from safenote.cli.practice import keygen_in_keyring

        return keygen_in_keyring()
    target = Path(args.output) if args.output else default_identity_path()
    if not args.output:
        make_private_dir(target.parent)
    identity = generate_identity()
    try:
        write_identity_file(target, identity)
    except FileExistsError:
        raise CliError(
            f"{target} already exists; SafeNote never overwrites a key. "
            "Choose another file name, or move the old key away first."
        ) from None
    except FileNotFoundError:
        raise CliError(f"cannot write {target}: its folder does not exist") from None
    except PermissionError:
        raise CliError(f"cannot write {target}: permission denied") from None
    print(f"Identity saved to {target} (only you can read it).", file=sys.stderr)
    print(identity.public_key)
    return 0
