"""Settings: preferences persist in QSettings (config folder), name and region in the vault,
key changes work at once, keyboard order is logical, and 200% text still fits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from safenote.core.paths import app_paths
from safenote.core.vault import (
    KdfParams,
    MemoryKeyStore,
    Settings,
    Vault,
    WrongRecoveryCodeError,
)
from safenote.gui.appearance import Appearance, apply_text_scale, scale_stylesheet
from safenote.gui.compose_window import ComposeWindow
from safenote.gui.controller import ComposeController
from safenote.gui.notice import NoticeLabel
from safenote.gui.preferences import Preferences, load_preferences
from safenote.gui.settings_dialog import SettingsDialog
from tests.gui.layout_checks import clipped, overlapping, unnamed_controls

FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)


@pytest.fixture
def config_dir(tmp_path: Path) -> Iterator[Path]:
    """QSettings in INI files under this test's SafeNote config folder, as the app sets up."""
    folder = app_paths().ensure().config
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


@pytest.fixture
def restore_font(qapp: QApplication) -> Iterator[None]:
    font, palette, sheet = qapp.font(), qapp.palette(), qapp.styleSheet()
    yield
    qapp.setFont(font)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)
    qapp.setProperty("safenoteBasePointSize", None)


def dialog(
    qtbot: QtBot,
    vault: Vault | None = None,
    keys: MemoryKeyStore | None = None,
    settings: Settings | None = None,
) -> SettingsDialog:
    d = SettingsDialog(
        settings or Settings(), load_preferences(), vault, keys or MemoryKeyStore(), kdf=FAST_KDF
    )
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_preferences_persist_in_the_config_folder(qtbot: QtBot, config_dir: Path) -> None:
    d = dialog(qtbot, settings=Settings(sender_name="Sam", region="UK"))
    assert d.region.region() == "UK"
    d.idle.setValue(12)
    d.theme.setCurrentIndex(d.theme.findData("dark"))
    d.text_size.setCurrentIndex(d.text_size.findData(150))
    d.categories["style"].setChecked(False)
    with qtbot.waitSignal(d.preferencesChanged) as saved:
        QTest.mouseClick(d.save_button, Qt.MouseButton.LeftButton)
    expected = Preferences(
        idle_lock_minutes=12, theme="dark", text_scale=150, hidden_categories=frozenset({"style"})
    )
    assert saved.args == [expected]
    assert load_preferences() == expected
    files = [p for p in config_dir.rglob("*") if p.is_file()]
    assert files
    assert all("Sam" not in p.read_text() for p in files)  # personal data is not here
    again = dialog(qtbot)
    assert again.preferences() == expected


def test_malformed_preferences_fall_back_to_defaults(config_dir: Path) -> None:
    s = QSettings()
    s.setValue("privacy/idle_lock_minutes", "soon")
    s.setValue("appearance/theme", "neon")
    s.setValue("guidance/hidden_categories", "safety")  # never hideable
    assert load_preferences() == Preferences()


def test_name_and_region_go_to_the_vault_not_the_config(qtbot: QtBot, config_dir: Path) -> None:
    d = dialog(qtbot)
    d.name.setText("  Sam Rivera ")
    d.region.set_region("IE")
    with qtbot.waitSignal(d.personalChanged) as personal:
        d.save()
    assert personal.args == [Settings(sender_name="Sam Rivera", region="IE")]
    unchanged = dialog(qtbot, settings=Settings(sender_name="Sam", region="IE"))
    with qtbot.assertNotEmitted(unchanged.personalChanged):
        unchanged.save()


def test_switch_to_passphrase_mode_and_back(qtbot: QtBot, config_dir: Path) -> None:
    keys = MemoryKeyStore()
    paths = app_paths().ensure()
    vault, _code = Vault.create(paths, keystore=keys)
    d = dialog(qtbot, vault, keys)
    box = d.security
    qtbot.waitUntil(lambda: box.methods == ("keyring", "recovery"))
    assert box.rotate.isVisible()
    box.switch.click()
    box.fields.first.setText("lantern orbit marble")
    box.fields.second.setText("lantern orbit marble")
    with qtbot.waitSignal(box.methodsChanged, timeout=10000) as changed:
        box.confirm_switch.click()
    assert changed.args == [("passphrase", "recovery")]
    assert "passphrase" in box.mode.text()
    assert not box.rotate.isVisible()
    assert keys.keys == {}
    Vault.open(paths, passphrase="lantern orbit marble").close()
    with qtbot.waitSignal(box.methodsChanged, timeout=10000):
        box.switch.click()
    assert box.methods == ("keyring", "recovery")
    with qtbot.waitSignal(box.methodsChanged, timeout=10000):
        box.rotate.click()  # a new keyring key
    vault.close()
    Vault.open(paths, keystore=keys).close()


