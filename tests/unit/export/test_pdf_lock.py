"""Locking a PDF with AES-256 (pypdf): it opens with the passphrase and only with it."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.errors import FileNotDecryptedError
from pypdf.generic import DictionaryObject

from safenote.core.export.pdf_lock import lock_pdf, lock_pdf_with_new_passphrase


def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_locked_pdf_needs_the_passphrase() -> None:
    locked, passphrase = lock_pdf_with_new_passphrase(blank_pdf())
    reader = PdfReader(io.BytesIO(locked))
    assert reader.is_encrypted
    encryption = reader.trailer["/Encrypt"].get_object()
    assert isinstance(encryption, DictionaryObject)
    assert int(encryption["/V"]) == 5  # type: ignore[call-overload]  # AES-256
    with pytest.raises(FileNotDecryptedError):
        _ = reader.pages[0]
    assert PdfReader(io.BytesIO(locked)).decrypt("WrongWords") == 0
    opened = PdfReader(io.BytesIO(locked))
    assert opened.decrypt(passphrase) != 0
    assert len(opened.pages) == 1


def test_each_lock_gets_a_new_passphrase() -> None:
    assert (
        lock_pdf_with_new_passphrase(blank_pdf())[1] != lock_pdf_with_new_passphrase(blank_pdf())[1]
    )


def test_empty_password_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        lock_pdf(blank_pdf(), "")
