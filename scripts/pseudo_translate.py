"""Make a pseudo-translated catalog from SafeNote's extracted one, and compile it.

    .venv/bin/python scripts/pseudo_translate.py [CATALOG.ts] [OUT.qm]

Defaults: resources/translations/safenote.ts -> resources/translations/safenote_en_XA.qm
(``en_XA`` is the usual pseudo-locale). Run SafeNote with ``LANGUAGE=en_XA`` to see it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from safenote.gui.translation import pseudo  # noqa: E402 - after the path set-up above


def lrelease() -> str:
    found = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).with_name("pyside6-lrelease")
    )
    if not Path(found).exists():
        raise SystemExit("pyside6-lrelease not found (it comes with PySide6)")
    return found


def pseudo_catalog(source: Path, target_ts: Path) -> int:
    """Fill every message of ``source`` with its pseudo-translation; returns how many."""
    tree = ET.parse(source)  # noqa: S314 - see the import
    root = tree.getroot()
    root.set("language", "en_XA")
    count = 0
    for message in root.iter("message"):
        text = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            translation.text = None
            for child in list(translation):
                translation.remove(child)
            for _ in range(2):
                ET.SubElement(translation, "numerusform").text = pseudo(text)
        else:
            translation.text = pseudo(text)
        count += 1
    tree.write(target_ts, encoding="utf-8", xml_declaration=True)
    return count


def build(source: Path, qm: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "pseudo.ts"
        count = pseudo_catalog(source, ts)
        subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
    return count


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else ROOT / "resources/translations/safenote.ts"
    qm = Path(argv[2]) if len(argv) > 2 else ROOT / "resources/translations/safenote_en_XA.qm"
    count = build(source, qm)
    print(f"{count} strings pseudo-translated into {qm}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
