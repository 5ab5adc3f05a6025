"""At rest, with the real keyring and the CLI: typed words are in no file; modes are private."""

from __future__ import annotations

import os
import secrets
import stat
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pytest

from safenote.core.paths import app_paths
from safenote.core.vault import Contact, Draft, Settings, Vault
from safenote.core.vault.database import vault_dir
from tests.integration.vault_support import (
    SESSION_HOME,
    env_without_keyring_overrides,
    real_keystore,
    run_safenote,
)
from tests.unit.vault.scan import encodings_of, files_containing


def test_markers_appear_in_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = real_keystore()
    private_tmp = tmp_path / "tmpdir"
    private_tmp.mkdir(mode=0o700)
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    started = time.time() - 1
    markers = [f"Marker{k}{secrets.token_hex(5)}" for k in ("Title", "Body", "Cli", "Name")]

    vault, _code = Vault.create(app_paths(), keystore=store)
    try:
        draft = vault.save_draft(Draft(title=markers[0], body=f"before {markers[1]} after"))
        vault.save_draft(replace(draft, subject=markers[0], cc=(markers[3],)))
        vault.save_contact(Contact(name=markers[3], practice_profile=markers[1]))
        vault.save_settings(Settings(sender_name=markers[3]))
        vault.backup_now()
        env = env_without_keyring_overrides()
        added = run_safenote(
            "drafts", "add", "-", "--title", markers[2], env=env, stdin=f"cli {markers[1]}"
        )
        assert added.returncode == 0, added.stderr
        assert markers[2] in run_safenote("drafts", "list", env=env).stdout
        vault.close()

        needles = [n for m in markers for n in encodings_of(m)]
        roots = [tmp_path, Path(os.environ["HOME"]), app_paths().data, private_tmp]
        if SESSION_HOME and SESSION_HOME not in ("/", "/root") and Path(SESSION_HOME).is_dir():
            roots.append(Path(SESSION_HOME))  # where the keyring daemon keeps its files
        assert files_containing(roots, needles) == []
        # Anything written to the shared temp folder during this test, too.
        assert files_containing([Path("/tmp")], needles, newer_than=started) == []

        folder = vault_dir(app_paths())
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        for path in folder.rglob("*"):
            expected = 0o700 if path.is_dir() else 0o600
            assert stat.S_IMODE(path.stat().st_mode) == expected, path
    finally:
        store.delete_key(vault.vault_id)
