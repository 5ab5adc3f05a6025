"""age X25519 keys: making identities, reading identity files, checking public keys."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from pyrage import x25519

from safenote.core.export.atomic import write_private_atomic
from safenote.core.export.errors import BadIdentityError, BadRecipientError

_RECIPIENT = re.compile(r"age1[02-9ac-hj-np-z]{58}")
_IDENTITY_PREFIX = "AGE-SECRET-KEY-1"
# An identity file is a few lines; a much bigger file is not one, so don't read it all.
_MAX_IDENTITY_FILE = 64 * 1024


@dataclass(frozen=True)
class NewIdentity:
    """A freshly made identity: the secret (keep private) and the public key (share)."""

    secret: str
    public_key: str


def generate_identity() -> NewIdentity:
    ident = x25519.Identity.generate()
    return NewIdentity(secret=str(ident), public_key=str(ident.to_public()))


def identity_file_text(identity: NewIdentity, created: dt.datetime | None = None) -> str:
    """The identity file as ``age-keygen`` writes it (so age and rage read it too)."""
    when = (created or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"# created: {when}\n# public key: {identity.public_key}\n{identity.secret}\n"


def write_identity_file(path: Path, identity: NewIdentity) -> None:
    """Write the identity (0600); an existing file is never overwritten."""
    write_private_atomic(path, identity_file_text(identity).encode("ascii"), overwrite=False)


def parse_recipient(text: str) -> x25519.Recipient:
    """An ``age1…`` public key, checked; surrounding spaces are forgiven."""
    candidate = text.strip()
    shown = candidate if len(candidate) <= 20 else candidate[:17] + "..."
    if not _RECIPIENT.fullmatch(candidate.lower()) or candidate != candidate.lower():
        raise BadRecipientError(shown)
    try:
        return x25519.Recipient.from_str(candidate)
    except Exception:  # pyrage raises its own RecipientError; the reason is not ours to show
        raise BadRecipientError(shown) from None


def parse_identities(text: str) -> list[x25519.Identity]:
    """All identities in an age identity file's text (comments and blank lines skipped)."""
    identities: list[x25519.Identity] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not line.startswith(_IDENTITY_PREFIX):
            raise BadIdentityError(f"line {number} is not a secret key")
        try:
            identities.append(x25519.Identity.from_str(line))
        except Exception:  # pyrage's IdentityError: the key is mistyped or cut short
            raise BadIdentityError(f"the key on line {number} is damaged") from None
    if not identities:
        raise BadIdentityError("it contains no secret key")
    return identities


def read_identity_file(path: Path) -> list[x25519.Identity]:
    """Read identities from ``path``; errors name the problem, never the key."""
    try:
        with path.open("rb") as handle:
            data = handle.read(_MAX_IDENTITY_FILE + 1)
    except FileNotFoundError:
        raise BadIdentityError(f"{path} does not exist") from None
    except IsADirectoryError:
        raise BadIdentityError(f"{path} is a folder") from None
    except PermissionError:
        raise BadIdentityError(f"you are not allowed to read {path}") from None
    if len(data) > _MAX_IDENTITY_FILE:
        raise BadIdentityError("it is far too large to be an identity file")
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        raise BadIdentityError("it is not a text file") from None
    return parse_identities(text)


def default_identity_path() -> Path:
    """Where ``safenote keygen`` keeps the therapist's identity when no file is named.

    A stand-in until the identity moves into the OS keyring (issue 8): inside SafeNote's
    private (0700) data folder, itself written 0600.
    """
    from safenote.core.paths import app_paths

    return app_paths().data / "therapist-identity.txt"
