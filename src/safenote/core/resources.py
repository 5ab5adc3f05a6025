"""The one way SafeNote finds its runtime assets.

Assets live in the repository's top-level ``resources/`` folder, which is packaged as
``safenote.resources``. ``importlib.resources`` resolves that package the same way in an
editable install, an installed wheel and a PyInstaller bundle, so there is no "dev mode".
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_PACKAGE = "safenote.resources"


class ResourceMissingError(FileNotFoundError):
    """A bundled asset is missing: the installation is incomplete."""


@cache
def _root() -> Traversable:
    """The assets folder. Where the package is a plain folder on disk (a wheel, an editable
    install, a PyInstaller bundle) that folder is the answer, found without importing
    ``importlib.resources`` and the modules under it (tempfile, shutil, zipfile...): about
    8 ms of every start-up. Anything else (a zip import) goes through importlib.resources.
    """
    spec = importlib.util.find_spec(_PACKAGE)
    folders = list(spec.submodule_search_locations or ()) if spec else []
    if len(folders) == 1 and Path(folders[0]).is_dir():
        return Path(folders[0])
    from importlib import resources

    return resources.files(_PACKAGE)


def resource(*parts: str) -> Traversable:
    """Return the bundled asset at ``parts`` (e.g. ``resource("packs", "default.toml")``)."""
    node = _root()
    for part in parts:
        node = node.joinpath(part)
    if not node.is_file() and not node.is_dir():
        raise ResourceMissingError(
            f"SafeNote's bundled file {'/'.join(parts)!r} is missing; reinstall SafeNote."
        )
    return node


def read_text(*parts: str) -> str:
    """Read a bundled text asset as UTF-8."""
    return resource(*parts).read_text(encoding="utf-8")


def read_bytes(*parts: str) -> bytes:
    """Read a bundled binary asset."""
    return resource(*parts).read_bytes()
