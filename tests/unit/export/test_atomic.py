"""Atomic private writes: all or nothing, 0600, and no overwriting when asked not to."""

from __future__ import annotations

import itertools
import os
import stat
from pathlib import Path
from typing import BinaryIO

import pytest

from safenote.core.export.atomic import (
    WRITEBACK_STEP,
    write_private_atomic,
    write_private_atomic_with,
)


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


def test_large_writes_come_out_whole_with_write_out_started_as_they_go(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not hasattr(os, "posix_fadvise"):
        pytest.skip("no posix_fadvise on this platform")
    started: list[tuple[int, int]] = []
    real_fadvise = os.posix_fadvise

    def record(fd: int, offset: int, length: int, advice: int) -> None:
        assert advice == os.POSIX_FADV_DONTNEED
        started.append((offset, length))
        real_fadvise(fd, offset, length, advice)

    monkeypatch.setattr(os, "posix_fadvise", record)
    data = os.urandom(3 * WRITEBACK_STEP + 12345)

    def produce(handle: BinaryIO) -> None:
        handle.write(data[:100])  # small writes are buffered...
        handle.write(data[100 : 2 * WRITEBACK_STEP])  # ...big ones go out in steps
        handle.write(memoryview(data)[2 * WRITEBACK_STEP :])

    write_private_atomic_with(folder / "big.age", produce)
    assert (folder / "big.age").read_bytes() == data
    # Contiguous ranges from the start, each at least a step, covering all full steps.
    assert started[0][0] == 0
    assert all(a + n == b for (a, n), (b, _) in itertools.pairwise(started))
    assert all(n >= WRITEBACK_STEP for _, n in started)
    assert sum(n for _, n in started) >= 3 * WRITEBACK_STEP


def test_write_out_hint_is_optional(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise OSError(22, "Invalid argument")

    data = os.urandom(2 * WRITEBACK_STEP + 1)
    monkeypatch.setattr(os, "posix_fadvise", refuse, raising=False)
    write_private_atomic(folder / "a.bin", data)
    monkeypatch.delattr(os, "posix_fadvise")
    write_private_atomic(folder / "b.bin", data)
    assert (folder / "a.bin").read_bytes() == (folder / "b.bin").read_bytes() == data


@pytest.mark.skipif(os.name == "nt", reason="folders cannot be synced on Windows")
def test_file_then_folder_are_synced(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[str] = []
    real_fsync = os.fsync

    def record(fd: int) -> None:
        synced.append("folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", record)
    write_private_atomic(folder / "a.txt", b"hello")
    assert synced == ["file", "folder"]
    write_private_atomic(folder / "key.txt", b"secret", overwrite=False)
    assert synced[2:] == ["file", "folder"]


@pytest.mark.skipif(os.name == "nt", reason="folders cannot be synced on Windows")
def test_a_folder_that_refuses_fsync_still_gets_the_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync

    def no_folder_sync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(22, "Invalid argument")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", no_folder_sync)
    write_private_atomic(folder / "a.txt", b"hello")
    assert (folder / "a.txt").read_bytes() == b"hello"
    assert [p.name for p in folder.iterdir()] == ["a.txt"]
