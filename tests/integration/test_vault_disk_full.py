"""A real full disk: the vault on a 1 MiB tmpfs fills up mid-save.

Mounting needs root; where that is not allowed the test skips and says so (the same path is
covered in tests/unit/vault/test_vault_storage.py with SQLite's page limit).
"""

from __future__ import annotations

import os
import random
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from safenote.core.paths import AppPaths
from safenote.core.vault import DiskFullError, Draft, KdfParams, Vault

CHEAP = KdfParams(memory_kib=8, iterations=1, lanes=1)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "small"
    mount_point.mkdir(mode=0o700)
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)


def test_disk_fills_during_a_save(small_disk: Path) -> None:
    paths = AppPaths(data=small_disk / "data", config=small_disk / "c", logs=small_disk / "l")
    vault, _code = Vault.create(paths, passphrase="pw", kdf=CHEAP)
    rng = random.Random(7)
    good = vault.save_draft(Draft(title="start", body="first words"))
    failure: DiskFullError | None = None
    for n in range(200):  # ~20 KiB a save: a 1 MiB disk fills long before the end
        body = " ".join(f"w{rng.randrange(10**6)}" for _ in range(3000))
        try:
            good = vault.save_draft(replace(good, title=f"save {n}", body=body))
        except DiskFullError as err:
            failure = err
            break
    assert failure is not None, "the disk never filled up"
    assert "last saved version is safe" in str(failure)
    assert "Free some space" in str(failure)
    assert vault.get_draft(good.id) == good
    vault.close()
    with Vault.open(paths, passphrase="pw") as reopened:
        assert reopened.get_draft(good.id) == good
        assert reopened.check_all() == ()
