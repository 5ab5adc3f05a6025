"""Fixtures for vault unit tests: an in-memory keystore and cheap (test-only) KDF costs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from safenote.core.paths import AppPaths, app_paths
from safenote.core.vault import KdfParams, MemoryKeyStore, Vault

# Argon2id's minimum: 8 KiB per lane. Passed explicitly; the default stays 64 MiB.
FAST_KDF = KdfParams(memory_kib=8, iterations=1, lanes=1)


@pytest.fixture
def paths() -> AppPaths:
    return app_paths()  # under the per-test SAFENOTE_HOME from tests/conftest.py


@pytest.fixture
def keystore() -> MemoryKeyStore:
    return MemoryKeyStore()


@pytest.fixture
def created(paths: AppPaths, keystore: MemoryKeyStore) -> Iterator[tuple[Vault, str]]:
    vault, code = Vault.create(paths, keystore=keystore)
    yield vault, code
    vault.close()


@pytest.fixture
def vault(created: tuple[Vault, str]) -> Vault:
    return created[0]
