"""Drafts, history, trash, contacts and settings through the Vault API."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest

from safenote.core.paths import AppPaths
from safenote.core.vault import (
    Contact,
    Draft,
    MemoryKeyStore,
    NotFoundError,
    Settings,
    Vault,
    VaultError,
)


def test_every_field_round_trips(vault: Vault) -> None:
    draft = Draft(
        title="Before Thursday ✨",
        body="I wanted to say…\nline two",
        relationship="therapist",
        channel="portal",
        subject="Session notes",
        cc=("a@example.org",),
        recipient_contact_id="c1",
        dismissed_rule_ids=("style.hedging",),
    )
    saved = vault.save_draft(draft)
    assert saved.revision == 1
    loaded = vault.get_draft(draft.id)
    assert loaded == saved
    assert replace(loaded, updated=draft.updated, revision=0) == draft


def test_survives_close_and_reopen(paths: AppPaths, keystore: MemoryKeyStore) -> None:
    vault, _code = Vault.create(paths, keystore=keystore)
    saved = vault.save_draft(Draft(title="t", body="b"))
    vault.close()
    with Vault.open(paths, keystore=keystore) as reopened:
        assert reopened.get_draft(saved.id) == saved


def test_revisions_count_up_and_history_keeps_the_last_20(vault: Vault) -> None:
    draft = Draft(title="v0")
    for n in range(1, 26):
        draft = vault.save_draft(replace(draft, title=f"v{n}"))
        assert draft.revision == n
    history = vault.history(draft.id)
    assert [h.revision for h in history] == list(range(25, 5, -1))
    assert vault.get_revision(draft.id, 6).title == "v6"
    with pytest.raises(NotFoundError, match="last 20"):
        vault.get_revision(draft.id, 5)


def test_restore_revision_becomes_the_newest(vault: Vault) -> None:
    first = vault.save_draft(Draft(title="first", body="original words"))
    vault.save_draft(replace(first, title="second", body="changed"))
    restored = vault.restore_revision(first.id, 1)
    assert restored.revision == 3
    assert (restored.title, restored.body) == ("first", "original words")
    assert vault.get_draft(first.id).body == "original words"


def test_list_is_newest_first_with_titles_only(vault: Vault) -> None:
    a = vault.save_draft(Draft(title="older"))
    b = vault.save_draft(Draft(title="newer"))
    listing = vault.list_drafts()
    assert [s.id for s in listing.drafts] == [b.id, a.id]
    assert [s.title for s in listing.drafts] == ["newer", "older"]
    assert listing.failures == ()


def test_trash_cycle(vault: Vault) -> None:
    keep = vault.save_draft(Draft(title="keep"))
    gone = vault.save_draft(Draft(title="gone"))
    vault.delete_draft(gone.id)
    assert [s.id for s in vault.list_drafts().drafts] == [keep.id]
    assert [s.id for s in vault.list_trash().drafts] == [gone.id]
    with pytest.raises(VaultError, match="in the trash"):
        vault.save_draft(gone)
    vault.restore_from_trash(gone.id)
    assert {s.id for s in vault.list_drafts().drafts} == {keep.id, gone.id}
    vault.delete_draft(gone.id)
    assert vault.empty_trash() == 1
    assert vault.list_trash().drafts == ()
    with pytest.raises(NotFoundError):
        vault.get_draft(gone.id)
    assert vault.get_draft(keep.id).title == "keep"
    assert vault.counts() == (1, 0)


@pytest.mark.parametrize("action", ["get", "history", "delete", "restore"])
def test_unknown_ids_say_so(vault: Vault, action: str) -> None:
    calls: dict[str, Callable[[], object]] = {
        "get": lambda: vault.get_draft("nope"),
        "history": lambda: vault.history("nope"),
        "delete": lambda: vault.delete_draft("nope"),
        "restore": lambda: vault.restore_from_trash("nope"),
    }
    with pytest.raises(NotFoundError, match="no draft with that id"):
        calls[action]()


def test_contacts_crud(vault: Vault) -> None:
    dr_b = vault.save_contact(Contact(name="Dr. Bea", public_key="age1xyz", relationship="t"))
    al = vault.save_contact(Contact(name="al practice", preferred_channel="portal"))
    assert dr_b.revision == 1
    assert [c.name for c in vault.list_contacts().contacts] == ["al practice", "Dr. Bea"]
    updated = vault.save_contact(replace(dr_b, practice_profile="[practice]\nname='x'"))
    assert updated.revision == 2
    assert vault.get_contact(dr_b.id) == updated
    vault.delete_contact(al.id)
    assert [c.id for c in vault.list_contacts().contacts] == [dr_b.id]
    with pytest.raises(NotFoundError):
        vault.get_contact(al.id)


def test_settings_default_then_saved(vault: Vault) -> None:
    assert vault.get_settings() == Settings()
    vault.save_settings(Settings(sender_name="Sam", region="GB"))
    vault.save_settings(Settings(sender_name="Sam K.", region="GB"))
    assert vault.get_settings() == Settings(sender_name="Sam K.", region="GB")


def test_usable_from_worker_threads(paths: AppPaths, keystore: MemoryKeyStore) -> None:
    # The GUI opens and uses the vault off its main thread: nothing may be thread-bound.
    with ThreadPoolExecutor(max_workers=1) as opener:
        vault = opener.submit(lambda: Vault.create(paths, keystore=keystore)[0]).result()
    barrier = threading.Barrier(4)

    def writer(n: int) -> str:
        barrier.wait()
        return vault.save_draft(Draft(title=f"t{n}", body="b" * n)).id

    with ThreadPoolExecutor(max_workers=4) as pool:
        ids = list(pool.map(writer, range(4)))
    assert {s.id for s in vault.list_drafts().drafts} == set(ids)
    vault.close()