def test_new_recovery_code_is_shown_once_and_the_old_one_stops_working(
    qtbot: QtBot, config_dir: Path
) -> None:
    keys = MemoryKeyStore()
    paths = app_paths().ensure()
    vault, old = Vault.create(paths, keystore=keys)
    d = dialog(qtbot, vault, keys)
    qtbot.waitUntil(lambda: bool(d.security.methods))
    d.security.new_code.click()
    qtbot.waitUntil(lambda: d.new_code_dialog is not None, timeout=10000)
    shown = d.new_code_dialog
    assert shown is not None
    new = shown.code
    assert shown.page.code.text().split() == [g for g in new.split("-")]
    assert "no longer works" in d.security.notice.message
    vault.close()
    with pytest.raises(WrongRecoveryCodeError):
        Vault.recover(old, paths, keystore=keys)
    Vault.recover(new, paths, keystore=keys).close()


def test_keyboard_order_is_top_to_bottom(qtbot: QtBot, config_dir: Path) -> None:
    d = dialog(qtbot)
    d.activateWindow()
    qtbot.waitUntil(d.isActiveWindow)
    order = [d.name, d.region, d.idle, d.theme, d.text_size, *d.categories.values()]
    assert QApplication.focusWidget() is d.name
    for expected in order[1:]:
        focus = QApplication.focusWidget()
        assert focus is not None
        QTest.keyClick(focus, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected
    QTest.keyClick(d.name, Qt.Key.Key_Escape)
    assert d.result() == d.DialogCode.Rejected


@pytest.mark.usefixtures("restore_font")
def test_layout_survives_200_percent_text(
    qtbot: QtBot, qapp: QApplication, config_dir: Path
) -> None:
    apply_text_scale(qapp, 200)
    keys = MemoryKeyStore()
    vault, _ = Vault.create(app_paths().ensure(), keystore=keys)
    d = dialog(qtbot, vault, keys)
    qtbot.waitUntil(lambda: bool(d.security.methods))
    d.security.switch.click()  # show the passphrase fields too
    d.resize(d.sizeHint())
    assert clipped(d) == []
    assert overlapping(d) == []
    assert unnamed_controls(d) == []
    vault.close()


@pytest.mark.usefixtures("restore_font")
def test_theme_follows_the_system_when_asked(qtbot: QtBot, qapp: QApplication) -> None:
    appearance = Appearance(qapp, Preferences(theme="system"))
    hints = qapp.styleHints()
    notice = NoticeLabel()
    qtbot.addWidget(notice)
    notice.show_warning("x")
    before = notice.icon.pixmap().cacheKey()
    # The offscreen platform can't switch its own scheme, so send what the desktop would.
    with qtbot.waitSignal(appearance.applied) as applied:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert applied.args == [True]
    assert "dark theme" in qapp.styleSheet()
    assert qapp.palette().window().color().lightness() < 80
    assert notice.icon.pixmap().cacheKey() != before  # icon redrawn for the new palette
    with qtbot.waitSignal(appearance.applied) as applied:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert applied.args == [False]
    appearance.apply(Preferences(theme="dark"))
    with qtbot.assertNotEmitted(appearance.applied):
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)  # an explicit choice stays put
    appearance.stop_following()


@pytest.mark.usefixtures("restore_font")
def test_text_size_also_scales_styled_text(qapp: QApplication) -> None:
    base = qapp.font().pointSizeF()
    appearance = Appearance(qapp, Preferences(theme="light", text_scale=200))
    try:
        appearance.apply()
        assert qapp.font().pointSizeF() == pytest.approx(base * 2)
        assert "font-size: 23pt" in qapp.styleSheet()  # the editor's 11.5pt, doubled
        appearance.apply(Preferences(theme="light", text_scale=100))
        assert "font-size: 11.5pt" in qapp.styleSheet()
        assert qapp.font().pointSizeF() == pytest.approx(base)
    finally:
        appearance.stop_following()
    assert scale_stylesheet("a { font-size: 9pt; }", 150) == "a { font-size: 13.5pt; }"


@pytest.mark.usefixtures("restore_font")
def test_main_window_survives_200_percent_text(qtbot: QtBot, qapp: QApplication) -> None:
    apply_text_scale(qapp, 200)
    window = ComposeWindow(ComposeController())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.resize(window.sizeHint().expandedTo(window.size()))
    assert window.editor.font().pointSizeF() >= 16
    qtbot.waitUntil(lambda: clipped(window) == [])
    assert overlapping(window) == []
    assert unnamed_controls(window) == []
