"""Errors a practice profile can raise while loading, signing or importing."""

from __future__ import annotations

from safenote.core.policy.errors import PackError


class PracticeError(PackError):
    """A practice profile is not valid; the message names the file and the field."""


class SignatureError(PracticeError):
    """The profile's signature block is malformed or does not match the profile's text."""


class ImportRefusedError(Exception):
    """Importing a profile would replace the key the client confirmed; ``str`` says why."""

    def __init__(self, message: str, *, pinned: str, offered: str) -> None:
        super().__init__(message)
        self.pinned = pinned  # fingerprint the client confirmed earlier
        self.offered = offered  # fingerprint of the new profile's signer ("" if unsigned)
