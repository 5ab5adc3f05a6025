"""Portal text: parts copied one by one (cleared only if still ours), .txt saved with a warning."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from safenote.core.export.portal import load_profile, prepare_portal_text
from safenote.core.export.portal_split import strip_marker
from safenote.core.export.readiness import UNENCRYPTED_TEXT_WARNING
from safenote.gui.clipboard_guard import ClipboardGuard
from safenote.gui.export_dialog import ExportDialog
from safenote.gui.export_request import ExportRequest
from safenote.gui.portal_dialog import PortalDialog
from tests.gui.export_support import answer_message_box, clean_clipboard

__all__ = ["clean_clipboard"]  # fixture
pytestmark = pytest.mark.usefixtures("clean_clipboard")

SENTENCE = "This week I noticed the evenings are harder than the mornings. "
LONG_BODY = SENTENCE * 40  # about 2,500 characters: three parts at 1,000


def portal_from_export(qtbot: QtBot, request: ExportRequest, profile_id: str) -> PortalDialog:
    guard = ClipboardGuard(clear_after_ms=50)
    dialog = ExportDialog(request, clipboard=guard)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_format("portal")
    dialog.portal.choose(profile_id)
    with qtbot.waitSignal(dialog.portalOpened, timeout=5000) as opened:
        dialog.export_button.click()
    portal = opened.args[0]
    assert isinstance(portal, PortalDialog)
    qtbot.addWidget(portal)
    assert not dialog.isVisible()  # the export dialog hands over to the parts
    return portal


def test_long_message_becomes_numbered_parts_with_copy_buttons(qtbot: QtBot) -> None:
    portal = portal_from_export(qtbot, ExportRequest(LONG_BODY), "plain-1000")
    parts = portal.text.parts
    assert len(parts) == 3
    assert [b.text() for b in portal.copy_buttons] == ["Copy part 1", "Copy part 2", "Copy part 3"]
    assert [v.toPlainText() for v in portal.part_views] == list(parts)
    assert parts[0].startswith("(1/3) ")
    assert all(len(part) <= 1000 for part in parts)
    assert " ".join(strip_marker(p) for p in parts).split() == LONG_BODY.split()
    intro = portal.findChild(QLabel, "portalIntro")
    assert isinstance(intro, QLabel)
    assert "3 parts" in intro.text()


def test_copied_part_is_cleared_after_the_delay(qtbot: QtBot) -> None:
    portal = portal_from_export(qtbot, ExportRequest(LONG_BODY), "plain-1000")
    clipboard = QGuiApplication.clipboard()
    with qtbot.waitSignal(portal.partCopied) as copied:
        portal.copy_buttons[1].click()
    assert copied.args == [2]
    assert clipboard.text() == portal.text.parts[1]
    assert "Part 2 of 3 copied" in portal.notice.message
    with qtbot.waitSignal(portal.clipboard.cleared, timeout=5000):
        pass
    assert clipboard.text() == ""


def test_something_copied_since_is_left_on_the_clipboard(qtbot: QtBot) -> None:
    portal = portal_from_export(qtbot, ExportRequest(LONG_BODY), "plain-1000")
    clipboard = QGuiApplication.clipboard()
    portal.copy_buttons[0].click()
    clipboard.setText("an address the person copied")
    qtbot.waitUntil(lambda: not portal.clipboard.pending, timeout=5000)
    assert clipboard.text() == "an address the person copied"


def test_practice_limit_replaces_the_portals(qtbot: QtBot) -> None:
    portal = portal_from_export(qtbot, ExportRequest(LONG_BODY, portal_limit=300), "plain-1000")
    assert len(portal.text.parts) > 3
    assert all(len(part) <= 300 for part in portal.text.parts)


def test_subject_field_gets_its_own_copy_button(qtbot: QtBot) -> None:
    portal = portal_from_export(
        qtbot, ExportRequest("Short note.", subject="Thursday"), "subject-required"
    )
    assert portal.subject_button is not None
    portal.subject_button.click()
    assert QGuiApplication.clipboard().text() == "Thursday"
    assert [b.text() for b in portal.copy_buttons] == ["Copy part 1"]


def test_missing_required_subject_is_explained(qtbot: QtBot) -> None:
    dialog = ExportDialog(ExportRequest("Short note."), clipboard=ClipboardGuard())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_format("portal")
    dialog.portal.choose("subject-required")
    dialog.export_button.click()
    assert dialog.isVisible()
    assert dialog.portal_dialog is None
    assert dialog.notice.kind == "warning"
    assert "needs a subject" in dialog.notice.message


def make_portal(qtbot: QtBot, body: str = LONG_BODY) -> PortalDialog:
    profile = load_profile("plain-1000")
    portal = PortalDialog(prepare_portal_text(body, profile), profile, ClipboardGuard())
    qtbot.addWidget(portal)
    portal.show()
    return portal


def test_saving_text_warns_first_and_cancel_writes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    portal = make_portal(qtbot)
    asked: list[bool] = []

    def choose() -> str:
        asked.append(True)
        return str(tmp_path / "p.txt")

    portal.choose_save_path = choose  # type: ignore[method-assign]
    seen: list[str] = []
    answer_message_box("Cancel", seen)
    portal.save_button.click()
    assert seen[1] == UNENCRYPTED_TEXT_WARNING
    assert asked == []
    assert not (tmp_path / "p.txt").exists()


def test_saved_text_holds_every_part_and_says_it_is_not_encrypted(
    qtbot: QtBot, tmp_path: Path
) -> None:
    portal = make_portal(qtbot)
    target = tmp_path / "p.txt"
    portal.choose_save_path = lambda: str(target)  # type: ignore[method-assign]
    seen: list[str] = []
    answer_message_box("Save anyway", seen)
    with qtbot.waitSignal(portal.saved, timeout=5000):
        portal.save_button.click()
    assert target.read_text(encoding="utf-8") == "\n\n".join(portal.text.parts) + "\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert UNENCRYPTED_TEXT_WARNING in portal.notice.message
    assert portal.save_button.accessibleDescription() == UNENCRYPTED_TEXT_WARNING


def test_an_empty_message_has_nothing_to_copy_or_save(qtbot: QtBot) -> None:
    portal = make_portal(qtbot, body="   \n  ")
    assert portal.copy_buttons == []
    assert not portal.save_button.isEnabled()
    intro = portal.findChild(QLabel, "portalIntro")
    assert isinstance(intro, QLabel)
    assert "empty" in intro.text()
