"""The password PDF opens with its passphrase in a real PDF tool (poppler) and not without."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from safenote.core.export.message import Message
from safenote.core.export.pdf_lock import lock_pdf_with_new_passphrase
from tests.integration.realparts import require_tool

MESSAGE = Message(
    body="Hi Dr Lee,\n\nThis week I tried the <b>grounding</b> exercise & it helped.\nCafé at 5?",
    subject="Before Thursday",
    sender="Sam",
    date=dt.datetime(2026, 11, 27, 9, 30, tzinfo=dt.UTC),
)


@pytest.fixture
def pdftotext() -> str:
    return require_tool("pdftotext")


def _text(pdftotext: str, pdf: Path, *password: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [pdftotext, *password, "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_locked_pdf_opens_only_with_the_passphrase(
    pdftotext: str, tmp_path: Path, qapp: object
) -> None:
    from safenote.gui.pdf_render import render_message_pdf

    locked, passphrase = lock_pdf_with_new_passphrase(render_message_pdf(MESSAGE))
    pdf = tmp_path / "message.pdf"
    pdf.write_bytes(locked)
    opened = _text(pdftotext, pdf, "-upw", passphrase)
    assert opened.returncode == 0, opened.stderr
    # Typed text stays plain text: markup characters are printed, not interpreted.
    for expected in (
        "Before Thursday",
        "From: Sam",
        "<b>grounding</b> exercise & it helped.",
        "Café at 5?",
    ):
        assert expected in opened.stdout
    refused = _text(pdftotext, pdf)
    assert refused.returncode != 0
    assert "password" in refused.stderr.lower()
    wrong = _text(pdftotext, pdf, "-upw", passphrase[:-1])
    assert wrong.returncode != 0


@pytest.mark.parametrize(
    "command",
    [["pdf", "--out"], ["encrypt", "--pdf", "-o"]],
    ids=["pdf", "encrypt-pdf"],
)
def test_cli_prints_the_passphrase_once_and_writes_only_the_locked_pdf(
    pdftotext: str, tmp_path: Path, command: list[str]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    pdf = folder / "message.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "safenote", *command, str(pdf), "--subject", "Hello", "-"],
        input="A short message.\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    passphrase = result.stdout.strip()
    assert len(passphrase) <= 32
    assert "shown only this once" in result.stderr
    assert [p.name for p in folder.iterdir()] == ["message.pdf"]
    assert pdf.stat().st_mode & 0o077 == 0
    assert "A short message." in _text(pdftotext, pdf, "-upw", passphrase).stdout
    assert _text(pdftotext, pdf).returncode != 0
