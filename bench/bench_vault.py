"""Vault speed, as ratios against plain SQLite measured in the same run.

1. Save a 10,000-word draft (encrypt + commit, history row and summary included) against
   inserting the same bytes unencrypted into SQLite with the same settings
   (WAL, synchronous=FULL, secure_delete). Goal: at most 1.5x.
2. Open a vault holding 10,000 drafts and list their titles, against opening a plain SQLite
   file and reading the same rows (id, title, updated) unencrypted. Goal: under 10x.

Run: .venv/bin/python bench/bench_vault.py
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

# Run as a script: make the repository root importable so `bench._timing` resolves.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._timing import median_seconds, report

from safenote.core.paths import AppPaths
from safenote.core.vault import Draft, MemoryKeyStore, Vault
from safenote.core.vault.codec import encode_draft

WORDS = 10_000
DRAFTS = 10_000


def plain_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA secure_delete=ON")
    conn.execute("PRAGMA temp_store=MEMORY")
    return conn


def interleaved_medians(
    baseline: Callable[[], object], subject: Callable[[], object], repeats: int
) -> tuple[float, float]:
    """Alternate the two, sample by sample, so a noisy phase of the (shared) machine hits
    both alike; return their medians."""
    median_seconds(baseline, repeats=1)  # warm up both
    median_seconds(subject, repeats=1)
    base_samples, subject_samples = [], []
    for _ in range(repeats):
        base_samples.append(median_seconds(baseline, repeats=1, warmup=0))
        subject_samples.append(median_seconds(subject, repeats=1, warmup=0))
    return statistics.median(base_samples), statistics.median(subject_samples)


def make_paths(root: Path, name: str) -> AppPaths:
    return AppPaths(data=root / name / "data", config=root / name / "c", logs=root / name / "l")


def bench_save(root: Path) -> float:
    rng = random.Random(1)
    body = " ".join(f"word{rng.randrange(5000)}" for _ in range(WORDS))
    vault, _code = Vault.create(make_paths(root, "save"), keystore=MemoryKeyStore())
    draft = vault.save_draft(Draft(title="A long letter", body=body))
    payload = encode_draft(draft)  # the same bytes the vault encrypts

    plain = plain_connection(root / "plain-save.db")
    plain.execute("CREATE TABLE drafts (id TEXT PRIMARY KEY, body BLOB NOT NULL)")

    counter = iter(range(1_000_000))

    def save_plain() -> None:
        plain.execute("BEGIN IMMEDIATE")
        plain.execute("INSERT INTO drafts VALUES (?, ?)", (str(next(counter)), payload))
        plain.execute("COMMIT")

    def save_vault() -> None:
        vault.save_draft(replace(draft, body=body))

    base, value = interleaved_medians(save_plain, save_vault, repeats=61)
    vault.close()
    plain.close()
    print(f"(payload {len(payload) / 1024:.0f} KiB)")
    return report("save a 10,000-word draft vs plain SQLite insert", value, base, "<= 1.5x")


def bench_list(root: Path) -> float:
    keystore = MemoryKeyStore()
    paths = make_paths(root, "list")
    vault, _code = Vault.create(paths, keystore=keystore)
    # Setup only: skip per-save fsyncs so building 10,000 drafts takes seconds, not minutes.
    vault._conn.execute("PRAGMA synchronous=OFF")
    rng = random.Random(2)
    rows = []
    for n in range(DRAFTS):
        title = f"Draft {n}: " + " ".join(
            f"t{rng.randrange(999)}" for _ in range(rng.randrange(2, 9))
        )
        saved = vault.save_draft(Draft(title=title, body=f"body of draft {n} " * 20))
        rows.append((saved.id, saved.title, saved.updated.isoformat()))
    vault.backup_now()  # so timed opens don't take the daily backup
    vault.close()

    plain_path = root / "plain-list.db"
    setup = plain_connection(plain_path)
    setup.execute("CREATE TABLE drafts (id TEXT PRIMARY KEY, title TEXT, updated TEXT)")
    setup.execute("BEGIN")
    setup.executemany("INSERT INTO drafts VALUES (?, ?, ?)", rows)
    setup.execute("COMMIT")
    setup.close()

    def list_plain() -> None:
        conn = plain_connection(plain_path)
        titles = conn.execute("SELECT id, title, updated FROM drafts").fetchall()
        titles.sort(key=lambda r: r[2], reverse=True)
        assert len(titles) == DRAFTS
        conn.close()

    def list_vault() -> None:
        with Vault.open(paths, keystore=keystore) as opened:
            listing = opened.list_drafts()
        assert len(listing.drafts) == DRAFTS

    base, value = interleaved_medians(list_plain, list_vault, repeats=15)
    return report("open + list 10,000 drafts vs plain SQLite read", value, base, "< 10x")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="safenote-bench-") as scratch:
        root = Path(scratch)
        save_ratio = bench_save(root)
        list_ratio = bench_list(root)
    ok = save_ratio <= 1.5 and list_ratio < 10
    print("goals met" if ok else "goal missed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
