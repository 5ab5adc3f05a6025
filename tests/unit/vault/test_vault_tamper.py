"""Someone edits the database behind SafeNote's back: each change is caught, per record."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from safenote.core.paths import AppPaths
from safenote.core.vault import Draft, MemoryKeyStore, RecordUnreadableError, Vault
from safenote.core.vault.database import db_path


@pytest.fixture
def three(paths: AppPaths, keystore: MemoryKeyStore) -> list[Draft]:
    vault, _code = Vault.create(paths, keystore=keystore)
    drafts = [vault.save_draft(Draft(title=f"title {n}", body=f"body {n}")) for n in range(3)]
    drafts[0] = vault.save_draft(replace(drafts[0], body="second words"))
    drafts[0] = vault.save_draft(replace(drafts[0], body="third words"))
    vault.close()
    return drafts


def edit(paths: AppPaths, sql: str, *params: object) -> None:
    with sqlite3.connect(db_path(paths)) as conn:
        assert conn.execute(sql, params).rowcount >= 1


def blob_of(paths: AppPaths, draft_id: str, revision: int) -> bytes:
    with sqlite3.connect(db_path(paths)) as conn:
        row = conn.execute(
            "SELECT blob FROM draft_revisions WHERE draft_id=? AND revision=?",
            (draft_id, revision),
        ).fetchone()
    return bytes(row[0])


def reopen(paths: AppPaths, keystore: MemoryKeyStore) -> Vault:
    return Vault.open(paths, keystore=keystore)


def assert_only_unreadable(vault: Vault, bad: Draft, others: list[Draft]) -> None:
    with pytest.raises(RecordUnreadableError) as caught:
        vault.get_draft(bad.id)
    assert caught.value.record_id == bad.id
    assert "other drafts are fine" in str(caught.value)
    for draft in others:
        assert vault.get_draft(draft.id) == draft
    assert [f.id for f in vault.check_all()] == [bad.id]


def test_flipped_byte_in_a_body(
    paths: AppPaths, keystore: MemoryKeyStore, three: list[Draft]
) -> None:
    target = three[1]
    blob = bytearray(blob_of(paths, target.id, 1))
    blob[40] ^= 0x20
    edit(paths, "UPDATE draft_revisions SET blob=? WHERE draft_id=?", bytes(blob), target.id)
    with reopen(paths, keystore) as vault:
        assert_only_unreadable(vault, target, [three[0], three[2]])
        assert {s.id for s in vault.list_drafts().drafts} == {d.id for d in three}


def test_swapped_blobs_between_drafts(
    paths: AppPaths, keystore: MemoryKeyStore, three: list[Draft]
) -> None:
    a, b = three[1], three[2]
    blob_a, blob_b = blob_of(paths, a.id, 1), blob_of(paths, b.id, 1)
    edit(paths, "UPDATE draft_revisions SET blob=? WHERE draft_id=?", blob_b, a.id)
    edit(paths, "UPDATE draft_revisions SET blob=? WHERE draft_id=?", blob_a, b.id)
    with reopen(paths, keystore) as vault:
        for draft in (a, b):
            with pytest.raises(RecordUnreadableError) as caught:
                vault.get_draft(draft.id)
            assert caught.value.record_id == draft.id
        assert vault.get_draft(three[0].id) == three[0]
        assert {f.id for f in vault.check_all()} == {a.id, b.id}


def test_older_revision_blob_put_back(
    paths: AppPaths, keystore: MemoryKeyStore, three: list[Draft]
) -> None:
    target = three[0]  # at revision 3
    old = blob_of(paths, target.id, 1)
    edit(
        paths,
        "UPDATE draft_revisions SET blob=? WHERE draft_id=? AND revision=3",
        old,
        target.id,
    )
    with reopen(paths, keystore) as vault:
        assert_only_unreadable(vault, target, three[1:])


def test_current_pointer_rolled_back(
    paths: AppPaths, keystore: MemoryKeyStore, three: list[Draft]
) -> None:
    target = three[0]
    edit(paths, "UPDATE drafts SET revision=1 WHERE id=?", target.id)
    with reopen(paths, keystore) as vault:
        with pytest.raises(RecordUnreadableError, match="older version"):
            vault.get_draft(target.id)
        listing = vault.list_drafts()
        assert [f.id for f in listing.failures] == [target.id]
        assert {s.id for s in listing.drafts} == {three[1].id, three[2].id}


def test_whole_history_rolled_back_is_caught_by_the_summary(
    paths: AppPaths, keystore: MemoryKeyStore, three: list[Draft]
) -> None:
    target = three[0]
    edit(paths, "DELETE FROM draft_revisions WHERE draft_id=? AND revision>1", target.id)
    edit(paths, "UPDATE drafts SET revision=1 WHERE id=?", target.id)
    with reopen(paths, keystore) as vault:
        assert [f.id for f in vault.list_drafts().failures] == [target.id]
        assert [f.id for f in vault.check_all()] == [target.id]


def test_tampered_summary_is_reported_in_the_list(
    paths: AppPaths, keystore: MemoryKeyStore, three: list[Draft]
) -> None:
    target = three[2]
    with sqlite3.connect(db_path(paths)) as conn:
        other = conn.execute("SELECT summary FROM drafts WHERE id=?", (three[1].id,)).fetchone()
    edit(paths, "UPDATE drafts SET summary=? WHERE id=?", other[0], target.id)
    with reopen(paths, keystore) as vault:
        listing = vault.list_drafts()
        assert [f.id for f in listing.failures] == [target.id]
        assert "couldn't be opened" in listing.failures[0].reason
        assert {s.id for s in listing.drafts} == {three[0].id, three[1].id}


def test_contact_swapped_with_another(paths: AppPaths, keystore: MemoryKeyStore) -> None:
    from safenote.core.vault import Contact

    with Vault.create(paths, keystore=keystore)[0] as vault:
        a = vault.save_contact(Contact(name="A"))
        b = vault.save_contact(Contact(name="B"))
    with sqlite3.connect(db_path(paths)) as conn:
        blob_b = conn.execute("SELECT blob FROM contacts WHERE id=?", (b.id,)).fetchone()[0]
    edit(paths, "UPDATE contacts SET blob=? WHERE id=?", blob_b, a.id)
    with reopen(paths, keystore) as vault:
        listing = vault.list_contacts()
        assert [f.id for f in listing.failures] == [a.id]
        assert listing.contacts == (b,)
