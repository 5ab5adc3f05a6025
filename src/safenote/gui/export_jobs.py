"""The slow half of an export, run on the export dialog's background thread.

Each job returns an :class:`ExportOutcome` instead of raising: a wrong key or a full disk
is an answer for the person, not a bug, so it travels back as a message and the task runner
never logs it as a failure. No message text is ever logged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from safenote.core.export.age_crypto import encrypt_message_to_file
from safenote.core.export.atomic import write_private_atomic
from safenote.core.export.errors import ExportError
from safenote.core.export.message import Message
from safenote.core.export.pdf_lock import lock_pdf_with_new_passphrase


@dataclass(frozen=True)
class ExportOutcome:
    path: Path
    passphrase: str = ""
    """The generated passphrase of a locked PDF (shown once, never stored)."""
    problem: str = ""
    """A complete sentence saying what went wrong and what to do; "" on success."""

    @property
    def ok(self) -> bool:
        return not self.problem


def _disk_problem(err: OSError) -> str:
    reason = err.strerror or type(err).__name__
    return QCoreApplication.translate(
        "ExportDialog",
        "SafeNote couldn't save the file there ({}). Choose another folder, or check the "
        "disk has space, and try again.",
    ).format(reason)


def _guarded(path: Path, work: Callable[[], str]) -> ExportOutcome:
    try:
        passphrase = work()
    except ExportError as err:
        return ExportOutcome(path, problem=str(err))
    except OSError as err:
        return ExportOutcome(path, problem=_disk_problem(err))
    return ExportOutcome(path, passphrase=passphrase)


def encrypt_job(
    message: Message,
    path: Path,
    *,
    recipients: Sequence[str] = (),
    passphrase: str | None = None,
    armored: bool = True,
) -> Callable[[], ExportOutcome]:
    """Encrypt to keys or a passphrase (scrypt takes a second or two on purpose)."""

    def work() -> str:
        encrypt_message_to_file(
            message, path, recipients=recipients, passphrase=passphrase, armored=armored
        )
        return ""

    return lambda: _guarded(path, work)


def locked_pdf_job(pdf: bytes, path: Path) -> Callable[[], ExportOutcome]:
    """Lock an already laid-out PDF under a new passphrase and save it (only locked)."""

    def work() -> str:
        locked, passphrase = lock_pdf_with_new_passphrase(pdf)
        write_private_atomic(path, locked)
        return passphrase

    return lambda: _guarded(path, work)


def text_job(text: str, path: Path) -> Callable[[], ExportOutcome]:
    """Save portal text as a plain .txt file (0600; the person was warned it's unencrypted)."""

    def work() -> str:
        write_private_atomic(path, text.encode("utf-8"))
        return ""

    return lambda: _guarded(path, work)
