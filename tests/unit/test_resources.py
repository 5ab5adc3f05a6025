from __future__ import annotations

import pytest

from safenote.core.resources import ResourceMissingError, read_text, resource


def test_resources_package_is_found() -> None:
    assert resource().is_dir()
    assert "safenote.resources" in read_text("__init__.py")


def test_missing_resource_says_to_reinstall() -> None:
    with pytest.raises(ResourceMissingError, match="reinstall"):
        read_text("no", "such", "file.toml")


def test_the_assets_folder_is_the_one_importlib_resources_names() -> None:
    from importlib import resources as importlib_resources

    from safenote.core import resources

    assert str(resources._root()) == str(importlib_resources.files("safenote.resources"))


def test_without_a_plain_folder_assets_come_through_importlib_resources(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib.util

    from safenote.core import resources

    # As from a zip import: the loader names no folder on disk.
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    resources._root.cache_clear()
    try:
        assert "safenote.resources" in read_text("__init__.py")
        assert resource("styles").is_dir()
    finally:
        resources._root.cache_clear()


def test_importing_resources_leaves_importlib_resources_unloaded() -> None:
    # importlib.resources drags tempfile, shutil and zipfile into every start-up.
    import subprocess
    import sys

    code = (
        "import sys; from safenote.core.resources import read_text; read_text('__init__.py');"
        "print('importlib.resources' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
