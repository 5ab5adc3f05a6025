"""A damaged newest draft is reported at start-up while writing and the other drafts go on."""

from __future__ import annotations

import sqlite3

from pytestqt.qtbot import QtBot

from safenote.core.paths import app_paths
from safenote.core.vault import Draft, MemoryKeyStore, Vault
from safenote.core.vault.database import db_path
from safenote.gui.drafts_sidebar import ID_ROLE
from tests.gui.compose_fixtures import OpenWindow, compose, keys

__all__ = ["compose", "keys"]


def test_a_damaged_newest_draft_is_reported_and_a_fresh_page_opens(
    qtbot: QtBot, compose: OpenWindow, keys: MemoryKeyStore
) -> None:
    paths = app_paths().ensure()
    vault, _code = Vault.create(paths, keystore=keys)
    older = vault.save_draft(Draft(body="The older draft, still fine."))
    newest = vault.save_draft(Draft(body="The newest draft, about to be damaged."))
    vault.close()
    db = sqlite3.connect(db_path(paths))
    (blob,) = db.execute(
        "SELECT blob FROM draft_revisions WHERE draft_id = ?", (newest.id,)
    ).fetchone()
    damaged = bytearray(blob)
    damaged[40] ^= 0x20
    db.execute(
        "UPDATE draft_revisions SET blob = ? WHERE draft_id = ?", (bytes(damaged), newest.id)
    )
    db.commit()
    db.close()

    problems: list[str] = []
    window = compose()
    window.controller.problem.connect(problems.append)  # later problems, if any
    status = window.status.currentMessage()
    assert "other drafts are fine" in status  # said at once, in the status bar and a box
    assert not window.editor.isReadOnly()  # writing goes on, on a fresh page
    assert window.editor.toPlainText() == ""
    listed = [window.sidebar.list.item(i).data(ID_ROLE) for i in range(window.sidebar.list.count())]
    assert set(listed) >= {older.id, newest.id}  # the damaged one is still listed

    with qtbot.waitSignal(window.controller.draftOpened, timeout=10000):
        window.controller.open_draft(older.id)
    assert window.editor.toPlainText() == "The older draft, still fine."
    assert problems == []
