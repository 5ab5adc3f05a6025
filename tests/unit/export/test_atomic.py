"""Atomic private writes: all or nothing, 0600, and no overwriting when asked not to."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from safenote.core.export.atomic import write_private_atomic, write_private_atomic_with


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "out"
    target.mkdir()
    return target


def test_writes_private_file(folder: Path) -> None:
    write_private_atomic(folder / "a.txt", b"hello")
    assert (folder / "a.txt").read_bytes() == b"hello"
    assert stat.S_IMODE((folder / "a.txt").stat().st_mode) == 0o600
    assert [p.name for p in folder.iterdir()] == ["a.txt"]


def test_failure_midway_leaves_nothing(folder: Path) -> None:
    def produce(handle: object) -> None:
        assert hasattr(handle, "write")
        handle.write(b"half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_private_atomic_with(folder / "a.txt", produce)
    assert list(folder.iterdir()) == []


def test_no_overwrite(folder: Path) -> None:
    (folder / "key.txt").write_bytes(b"old")
    with pytest.raises(FileExistsError):
        write_private_atomic(folder / "key.txt", b"new", overwrite=False)
    assert (folder / "key.txt").read_bytes() == b"old"
    assert [p.name for p in folder.iterdir()] == ["key.txt"]


def test_no_overwrite_without_hard_links(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(src: object, dst: object) -> None:
        raise PermissionError("operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    write_private_atomic(folder / "key.txt", b"secret", overwrite=False)
    assert (folder / "key.txt").read_bytes() == b"secret"
    assert stat.S_IMODE((folder / "key.txt").stat().st_mode) == 0o600
    with pytest.raises(FileExistsError):
        write_private_atomic(folder / "key.txt", b"other", overwrite=False)
    assert [p.name for p in folder.iterdir()] == ["key.txt"]
