"""``safenote decrypt``: open an encrypted message (age format) from a client."""

from __future__ import annotations

import argparse
from pathlib import Path

from safenote.cli._common import CliError
from safenote.cli._export_io import read_bytes_arg, read_passphrase_file, write_output
from safenote.core.export.age_crypto import decrypt, decrypt_path
from safenote.core.export.errors import ExportError
from safenote.core.export.keys import default_identity_path, read_identity_file


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "decrypt",
        help="open an encrypted message",
        description=(
            "Open an age-encrypted message (binary or text-armored). Nothing is written "
            "unless the whole file checks out, so a damaged file never leaves half a message."
        ),
    )
    parser.add_argument(
        "source",
        nargs="?",
        default="-",
        metavar="FILE|-",
        help="the encrypted file; - or nothing reads standard input",
    )
    secret = parser.add_mutually_exclusive_group()
    secret.add_argument(
        "-i",
        "--identity",
        action="append",
        default=[],
        metavar="FILE",
        help="your identity (secret key) file; repeat to try several. "
        "Default: the one 'safenote keygen' made",
    )
    secret.add_argument(
        "--passphrase-file", metavar="F", help="the passphrase on the first line of F"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write the message to OUT (private, 0600) instead of the screen",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        if args.passphrase_file:
            passphrase = read_passphrase_file(args.passphrase_file)
            identities = []
        else:
            passphrase = None
            paths = [Path(p) for p in args.identity] or [_default_identity()]
            identities = [i for path in paths for i in read_identity_file(path)]
        plaintext: bytes | bytearray
        if args.source in (None, "-"):
            data = read_bytes_arg(args.source)
            plaintext = decrypt(data, identities=identities, passphrase=passphrase)
        else:
            plaintext = decrypt_path(
                Path(args.source), identities=identities, passphrase=passphrase
            )
    except ExportError as err:
        raise CliError(str(err)) from None
    except FileNotFoundError:
        raise CliError(f"cannot read {args.source}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"cannot read {args.source}: it is a folder, not a file") from None
    except PermissionError:
        raise CliError(f"cannot read {args.source}: permission denied") from None
    except OSError as err:
        raise CliError(f"cannot read {args.source}: {err.strerror or err}") from None
    write_output(plaintext, args.output, binary=False)
    return 0


def _default_identity() -> Path:
    path = default_identity_path()
    if not path.exists():
        raise CliError(
            "no identity given and none made yet: add -i YOUR-KEY-FILE, "
            "or --passphrase-file F for a passphrase-locked message"
        )
    return path
