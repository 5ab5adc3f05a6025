"""Export and portal dialogs under a pseudo-translation: every string of SafeNote's own goes
through tr(), nothing is clipped, no two controls share an Alt+letter, every control is named.
Data (guidance messages, portal names, crisis lines, the person's words) is not translated."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from safenote.core.export.portal import list_profiles, load_profile, prepare_portal_text
from safenote.core.export.readiness import UNENCRYPTED_TEXT_WARNING
from safenote.gui.clipboard_guard import ClipboardGuard
from safenote.gui.export_dialog import ExportDialog
from safenote.gui.export_request import ExportRequest
from safenote.gui.portal_dialog import PortalDialog, unencrypted_warning
from tests.gui.export_support import BODY, CAUTION, URGENT, clean_clipboard, identity
from tests.gui.layout_checks import clashing_accelerators, clipped, unnamed_controls
from tests.gui.test_translations import NOT_TEXT, pseudo_qm, show, translated, untranslated

__all__ = ["clean_clipboard", "pseudo_qm", "translated"]  # fixtures
pytestmark = pytest.mark.usefixtures("clean_clipboard")

# Shown as they are: guidance and crisis lines come from data files, portal names too.
DATA = {
    *NOT_TEXT,
    *(p.name for p in list_profiles()),
    "Dr. Ruiz",
}


def data_free(texts: list[str]) -> list[str]:
    """Untranslated strings that are not guidance data (messages, resources) or user text."""
    data_bits = (CAUTION.message, URGENT.message, "Samaritans", "age1", "Evenings are harder")
    return [t for t in texts if not any(bit in t for bit in data_bits)]


def test_warning_is_cores_wording_when_untranslated() -> None:
    assert unencrypted_warning() == UNENCRYPTED_TEXT_WARNING


@pytest.mark.usefixtures("translated")
def test_export_dialog_is_translated_and_fits_in_every_mode(qtbot: QtBot) -> None:
    request = ExportRequest(
        BODY,
        findings=(CAUTION, URGENT),
        recipient_keys=(identity().public_key,),
        recipient_name="Dr. Ruiz",
        portal_limit=500,
    )
    dialog = ExportDialog(request)
    show(qtbot, dialog)
    states: list[tuple[str, Callable[[], object]]] = [
        ("age", lambda: dialog.age.use_keys.setChecked(True)),
        ("age", lambda: dialog.age.use_passphrase.setChecked(True)),
        ("pdf", lambda: None),
        ("portal", lambda: None),
    ]
    for kind, arrange in states:
        dialog.choose_format(kind)
        arrange()
        dialog.notice.show_warning(
            dialog.tr("Something went wrong and nothing was saved. Please try again.")
        )
        dialog.grow_to_fit()
        assert data_free(untranslated(dialog, DATA)) == [], kind
        qtbot.waitUntil(lambda: clipped(dialog) == [])
        assert clashing_accelerators(dialog) == [], kind
        assert unnamed_controls(dialog) == [], kind


@pytest.mark.usefixtures("translated")
def test_pdf_passphrase_panel_is_translated(qtbot: QtBot) -> None:
    dialog = ExportDialog(ExportRequest(BODY))
    show(qtbot, dialog)
    dialog.choose_format("pdf")
    dialog.pdf_panel.show_passphrase("CarpBendTidyChanceBrassValidBeam")
    dialog.grow_to_fit()  # as the dialog does when the PDF is saved
    assert untranslated(dialog, {*DATA, "CarpBendTidyChanceBrassValidBeam"}) == []
    qtbot.waitUntil(lambda: clipped(dialog) == [])


@pytest.mark.usefixtures("translated")
def test_portal_dialog_is_translated_and_fits(qtbot: QtBot) -> None:
    profile = load_profile("subject-required")
    text = prepare_portal_text("Evenings are harder. " * 60, profile.with_limit(400), "Hello")
    portal = PortalDialog(text, profile, ClipboardGuard())
    show(qtbot, portal)
    portal.copy_part(1)
    assert data_free(untranslated(portal, {*DATA, "Hello"})) == []
    qtbot.waitUntil(lambda: clipped(portal) == [])
    assert clashing_accelerators(portal) == []
    assert unnamed_controls(portal) == []
