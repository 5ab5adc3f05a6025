"""Draw the first-run, unlock, lock and settings dialogs into docs/screenshots/ (offscreen).

    .venv/bin/python scripts/screenshots_dialogs.py [OUTPUT_DIR]

Uses a throw-away SAFENOTE_HOME and an in-memory key store (never the real keyring or real
drafts). Writes first-run-welcome.png, first-run-key.png, first-run-code.png,
first-run-type-back.png, first-run-about.png, unlock-locked.png, unlock-recover.png,
unlock-passphrase.png, lock-screen.png, settings.png and settings-dark.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "en_US.UTF-8")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent


def wait_until(condition: Callable[[], bool], timeout_ms: int = 15000) -> None:
    loop = QEventLoop()
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: loop.quit() if condition() else None)
    QTimer.singleShot(timeout_ms, loop.quit)
    timer.start()
    loop.exec()
    timer.stop()
    if not condition():
        raise SystemExit("screenshot state never settled")


def settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def main(out: Path) -> int:
    from safenote.core.paths import app_paths
    from safenote.core.vault import KdfParams, MemoryKeyStore, Settings, Vault
    from safenote.gui.app import configure_application
    from safenote.gui.first_run_wizard import CODE, FirstRunWizard
    from safenote.gui.lock_screen import LockScreen
    from safenote.gui.preferences import Preferences
    from safenote.gui.settings_dialog import SettingsDialog
    from safenote.gui.theme import apply_theme
    from safenote.gui.unlock_dialog import UnlockDialog, UnlockReason

    app = QApplication(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    fast = KdfParams(memory_kib=1024, iterations=1, lanes=1)  # pictures only

    def fresh_home() -> None:
        os.environ["SAFENOTE_HOME"] = tempfile.mkdtemp(prefix="safenote-shots-")
        configure_application(app, app_paths().ensure())

    def shoot(widget: QWidget, name: str) -> None:
        settle()
        widget.grab().save(str(out / name))
        print("wrote", out / name)

    apply_theme(app, False)
    fresh_home()
    keys = MemoryKeyStore()
    wizard = FirstRunWizard(app_paths(), keys, kdf=fast)
    wizard.show()
    shoot(wizard, "first-run-welcome.png")
    wizard.next()
    wizard.key_page.passphrase.setChecked(True)
    shoot(wizard, "first-run-key.png")
    wizard.key_page.keyring.setChecked(True)
    wizard.next()
    wait_until(lambda: wizard.page == CODE)
    shoot(wizard, "first-run-code.png")
    wizard.next()
    wizard.type_back.typed.setText(wizard.code[:14])
    wizard.next()  # a mismatch, to show how it is reported
    shoot(wizard, "first-run-type-back.png")
    wizard.type_back.typed.setText(wizard.code)
    wizard.next()
    wizard.about.name.setText("Sam")
    wizard.about.region.set_region("US")
    shoot(wizard, "first-run-about.png")
    wizard.reject()

    for reason, name in (
        (UnlockReason.LOCKED, "unlock-locked.png"),
        (UnlockReason.KEY_MISSING, "unlock-recover.png"),
        (UnlockReason.PASSPHRASE, "unlock-passphrase.png"),
    ):
        dialog = UnlockDialog(
            app_paths(), keys, reason, has_passphrase=reason.value == "passphrase"
        )
        dialog.show()
        shoot(dialog, name)
        dialog.close()

    screen = LockScreen(passphrase_mode=False)
    screen.resize(900, 560)
    screen.show()
    shoot(screen, "lock-screen.png")
    screen.close()

    for dark, name in ((False, "settings.png"), (True, "settings-dark.png")):
        apply_theme(app, dark)
        fresh_home()
        vault, _code = Vault.create(app_paths(), keystore=keys)
        dialog = SettingsDialog(
            Settings(sender_name="Sam", region="US"), Preferences(), vault, keys, kdf=fast
        )
        dialog.resize(600, 900)
        dialog.show()
        wait_until(lambda d=dialog: bool(d.security.methods))  # type: ignore[misc]
        shoot(dialog, name)
        dialog.close()
        vault.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
