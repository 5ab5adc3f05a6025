"""Draw the compose window's main states into docs/screenshots/ (offscreen, no keyring).

    .venv/bin/python scripts/screenshots.py [OUTPUT_DIR]

Uses a throw-away SAFENOTE_HOME and an in-memory key store, so it never touches real drafts
or the real keyring. Writes compose-empty.png, compose-guidance.png, compose-crisis.png and
compose-dark.png.
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
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
GUIDANCE_TEXT = (
    "Hi, I wanted to write before our next session.\n\n"
    "This week was hard at work and I kept thinking about what we talked about. "
    "I'm forwarding this to my husband so he knows too.\n\n"
    "Could you reply tonight? My card is 4111 1111 1111 1111 for the invoice.\n\n"
    "Thanks,\nSam"
)
CRISIS_TEXT = (
    "I don't really know how to say this. Things have been so heavy lately and I keep "
    "thinking everyone would be better off without me.\n\n"
    "I'm not sure what I want from writing this."
)


def wait_until(condition: Callable[[], bool], timeout_ms: int = 10000) -> None:
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
    from safenote.core.vault import Contact, Draft, MemoryKeyStore, Settings, Vault
    from safenote.gui.app import configure_application
    from safenote.gui.compose_window import ComposeWindow
    from safenote.gui.controller import ComposeController
    from safenote.gui.theme import apply_theme

    app = QApplication(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)

    def sample_vault() -> tuple[Vault, Contact]:
        """A fresh throw-away vault per picture, so one picture's draft never shows in another."""
        os.environ["SAFENOTE_HOME"] = tempfile.mkdtemp(prefix="safenote-shots-")
        paths = app_paths().ensure()
        configure_application(app, paths)
        vault, _code = Vault.create(paths, keystore=MemoryKeyStore())
        therapist = vault.save_contact(
            Contact(name="Dr. Ngozi Okafor", relationship="current", preferred_channel="portal")
        )
        vault.save_settings(Settings(sender_name="Sam", region="US"))
        for title in (
            "Rescheduling Thursday",
            "Update after the weekend",
            "Questions about billing",
        ):
            vault.save_draft(Draft(title=title, body=title, recipient_contact_id=therapist.id))
        return vault, therapist

    def shoot(name: str, dark: bool, text: str, channel: str = "portal", subject: str = "") -> None:
        apply_theme(app, dark)
        vault, therapist = sample_vault()
        controller = ComposeController(vault, autosave_ms=60_000, guidance_ms=10)
        window = ComposeWindow(controller)
        window.resize(1200, 760)
        window.show()
        controller.start()
        # The latest draft opens first; wait for it so it can't replace the new one below.
        wait_until(lambda: window.sidebar.list.count() == 3 and controller.idle)
        controller.new_draft()
        controller.set_header(contact_id=therapist.id, channel=channel, subject=subject)
        window.header.set_draft(controller.draft)
        done: list[int] = []
        controller.checked.connect(lambda: done.append(1))
        window.editor.setPlainText(text)
        done.clear()  # only a check of this text counts (older results are dropped)
        wait_until(lambda: bool(done))
        window.status.set_text(window.editor.toPlainText())
        settle()
        window.grab().save(str(out / name))
        print("wrote", out / name)
        window.close()
        controller.shutdown()
        window.deleteLater()
        settle()

    shoot("compose-empty.png", False, "")
    shoot("compose-guidance.png", False, GUIDANCE_TEXT, "email", "After Tuesday")
    shoot("compose-crisis.png", False, CRISIS_TEXT, "portal", "")
    shoot("compose-dark.png", True, GUIDANCE_TEXT, "email", "After Tuesday")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
