"""Lock a PDF with a password (AES-256) for a therapist who has no encryption tools.

The PDF itself is laid out by the GUI layer (``safenote.gui.pdf_render``, Qt is needed for
text layout); this module only encrypts the bytes it is given, in memory, so an unlocked PDF
never touches the disk.
"""

from __future__ import annotations

import io
import secrets

from pypdf import PdfReader, PdfWriter

from safenote.core.export.passphrase_words import generate_passphrase


def lock_pdf(pdf: bytes, password: str) -> bytes:
    """Return ``pdf`` encrypted with AES-256 under ``password`` (opening needs it)."""
    if not password:
        raise ValueError("a PDF password must not be empty")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    # The owner password is random and thrown away: nobody needs to lift the restrictions,
    # and reusing the user password would make it both.
    writer.encrypt(
        user_password=password, owner_password=secrets.token_urlsafe(24), algorithm="AES-256"
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def lock_pdf_with_new_passphrase(pdf: bytes) -> tuple[bytes, str]:
    """Lock ``pdf`` under a freshly generated passphrase; return (locked PDF, passphrase).

    Show the passphrase once; SafeNote does not keep it.
    """
    passphrase = generate_passphrase()
    return lock_pdf(pdf, passphrase), passphrase
