"""Sample messages for the therapist preview: together they show every default rule."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from safenote.core import resources

GALLERY = ("practice", "gallery.toml")


@dataclass(frozen=True)
class Sample:
    title: str
    text: str
    shows: tuple[str, ...]  # rule ids this sample shows with the default pack
    relationship: str = "current"
    channel: str = "portal"
    cc: tuple[str, ...] = ()


@cache
def load_gallery() -> tuple[Sample, ...]:
    """The bundled samples (a packaging mistake raises; the file is ours, not the user's)."""
    data = tomllib.loads(resources.read_text(*GALLERY))
    return tuple(
        Sample(
            title=str(raw["title"]),
            text=str(raw["text"]),
            shows=tuple(raw["shows"]),
            relationship=str(raw.get("relationship", "current")),
            channel=str(raw.get("channel", "portal")),
            cc=tuple(raw.get("cc", ())),
        )
        for raw in data["sample"]
    )
