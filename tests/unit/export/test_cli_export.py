"""The export commands end to end: keygen, encrypt, decrypt, portal (the PDF is integration)."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from safenote.cli import main
from safenote.cli._common import read_bytes_arg
from tests.unit.export.vectors import VECTOR_DIR, load_vector

MESSAGE = "Hi Dr Lee,\n\nThis week felt lighter. Thank you.\n"


def feed_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.fixture
def keypair(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    identity = tmp_path / "therapist.key"
    assert main(["keygen", "-o", str(identity)]) == 0
    public = capsys.readouterr().out.strip()
    return identity, public


def test_keygen_writes_a_private_identity(keypair: tuple[Path, str]) -> None:
    identity, public = keypair
    assert public.startswith("age1")
    assert len(public) == 62
    assert stat.S_IMODE(identity.stat().st_mode) == 0o600
    text = identity.read_text()
    assert f"# public key: {public}" in text
    assert text.splitlines()[-1].startswith("AGE-SECRET-KEY-1")


def test_keygen_never_overwrites(
    keypair: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    identity, _ = keypair
    before = identity.read_bytes()
    assert main(["keygen", "-o", str(identity)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert identity.read_bytes() == before


def test_keygen_default_location_is_used_by_decrypt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["keygen"]) == 0
    public = capsys.readouterr().out.strip()
    source = tmp_path / "msg.txt"
    source.write_text(MESSAGE)
    out = tmp_path / "msg.age"
    assert main(["encrypt", str(source), "-r", public, "-o", str(out)]) == 0
    assert main(["decrypt", str(out)]) == 0
    assert capsys.readouterr().out.endswith(MESSAGE)


@pytest.mark.parametrize("form", [[], ["--armor"], ["--binary"]])
def test_encrypt_decrypt_round_trip(
    keypair: tuple[Path, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    form: list[str],
) -> None:
    identity, public = keypair
    out = tmp_path / "msg.age"
    feed_stdin(monkeypatch, MESSAGE.encode())
    args = ["encrypt", "-r", public, "--subject", "Thursday", "--name", "Sam", "-o", str(out)]
    assert main([*args, *form]) == 0
    armored = out.read_bytes().startswith(b"-----BEGIN AGE ENCRYPTED FILE-----")
    assert armored is (form != ["--binary"])
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    plain = tmp_path / "msg.txt"
    assert main(["decrypt", "-i", str(identity), str(out), "-o", str(plain)]) == 0
    text = plain.read_text()
    assert text.startswith("SafeNote-Message: 1\nSubject: Thursday\nFrom: Sam\nDate: ")
    assert text.endswith("\n\n" + MESSAGE)
    assert stat.S_IMODE(plain.stat().st_mode) == 0o600


def test_decrypt_passphrase_file_with_a_vector(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vector = load_vector(VECTOR_DIR / "scrypt")
    source = tmp_path / "v.age"
    source.write_bytes(vector.body)
    good = tmp_path / "pass.txt"
    good.write_text(vector.passphrases[0] + "\n")
    assert main(["decrypt", "--passphrase-file", str(good), str(source)]) == 0
    bad = tmp_path / "bad.txt"
    bad.write_text("not it\n")
    capsys.readouterr()
    assert main(["decrypt", "--passphrase-file", str(bad), str(source)]) == 2
    assert "passphrase does not open" in capsys.readouterr().err


def _run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "safenote", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        check=False,
    )


def test_each_decrypt_failure_is_one_distinct_line_and_no_output(
    keypair: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    identity, public = keypair
    good = tmp_path / "good.age"
    feed_stdin(monkeypatch, MESSAGE.encode())
    assert main(["encrypt", "-r", public, "--binary", "-o", str(good)]) == 0
    data = good.read_bytes()
    other = tmp_path / "other.key"
    assert main(["keygen", "-o", str(other)]) == 0
    flipped = bytearray(data)
    flipped[-3] ^= 1
    cases = {
        "wrong-key": (data, other),
        "truncated": (data[:60], identity),
        "flipped": (bytes(flipped), identity),
        "not-age": (b"Dear Dr Lee", identity),
    }
    errors = set()
    for name, (content, key) in cases.items():
        source = tmp_path / f"{name}.age"
        source.write_bytes(content)
        target = tmp_path / f"{name}.txt"
        result = _run("decrypt", "-i", str(key), str(source), "-o", str(target))
        assert result.returncode == 2, name
        lines = result.stderr.decode().splitlines()
        assert len(lines) == 1, name
        assert lines[0].startswith("safenote: error: "), name
        assert "Traceback" not in lines[0]
        assert not target.exists(), name
        errors.add(lines[0])
    assert len(errors) == 4


def test_encrypt_usage_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "m.txt"
    source.write_text(MESSAGE)
    assert main(["encrypt", str(source)]) == 2
    assert "-r age1" in capsys.readouterr().err
    assert main(["encrypt", str(source), "-r", "age1bogus"]) == 2
    assert "not an age public key" in capsys.readouterr().err
    assert main(["encrypt", str(tmp_path / "missing.txt"), "-r", "age1x"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_binary_output_is_not_sent_to_a_terminal(
    keypair: tuple[Path, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _, public = keypair
    feed_stdin(monkeypatch, MESSAGE.encode())
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["encrypt", "-r", public, "--binary"]) == 2
    assert "refusing to print binary" in capsys.readouterr().err


def test_portal_json_and_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "First sentence here. " * 30
    feed_stdin(monkeypatch, text.encode())
    assert main(["portal", "--max-chars", "200", "--format", "json"]) == 0
    parts = json.loads(capsys.readouterr().out)["parts"]
    assert len(parts) > 1
    assert all(len(p) <= 200 for p in parts)
    feed_stdin(monkeypatch, text.encode())
    assert main(["portal", "--profile", "plain-1000", "--limit", "200"]) == 0
    out = capsys.readouterr().out
    assert out.split("\n-----\n") == [p + ("\n" if p == parts[-1] else "") for p in parts]


def test_portal_errors(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    feed_stdin(monkeypatch, b"Hello.")
    assert main(["portal", "--profile", "subject-required"]) == 2
    assert "needs a subject line" in capsys.readouterr().err
    feed_stdin(monkeypatch, b"Hello.")
    assert main(["portal", "--profile", "no-such"]) == 2
    assert "choose one of" in capsys.readouterr().err
    assert main(["portal", "--list-profiles"]) == 0
    assert "plain-1000:" in capsys.readouterr().out


def test_decrypt_missing_file_is_one_line(
    keypair: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    identity, _ = keypair
    assert main(["decrypt", "-i", str(identity), str(tmp_path / "nope.age")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["decrypt", "-i", str(identity), str(tmp_path)]) == 2
    assert "folder" in capsys.readouterr().err


def test_decrypt_from_stdin(
    keypair: tuple[Path, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    identity, public = keypair
    out = tmp_path / "m.age"
    feed_stdin(monkeypatch, MESSAGE.encode())
    assert main(["encrypt", "-r", public, "-o", str(out)]) == 0
    feed_stdin(monkeypatch, out.read_bytes())
    assert main(["decrypt", "-i", str(identity)]) == 0
    assert capsys.readouterr().out.endswith(MESSAGE)


def test_portal_limit_from_a_practice_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    practice = tmp_path / "practice.toml"
    practice.write_text('[practice]\nname = "Riverside"\nportal_limit = 120\n')
    feed_stdin(monkeypatch, ("A sentence of some length. " * 20).encode())
    assert main(["portal", "--practice", str(practice), "--format", "json"]) == 0
    parts = json.loads(capsys.readouterr().out)["parts"]
    assert len(parts) > 3
    assert all(len(p) <= 120 for p in parts)
    practice.write_text('[practice]\nname = "Riverside"\nportal_limt = 120\n')
    feed_stdin(monkeypatch, b"Hello.")
    assert main(["portal", "--practice", str(practice)]) == 2
    assert "portal_limt" in capsys.readouterr().err


def test_encrypt_reads_a_windows_text_file_like_text(
    keypair: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    identity, public = keypair
    source = tmp_path / "notes.txt"
    source.write_bytes(b"\xef\xbb\xbf" + "Caf\u00e9 on Thursday\r\nfelt lighter\r\n".encode())
    out = tmp_path / "notes.age"
    assert main(["encrypt", "-r", public, "--binary", "-o", str(out), str(source)]) == 0
    assert main(["decrypt", "-i", str(identity), str(out)]) == 0
    assert capsys.readouterr().out.endswith("\n\nCaf\u00e9 on Thursday\nfelt lighter\n")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"ok so far \xff", "not UTF-8 text (bad byte at offset 10)"),
        (b"\xef\xbb\xbf\xc3(", "not UTF-8 text (bad byte at offset 0)"),
        (" \n\u3000\u00a0\t\n".encode(), "the message is empty"),
    ],
)
def test_encrypt_refuses_what_is_not_a_message(
    keypair: tuple[Path, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    expected: str,
) -> None:
    _, public = keypair
    source = tmp_path / "notes.txt"
    source.write_bytes(content)
    out = tmp_path / "notes.age"
    assert main(["encrypt", "-r", public, "-o", str(out), str(source)]) == 2
    assert expected in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.glob("*.*")) == ["notes.txt", "therapist.key"]


def test_input_read_to_its_end_even_when_the_file_says_it_is_empty() -> None:
    status = Path("/proc/self/status")
    if not status.exists():
        pytest.skip("needs Linux's /proc (files that report a size of 0)")
    assert status.stat().st_size == 0
    assert b"\nPid:" in read_bytes_arg(str(status))


def test_input_larger_than_its_stated_size_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "growing.txt"
    source.write_bytes(b"0123456789" * 1000)
    real_fstat = os.fstat

    def stale_size(fd: int) -> os.stat_result:
        info = list(real_fstat(fd))
        info[stat.ST_SIZE] = 10  # as if it grew after the size was taken
        return os.stat_result(info)

    monkeypatch.setattr(os, "fstat", stale_size)
    assert read_bytes_arg(str(source)) == b"0123456789" * 1000
