"""``safenote vault`` and ``safenote drafts``, in process.

Most tests run in keyring mode with an in-memory keystore swapped in for the system keyring
(unit tests never touch a real one); one test covers passphrase mode, whose every command
runs a real Argon2id at the default cost (~0.2 s), so it is kept to a handful of commands.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import safenote.cli.vault as cli_vault
from safenote.cli import main
from safenote.core.paths import app_paths
from safenote.core.vault import MemoryKeyStore, Vault
from safenote.core.vault.database import db_path


class Cli:
    def __init__(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        self.capsys = capsys
        self.tmp = tmp_path
        self.pw = tmp_path / "pw.txt"
        self.pw.write_text("river stone lantern\n", encoding="utf-8")

    def __call__(self, *args: str, stdin: str = "") -> tuple[int, str, str]:
        old = sys.stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")))
        try:
            code = main(list(args))
        finally:
            sys.stdin = old
        out = self.capsys.readouterr()
        return code, out.out, out.err


@pytest.fixture
def keystore(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyStore:
    store = MemoryKeyStore()
    monkeypatch.setattr(cli_vault, "keystore", lambda: store)
    return store


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], tmp_path: Path, keystore: MemoryKeyStore) -> Cli:
    return Cli(capsys, tmp_path)


@pytest.fixture
def bare_cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Cli:
    """The CLI with the system keyring (the refused `fail` backend in unit tests)."""
    return Cli(capsys, tmp_path)


def test_whole_flow(cli: Cli, tmp_path: Path) -> None:
    code_file = tmp_path / "code.txt"
    rc, out, _ = cli("vault", "init", "--recovery-code-out", str(code_file))
    assert rc == 0
    assert "recovery code is in" in out
    assert len(code_file.read_text().strip().split("-")) == 8
    assert code_file.stat().st_mode & 0o777 == 0o600

    rc, out, _ = cli(
        "drafts", "add", "-", "--title", "Thursday", "--channel", "email",
        stdin="I'd like to talk about the move.",
    )  # fmt: skip
    assert rc == 0
    draft_id = out.strip()
    body_file = tmp_path / "second.txt"
    body_file.write_text("Second one.", encoding="utf-8")
    rc, out, _ = cli("drafts", "add", str(body_file), "--title", "Other")
    other_id = out.strip()

    rc, out, _ = cli("drafts", "list", "--format", "json")
    listed = json.loads(out)
    assert {d["id"]: d["title"] for d in listed["drafts"]} == {
        draft_id: "Thursday",
        other_id: "Other",
    }
    assert listed["unreadable"] == []

    rc, out, _ = cli("drafts", "show", draft_id)
    assert rc == 0
    assert "Title: Thursday" in out
    assert "Channel: email" in out
    assert out.rstrip().endswith("I'd like to talk about the move.")

    rc, out, _ = cli("drafts", "history", draft_id)
    assert out.strip() == f"revision 1  saved {out.split('saved ')[1][:10]}  (current)"

    assert cli("drafts", "delete", other_id)[0] == 0
    rc, out, _ = cli("drafts", "list")
    assert other_id not in out
    assert draft_id in out
    rc, out, _ = cli("drafts", "empty-trash")
    assert "1 draft deleted for good" in out

    rc, out, _ = cli("vault", "rotate-key")
    assert rc == 0
    assert "not re-encrypted" in out
    rc, out, _ = cli("vault", "status")
    assert "keyring, recovery-code" in out
    assert "key in keyring:  yes" in out
    assert "drafts:          1" in out


def test_passphrase_mode(cli: Cli, tmp_path: Path) -> None:
    pw = str(cli.pw)
    code_file = tmp_path / "code.txt"
    rc, _out, _err = cli(
        "vault", "init", "--passphrase-file", pw, "--recovery-code-out", str(code_file)
    )
    assert rc == 0
    rc, out, _ = cli("drafts", "add", "--title", "t", "--passphrase-file", pw, stdin="words")
    assert rc == 0
    draft_id = out.strip()

    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it\n", encoding="utf-8")
    rc, _out, err = cli("drafts", "list", "--passphrase-file", str(wrong))
    assert rc == 2
    assert err.count("\n") == 1
    assert "doesn't open this vault" in err

    rc, _out, err = cli("drafts", "list")  # keyring mode on a passphrase vault
    assert rc == 2
    assert "--passphrase-file" in err

    new_pw = tmp_path / "new.txt"
    new_pw.write_text("brand new phrase\n", encoding="utf-8")
    rc, out, _ = cli(
        "vault", "recover", "--recovery-code-file", str(code_file),
        "--passphrase-file", str(new_pw),
    )  # fmt: skip
    assert rc == 0
    assert "new passphrase is set" in out
    rc, out, _ = cli("drafts", "list", "--passphrase-file", str(new_pw))
    assert draft_id in out


def test_errors_are_one_line_exit_2(cli: Cli, keystore: MemoryKeyStore, tmp_path: Path) -> None:
    rc, _out, err = cli("drafts", "list")
    assert rc == 2
    assert err.count("\n") == 1
    assert "vault init" in err

    code_file = tmp_path / "code.txt"
    assert cli("vault", "init", "--recovery-code-out", str(code_file))[0] == 0
    rc, _out, err = cli("vault", "init")
    assert rc == 2
    assert "won't create a new one" in err

    rc, _out, err = cli("drafts", "show", "nope")
    assert rc == 2
    assert "no draft with that id" in err

    keystore.keys.clear()  # the keyring forgot the vault's key
    rc, _out, err = cli("drafts", "list")
    assert rc == 2
    assert "vault recover --recovery-code-file" in err
    rc, out, _ = cli("vault", "status")
    assert "NO - use 'safenote vault recover'" in out

    typo = tmp_path / "typo.txt"
    typo.write_text("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789\n", encoding="utf-8")
    rc, _out, err = cli("vault", "recover", "--recovery-code-file", str(typo))
    assert rc == 2
    assert "typo" in err
    assert keystore.keys == {}

    rc, out, _ = cli("vault", "recover", "--recovery-code-file", str(code_file))
    assert rc == 0
    assert "new key is stored in your keyring" in out
    assert cli("drafts", "list")[1].strip() == "No drafts yet."


def test_keyring_init_without_a_keyring_says_use_a_passphrase(bare_cli: Cli) -> None:
    rc, _out, err = bare_cli("vault", "init")  # unit tests run with the refused `fail` backend
    assert rc == 2
    assert "--passphrase-file" in err
    rc, out, _ = bare_cli("vault", "status")
    assert "No vault yet" in out


def test_damaged_vault_points_at_restore_backup(cli: Cli, keystore: MemoryKeyStore) -> None:
    cli("vault", "init")
    rc, out, _ = cli("drafts", "add", "-", "--title", "kept", stdin="x")
    draft_id = out.strip()
    # The automatic backup taken at setup predates the draft: take one that holds it.
    with Vault.open(app_paths(), keystore=keystore) as vault:
        vault.backup_now()
    db_path(app_paths()).write_bytes(b"\0" * 8192)

    rc, _out, err = cli("drafts", "list")
    assert rc == 2
    assert "damaged" in err
    assert "vault restore-backup" in err
    rc, out, _ = cli("vault", "restore-backup")
    assert rc == 0
    assert "damaged file is kept at" in out
    rc, out, _ = cli("drafts", "list")
    assert rc == 0
    assert draft_id in out
