"""A key store kept in a file, so separate benchmark processes can open the same vault.

For benchmarks only: it keeps the vault key in plain form in a temp folder.
"""

from __future__ import annotations

from pathlib import Path


class FileKeyStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def describe(self) -> str:
        return "bench file"

    def get_key(self, vault_id: str) -> bytes | None:
        path = self.folder / vault_id
        return path.read_bytes() if path.exists() else None

    def set_key(self, vault_id: str, key: bytes) -> None:
        (self.folder / vault_id).write_bytes(key)

    def delete_key(self, vault_id: str) -> None:
        (self.folder / vault_id).unlink(missing_ok=True)
