"""Crash safety: SIGKILL a saving process at random moments; every reported save survives."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from safenote.core.paths import app_paths
from safenote.core.vault import KdfParams, Vault
from tests.integration.vault_support import HERE, ROOT

ROUNDS = 40
PASSPHRASE = "crash test phrase"


def verify(reported: dict[str, tuple[int, str]]) -> None:
    """Every save that reported success is there; nothing is unreadable."""
    with Vault.open(app_paths(), passphrase=PASSPHRASE) as vault:
        assert vault.check_all() == ()
        listed = {s.id for s in vault.list_drafts().drafts}
        for draft_id, (revision, digest) in reported.items():
            assert draft_id in listed
            current = vault.get_draft(draft_id)
            # A save may commit and be killed before it could report: then it is newer.
            assert current.revision >= revision
            at_reported = vault.get_revision(draft_id, revision)
            assert hashlib.sha256(at_reported.body.encode()).hexdigest() == digest


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_reported_save(tmp_path: Path) -> None:
    vault, _code = Vault.create(
        app_paths(), passphrase=PASSPHRASE, kdf=KdfParams(memory_kib=8, iterations=1, lanes=1)
    )
    vault.close()
    pw_file = tmp_path / "pw"
    pw_file.write_text(PASSPHRASE, encoding="utf-8")
    rng = random.Random()
    seed = rng.randrange(1 << 30)
    rng.seed(seed)
    reported: dict[str, tuple[int, str]] = {}
    for round_no in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, str(HERE / "saver.py"), str(pw_file), str(seed + round_no)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=dict(os.environ),
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", (
            child.stderr.read() if child.stderr else ""
        )
        # Kill after a random number of reported saves (0 = during the first one); the
        # child is already inside its next save when we read a line, at a random phase.
        wanted = rng.randrange(0, 6)
        for _ in range(wanted):
            line = child.stdout.readline().split()
            assert len(line) == 3, f"saver died early (seed {seed})"
            reported[line[0]] = (int(line[1]), line[2])
        os.kill(child.pid, signal.SIGKILL)
        # Saves can finish between our last read and the kill: they printed, so count them.
        rest, _err = child.communicate(timeout=30)
        for extra in rest.splitlines():
            parts = extra.split()
            if len(parts) == 3:
                reported[parts[0]] = (int(parts[1]), parts[2])
        assert child.returncode == -signal.SIGKILL
        verify(reported)
    assert reported, f"no save ever completed (seed {seed})"
