"""The therapist preview window: gallery, switches, live profile validation, no disk writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from safenote.core.policy import load_default_engine
from safenote.core.practice import sign_text, template_text
from safenote.gui.preview_window import PreviewWindow
from tests.unit.practice.profiles import FULL, THERAPIST_KEY


def snapshot(*roots: Path) -> dict[str, float]:
    files: dict[str, float] = {}
    for root in roots:
        for folder, _dirs, names in os.walk(root):
            for name in names:
                path = Path(folder, name)
                files[str(path)] = path.stat().st_mtime
            files[folder] = 0.0
    return files


@pytest.fixture
def window(qtbot: QtBot) -> PreviewWindow:
    win = PreviewWindow(FULL, "riverside.toml")
    qtbot.addWidget(win)
    win.show()
    return win


def test_every_gallery_sample_shows_its_rules_on_screen(window: PreviewWindow) -> None:
    shown: set[str] = set()
    window.profile_editor.edit.setPlainText("")  # default guidance: every rule can show
    window.profile_editor.validate_now()
    for index, sample in enumerate(window.gallery.samples):
        window.gallery.choose(index)
        assert window.editor.toPlainText() == sample.text
        assert window.relationship.currentData() == sample.relationship
        assert set(sample.shows) <= window.shown_rules(), sample.title
        shown |= window.shown_rules()
    assert shown >= {rule.id for rule in load_default_engine().rules}


def test_crisis_sample_shows_the_panel_with_the_practice_words(window: PreviewWindow) -> None:
    window.gallery.choose(0)
    assert window.crisis.isVisible()
    assert "01234 567890" in window.crisis.resources.text()
    assert "116 123" in window.crisis.resources.text()  # GB lines, from the profile's region


def test_switches_change_the_guidance(window: PreviewWindow) -> None:
    window.editor.setPlainText("Running 10 min late, sorry!")
    window.channel.setCurrentIndex(window.channel.findData("text"))
    assert "text-message-agreement" not in window.shown_rules()  # this practice takes texts
    window.channel.setCurrentIndex(window.channel.findData("email"))
    assert "unencrypted-channel" in window.shown_rules()
    window.relationship.setCurrentIndex(window.relationship.findData("prospective"))
    assert "first-contact-referral" in window.shown_rules()
    window.editor.setPlainText("I don't want to be alive anymore.")
    window.region.set_region("AU")
    assert "13 11 14" in window.crisis.resources.text()


def test_live_validation_names_problems_and_keeps_the_last_good_profile(
    window: PreviewWindow, qtbot: QtBot
) -> None:
    editor = window.profile_editor
    assert "Valid" in editor.status.text()
    editor.edit.setPlainText(FULL.replace('region = "gb"', 'region = "Mars"'))
    qtbot.waitUntil(lambda: bool(editor.problems))
    assert "practice.region" in editor.status.text()
    assert "line 5" in editor.status.text()
    assert window.profile is not None  # the last valid profile stays in use
    editor.edit.setPlainText(FULL + "[overrides.purpose-first]\nenabled = false\n")
    qtbot.waitUntil(lambda: not editor.problems)
    assert window.rules_view.row_text("purpose-first") == (
        "purpose-first",
        "—",
        "SafeNote default, switched off by the practice",
    )
    assert window.rules_view.row_text("gift") == ("gift", "info", "SafeNote default")


def test_editing_a_signed_profile_asks_for_a_new_signature(qtbot: QtBot) -> None:
    signed = sign_text(FULL, THERAPIST_KEY)
    win = PreviewWindow(signed, "p.toml")
    qtbot.addWidget(win)
    assert "signed (fingerprint" in win.profile_editor.status.text()
    win.profile_editor.edit.setPlainText(signed.replace("two business days", "one day"))
    win.profile_editor.validate_now()
    assert "sign it again" in win.profile_editor.status.text()
    assert win.profile is not None
    assert win.profile.context.response_time == "one day"


def test_the_sandbox_writes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    before = snapshot(tmp_path)
    win = PreviewWindow(template_text(), "template.toml")
    qtbot.addWidget(win)
    win.show()
    for index in range(len(win.gallery.samples)):
        win.gallery.choose(index)
    win.editor.setPlainText("A private note that must not reach the disk.")
    win.close()
    assert snapshot(tmp_path) == before


def test_the_client_header_feeds_the_context(window: PreviewWindow) -> None:
    window.editor.setPlainText("See you Thursday.")
    assert "third-party-copy" not in window.shown_rules()
    window.header.cc.setText("my.partner@example.com")
    assert "third-party-copy" in window.shown_rules()
    assert window.header.cc.property("flagged") is True
    assert window.header.to.currentText() == "Dr. Ana Ruiz"
    assert window.header.contact_button.isHidden()


def test_profile_and_report_are_saved_only_when_asked(
    window: PreviewWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "saved.toml"
    monkeypatch.setattr("safenote.gui.file_dialogs.ask_save_path", lambda *a, **k: str(target))
    window.save_profile_action.trigger()
    assert target.read_text(encoding="utf-8") == FULL
    report = tmp_path / "saved.pdf"
    monkeypatch.setattr("safenote.gui.file_dialogs.ask_save_path", lambda *a, **k: str(report))
    window.report_action.trigger()
    assert report.read_bytes().startswith(b"%PDF")
    monkeypatch.setattr("safenote.gui.file_dialogs.ask_open_path", lambda *a, **k: str(target))
    window.profile_editor.edit.setPlainText("")
    window.open_profile_action.trigger()
    assert window.profile_editor.text() == FULL
