"""Lay out a message as a PDF, in memory (Qt does the text layout; core locks the result).

The person's words are set as *plain text* (``QTextCursor.insertText``), never interpreted
as HTML, and the PDF is written to a ``QBuffer`` so an unlocked copy never reaches the disk:
the caller passes the bytes straight to :func:`safenote.core.export.pdf_lock.lock_pdf`.
Works offscreen, so the CLI can use it without a display.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication

from safenote.core.export.message import Message

_BODY_POINT_SIZE = 11.0
_TITLE_POINT_SIZE = 15.0
_MARGIN_MM = 20.0


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new one (fonts need one), offscreen without a display.

    A full ``QApplication`` rather than a ``QGuiApplication``: if this process later shows a
    widget (the GUI, a test), a bare ``QGuiApplication`` could not host it.
    """
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QApplication(sys.argv[:1])


def _heading_lines(message: Message) -> list[str]:
    lines = []
    if message.sender:
        lines.append(f"From: {message.sender}")
    if message.date is not None:
        lines.append(f"Date: {message.date.strftime('%d %B %Y, %H:%M %Z').strip(', ')}")
    return lines


def build_document(message: Message) -> QTextDocument:
    """The message as a text document: subject as a title, then sender/date, then the body."""
    document = QTextDocument()
    body_font = QFont()
    body_font.setPointSizeF(_BODY_POINT_SIZE)
    document.setDefaultFont(body_font)
    cursor = QTextCursor(document)
    title_format = QTextCharFormat()
    title_format.setFontPointSize(_TITLE_POINT_SIZE)
    title_format.setFontWeight(QFont.Weight.Bold)
    plain_format = QTextCharFormat()
    plain_format.setFontPointSize(_BODY_POINT_SIZE)
    if message.subject:
        cursor.insertText(message.subject, title_format)
        cursor.insertBlock()
    for line in _heading_lines(message):
        cursor.insertText(line, plain_format)
        cursor.insertBlock()
    if message.subject or _heading_lines(message):
        cursor.insertBlock()
    cursor.insertText(message.body, plain_format)
    return document


def render_message_pdf(message: Message) -> bytes:
    """An A4 PDF of ``message`` as bytes (unencrypted: lock it before it goes anywhere)."""
    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(message.subject or "Message")
    writer.setCreator("SafeNote")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = build_document(message)
    # print_() paginates to the writer's page; leave the document's own page size alone.
    document.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(buffer.data().data())
