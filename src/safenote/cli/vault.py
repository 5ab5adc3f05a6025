"""``safenote vault``: set up, inspect, recover and re-key the encrypted vault.

Helpers here (``add_passphrase_option``, ``open_vault``, ``vault_errors``) are shared with
``safenote drafts``.
"""

from __future__ import annotations

import argparse
import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from safenote.cli._common import CliError
from safenote.core.paths import app_paths
from safenote.core.vault import (
    KeyStore,
    SystemKeyStore,
    Vault,
    VaultCorruptError,
    VaultError,
    restore_backup,
    vault_status,
)

Handler = Callable[[argparse.Namespace], int]


def vault_errors(handler: Handler) -> Handler:
    """Turn a VaultError (already user-facing) into the CLI's one-line error."""

    @functools.wraps(handler)
    def wrapped(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except VaultCorruptError as err:
            hint = f" Newest backup: {err.backups[0]}" if err.backups else ""
            raise CliError(f"{err}{hint}") from None
        except VaultError as err:
            raise CliError(str(err)) from None

    return wrapped


def add_passphrase_option(parser: argparse.ArgumentParser, help_text: str | None = None) -> None:
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help=help_text or "open a passphrase-mode vault with the passphrase in FILE",
    )


def read_secret_file(path: str, what: str) -> str:
    """First line of ``path`` without its newline (so `echo pw > f` works)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CliError(f"cannot read {path}: no such file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise CliError(f"cannot read the {what} from {path}: {err}") from None
    lines = text.splitlines()
    secret = lines[0] if lines else ""
    if not secret:
        raise CliError(f"{path} is empty: put the {what} on its first line")
    return secret


def passphrase_arg(args: argparse.Namespace) -> str | None:
    path = getattr(args, "passphrase_file", None)
    return None if path is None else read_secret_file(path, "passphrase")


def keystore() -> KeyStore:
    """The keyring the CLI uses: the system one (unit tests swap in a stand-in here)."""
    return SystemKeyStore()


def open_vault(args: argparse.Namespace) -> Vault:
    return Vault.open(app_paths(), keystore=keystore(), passphrase=passphrase_arg(args))


@vault_errors
def _init(args: argparse.Namespace) -> int:
    out: Path | None = Path(args.recovery_code_out) if args.recovery_code_out else None
    if out is not None and out.exists():
        raise CliError(f"{out} already exists: choose a new file for the recovery code")
    vault, code = Vault.create(app_paths(), keystore=keystore(), passphrase=passphrase_arg(args))
    vault.close()
    if out is not None:
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(code + "\n")
        print(f"Your vault is ready. Its recovery code is in {out}.")
    else:
        print("Your vault is ready. This is its recovery code:\n")
        print(f"    {code}\n")
    print(
        "Keep the recovery code somewhere safe and private (on paper is fine). It is the only "
        "way back into your drafts if your keyring or passphrase is lost."
    )
    return 0


@vault_errors
def _status(args: argparse.Namespace) -> int:
    status = vault_status(app_paths(), keystore())
    if not status.exists:
        print(f"No vault yet (it would live at {status.path}). Run 'safenote vault init'.")
        return 0
    present = {True: "yes", False: "NO - use 'safenote vault recover'", None: "n/a"}
    lines: list[tuple[str, Any]] = [
        ("vault", status.path),
        ("vault id", status.vault_id),
        ("schema version", status.schema_version),
        ("unlocks with", ", ".join(status.unlock_methods)),
        ("keyring", status.keyring),
        ("key in keyring", present[status.keyring_key_present]),
        ("drafts", status.drafts),
        ("in trash", status.in_trash),
        ("backups", status.backups),
    ]
    for label, value in lines:
        print(f"{label + ':':16} {value}")
    return 0


@vault_errors
def _recover(args: argparse.Namespace) -> int:
    code = read_secret_file(args.recovery_code_file, "recovery code")
    passphrase = passphrase_arg(args)
    with Vault.recover(code, app_paths(), keystore=keystore(), passphrase=passphrase) as vault:
        live, _trash = vault.counts()
    where = "a new passphrase is set" if passphrase else "a new key is stored in your keyring"
    print(f"Your vault is open again ({live} drafts) and {where}.")
    return 0


@vault_errors
def _rotate_key(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        vault.rotate_keyring_key(keystore())
    print("A new vault key is in your keyring. Your drafts were not re-encrypted or changed.")
    return 0


@vault_errors
def _set_passphrase(args: argparse.Namespace) -> int:
    new = read_secret_file(args.passphrase_file, "passphrase")
    current = None
    if args.current_passphrase_file:
        current = read_secret_file(args.current_passphrase_file, "current passphrase")
    with Vault.open(app_paths(), keystore=keystore(), passphrase=current) as vault:
        vault.set_passphrase(new)
    print("Your vault now also opens with that passphrase.")
    return 0


@vault_errors
def _restore_backup(args: argparse.Namespace) -> int:
    chosen = Path(args.backup) if args.backup else None
    if chosen is not None and not chosen.is_file():
        raise CliError(f"cannot read {chosen}: no such file")
    aside = restore_backup(app_paths(), chosen)
    print(f"Restored your vault from its backup. The damaged file is kept at {aside}.")
    return 0


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("vault", help="set up and look after the encrypted vault")
    commands = parser.add_subparsers(dest="vault_command", metavar="ACTION", required=True)

    init = commands.add_parser("init", help="create a new vault and show its recovery code")
    init.add_argument("--recovery-code-out", metavar="FILE", help="write the code to FILE")
    add_passphrase_option(init, "use a passphrase (in FILE) instead of the system keyring")
    init.set_defaults(func=_init)

    status = commands.add_parser("status", help="where the vault is and how it unlocks")
    add_passphrase_option(status)
    status.set_defaults(func=_status)

    recover = commands.add_parser("recover", help="open with the recovery code, store a new key")
    recover.add_argument("--recovery-code-file", metavar="FILE", required=True)
    add_passphrase_option(recover, "set this passphrase instead of storing a keyring key")
    recover.set_defaults(func=_recover)

    rotate = commands.add_parser("rotate-key", help="replace the key kept in the keyring")
    add_passphrase_option(rotate)
    rotate.set_defaults(func=_rotate_key)

    set_pw = commands.add_parser("set-passphrase", help="add or change the vault passphrase")
    set_pw.add_argument("--passphrase-file", metavar="FILE", required=True, help="new passphrase")
    set_pw.add_argument(
        "--current-passphrase-file", metavar="FILE", help="for a vault opened by passphrase"
    )
    set_pw.set_defaults(func=_set_passphrase)

    restore = commands.add_parser(
        "restore-backup", help="replace a damaged vault with its newest (or a chosen) backup"
    )
    restore.add_argument("--backup", metavar="FILE", help="a backup other than the newest")
    add_passphrase_option(restore)
    restore.set_defaults(func=_restore_backup)
