"""Build SafeNote's one-folder bundle: `make bundle` and the bundle tests both run this.

    .venv/bin/python packaging/build_bundle.py [--dist DIR] [--work DIR] [--tarball]

1. PyInstaller with packaging/safenote.spec -> DIR/safenote/{safenote, safenote-selftest}.
2. On Linux, the release extras next to the programs: install.sh, the desktop entry, the
   AppStream metainfo and the hicolor icons under share/ (the layout install.sh expects).
3. With --tarball, DIR/safenote-<version>-linux-<machine>.tar.gz of that folder.

Prints the bundle's path and size. Needs no network.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP_ID = "app.safenote.SafeNote"


def run_pyinstaller(dist: Path, work: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(PACKAGING / "safenote.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    return dist / "safenote"


def stage_linux_extras(bundle: Path) -> None:
    share = bundle / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy2(PACKAGING / "linux" / f"{APP_ID}.desktop", share / "applications")
    shutil.copy2(PACKAGING / "linux" / f"{APP_ID}.metainfo.xml", share / "metainfo")
    icons = ROOT / "resources" / "icons"
    hicolor = share / "icons" / "hicolor"
    shutil.copytree(icons / "hicolor", hicolor, dirs_exist_ok=True)
    scalable = hicolor / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(icons / f"{APP_ID}.svg", scalable)
    shutil.copy2(PACKAGING / "linux" / "install.sh", bundle / "install.sh")


def make_tarball(bundle: Path) -> Path:
    sys.path.insert(0, str(ROOT / "src"))
    from safenote import __version__

    name = f"safenote-{__version__}-linux-{platform.machine()}.tar.gz"
    out = bundle.parent / name
    with tarfile.open(out, "w:gz") as tar:
        tar.add(bundle, arcname="safenote")
    return out


def size_mib(path: Path) -> float:
    return (
        sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--tarball", action="store_true", help="also pack a release tarball")
    args = parser.parse_args(argv)
    bundle = run_pyinstaller(args.dist.resolve(), args.work.resolve())
    if sys.platform.startswith("linux"):
        stage_linux_extras(bundle)
    print(f"bundle: {bundle} ({size_mib(bundle):.0f} MiB)")
    if args.tarball and sys.platform.startswith("linux"):
        tarball = make_tarball(bundle)
        print(f"tarball: {tarball} ({tarball.stat().st_size / 2**20:.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
