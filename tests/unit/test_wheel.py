"""The wheel carries every runtime asset, so an installed SafeNote finds them like a checkout."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_built_wheel_contains_every_resource(tmp_path: Path) -> None:
    # Build from a copy so the test never races other runs over build/ and *.egg-info.
    tree = tmp_path / "tree"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    for name in ("src", "resources"):
        shutil.copytree(ROOT / name, tree / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, tree / name)
    out = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=tree,
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = out.glob("safenote-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assets = [
        p.relative_to(ROOT / "resources").as_posix()
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    ]
    assert assets, "resources/ is empty"
    missing = [a for a in assets if f"safenote/resources/{a}" not in names]
    assert not missing
    assert "safenote/cli/__init__.py" in names
    assert any(n.endswith("entry_points.txt") for n in names)
