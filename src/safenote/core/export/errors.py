"""What can go wrong when opening or making an export, each with its own plain message.

Every error's ``str()`` is a complete sentence a person can act on; the CLI prints it as its
one-line error and the GUI can show it as is. None of them ever carries message text.
"""

from __future__ import annotations


class ExportError(Exception):
    """Base class: an export could not be made or opened."""


class NotAgeFileError(ExportError):
    def __init__(self) -> None:
        super().__init__(
            "This is not an encrypted SafeNote/age message. Check that you picked the file "
            "your client sent (it usually ends in .age)."
        )


class UnsupportedVersionError(ExportError):
    def __init__(self) -> None:
        super().__init__(
            "This message uses a newer age format than this SafeNote understands. "
            "Update SafeNote, or open it with the latest age or rage tool."
        )


class TruncatedError(ExportError):
    def __init__(self) -> None:
        super().__init__(
            "This encrypted file is incomplete: it ends too early, probably cut off while "
            "being copied or downloaded. Ask for the file to be sent again."
        )


class MalformedError(ExportError):
    """The file looks like age but its structure is broken (not a cryptographic failure)."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"This encrypted file is damaged and cannot be opened ({detail}). "
            "Ask for the file to be sent again."
        )


class TamperedError(ExportError):
    def __init__(self) -> None:
        super().__init__(
            "This encrypted file was changed or damaged after it was made (or cut short in "
            "the middle), so it cannot be trusted and nothing was saved. "
            "Ask for the file to be sent again."
        )


class HostileFileError(ExportError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            f"This file was refused because it is built unusually ({detail}); a real "
            "message never looks like this. Do not open it; ask the sender to check it."
        )


class WrongKeyError(ExportError):
    def __init__(self) -> None:
        super().__init__(
            "None of your keys can open this message: it was encrypted for someone else's "
            "key. Check you chose the right key file, or ask the sender which key they used."
        )


class WrongPassphraseError(ExportError):
    def __init__(self) -> None:
        super().__init__(
            "That passphrase does not open this message. Check it letter by letter "
            "(spaces count) and try again."
        )


class NeedsPassphraseError(ExportError):
    def __init__(self) -> None:
        super().__init__(
            "This message was locked with a passphrase, not a key. "
            "Open it with the passphrase your client gave you."
        )


class NeedsKeyError(ExportError):
    def __init__(self) -> None:
        super().__init__(
            "This message was encrypted for a key, not a passphrase. "
            "Open it with your identity (key) file."
        )


class BadRecipientError(ExportError):
    def __init__(self, shown: str) -> None:
        super().__init__(
            f"{shown!r} is not an age public key. A public key starts with 'age1' and is "
            "62 characters long; copy it again from your therapist's practice profile."
        )


class BadIdentityError(ExportError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            f"The identity file cannot be used ({detail}). It should contain a line starting "
            "with AGE-SECRET-KEY-1, as written by 'safenote keygen' or 'age-keygen'."
        )


class BadPassphraseError(ExportError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"The passphrase cannot be used: {detail}.")


class PortalSplitError(ExportError):
    """The text cannot be prepared for the portal without breaking a word."""
