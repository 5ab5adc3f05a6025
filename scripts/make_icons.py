"""Render SafeNote's icon master (SVG) into every size and format the packages need.

    .venv/bin/python scripts/make_icons.py           # write the icons
    .venv/bin/python scripts/make_icons.py --check   # exit 1 if a committed icon is stale

One master, many outputs, so the desktop, Flatpak, Windows and macOS icons never drift apart:

* ``resources/icons/hicolor/NxN/apps/<APP_ID>.png`` for the freedesktop hicolor theme (they
  ship inside the package, so the wheel and the bundle carry them too);
* ``packaging/windows/safenote.ico`` and ``packaging/macos/safenote.icns`` for PyInstaller on
  those systems. Both containers are written here, byte for byte, with PNG entries: Qt can
  read them but writes only one image per file.

Rendering uses Qt's QSvgRenderer offscreen, so no display and no extra tool is needed.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "app.safenote.SafeNote"
MASTER = ROOT / "resources" / "icons" / f"{APP_ID}.svg"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
ICO_PATH = ROOT / "packaging" / "windows" / "safenote.ico"
ICNS_PATH = ROOT / "packaging" / "macos" / "safenote.icns"

HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types that hold PNG data, with the pixel size each one expects.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),  # 16 pt @2x
    (b"icp6", 64),
    (b"ic12", 64),  # 32 pt @2x
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),  # 128 pt @2x
    (b"ic09", 512),
    (b"ic14", 512),  # 256 pt @2x
)


def hicolor_path(size: int) -> Path:
    return HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render_pngs(svg: Path, sizes: Iterable[int]) -> dict[int, bytes]:
    """Render ``svg`` at each square size; return PNG bytes by size."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG")
    out: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]
        buffer.close()
        out[size] = bytes(data.data())
    return out


def build_ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO container with one PNG entry per size (Windows Vista and later read these)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        png = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def build_icns(pngs: dict[int, bytes]) -> bytes:
    """An ICNS container with PNG elements (macOS 10.7 and later)."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def same_pixels(a: bytes, b: bytes) -> bool:
    from PySide6.QtGui import QImage

    first, second = QImage(), QImage()
    return first.loadFromData(a, "PNG") and second.loadFromData(b, "PNG") and first == second


def write_all() -> None:
    pngs = render_pngs(MASTER, HICOLOR_SIZES)
    for size, png in pngs.items():
        path = hicolor_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(png)
    ICO_PATH.parent.mkdir(parents=True, exist_ok=True)
    ICO_PATH.write_bytes(build_ico({s: pngs[s] for s in ICO_SIZES}))
    ICNS_PATH.parent.mkdir(parents=True, exist_ok=True)
    ICNS_PATH.write_bytes(build_icns(pngs))


def stale() -> list[str]:
    """Names of committed icons that no longer match the master (empty when all is well)."""
    fresh = render_pngs(MASTER, HICOLOR_SIZES)
    problems: list[str] = []
    committed: dict[int, bytes] = {}
    for size, png in fresh.items():
        path = hicolor_path(size)
        if not path.is_file() or not same_pixels(path.read_bytes(), png):
            problems.append(str(path.relative_to(ROOT)))
            continue
        committed[size] = path.read_bytes()
    if problems:
        return problems
    # The containers embed the committed PNGs, so they must match byte for byte.
    if not ICO_PATH.is_file() or ICO_PATH.read_bytes() != build_ico(
        {s: committed[s] for s in ICO_SIZES}
    ):
        problems.append(str(ICO_PATH.relative_to(ROOT)))
    if not ICNS_PATH.is_file() or ICNS_PATH.read_bytes() != build_icns(committed):
        problems.append(str(ICNS_PATH.relative_to(ROOT)))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if an icon is out of date")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale()
        for name in problems:
            print(f"make_icons: {name} does not match {MASTER.name}; run scripts/make_icons.py")
        return 1 if problems else 0
    write_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
