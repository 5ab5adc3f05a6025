"""Helpers to look for secrets in files (shared by unit and integration at-rest tests)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def encodings_of(marker: str) -> list[bytes]:
    return [marker.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]


def files_under(roots: Iterable[Path], newer_than: float = 0.0) -> list[Path]:
    found: list[Path] = []
    for root in roots:
        for folder, _dirs, names in os.walk(root):
            for name in names:
                path = Path(folder) / name
                try:
                    regular = path.is_file() and not path.is_symlink()
                    if regular and path.stat().st_mtime >= newer_than:
                        found.append(path)
                except OSError:
                    continue
    return found


def files_containing(
    roots: Iterable[Path], needles: list[bytes], newer_than: float = 0.0
) -> list[tuple[Path, bytes]]:
    hits: list[tuple[Path, bytes]] = []
    for path in files_under(roots, newer_than):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        hits.extend((path, needle) for needle in needles if needle in data)
    return hits
