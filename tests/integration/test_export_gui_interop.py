"""What the export dialog writes opens in the therapist's real tools: the age CLI (for a key,
binary and armored, and for a passphrase) and poppler's pdftotext (the locked PDF)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from safenote.gui.export_dialog import ExportDialog
from safenote.gui.export_request import ExportRequest
from tests.gui.export_support import BODY, SENDER, SUBJECT, clean_clipboard
from tests.integration.realparts import require_tool
from tests.integration.test_age_interop import drive_with_passphrase

__all__ = ["clean_clipboard"]  # fixture
pytestmark = pytest.mark.usefixtures("clean_clipboard")
PASSPHRASE = "tulip harbor seven lanterns"


def _run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(list(args), capture_output=True, timeout=60, check=False)


def export(qtbot: QtBot, dialog: ExportDialog, target: Path) -> None:
    """Save through the dialog as a person would, the save dialog answered with ``target``."""
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_save_path = lambda *_: str(target)  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        dialog.export_button.click()


def expected_payload_end() -> bytes:
    return b"\n\n" + BODY.encode("utf-8")


@pytest.mark.parametrize("armored", [True, False], ids=["armored", "binary"])
def test_age_cli_opens_what_the_dialog_encrypted_for_its_key(
    qtbot: QtBot, tmp_path: Path, armored: bool
) -> None:
    age, age_keygen = require_tool("age"), require_tool("age-keygen")
    key = tmp_path / "therapist-key.txt"
    made = _run(age_keygen, "-o", str(key))
    assert made.returncode == 0, made.stderr
    public = next(
        line.split(": ", 1)[1]
        for line in key.read_text().splitlines()
        if line.startswith("# public key: ")
    )
    dialog = ExportDialog(ExportRequest(BODY, SUBJECT, SENDER, recipient_keys=(public,)))
    dialog.age.armored.setChecked(armored)
    encrypted = tmp_path / "message.age"
    export(qtbot, dialog, encrypted)
    opened = _run(age, "-d", "-i", str(key), str(encrypted))
    assert opened.returncode == 0, opened.stderr
    assert opened.stdout.startswith(b"SafeNote-Message: 1\nSubject: Before Thursday\nFrom: Sam\n")
    assert opened.stdout.endswith(expected_payload_end())


@pytest.mark.slow  # scrypt on both sides, on purpose
def test_age_cli_opens_what_the_dialog_locked_with_a_passphrase(
    qtbot: QtBot, tmp_path: Path
) -> None:
    age = require_tool("age")
    dialog = ExportDialog(ExportRequest(BODY, SUBJECT))
    assert dialog.age.use_passphrase.isChecked()
    dialog.age.passphrase.first.setText(PASSPHRASE)
    dialog.age.passphrase.second.setText(PASSPHRASE)
    encrypted = tmp_path / "message.age"
    export(qtbot, dialog, encrypted)
    out = tmp_path / "out.txt"
    code, transcript = drive_with_passphrase(
        [age, "-d", "-o", str(out), str(encrypted)], PASSPHRASE, prompts=1
    )
    assert code == 0, transcript
    assert out.read_bytes().endswith(expected_payload_end())


def test_pdftotext_opens_the_dialogs_pdf_only_with_the_shown_passphrase(
    qtbot: QtBot, tmp_path: Path
) -> None:
    pdftotext = require_tool("pdftotext")
    dialog = ExportDialog(ExportRequest(BODY, SUBJECT, SENDER))
    dialog.choose_format("pdf")
    pdf = tmp_path / "message.pdf"
    export(qtbot, dialog, pdf)
    passphrase = dialog.pdf_panel.passphrase
    opened = _run(pdftotext, "-upw", passphrase, "-layout", str(pdf), "-")
    assert opened.returncode == 0, opened.stderr
    text = " ".join(opened.stdout.decode("utf-8").split())
    assert "Before Thursday" in text
    assert "From: Sam" in text
    assert "the new medication makes me dizzy — Zoë noticed it too." in text
    refused = _run(pdftotext, str(pdf), "-")
    assert refused.returncode != 0
    wrong = _run(pdftotext, "-upw", passphrase[:-1], str(pdf), "-")
    assert wrong.returncode != 0
