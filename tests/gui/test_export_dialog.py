"""The export dialog: encrypted message to keys or a passphrase, locked PDF, guidance summary."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader
from pyrage import x25519
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from safenote.core.export.age_crypto import open_message_file
from safenote.gui.export_dialog import ExportDialog
from safenote.gui.export_request import ExportRequest
from tests.gui.export_support import (
    BODY,
    CAUTION,
    INFO,
    SENDER,
    SUBJECT,
    URGENT,
    clean_clipboard,
    identity,
)

__all__ = ["clean_clipboard"]  # fixture
pytestmark = pytest.mark.usefixtures("clean_clipboard")

ARMOR_START = b"-----BEGIN AGE ENCRYPTED FILE-----"


def make_dialog(qtbot: QtBot, request: ExportRequest, target: Path | None) -> ExportDialog:
    dialog = ExportDialog(request)
    qtbot.addWidget(dialog)
    asked: list[str] = []

    def choose(suggested: str, name_filter: str, suffix: str) -> str | None:
        asked.append(suggested)
        return str(target) if target else None

    dialog.choose_save_path = choose  # type: ignore[method-assign]
    dialog.asked = asked  # type: ignore[attr-defined]
    dialog.show()
    return dialog


def click(button: QAbstractButton) -> None:
    button.click()


def test_encrypts_to_the_contacts_key_and_core_opens_it(qtbot: QtBot, tmp_path: Path) -> None:
    ident = identity()
    request = ExportRequest(
        BODY, SUBJECT, SENDER, recipient_keys=(ident.public_key,), recipient_name="Dr. Ruiz"
    )
    target = tmp_path / "out.age"
    dialog = make_dialog(qtbot, request, target)
    assert dialog.kind == "age"
    assert dialog.age.use_keys.isChecked()
    assert dialog.age.recipients() == [ident.public_key]
    assert "Dr. Ruiz" in dialog.age.keys_source.text()
    assert dialog.age.armored.isChecked()  # armored is the default
    with qtbot.waitSignal(dialog.exported, timeout=10000) as sent:
        click(dialog.export_button)
    assert sent.args == ["age", str(target)]
    data = target.read_bytes()
    assert data.startswith(ARMOR_START)
    assert BODY.encode() not in data
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    opened = open_message_file(target, identities=[x25519.Identity.from_str(ident.secret)])
    assert (opened.body, opened.subject, opened.sender) == (BODY, SUBJECT, SENDER)
    assert dialog.notice.kind == "success"
    assert "out.age" in dialog.notice.message


def test_binary_when_armor_is_unticked_and_several_keys(qtbot: QtBot, tmp_path: Path) -> None:
    first, second = identity(), identity()
    target = tmp_path / "out.age"
    dialog = make_dialog(qtbot, ExportRequest(BODY), target)
    assert dialog.age.use_passphrase.isChecked()  # no key known: passphrase is offered first
    dialog.age.use_keys.setChecked(True)
    dialog.age.keys.setPlainText(f"{first.public_key}\n\n  {second.public_key}  \n")
    dialog.age.armored.setChecked(False)
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        click(dialog.export_button)
    assert target.read_bytes().startswith(b"age-encryption.org/v1\n")
    for ident in (first, second):
        opened = open_message_file(target, identities=[x25519.Identity.from_str(ident.secret)])
        assert opened.body == BODY


def test_a_mistyped_key_is_explained_before_any_save_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, ExportRequest(BODY, recipient_keys=("age1nope",)), tmp_path / "x")
    click(dialog.export_button)
    assert dialog.notice.kind == "warning"
    assert "not an age public key" in dialog.notice.message
    assert dialog.asked == []  # type: ignore[attr-defined]
    assert not (tmp_path / "x").exists()
    dialog.age.keys.clear()
    click(dialog.export_button)
    assert "public key" in dialog.notice.message


def test_cancelling_the_save_dialog_writes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, ExportRequest(BODY, recipient_keys=(identity().public_key,)), None)
    click(dialog.export_button)
    assert dialog.asked == ["message.age"]  # type: ignore[attr-defined]
    assert not dialog.is_busy
    assert dialog.notice.kind == ""
    assert not any(tmp_path.rglob("*.age"))


@pytest.mark.slow  # scrypt runs twice on purpose (encrypt, then decrypt to check)
def test_passphrase_mode_runs_off_the_gui_thread_and_opens(qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "out.age"
    dialog = make_dialog(qtbot, ExportRequest(BODY, SUBJECT), target)
    assert dialog.age.use_passphrase.isChecked()
    assert dialog.age.passphrase.isVisible()
    assert not dialog.age.keys.isVisible()
    dialog.age.passphrase.first.setText("river lantern copper")
    dialog.age.passphrase.second.setText("river lantern coppe")
    click(dialog.export_button)
    assert "don't match" in dialog.notice.message
    assert dialog.asked == []  # type: ignore[attr-defined]
    dialog.age.passphrase.second.setText("river lantern copper")
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        click(dialog.export_button)
        # The busy state is set before the work is queued, so this is not a race.
        assert dialog.is_busy
        assert not dialog.export_button.isEnabled()
        assert not dialog.pages.isEnabled()
        dialog.reject()  # closing mid-write is refused
        assert dialog.isVisible()
    assert not dialog.busy.isVisible()
    assert dialog.export_button.isEnabled()
    opened = open_message_file(target, passphrase="river lantern copper")
    assert (opened.body, opened.subject) == (BODY, SUBJECT)
    dialog.reject()
    assert dialog.age.passphrase.passphrase() == ""  # not kept in the closed dialog


def test_pdf_passphrase_is_shown_once_and_opens_the_pdf(qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    dialog = make_dialog(qtbot, ExportRequest(BODY, SUBJECT, SENDER), target)
    dialog.choose_format("pdf")
    assert dialog.pages.currentWidget() is dialog.pages.widget(1)
    assert not dialog.pdf_panel.isVisible()
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        click(dialog.export_button)
    passphrase = dialog.pdf_panel.passphrase
    assert dialog.pdf_panel.isVisible()
    assert sum(ch.isupper() for ch in passphrase) >= 5  # words run together, each capitalised
    advice = dialog.pdf_panel.advice.text()
    assert "session" in advice
    assert "phone" in advice
    assert "won't be shown again" in advice
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    assert reader.is_encrypted
    assert not reader.decrypt("not the passphrase")
    assert reader.decrypt(passphrase)
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "medication makes me dizzy" in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    dialog.reject()
    assert dialog.pdf_panel.passphrase == ""  # gone for good once the dialog closes


def test_each_pdf_gets_its_own_passphrase(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, ExportRequest(BODY), tmp_path / "a.pdf")
    dialog.choose_format("pdf")
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        click(dialog.export_button)
    first = dialog.pdf_panel.passphrase
    dialog.choose_save_path = lambda *_: str(tmp_path / "b.pdf")  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        click(dialog.export_button)
    assert dialog.pdf_panel.passphrase != first
    assert PdfReader(tmp_path / "b.pdf").decrypt(dialog.pdf_panel.passphrase)


def test_caution_and_urgent_findings_are_summarised_but_never_block(
    qtbot: QtBot, tmp_path: Path
) -> None:
    ident = identity()
    request = ExportRequest(
        BODY, findings=(INFO, CAUTION, URGENT), recipient_keys=(ident.public_key,)
    )
    target = tmp_path / "out.age"
    dialog = make_dialog(qtbot, request, target)
    summary = dialog.summary
    assert summary.isVisible()
    heading = summary.heading.text()
    assert "1 important note and 1 suggestion" in heading
    assert "You can still send it" in heading
    rows = [row.text() for row in summary.rows]
    assert rows == [f"Your safety: {URGENT.message}", f"Worth knowing: {CAUTION.message}"]
    assert INFO.message not in " ".join(rows)
    for row in summary.rows:
        assert row.textFormat() == Qt.TextFormat.PlainText
    assert summary.resources is not None
    assert summary.resources.isVisible()
    assert "Samaritans: call 116 123" in summary.resources.text()
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        click(dialog.export_button)
    assert target.exists()


def test_no_summary_when_only_tips(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, ExportRequest(BODY, findings=(INFO,)), None)
    assert not dialog.summary.isVisible()
    caution_only = make_dialog(qtbot, ExportRequest(BODY, findings=(CAUTION, CAUTION)), None)
    assert "2 suggestions" in caution_only.summary.heading.text()
    assert caution_only.summary.resources is None
