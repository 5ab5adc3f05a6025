"""The PyInstaller bundle works as an installed app: built once per run, then used as a person
(or a packager) would use it — no Python, no source tree, no network."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from safenote import APP_ID, __version__
from tests.conftest import ROOT
from tests.integration.packaging_support import gui_env, gui_starts_and_quits
from tests.integration.realparts import require_display, require_session_bus, require_tool

pytestmark = pytest.mark.slow

CRISIS_SENTENCE = "I don't want to be alive anymore and I have been saving up pills."
ORDINARY_SENTENCE = "Could we move Tuesday's session to three o'clock? Thank you."


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/safenote as `make bundle` makes it, built into a private folder for this run."""
    out = tmp_path_factory.mktemp("bundle")
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build_bundle.py"),
            "--dist",
            str(out / "dist"),
            "--work",
            str(out / "work"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, f"bundle build failed:\n{done.stdout}\n{done.stderr[-4000:]}"
    return out / "dist" / "safenote"


def run(program: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [str(program), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )


def test_version(bundle: Path) -> None:
    done = run(bundle / "safenote", "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"safenote {__version__}"


def rule_ids(done: subprocess.CompletedProcess[str]) -> set[str]:
    assert done.returncode == 0, done.stderr
    return {finding["rule"] for finding in json.loads(done.stdout)["findings"]}


def test_check_finds_the_crisis_rule_so_packs_are_inside(bundle: Path) -> None:
    crisis = run(bundle / "safenote", "check", "--format", "json", "-", stdin=CRISIS_SENTENCE)
    assert "crisis" in rule_ids(crisis)
    ordinary = run(bundle / "safenote", "check", "--format", "json", "-", stdin=ORDINARY_SENTENCE)
    assert "crisis" not in rule_ids(ordinary)


@pytest.mark.parametrize("platform", ["offscreen", "xcb"])
def test_window_starts_and_quits(bundle: Path, platform: str, private_home: Path) -> None:
    if platform == "xcb":
        require_display()  # proves the xcb plugin and its libraries made it into the bundle
    gui_starts_and_quits([str(bundle / "safenote")], gui_env(private_home, platform), private_home)


def test_keyring_round_trip_from_the_frozen_app(bundle: Path) -> None:
    """safenote-selftest runs on the app's own module archive (see packaging/safenote.spec),
    so this is the frozen app's keyring: backends found, Secret Service used, secret kept."""
    require_session_bus()
    done = run(bundle / "safenote-selftest")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert "keyring: keyring.backends.SecretService.Keyring set/get/delete" in lines
    assert lines[-1] == "OK"


def test_frozen_app_keeps_an_encrypted_draft_with_its_key_in_gnome_keyring(
    bundle: Path, private_home: Path
) -> None:
    """The app's own vault path, frozen: a key written to the Secret Service and read back to
    open the vault again in a new process."""
    require_session_bus()
    app = bundle / "safenote"
    assert run(app, "vault", "init").returncode == 0
    added = run(app, "drafts", "add", "--title", "Bundle probe", "-", stdin="A few words.")
    assert added.returncode == 0, added.stderr
    listed = run(app, "drafts", "list")
    assert listed.returncode == 0, listed.stderr
    assert "Bundle probe" in listed.stdout
    status = run(app, "vault", "status")
    assert "keyring.backends.SecretService.Keyring" in status.stdout
    assert (private_home / "data").is_dir()


def test_selftest_fails_without_a_real_keyring(bundle: Path) -> None:
    """The self-test is a real check: with keyring's "fail" backend forced, it says so."""
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    done = subprocess.run(
        [str(bundle / "safenote-selftest")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert done.returncode == 1
    assert "no system keyring backend" in done.stderr


def test_both_programs_share_one_module_archive(bundle: Path) -> None:
    from PyInstaller.archive.readers import CArchiveReader  # type: ignore[import-untyped]

    def modules(program: Path) -> set[str]:
        archive = CArchiveReader(str(program))
        return set(archive.open_embedded_archive("PYZ.pyz").toc)

    app = modules(bundle / "safenote")
    assert app == modules(bundle / "safenote-selftest")
    expected = {
        "keyring.backends.SecretService",
        "keyring.backends.kwallet",
        "secretstorage",
        "jeepney.io.blocking",
        "safenote.cli.check",
        "safenote.gui.app",
    }
    assert expected <= app


def test_bundle_is_lean(bundle: Path) -> None:
    names = {p.name for p in bundle.rglob("*")}
    unwanted = [
        n
        for n in names
        if n.startswith(("libQt6Network", "libQt6WebEngine", "libQt6Qml", "libQt6Quick"))
        or n.startswith(("libgtk-3", "libtk", "libtcl", "_tkinter"))
    ]
    assert not unwanted
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundle size: {size / 2**20:.0f} MiB")


def test_install_script_puts_safenote_in_the_menu_and_takes_it_out_again(
    bundle: Path, tmp_path: Path
) -> None:
    validate = require_tool("desktop-file-validate")
    prefix = tmp_path / "prefix"
    installed = subprocess.run(
        ["sh", str(bundle / "install.sh"), "--prefix", str(prefix)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert installed.returncode == 0, installed.stderr
    desktop = prefix / "share" / "applications" / f"{APP_ID}.desktop"
    assert f"Exec={prefix}/lib/safenote/safenote\n" in desktop.read_text(encoding="utf-8")
    done = subprocess.run([validate, str(desktop)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    icons = prefix / "share" / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (icons / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    assert (prefix / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    # The bin/ link runs the bundle: the bootloader finds its files through the symlink.
    assert run(prefix / "bin" / "safenote", "--version").stdout.strip().endswith(__version__)

    removed = subprocess.run(
        ["sh", str(bundle / "install.sh"), "--prefix", str(prefix), "--uninstall"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert removed.returncode == 0, removed.stderr
    left = [p for p in prefix.rglob("*") if p.is_file() or p.is_symlink()]
    assert not left
