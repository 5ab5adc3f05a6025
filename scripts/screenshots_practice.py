"""Draw the therapist preview window and a page of the guidance report into docs/screenshots/.

    .venv/bin/python scripts/screenshots_practice.py [OUTPUT_DIR]

Offscreen, in a throw-away SAFENOTE_HOME, with a built-in sample profile (no keyring: the
profile is signed with a throw-away key). Needs ``pdftoppm`` (poppler-utils) for the report
page. Writes preview-sample.png, preview-profile.png, preview-rules.png and report-page1.png.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "en_US.UTF-8")

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
PROFILE = """# Riverside Counselling: how to reach Dr. Ana Ruiz between sessions.
[practice]
name = "Riverside Counselling"
therapist = "Dr. Ana Ruiz"
region = "GB"
response_time = "two business days"
hours = "Monday to Thursday, 9am to 5pm"
crisis_instructions = "In office hours, call 01234 567890 and ask for the duty clinician."
portal_name = "Riverside client portal"
portal_limit = 1000

[channels]
accepted = ["portal", "encrypted", "text"]
notes = { text = "Texts are for scheduling only, please." }

[overrides.keep-it-brief]
severity = "caution"
message = "Long messages usually wait for our next session at {practice_name}."

[overrides.purpose-first]
enabled = false
"""


def settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def main(out: Path) -> int:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from safenote.core.practice import load_practice_text, sign_text
    from safenote.gui.guidance_report import render_guidance_report
    from safenote.gui.preview_window import PreviewWindow

    out.mkdir(parents=True, exist_ok=True)
    signed = sign_text(PROFILE, Ed25519PrivateKey.generate())
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = PreviewWindow(signed, "riverside.toml")
    window.resize(1360, 820)
    window.show()
    window.gallery.choose(0)  # the crisis sample: the panel with the practice's own words
    settle()
    window.grab().save(str(out / "preview-sample.png"))
    window.gallery.choose(10)  # a long update: the practice's stricter keep-it-brief
    window.tabs.setCurrentWidget(window.rules_view)
    settle()
    window.grab().save(str(out / "preview-rules.png"))
    window.tabs.setCurrentWidget(window.profile_editor)
    window.profile_editor.edit.setPlainText(PROFILE.replace('region = "GB"', 'region = "UK!"'))
    window.profile_editor.validate_now()
    settle()
    window.grab().save(str(out / "preview-profile.png"))
    window.close()

    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm is missing (apt-get install poppler-utils)", file=sys.stderr)
        return 1
    pdf = render_guidance_report(load_practice_text(signed, "riverside.toml"), "riverside.toml")
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "report.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            [
                pdftoppm,
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(source),
                str(out / "report-page1"),
            ],
            check=True,
        )
    app.quit()
    print(f"Wrote screenshots to {out}")
    return 0


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as home:
        os.environ["SAFENOTE_HOME"] = home
        target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
        sys.exit(main(target))
