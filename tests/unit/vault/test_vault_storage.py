"""The database file: settings, permissions, schema, damage, disk full, what is at rest."""

from __future__ import annotations

import os
import secrets
import sqlite3
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from safenote.core.paths import AppPaths
from safenote.core.vault import (
    Contact,
    DiskFullError,
    Draft,
    MemoryKeyStore,
    Settings,
    Vault,
    VaultCorruptError,
    VaultTooNewError,
    restore_backup,
    vault_status,
)
from safenote.core.vault.backups import KEEP, list_backups
from safenote.core.vault.database import SCHEMA_VERSION, db_path, vault_dir
from tests.unit.vault.scan import encodings_of, files_containing


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_sqlite_settings(vault: Vault) -> None:
    conn = vault._conn  # the live connection: pragmas are per connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_private_modes_everywhere(paths: AppPaths, vault: Vault) -> None:
    os.umask(0o022)  # even with a loose umask
    try:
        vault.save_draft(Draft(title="t"))
        vault.backup_now()
    finally:
        os.umask(0o077)
    folder = vault_dir(paths)
    assert mode(folder) == 0o700
    assert mode(folder / "backups") == 0o700
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"vault.db", "vault.db-wal", "vault.db-shm"}
    assert {oct(mode(p)) for p in files} == {oct(0o600)}


def test_newer_schema_is_refused_untouched(paths: AppPaths, vault: Vault) -> None:
    vault.close()
    with sqlite3.connect(db_path(paths)) as conn:
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(VaultTooNewError, match="newer version of SafeNote"):
        Vault.open(paths, keystore=MemoryKeyStore())


def test_corrupt_file_offers_backups_and_restore_works(
    paths: AppPaths, keystore: MemoryKeyStore
) -> None:
    vault, _code = Vault.create(paths, keystore=keystore)
    saved = vault.save_draft(Draft(title="kept", body="safe in the backup"))
    vault.backup_now()
    vault.close()
    db = db_path(paths)
    data = bytearray(db.read_bytes())
    data[:100] = os.urandom(100)  # header gone
    db.write_bytes(bytes(data))

    with pytest.raises(VaultCorruptError, match="damaged") as caught:
        Vault.open(paths, keystore=keystore)
    assert len(caught.value.backups) == 2
    with pytest.raises(VaultCorruptError):
        vault_status(paths, keystore)

    aside = restore_backup(paths)
    assert aside.exists()  # the damaged file is kept, not deleted
    with Vault.open(paths, keystore=keystore) as restored:
        assert restored.get_draft(saved.id) == saved


def test_garbage_file_is_a_clear_error(paths: AppPaths, keystore: MemoryKeyStore) -> None:
    Vault.create(paths, keystore=keystore)[0].close()
    db_path(paths).write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(VaultCorruptError, match="restore the newest one"):
        Vault.open(paths, keystore=keystore)


def test_backups_rotate(paths: AppPaths, vault: Vault) -> None:
    for _ in range(KEEP + 3):
        vault.backup_now()
    assert len(list_backups(vault_dir(paths))) == KEEP


def test_disk_full_during_save_keeps_last_good_version(
    paths: AppPaths, keystore: MemoryKeyStore, vault: Vault
) -> None:
    good = vault.save_draft(Draft(title="good", body="short"))
    conn = vault._conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count={pages + 1}")  # the disk is (nearly) full
    big = replace(good, title="too big", body="words " * 20_000)
    with pytest.raises(DiskFullError, match="last saved version is safe"):
        vault.save_draft(big)
    assert vault.get_draft(good.id) == good
    vault.close()
    with Vault.open(paths, keystore=keystore) as reopened:
        assert reopened.get_draft(good.id) == good
        assert [h.revision for h in reopened.history(good.id)] == [1]


def test_disk_full_during_backup_does_not_block_opening(
    paths: AppPaths, keystore: MemoryKeyStore, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from safenote.core.vault import backups

    saved = vault.save_draft(Draft(title="t"))
    vault.close()

    def full(*_args: object, **_kw: object) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups, "make_backup", full)
    monkeypatch.setattr(backups, "backup_due", lambda *_a, **_k: True)
    with Vault.open(paths, keystore=keystore) as reopened:
        assert reopened.get_draft(saved.id) == saved
        with pytest.raises(DiskFullError):
            reopened.backup_now()


