"""`python -m build` makes an sdist and, from it, a wheel that works installed on its own:
the installed copy (not the source tree) runs `safenote check` and opens its window."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from safenote import __version__
from tests.conftest import ROOT
from tests.integration.packaging_support import gui_env, gui_starts_and_quits

pytestmark = pytest.mark.slow

CRISIS_SENTENCE = "Some days I think about ending my life."


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the built wheel installed; returns its bin/ folder."""
    work = tmp_path_factory.mktemp("wheel")
    tree = work / "tree"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    for name in ("src", "resources"):
        shutil.copytree(ROOT / name, tree / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, tree / name)
    out = work / "dist"
    # No arguments: build the sdist, then the wheel *from the sdist*, so both are proven.
    built = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out)],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (wheel,) = out.glob("safenote-*.whl")
    assert len(list(out.glob("safenote-*.tar.gz"))) == 1

    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    purelib = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import sysconfig; print(sysconfig.get_path('purelib'))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # Reuse the project venv's third-party packages (PySide6 is large) without installing
    # anything again. A path in a .pth file is not itself a site dir, so the project's
    # editable-install hook (a .pth in that folder) is NOT run: safenote must come from the wheel.
    deps = subprocess.run(
        [sys.executable, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(purelib, "project-deps.pth").write_text(deps + "\n", encoding="utf-8")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(venv / "bin" / "python"),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--ignore-installed",
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    return venv / "bin"


def run_installed(program: Path, *args: str, stdin: str | None = None) -> str:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    done = subprocess.run(
        [str(program), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
        cwd=program.parent,  # not the checkout: nothing importable from the source tree
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_installed_copy_is_the_wheel_not_the_source_tree(installed: Path) -> None:
    where = run_installed(
        installed / "python",
        "-c",
        "import safenote, safenote.resources as r; print(safenote.__file__); print(r.__file__)",
    ).splitlines()
    venv = installed.parent.resolve()
    assert all(Path(p).resolve().is_relative_to(venv) for p in where), where
    assert run_installed(installed / "safenote", "--version").strip() == f"safenote {__version__}"


def test_installed_check_finds_the_crisis_rule(installed: Path) -> None:
    out = run_installed(
        installed / "safenote", "check", "--format", "json", "-", stdin=CRISIS_SENTENCE
    )
    assert "crisis" in {finding["rule"] for finding in json.loads(out)["findings"]}


def test_installed_window_starts_offscreen(installed: Path, private_home: Path) -> None:
    gui_starts_and_quits([str(installed / "safenote")], gui_env(private_home), private_home)
