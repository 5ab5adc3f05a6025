"""The recovery kit: one page with the recovery code and what it is for, as PDF or print.

Made with Qt's own PDF writer (QPdfWriter) and printer (QPrinter); nothing identifying is on
it, only the code, the date and instructions. It is written where the person chooses, with
file mode 0600, through a temporary file so a half-written kit never appears.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)


def group_code(code: str) -> list[str]:
    """The code's groups of four, for showing and printing."""
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    return [cleaned[i : i + 4] for i in range(0, len(cleaned), 4)]


def _kit_text() -> tuple[str, list[str]]:
    translate = QCoreApplication.translate
    title = translate("RecoveryKit", "SafeNote recovery kit")
    lines = [
        translate(
            "RecoveryKit",
            "This code opens your SafeNote drafts if the key kept in your computer's keyring "
            "is lost (a new computer, a reset keyring, a forgotten passphrase).",
        ),
        translate(
            "RecoveryKit",
            "Keep it somewhere safe and away from this computer, for example printed and "
            "stored with other important papers. Anyone who has this code and a copy of your "
            "drafts file can read your drafts.",
        ),
        translate(
            "RecoveryKit",
            "To use it: open SafeNote, choose \u201cUse my recovery code\u201d and type the "
            "code. Capital letters, dashes and spaces don't matter.",
        ),
        translate(
            "RecoveryKit",
            "If you saved this as a file, consider printing it and then deleting the file.",
        ),
    ]
    return title, lines


def build_kit_document(code: str, made_on: date | None = None) -> QTextDocument:
    document = QTextDocument()
    base = QFont()
    base.setPointSizeF(11.0)
    document.setDefaultFont(base)
    cursor = QTextCursor(document)
    title, lines = _kit_text()
    heading = QTextCharFormat()
    heading.setFontPointSize(16.0)
    heading.setFontWeight(QFont.Weight.Bold)
    plain = QTextCharFormat()
    plain.setFontPointSize(11.0)
    mono = QTextCharFormat()
    mono.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    mono.setFontPointSize(18.0)
    mono.setFontWeight(QFont.Weight.Bold)
    cursor.insertText(title, heading)
    cursor.insertBlock()
    cursor.insertBlock()
    groups = group_code(code)
    cursor.insertText("  ".join(groups[:4]), mono)
    cursor.insertBlock()
    cursor.insertText("  ".join(groups[4:]), mono)
    cursor.insertBlock()
    cursor.insertBlock()
    made = (made_on or date.today()).isoformat()
    cursor.insertText(
        QCoreApplication.translate("RecoveryKit", "Made on %1").replace("%1", made), plain
    )
    for line in lines:
        cursor.insertBlock()
        cursor.insertBlock()
        cursor.insertText(line, plain)
    return document


def _page_setup(device: QPagedPaintDevice) -> None:
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 20, 20, 20),
            QPageLayout.Unit.Millimeter,
        )
    )


def render_kit_pdf(code: str, made_on: date | None = None) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(QCoreApplication.translate("RecoveryKit", "SafeNote recovery kit"))
    writer.setCreator("SafeNote")
    _page_setup(writer)
    build_kit_document(code, made_on).print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(buffer.data().data())


def save_kit_pdf(code: str, path: Path, made_on: date | None = None) -> None:
    """Write the kit to ``path`` (mode 0600, all or nothing)."""
    data = render_kit_pdf(code, made_on)
    fd, tmp = tempfile.mkstemp(prefix=".safenote-kit-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def ask_printer() -> QPagedPaintDevice | None:
    """Qt's print dialog; the chosen printer, or None if the person cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    accepted = QPrintDialog(printer).exec() == QPrintDialog.DialogCode.Accepted
    return printer if accepted else None


def print_kit(code: str, printer: QPagedPaintDevice) -> None:
    """Lay the kit out on ``printer`` (a QPrinter the person set up in the print dialog)."""
    build_kit_document(code).print_(printer)
