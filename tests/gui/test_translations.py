"""Translations ready: every string a person sees goes through tr() and is found by the
catalog extraction; a pseudo-translation (accented, ~40% longer) changes all of them and
nothing gets clipped."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QWidget,
)
from pytestqt.qtbot import QtBot

from safenote.core.paths import app_paths
from safenote.core.vault import MemoryKeyStore, Settings
from safenote.gui import translation
from safenote.gui.compose_window import ComposeWindow
from safenote.gui.controller import ComposeController
from safenote.gui.first_run_wizard import FirstRunWizard
from safenote.gui.lock_screen import LockScreen
from safenote.gui.preferences import Preferences
from safenote.gui.settings_dialog import SettingsDialog
from safenote.gui.translation import CLOSE, OPEN, PseudoTranslator, pseudo
from safenote.gui.unlock_dialog import UnlockDialog, UnlockReason
from tests.gui.layout_checks import clashing_accelerators, clipped

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "pseudo_translate", ROOT / "scripts" / "pseudo_translate.py"
)
assert _spec is not None
assert _spec.loader is not None
pseudo_translate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pseudo_translate)

LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")
# Not words to translate: the app's name, key names, a format sample, user data.
NOT_TEXT = {"SafeNote", "F12", "XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"}


def test_pseudo_keeps_placeholders_and_accelerators() -> None:
    out = pseudo("&Save %1 of %n drafts")
    assert out.startswith(OPEN)
    assert out.endswith(CLOSE)
    for kept in ("&Ś", "%1", "%n"):
        assert kept in out
    assert len(out) > len("&Save %1 of %n drafts") * 1.3
    assert pseudo("") == ""


@pytest.fixture(scope="module")
def pseudo_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real pipeline: extract with lupdate, pseudo-translate, compile with lrelease."""
    if not LUPDATE.exists() and shutil.which("pyside6-lupdate") is None:
        pytest.fail("pyside6-lupdate is missing (it comes with PySide6)")
    folder = tmp_path_factory.mktemp("i18n")
    ts, qm = folder / "safenote.ts", folder / "safenote_en_XA.qm"
    sources = sorted(str(p) for p in (ROOT / "src/safenote/gui").glob("*.py"))
    subprocess.run(
        [str(LUPDATE), "-silent", "-locations", "none", *sources, "-ts", str(ts)], check=True
    )
    assert pseudo_translate.build(ts, qm) > 100
    return qm


