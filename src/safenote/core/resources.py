"""The one way SafeNote finds its runtime assets.

Assets live in the repository's top-level ``resources/`` folder, which is packaged as
``safenote.resources``. ``importlib.resources`` resolves that package the same way in an
editable install, an installed wheel and a PyInstaller bundle, so there is no "dev mode".
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

_PACKAGE = "safenote.resources"


class ResourceMissingError(FileNotFoundError):
    """A bundled asset is missing: the installation is incomplete."""


def resource(*parts: str) -> Traversable:
    """Return the bundled asset at ``parts`` (e.g. ``resource("packs", "default.toml")``)."""
    node = resources.files(_PACKAGE)
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
