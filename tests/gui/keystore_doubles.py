"""Key stores that behave like a real keyring at its worst, for tests of what the GUI does
then: one that fails (locked, missing, no service) and one that waits (a password prompt)."""

from __future__ import annotations

import threading

from safenote.core.vault import MemoryKeyStore


class RaisingKeyStore(MemoryKeyStore):
    """A keyring that fails the way a real one does, until told to work again."""

    def __init__(self, error: Exception | None) -> None:
        super().__init__()
        self.error = error

    def get_key(self, vault_id: str) -> bytes | None:
        if self.error is not None:
            raise self.error
        return super().get_key(vault_id)

    def set_key(self, vault_id: str, key: bytes) -> None:
        if self.error is not None:
            raise self.error
        super().set_key(vault_id, key)


class BlockingKeyStore(MemoryKeyStore):
    """A keyring that doesn't answer until the test lets it (a password prompt, KWallet).

    ``asked`` is set when a key is asked for; the answer comes once the test sets ``answer``
    (or after 30 s, so a failing test ends instead of hanging its worker thread)."""

    def __init__(self) -> None:
        super().__init__()
        self.answer = threading.Event()
        self.asked = threading.Event()

    def get_key(self, vault_id: str) -> bytes | None:
        self.asked.set()
        self.answer.wait(timeout=30)
        return super().get_key(vault_id)