@pytest.fixture
def translated(pseudo_qm: Path, qapp: QApplication) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(pseudo_qm))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every string a person sees or hears in ``root`` as it is shown."""
    found = [("window title", root.windowTitle())]
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        name = f"{type(w).__name__} {w.objectName()}"
        if isinstance(w, QLabel) and w.buddy() is None and not w.pixmap().isNull():
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            found.append((name, w.text()))
        if isinstance(w, QGroupBox):
            found.append((name, w.title()))
        if isinstance(w, QLineEdit):
            found.append((name + " placeholder", w.placeholderText()))
        if isinstance(w, QComboBox):
            found += [(name + " item", w.itemText(i)) for i in range(w.count())]
        found += [
            (name + " tooltip", w.toolTip()),
            (name + " accessible name", w.accessibleName()),
            (name + " description", w.accessibleDescription()),
        ]
    if isinstance(root, QMainWindow):
        for menu_action in root.menuBar().actions():
            found.append(("menu", menu_action.text()))
            menu = menu_action.menu()
            if isinstance(menu, QMenu):
                found += [("menu item", a.text()) for a in menu.actions() if a.text()]
    return [(where, t) for where, t in found if t.strip()]


def untranslated(root: QWidget, allowed: set[str] = NOT_TEXT) -> list[str]:
    return [
        f"{where}: {text!r}"
        for where, text in texts(root)
        if OPEN not in text and text not in allowed and any(c.isalpha() for c in text)
    ]


def show(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.resize(widget.sizeHint().expandedTo(widget.size()))
    return widget


@pytest.mark.usefixtures("translated")
def test_first_run_pages_are_all_translated_and_fit(qtbot: QtBot) -> None:
    wizard = FirstRunWizard(app_paths().ensure(), MemoryKeyStore())
    show(qtbot, wizard)
    for page in range(wizard.stack.count()):
        wizard.stack.setCurrentIndex(page)
        if page == 1:
            wizard.key_page.passphrase.setChecked(True)
        qtbot.waitUntil(lambda: wizard.stack.height() >= wizard.stack.minimumSizeHint().height())
        assert untranslated(wizard) == [], page
        assert clipped(wizard) == [], page
        assert clashing_accelerators(wizard) == [], page


@pytest.mark.usefixtures("translated")
@pytest.mark.parametrize("reason", list(UnlockReason))
def test_unlock_dialog_is_translated_and_fits(qtbot: QtBot, reason: UnlockReason) -> None:
    dialog = UnlockDialog(app_paths().ensure(), MemoryKeyStore(), reason, has_passphrase=True)
    show(qtbot, dialog)
    dialog.reveal_recovery()
    dialog.use_passphrase.setChecked(True)
    dialog.notice.show_warning(QCoreApplication.translate("UnlockDialog", "Please try again."))
    qtbot.waitUntil(
        lambda: dialog.recovery_box.height() >= dialog.recovery_box.minimumSizeHint().height()
    )
    assert untranslated(dialog) == []
    assert clipped(dialog) == []
    assert clashing_accelerators(dialog) == []


@pytest.mark.usefixtures("translated")
def test_settings_and_lock_screen_are_translated_and_fit(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(), Preferences(), None, MemoryKeyStore())
    show(qtbot, dialog)
    dialog.security.show_methods(("keyring", "recovery"))
    dialog.security.switch.click()  # the passphrase fields too
    assert untranslated(dialog) == []
    qtbot.waitUntil(lambda: clipped(dialog) == [])  # once the layout has caught up
    assert clashing_accelerators(dialog) == []
    for mode in (True, False):
        screen = LockScreen(passphrase_mode=mode)
        show(qtbot, screen)
        assert untranslated(screen) == []
        assert clipped(screen) == []


@pytest.mark.usefixtures("translated")
def test_compose_window_is_translated_and_fits(qtbot: QtBot) -> None:
    window = ComposeWindow(ComposeController())
    show(qtbot, window)
    assert untranslated(window) == []
    assert clipped(window) == []


def test_a_plain_string_would_be_caught(qtbot: QtBot, qapp: QApplication) -> None:
    translator = PseudoTranslator()
    qapp.installTranslator(translator)
    try:
        widget = QWidget()
        label = QLabel(widget.tr("Through tr"), widget)
        QLabel("Hard-coded", widget).move(0, 30)
        show(qtbot, widget)
        assert label.text().startswith(OPEN)
        assert untranslated(widget) == ["QLabel : 'Hard-coded'"]
    finally:
        qapp.removeTranslator(translator)


def test_no_catalog_shipped_means_nothing_installed(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "safenote.ts").write_text("<TS/>", encoding="utf-8")  # a source, not a catalog
    monkeypatch.setattr(translation, "resource", lambda *_parts: tmp_path)
    assert translation.install_translations(qapp, QLocale(QLocale.Language.French)) is None
    assert QCoreApplication.translate("WelcomePage", "Welcome to SafeNote") == (
        "Welcome to SafeNote"
    )


def test_catalog_for_the_persons_language_is_loaded(
    pseudo_qm: Path, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(pseudo_qm, tmp_path / "safenote_fr.qm")
    monkeypatch.setattr(translation, "resource", lambda *_parts: tmp_path)
    assert translation.install_translations(qapp, QLocale(QLocale.Language.German)) is None
    translator = translation.install_translations(qapp, QLocale(QLocale.Language.French))
    assert translator is not None
    try:
        welcome = QCoreApplication.translate("WelcomePage", "Welcome to SafeNote")
        assert welcome == pseudo("Welcome to SafeNote")
    finally:
        qapp.removeTranslator(translator)
