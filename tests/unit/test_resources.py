from __future__ import annotations

import pytest

from safenote.core.resources import ResourceMissingError, read_text, resource


def test_resources_package_is_found() -> None:
    assert resource().is_dir()
    assert "safenote.resources" in read_text("__init__.py")


def test_missing_resource_says_to_reinstall() -> None:
    with pytest.raises(ResourceMissingError, match="reinstall"):
        read_text("no", "such", "file.toml")
