"""The packaging metadata agrees with the app: one app id, one version, no network, and the
Flatpak's pinned dependencies inside pyproject's ranges."""

from __future__ import annotations

import configparser
import json
import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from safenote import APP_ID, __version__
from tests.conftest import ROOT

LINUX = ROOT / "packaging" / "linux"
FLATPAK = ROOT / "packaging" / "flatpak"
SCREENSHOTS = ("compose-empty", "compose-guidance", "compose-crisis", "compose-dark")
SCREENSHOT_URL = "https://raw.githubusercontent.com/safenote/safenote/main/docs/screenshots/"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def metainfo() -> ET.Element:
    return ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()  # noqa: S314  # our own file


def test_desktop_entry_launches_safenote_with_the_app_id_icon() -> None:
    entry = desktop_entry()
    assert entry["Exec"] == "safenote"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"


def test_metainfo_names_the_app_id_and_desktop_file() -> None:
    root = metainfo()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.find("content_rating[@type='oars-1.1']") is not None


def test_metainfo_has_release_notes_for_this_version() -> None:
    releases = metainfo().findall("releases/release")
    assert releases[0].get("version") == __version__, "add release notes for the new version"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", releases[0].get("date", ""))
    assert releases[0].find("description/p") is not None


def test_metainfo_screenshots_are_the_ones_docs_screenshots_holds() -> None:
    images = [e.text for e in metainfo().findall("screenshots/screenshot/image")]
    assert images == [f"{SCREENSHOT_URL}{name}.png" for name in SCREENSHOTS]
    assert metainfo().find("screenshots/screenshot[@type='default']/image") is not None


def flatpak_manifest() -> dict[str, object]:
    data: dict[str, object] = json.loads((FLATPAK / f"{APP_ID}.json").read_text("utf-8"))
    return data


def test_flatpak_talks_to_the_keyring_and_has_no_network() -> None:
    manifest = flatpak_manifest()
    assert manifest["id"] == APP_ID
    assert manifest["runtime"] == "org.kde.Platform"
    assert manifest["command"] == "safenote"
    args = manifest["finish-args"]
    assert isinstance(args, list)
    assert "--talk-name=org.freedesktop.secrets" in args
    assert not [a for a in args if a.startswith("--share=network")]
    # No broad file access: exports go through the file chooser portal.
    assert not [a for a in args if a.startswith("--filesystem")]


def test_flatpak_pins_are_inside_pyprojects_ranges() -> None:
    pins = {}
    for line in (FLATPAK / "requirements.txt").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version.strip()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    for spec in project["dependencies"]:
        requirement = Requirement(spec)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is missing from packaging/flatpak/requirements.txt"
        assert requirement.specifier.contains(pins[name]), f"{name}=={pins[name]} vs {spec}"


def test_spec_and_hook_exist_where_make_bundle_looks() -> None:
    spec = (ROOT / "packaging" / "safenote.spec").read_text("utf-8")
    assert 'copy_metadata("keyring")' in spec  # keyring finds its backends by entry points
    assert Path(ROOT / "packaging" / "pyinstaller" / "hooks" / "hook-PySide6.QtGui.py").is_file()
