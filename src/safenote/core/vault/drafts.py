"""Draft records: current revision, history (last 20), trash.

Layout: ``drafts`` has one row per draft with its current revision number, a coarse day
and an encrypted summary (title + exact time) so lists never decrypt bodies;
``draft_revisions`` holds every kept revision in full. Associated data binds kind, id and
revision, so a blob from another draft or an older revision put back fails to open, and a
current-revision pointer moved backwards is caught because a newer revision still exists.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from safenote.core.vault import codec
from safenote.core.vault.crypto import DecryptError, RecordCipher
from safenote.core.vault.database import transaction
from safenote.core.vault.errors import NotFoundError, RecordUnreadableError, VaultError
from safenote.core.vault.models import (
    Draft,
    DraftListing,
    DraftSummary,
    RecordFailure,
    RevisionInfo,
    now_utc,
)

HISTORY_KEEP = 20
KIND_DRAFT = "draft"
KIND_SUMMARY = "draft-summary"

MSG_UNREADABLE = (
    "This draft couldn't be opened: it was changed outside SafeNote or damaged. Your other "
    "drafts are fine. An earlier version may still open from its history or a backup."
)
MSG_ROLLED_BACK = (
    "This draft was put back to an older version outside SafeNote, so it isn't trusted. "
    "Your other drafts are fine."
)
MSG_NOT_FOUND = "There's no draft with that id. 'safenote drafts list' shows your drafts."
MSG_IN_TRASH = "This draft is in the trash. Restore it from the trash before changing it."
MSG_NO_REVISION = "That version isn't in this draft's history (only the last 20 are kept)."


def _day() -> str:
    return now_utc().strftime("%Y-%m-%d")


class DraftStore:
    def __init__(self, conn: sqlite3.Connection, cipher: RecordCipher) -> None:
        self._conn = conn
        self._cipher = cipher

    def _head(self, draft_id: str) -> tuple[int, str, int] | None:
        """(current revision, state, newest kept revision) or None."""
        row = self._conn.execute(
            "SELECT d.revision, d.state, (SELECT MAX(r.revision) FROM draft_revisions r "
            "WHERE r.draft_id = d.id) FROM drafts d WHERE d.id = ?",
            (draft_id,),
        ).fetchone()
        if row is None:
            return None
        return int(row[0]), str(row[1]), int(row[2] if row[2] is not None else -1)

    def save(self, draft: Draft) -> Draft:
        with transaction(self._conn):
            head = self._head(draft.id)
            if head is not None and head[1] == "trash":
                raise VaultError(MSG_IN_TRASH)
            revision = 1 + (max(head[0], head[2]) if head is not None else 0)
            saved = replace(draft, revision=revision, updated=now_utc())
            blob = self._cipher.seal(KIND_DRAFT, saved.id, revision, codec.encode_draft(saved))
            summary = self._cipher.seal(
                KIND_SUMMARY,
                saved.id,
                revision,
                codec.encode_summary(saved.title, saved.updated),
                bucket=64,
            )
            # Prune before inserting: the pages secure_delete just zeroed are reused by the
            # new revision within this transaction, so each is written once, not twice.
            self._conn.execute(
                "DELETE FROM draft_revisions WHERE draft_id = ? AND revision <= ?",
                (saved.id, revision - HISTORY_KEEP),
            )
            day = _day()
            self._conn.execute(
                "INSERT INTO draft_revisions (draft_id, revision, saved_day, blob) "
                "VALUES (?, ?, ?, ?)",
                (saved.id, revision, day, blob),
            )
            self._conn.execute(
                "INSERT INTO drafts (id, revision, state, updated_day, summary) "
                "VALUES (?, ?, 'live', ?, ?) ON CONFLICT (id) DO UPDATE SET "
                "revision = excluded.revision, updated_day = excluded.updated_day, "
                "summary = excluded.summary",
                (saved.id, revision, day, summary),
            )
        return saved

    def _open_summary(self, draft_id: str, revision: int, newest: int, blob: bytes) -> DraftSummary:
        if newest > revision:
            raise RecordUnreadableError(MSG_ROLLED_BACK, draft_id)
        try:
            plain = self._cipher.open(KIND_SUMMARY, draft_id, revision, blob)
            title, updated = codec.decode_summary(plain)
        except (DecryptError, codec.CodecError):
            raise RecordUnreadableError(MSG_UNREADABLE, draft_id) from None
        return DraftSummary(id=draft_id, title=title, updated=updated, revision=revision)

    def listing(self, *, trash: bool) -> DraftListing:
        rows = self._conn.execute(
            "SELECT d.id, d.revision, d.summary, (SELECT MAX(r.revision) FROM draft_revisions r "
            "WHERE r.draft_id = d.id) FROM drafts d WHERE d.state = ?",
            ("trash" if trash else "live",),
        ).fetchall()
        drafts: list[DraftSummary] = []
        failures: list[RecordFailure] = []
        for draft_id, revision, blob, newest in rows:
            try:
                drafts.append(
                    self._open_summary(draft_id, revision, newest if newest else -1, blob)
                )
            except RecordUnreadableError as err:
                failures.append(RecordFailure(id=draft_id, reason=str(err)))
        drafts.sort(key=lambda s: s.updated, reverse=True)
        return DraftListing(drafts=tuple(drafts), failures=tuple(failures))

    def _open_revision(self, draft_id: str, revision: int) -> Draft:
        row = self._conn.execute(
            "SELECT blob FROM draft_revisions WHERE draft_id = ? AND revision = ?",
            (draft_id, revision),
        ).fetchone()
        if row is None:
            raise RecordUnreadableError(MSG_UNREADABLE, draft_id)
        try:
            draft = codec.decode_draft(self._cipher.open(KIND_DRAFT, draft_id, revision, row[0]))
        except (DecryptError, codec.CodecError):
            raise RecordUnreadableError(MSG_UNREADABLE, draft_id) from None
        if draft.id != draft_id or draft.revision != revision:
            raise RecordUnreadableError(MSG_UNREADABLE, draft_id)
        return draft

    def get(self, draft_id: str) -> Draft:
        head = self._head(draft_id)
        if head is None:
            raise NotFoundError(MSG_NOT_FOUND)
        revision, _state, newest = head
        if newest > revision:
            raise RecordUnreadableError(MSG_ROLLED_BACK, draft_id)
        return self._open_revision(draft_id, revision)

    def get_revision(self, draft_id: str, revision: int) -> Draft:
        if self._head(draft_id) is None:
            raise NotFoundError(MSG_NOT_FOUND)
        exists = self._conn.execute(
            "SELECT 1 FROM draft_revisions WHERE draft_id = ? AND revision = ?",
            (draft_id, revision),
        ).fetchone()
        if exists is None:
            raise NotFoundError(MSG_NO_REVISION)
        return self._open_revision(draft_id, revision)

    def history(self, draft_id: str) -> list[RevisionInfo]:
        if self._head(draft_id) is None:
            raise NotFoundError(MSG_NOT_FOUND)
        rows = self._conn.execute(
            "SELECT revision, saved_day FROM draft_revisions WHERE draft_id = ? "
            "ORDER BY revision DESC",
            (draft_id,),
        ).fetchall()
        return [RevisionInfo(revision=int(r), saved_day=str(d)) for r, d in rows]

    def restore_revision(self, draft_id: str, revision: int) -> Draft:
        return self.save(self.get_revision(draft_id, revision))

    def set_trashed(self, draft_id: str, *, trashed: bool) -> None:
        with transaction(self._conn):
            cur = self._conn.execute(
                "UPDATE drafts SET state = ? WHERE id = ?",
                ("trash" if trashed else "live", draft_id),
            )
            if cur.rowcount == 0:
                raise NotFoundError(MSG_NOT_FOUND)

    def purge_trash(self) -> int:
        with transaction(self._conn):
            self._conn.execute(
                "DELETE FROM draft_revisions WHERE draft_id IN "
                "(SELECT id FROM drafts WHERE state = 'trash')"
            )
            return self._conn.execute("DELETE FROM drafts WHERE state = 'trash'").rowcount

    def check_all(self) -> tuple[RecordFailure, ...]:
        failures: list[RecordFailure] = []
        ids = [r[0] for r in self._conn.execute("SELECT id FROM drafts ORDER BY id")]
        for draft_id in ids:
            try:
                self.get(draft_id)
                head = self._head(draft_id)
                assert head is not None  # just read above under the same lock
                row = self._conn.execute(
                    "SELECT summary FROM drafts WHERE id = ?", (draft_id,)
                ).fetchone()
                self._open_summary(draft_id, head[0], head[2], row[0])
            except RecordUnreadableError as err:
                failures.append(RecordFailure(id=draft_id, reason=str(err)))
        return tuple(failures)

    def counts(self) -> tuple[int, int]:
        rows = dict(self._conn.execute("SELECT state, COUNT(*) FROM drafts GROUP BY state"))
        return int(rows.get("live", 0)), int(rows.get("trash", 0))