def test_nothing_typed_is_stored_in_the_clear(
    paths: AppPaths, keystore: MemoryKeyStore, tmp_path: Path
) -> None:
    markers = {k: f"{k}{secrets.token_hex(6)}" for k in ("title", "body", "name", "sender")}
    vault, _code = Vault.create(paths, keystore=keystore)
    draft = vault.save_draft(Draft(title=markers["title"], body=f"x {markers['body']} y"))
    vault.save_draft(replace(draft, subject=markers["title"], cc=(markers["name"],)))
    vault.save_contact(Contact(name=markers["name"], practice_profile=markers["body"]))
    vault.save_settings(Settings(sender_name=markers["sender"]))
    vault.backup_now()
    vault.delete_draft(draft.id)  # still at rest, in the trash
    needles = [n for m in markers.values() for n in encodings_of(m)]
    assert files_containing([tmp_path], needles) == []  # HOME, SAFENOTE_HOME, all of it
    vault.close()
    assert files_containing([tmp_path], needles) == []


def test_empty_trash_leaves_no_trace_of_the_ciphertext(
    paths: AppPaths, keystore: MemoryKeyStore, tmp_path: Path
) -> None:
    vault, _code = Vault.create(paths, keystore=keystore)
    gone = vault.save_draft(Draft(title="gone", body="b" * 3000))
    kept = vault.save_draft(Draft(title="kept"))
    vault.backup_now()
    with sqlite3.connect(db_path(paths)) as conn:
        blob = bytes(
            conn.execute(
                "SELECT blob FROM draft_revisions WHERE draft_id=?", (gone.id,)
            ).fetchone()[0]
        )
    probe = [blob[13:45]]  # 32 bytes of its ciphertext: unique to that record
    assert files_containing([tmp_path], probe) != []
    vault.delete_draft(gone.id)
    assert vault.empty_trash() == 1
    assert files_containing([tmp_path], probe) == []
    assert vault.get_draft(kept.id).title == "kept"
    assert len(list_backups(vault_dir(paths))) == 1
    vault.close()


def _corrupt_page(db: Path, page: int, page_size: int = 4096) -> None:
    data = bytearray(db.read_bytes())
    start = page * page_size
    data[start : start + page_size] = bytes((i * 37 + 11) % 256 for i in range(page_size))
    db.write_bytes(bytes(data))


def test_damaged_page_anywhere_is_never_a_crash(paths: AppPaths, keystore: MemoryKeyStore) -> None:
    from safenote.core.vault import VaultError

    vault, _code = Vault.create(paths, keystore=keystore)
    for n in range(12):
        vault.save_draft(Draft(title=f"t{n}", body="words " * (200 * n)))
    vault.save_contact(Contact(name="c"))
    vault.close()
    db = db_path(paths)
    pristine = db.read_bytes()
    pages = len(pristine) // 4096
    assert pages > 5
    outcomes: set[str] = set()
    for page in range(1, pages):
        db.write_bytes(pristine)
        _corrupt_page(db, page)
        try:
            with Vault.open(paths, keystore=keystore) as opened:
                for summary in opened.list_drafts().drafts:
                    try:
                        opened.get_draft(summary.id)
                    except VaultError as err:
                        outcomes.add(type(err).__name__)
                opened.list_contacts()
                opened.check_all()
                outcomes.add("opened")
        except VaultError as err:
            outcomes.add(type(err).__name__)
    assert "VaultCorruptError" in outcomes  # and nothing but VaultErrors escaped


def test_daily_check_catches_damage_before_backing_it_up(
    paths: AppPaths, keystore: MemoryKeyStore
) -> None:
    vault, _code = Vault.create(paths, keystore=keystore)
    for n in range(12):
        vault.save_draft(Draft(title=f"t{n}", body="words " * (200 * n)))
    vault.close()
    (backup,) = list_backups(vault_dir(paths))
    os.utime(backup, (1, 1))  # the last backup is old: the daily check is due
    db = db_path(paths)
    _corrupt_page(db, len(db.read_bytes()) // 4096 - 2)
    with pytest.raises(VaultCorruptError) as caught:
        Vault.open(paths, keystore=keystore)
    assert caught.value.backups == (str(backup),)
    assert list_backups(vault_dir(paths)) == [backup]  # the damaged file was not backed up


def test_damaged_key_slot_parameters_are_file_damage(paths: AppPaths) -> None:
    from safenote.core.vault import KdfParams

    vault, code = Vault.create(
        paths, passphrase="pw", kdf=KdfParams(memory_kib=8, iterations=1, lanes=1)
    )
    vault.close()
    with sqlite3.connect(db_path(paths)) as conn:
        conn.execute("UPDATE key_slots SET params = '{\"m\": 1}'")
    with pytest.raises(VaultCorruptError):
        Vault.open(paths, passphrase="pw")
    with pytest.raises(VaultCorruptError):
        Vault.recover(code, paths, passphrase="pw")
