"""``safenote encrypt`` (age file) and ``safenote pdf`` / ``encrypt --pdf`` (password PDF)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from safenote.cli._common import CliError, not_utf8_error, read_bytes_arg, read_text_arg
from safenote.cli._export_io import check_output_path, read_passphrase_file, write_output
from safenote.core.export.age_crypto import encrypt_payload, encrypt_payload_to_file
from safenote.core.export.errors import ExportError
from safenote.core.export.message import Message, encode_head
from safenote.core.export.text_bytes import is_blank_text, utf8_text_body

_EMPTY = "the message is empty: write something first"
_SHOWN_ONCE_NOTE = (
    "This is the PDF's passphrase. It is shown only this once and SafeNote does not keep it.\n"
    "Give it to your therapist another way than the PDF (in session or by phone), "
    "typed exactly: capitals count, no spaces."
)


def _add_message_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "source",
        nargs="?",
        default="-",
        metavar="FILE|-",
        help="the message text (UTF-8); - or nothing reads standard input",
    )
    parser.add_argument("--subject", default="", help="a subject line for the message")
    parser.add_argument("--name", default="", help="your name, as the therapist knows you")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "encrypt",
        help="encrypt a message so only your therapist can open it",
        description=(
            "Encrypt a message in the age format, which your therapist can open with "
            "SafeNote or the free age/rage tools. With --pdf, make a password-protected PDF "
            "instead, for a therapist without those tools."
        ),
    )
    _add_message_options(parser)
    who = parser.add_mutually_exclusive_group()
    who.add_argument(
        "-r",
        "--recipient",
        action="append",
        default=[],
        metavar="age1...",
        help="your therapist's public key (repeat for more than one)",
    )
    who.add_argument(
        "--passphrase-file", metavar="F", help="encrypt with the passphrase on the first line of F"
    )
    who.add_argument(
        "--pdf",
        action="store_true",
        help="make a password-protected PDF; prints its new passphrase",
    )
    form = parser.add_mutually_exclusive_group()
    form.add_argument(
        "-a",
        "--armor",
        dest="armor",
        action="store_true",
        default=True,
        help="text (ASCII-armored) output, safe to attach to email (default)",
    )
    form.add_argument(
        "--binary",
        dest="armor",
        action="store_false",
        help="binary output (smaller; for files saved or shared as files)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write to OUT (private, 0600) instead of standard output",
    )
    parser.set_defaults(func=run)

    pdf = subparsers.add_parser(
        "pdf",
        help="make a password-protected PDF of a message",
        description=(
            "Make a PDF of the message locked with AES-256 under a new passphrase, which "
            "is printed once. Any PDF reader opens it with that passphrase."
        ),
    )
    _add_message_options(pdf)
    pdf.add_argument(
        "--out", "-o", dest="output", required=True, metavar="FILE", help="where to save the PDF"
    )
    pdf.set_defaults(func=run_pdf)


def _message(args: argparse.Namespace) -> Message:
    body = read_text_arg(args.source)
    if not body.strip():
        raise CliError(_EMPTY)
    return Message(body=body, subject=args.subject, sender=args.name)


def _body_bytes(args: argparse.Namespace) -> bytes:
    """The message as payload body bytes, checked like :func:`_message`.

    Not decoded to ``str``: the file already holds the UTF-8 the payload needs, and
    decoding and re-encoding it would cost two more message-sized buffers (see
    ``core.export.text_bytes``).
    """
    data = read_bytes_arg(args.source)
    try:
        body = utf8_text_body(data)
    except UnicodeDecodeError as err:
        raise not_utf8_error(args.source, err) from None
    if is_blank_text(body):
        raise CliError(_EMPTY)
    return body


def run(args: argparse.Namespace) -> int:
    if args.pdf:
        if not args.output:
            raise CliError("a PDF needs a file to go to: add -o FILE.pdf")
        return run_pdf(args)
    if not args.recipient and not args.passphrase_file:
        raise CliError("say who can open it: -r age1... (their public key) or --passphrase-file F")
    passphrase = read_passphrase_file(args.passphrase_file) if args.passphrase_file else None
    body = _body_bytes(args)
    head = encode_head(Message(body="", subject=args.subject, sender=args.name))
    try:
        if args.output and args.output != "-":
            check_output_path(args.output)
            encrypt_payload_to_file(
                head,
                body,
                Path(args.output),
                recipients=args.recipient,
                passphrase=passphrase,
                armored=args.armor,
            )
            return 0
        data = encrypt_payload(
            head + body, recipients=args.recipient, passphrase=passphrase, armored=args.armor
        )
    except ExportError as err:
        raise CliError(str(err)) from None
    except OSError as err:
        raise CliError(f"cannot write {args.output}: {err.strerror or err}") from None
    write_output(data, None, binary=not args.armor)
    return 0


def run_pdf(args: argparse.Namespace) -> int:
    message = _message(args)
    # Qt is imported only here: the other commands never pay for it.
    from safenote.core.export.pdf_lock import lock_pdf_with_new_passphrase
    from safenote.gui.pdf_render import render_message_pdf

    locked, passphrase = lock_pdf_with_new_passphrase(render_message_pdf(message))
    write_output(locked, args.output, binary=True)
    print(passphrase)
    print(_SHOWN_ONCE_NOTE, file=sys.stderr)
    return 0
