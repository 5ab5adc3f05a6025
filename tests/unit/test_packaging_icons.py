"""Every icon size is rendered from the SVG master and is current; the containers open in Qt."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage, QImageReader

from safenote import APP_ID
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def make_icons() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "scripts" / "make_icons.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_make_icons_uses_the_app_id(make_icons: ModuleType) -> None:
    assert make_icons.APP_ID == APP_ID


def test_committed_icons_match_the_master(make_icons: ModuleType) -> None:
    assert make_icons.stale() == [], "run: .venv/bin/python scripts/make_icons.py"


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_hicolor_png_has_its_size_and_transparent_corners(size: int) -> None:
    path = ROOT / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    image = QImage(str(path))
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0  # the tile's rounded corner
    assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_ico_holds_every_windows_size_and_qt_reads_it() -> None:
    path = ROOT / "packaging" / "windows" / "safenote.ico"
    data = path.read_bytes()
    _, kind, count = struct.unpack_from("<HHH", data)
    assert (kind, count) == (1, 7)
    widths = {data[6 + 16 * i] or 256 for i in range(count)}
    assert widths == {16, 24, 32, 48, 64, 128, 256}
    reader = QImageReader(str(path))
    assert reader.imageCount() == 7
    assert not reader.read().isNull()


def test_icns_is_well_formed(make_icons: ModuleType) -> None:
    data = Path(ROOT / "packaging" / "macos" / "safenote.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    kinds, offset = [], 8
    while offset < len(data):
        kinds.append(data[offset : offset + 4])
        offset += struct.unpack_from(">I", data, offset + 4)[0]
    assert offset == len(data)
    assert kinds == [kind for kind, _ in make_icons.ICNS_TYPES]
    reader = QImageReader(str(ROOT / "packaging" / "macos" / "safenote.icns"))
    assert not reader.read().isNull()
