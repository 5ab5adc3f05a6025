"""The guidance report PDF: its text, read back with pdftotext, lists every rule."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pytest

from safenote.cli import main
from safenote.core.policy import load_default_engine
from safenote.core.practice import load_practice_text, sign_text
from safenote.gui.guidance_report import render_guidance_report
from tests.integration.realparts import require_tool
from tests.unit.practice.profiles import FULL, THERAPIST_KEY

CHANGES = """
[overrides.purpose-first]
enabled = false
[overrides.keep-it-brief]
message = "Long messages wait for our session at {practice_name}."
"""


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    # Skips without poppler-utils, and fails instead under `make test` (SAFENOTE_REAL_PARTS=1).
    pdftotext = require_tool("pdftotext")
    done = subprocess.run(
        [pdftotext, "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    # NFKC undoes ligatures (ﬁ); lines wrap anywhere, so compare on single spaces.
    return " ".join(unicodedata.normalize("NFKC", done.stdout).split())


def test_report_lists_every_rule_and_the_contact_policy(tmp_path: Path) -> None:
    profile = load_practice_text(sign_text(FULL + CHANGES, THERAPIST_KEY), "riverside.toml")
    pdf = render_guidance_report(profile, "riverside.toml")
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf, tmp_path)
    for rule in load_default_engine().rules:
        assert rule.id in text, rule.id
    assert "(urgent)" in text
    assert "Attachments" not in text  # nothing from another profile
    assert "Long messages wait for our session at Riverside Counselling." in text
    assert "Switched off by the practice" in text
    assert "Scheduling only, please." in text
    assert "two business days" in text
    assert "In office hours call 01234 567890." in text
    assert "never instead of them" in text
    assert "What the crisis panel lists for a client in GB" in text
    assert "116 123" in text  # Samaritans, beside the practice's own number
    assert profile.fingerprint in text
    assert "Mon-Thu 9:00-17:00" in text
    assert "1000 characters" in text
    assert "Source:" in text
    assert "Why:" in text


def test_profile_text_is_never_read_as_markup(tmp_path: Path) -> None:
    sneaky = FULL.replace("Dr. Ana Ruiz", "<b>Dr. Bold</b> &amp;")
    text = pdf_text(render_guidance_report(load_practice_text(sneaky), "x"), tmp_path)
    assert "<b>Dr. Bold</b> &amp;" in text


def test_cli_report_writes_the_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "p.toml"
    profile.write_text(FULL, encoding="utf-8")
    out = tmp_path / "out.pdf"
    assert main(["practice", "report", str(profile), "-o", str(out)]) == 0
    assert "Riverside Counselling" in pdf_text(out.read_bytes(), tmp_path)
    default = tmp_path / "default.pdf"
    assert main(["practice", "report", "-", "-o", str(default)]) == 0
    assert "No practice profile" in pdf_text(default.read_bytes(), tmp_path)
    profile.write_text('[practice]\nregion = "Mars"\n', encoding="utf-8")
    assert main(["practice", "report", str(profile), "-o", str(out)]) == 2
    assert "not valid" in capsys.readouterr().err
