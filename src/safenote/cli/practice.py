"""``safenote practice``: write, check, sign and document a therapist's practice profile.

* ``init -o FILE``: a commented template that validates as it is.
* ``validate FILE``: exit 0, or 2 naming each problem (one line each, with field and line).
* ``sign FILE``: sign with the Ed25519 key in your keyring (made on first use).
* ``identity``: show (making on first use) your keys: the age public key for the profile
  and the signing key's fingerprint for clients to compare.
* ``report FILE -o OUT.pdf``: every client-facing rule and your contact policy, as a PDF.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from safenote.cli._common import CliError, read_text_arg
from safenote.core.export.atomic import write_private_atomic
from safenote.core.practice import (
    PracticeError,
    find_problems,
    load_practice_text,
    read_profile_file,
    sign_text,
    template_text,
)
from safenote.core.vault import KeyStore, SystemKeyStore, VaultError


def keystore() -> KeyStore:
    """The keyring the practice commands use (unit tests swap in a stand-in here)."""
    return SystemKeyStore()


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "practice",
        help="for therapists: write, check, sign and print a practice profile",
        description=(
            "A practice profile tells SafeNote how your practice works (channels, response "
            "time, crisis instructions, your public key, extra guidance) so the guidance your "
            "clients see fits it. See docs/practice-profiles.md."
        ),
    )
    commands = parser.add_subparsers(dest="practice_command", metavar="ACTION", required=True)
    init = commands.add_parser("init", help="write a commented template to start from")
    init.add_argument("-o", "--output", required=True, metavar="FILE", help="'-' for stdout")
    init.set_defaults(func=_init)
    validate = commands.add_parser("validate", help="check a profile and name every problem")
    validate.add_argument("file", metavar="FILE", help="the profile ('-' for standard input)")
    validate.set_defaults(func=_validate)
    sign = commands.add_parser("sign", help="sign a profile with the key in your keyring")
    sign.add_argument("file", metavar="FILE")
    sign.add_argument("-o", "--output", metavar="OUT", help="write here instead of over FILE")
    sign.set_defaults(func=_sign)
    identity = commands.add_parser(
        "identity", help="show your public key and signing fingerprint (made on first use)"
    )
    identity.set_defaults(func=_identity)
    report = commands.add_parser("report", help="a PDF of the guidance your clients will see")
    report.add_argument("file", metavar="FILE", help="the profile ('-' for the default guidance)")
    report.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    report.set_defaults(func=_report)


def _read(path: str) -> str:
    if path == "-":
        return read_text_arg("-")
    try:
        return read_profile_file(Path(path))
    except PracticeError as err:
        raise CliError(str(err)) from None


def _write(path: Path, data: bytes, *, overwrite: bool) -> None:
    try:
        write_private_atomic(path, data, overwrite=overwrite)
    except FileExistsError:
        raise CliError(f"{path} already exists; choose another name or move it away") from None
    except FileNotFoundError:
        raise CliError(f"cannot write {path}: its folder does not exist") from None
    except PermissionError:
        raise CliError(f"cannot write {path}: permission denied") from None
    except OSError as err:
        raise CliError(f"cannot write {path}: {err.strerror or err}") from None


def _init(args: argparse.Namespace) -> int:
    text = template_text()
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    _write(Path(args.output), text.encode("utf-8"), overwrite=False)
    print(f"Wrote a profile template to {args.output}. Edit it, then run", file=sys.stderr)
    print(f"  safenote practice validate {args.output}", file=sys.stderr)
    return 0


def _validate(args: argparse.Namespace) -> int:
    text = _read(args.file)
    problems = find_problems(text, args.file)
    if problems:
        for problem in problems:
            print(f"safenote: error: {problem}", file=sys.stderr)
        count = len(problems)
        print(f"{count} problem{'s' if count != 1 else ''} to fix.", file=sys.stderr)
        return 2
    profile = load_practice_text(text, args.file)
    if profile.signed:
        print(f"{args.file}: valid, signed (fingerprint {profile.fingerprint})")
    else:
        print(f"{args.file}: valid, not signed (sign it with 'safenote practice sign')")
    return 0


def _keys() -> Any:
    from safenote.core.identity import IdentityError, keyring_problem, load_or_create_identity

    try:
        loaded = load_or_create_identity(keystore())
    except IdentityError as err:
        raise CliError(str(err)) from None
    except VaultError as err:
        raise CliError(keyring_problem(err)) from None
    if loaded.created:
        made = " and ".join(
            {"age": "a message key", "signing": "a signing key"}[k] for k in loaded.created
        )
        print(f"Made {made} in your system keyring.", file=sys.stderr)
    return loaded.identity


def _sign(args: argparse.Namespace) -> int:
    text = _read(args.file)
    problems = find_problems(text, args.file)
    if problems:
        raise CliError(f"fix the profile before signing it: {problems[0]}")
    identity = _keys()
    signed = sign_text(text, identity.signing_key)
    target = Path(args.output or args.file)
    _write(target, signed.encode("utf-8"), overwrite=True)
    print(f"Signed {target}. Fingerprint: {identity.signing_fingerprint}")
    print("Read this fingerprint to clients in session so they can check their copy.")
    return 0


def _identity(args: argparse.Namespace) -> int:
    identity = _keys()
    print(f"public_key = {identity.age_public_key}")
    print(f"signing fingerprint: {identity.signing_fingerprint}")
    return 0


def keygen_in_keyring() -> int:
    """``safenote keygen --keyring``: the public key alone on stdout, as keygen prints it."""
    identity = _keys()
    print(
        f"Your identity is in the system keyring. Signing fingerprint: "
        f"{identity.signing_fingerprint}",
        file=sys.stderr,
    )
    print(identity.age_public_key)
    return 0


def _report(args: argparse.Namespace) -> int:
    profile = None
    name = "SafeNote's default guidance"
    if args.file != "-":
        try:
            profile = load_practice_text(_read(args.file), args.file)
        except PracticeError as err:
            raise CliError(f"the practice profile is not valid: {err}") from None
        name = Path(args.file).name
    # Qt is imported only here: the other practice commands never need it.
    from safenote.gui.guidance_report import render_guidance_report

    pdf = render_guidance_report(profile, name)
    _write(Path(args.output), pdf, overwrite=True)
    print(f"Wrote the guidance report to {args.output}.", file=sys.stderr)
    return 0
