"""Every icon size is rendered from the SVG master and is current, and the Windows and macOS
containers hold PNGs of the sizes their directories claim. (No Qt in this process: the
re-render runs scripts/make_icons.py --check in its own.)"""

from __future__ import annotations

import os
import struct
import subprocess
import sys

import pytest

from tests.conftest import ROOT

APP_ID = "app.safenote.SafeNote"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size_and_colour_type(data: bytes) -> tuple[int, int, int]:
    """Width, height and colour type from a PNG's IHDR chunk (6 = RGBA)."""
    assert data[:8] == PNG_MAGIC
    assert data[12:16] == b"IHDR"
    width, height, _depth, colour = struct.unpack_from(">IIBB", data, 16)
    return width, height, colour


def test_committed_icons_match_the_master() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_icons.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_hicolor_png_is_rgba_at_its_size(size: int) -> None:
    path = ROOT / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert png_size_and_colour_type(path.read_bytes()) == (size, size, 6)


def test_ico_directory_matches_its_png_entries() -> None:
    data = (ROOT / "packaging" / "windows" / "safenote.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, 7)
    sizes = []
    for i in range(count):
        width, height, _c, _r, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i
        )
        size = width or 256  # 0 means 256
        assert (height or 256, planes, bits) == (size, 1, 32)
        assert png_size_and_colour_type(data[offset : offset + length])[:2] == (size, size)
        sizes.append(size)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_icns_elements_hold_pngs_of_the_expected_sizes() -> None:
    data = (ROOT / "packaging" / "macos" / "safenote.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    expected = {b"icp4": 16, b"icp5": 32, b"ic11": 32, b"icp6": 64, b"ic12": 64}
    expected |= {b"ic07": 128, b"ic08": 256, b"ic13": 256, b"ic09": 512, b"ic14": 512}
    found, offset = {}, 8
    while offset < len(data):
        kind = data[offset : offset + 4]
        length = struct.unpack_from(">I", data, offset + 4)[0]
        found[kind] = png_size_and_colour_type(data[offset + 8 : offset + length])[0]
        offset += length
    assert offset == len(data)
    assert found == expected
