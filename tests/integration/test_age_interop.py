"""Interop with the real age CLI, both ways: keys (binary and armored) and passphrases.

age reads a passphrase only from a terminal, so those tests drive it through a pty.
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pyrage import x25519

from safenote.core.export.age_crypto import decrypt, decrypt_message, encrypt_message
from safenote.core.export.errors import HostileFileError
from safenote.core.export.keys import read_identity_file
from safenote.core.export.message import Message, encode_message
from tests.integration.realparts import require_tool

MESSAGE = Message(body="Hi Dr Lee,\n\nA short note before Thursday.\n", subject="Hi", sender="Sam")
PASSPHRASE = "tulip harbor seven lanterns"


@pytest.fixture
def age() -> str:
    return require_tool("age")


@pytest.fixture
def age_keygen() -> str:
    return require_tool("age-keygen")


def _run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(list(args), capture_output=True, timeout=60, check=False)


def _age_identity(age_keygen: str, folder: Path) -> tuple[Path, str]:
    key = folder / "age-key.txt"
    result = _run(age_keygen, "-o", str(key))
    assert result.returncode == 0, result.stderr
    public = next(
        line.split(": ", 1)[1]
        for line in key.read_text().splitlines()
        if line.startswith("# public key: ")
    )
    return key, public


def _safenote(*args: str) -> subprocess.CompletedProcess[bytes]:
    return _run(sys.executable, "-m", "safenote", *args)


@pytest.mark.parametrize("armored", [False, True], ids=["binary", "armored"])
def test_safenote_to_age_with_a_key(
    age: str, age_keygen: str, tmp_path: Path, armored: bool
) -> None:
    key, public = _age_identity(age_keygen, tmp_path)
    encrypted = tmp_path / "msg.age"
    encrypted.write_bytes(encrypt_message(MESSAGE, recipients=[public], armored=armored))
    result = _run(age, "-d", "-i", str(key), str(encrypted))
    assert result.returncode == 0, result.stderr
    assert result.stdout == encode_message(MESSAGE)


@pytest.mark.parametrize("armored", [False, True], ids=["binary", "armored"])
def test_age_to_safenote_with_a_key(age: str, tmp_path: Path, armored: bool) -> None:
    # The therapist's key comes from `safenote keygen`; the client uses the plain age tool.
    key = tmp_path / "therapist.key"
    made = _safenote("keygen", "-o", str(key))
    assert made.returncode == 0, made.stderr
    public = made.stdout.decode().strip()
    plain = tmp_path / "plain.txt"
    plain.write_bytes(b"Plain text from another tool.\n")
    encrypted = tmp_path / "msg.age"
    result = _run(age, *(["-a"] if armored else []), "-r", public, "-o", str(encrypted), str(plain))
    assert result.returncode == 0, result.stderr
    assert decrypt(encrypted.read_bytes(), identities=read_identity_file(key)) == plain.read_bytes()
    opened = _safenote("decrypt", "-i", str(key), str(encrypted))
    assert opened.returncode == 0, opened.stderr
    assert opened.stdout == plain.read_bytes()


def test_age_keygen_identity_files_are_read(age_keygen: str, tmp_path: Path) -> None:
    key, public = _age_identity(age_keygen, tmp_path)
    identities = read_identity_file(key)
    assert [str(i.to_public()) for i in identities] == [public]


def test_age_made_file_with_2000_recipients_is_refused(age: str, tmp_path: Path) -> None:
    mine = x25519.Identity.generate()
    others = tmp_path / "recipients.txt"
    others.write_text(
        "\n".join(str(x25519.Identity.generate().to_public()) for _ in range(2000)) + "\n"
    )
    plain = tmp_path / "plain.txt"
    plain.write_bytes(b"x")
    encrypted = tmp_path / "many.age"
    result = _run(age, "-R", str(others), "-o", str(encrypted), str(plain))
    assert result.returncode == 0, result.stderr
    with pytest.raises(HostileFileError, match="more than 64 recipients"):
        decrypt(encrypted.read_bytes(), identities=[mine])


def drive_with_passphrase(argv: list[str], passphrase: str, prompts: int) -> tuple[int, bytes]:
    """Run ``argv`` on a new pty and answer its passphrase prompts; (exit status, output)."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: become the program, on the pty as its terminal
        try:
            os.execv(argv[0], argv)  # noqa: S606 - a fixed test argv, no shell wanted
        finally:
            os._exit(127)
    transcript = b""
    answered = 0
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], deadline - time.monotonic())
            if not ready:
                break
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            transcript += chunk
            # Answer only once a prompt has been printed in full ("...passphrase...: ").
            asked = transcript.lower().count(b"passphrase")
            if answered < min(asked, prompts) and transcript.rstrip(b" ").endswith(b":"):
                os.write(fd, passphrase.encode() + b"\r")
                answered += 1
    finally:
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), transcript


@pytest.mark.slow
def test_safenote_passphrase_file_opens_in_age(age: str, tmp_path: Path) -> None:
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASSPHRASE + "\n")
    source = tmp_path / "note.txt"
    source.write_text(MESSAGE.body)
    encrypted = tmp_path / "msg.age"
    made = _safenote(
        "encrypt", str(source), "--passphrase-file", str(passfile), "--binary", "-o", str(encrypted)
    )
    assert made.returncode == 0, made.stderr
    out = tmp_path / "out.txt"
    code, transcript = drive_with_passphrase(
        [age, "-d", "-o", str(out), str(encrypted)], PASSPHRASE, prompts=1
    )
    assert code == 0, transcript
    assert out.read_bytes().endswith(b"\n\n" + MESSAGE.body.encode())


@pytest.mark.slow
@pytest.mark.parametrize("armored", [False, True], ids=["binary", "armored"])
def test_age_passphrase_file_opens_in_safenote(age: str, tmp_path: Path, armored: bool) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_bytes(b"Sent with age -p.\n")
    encrypted = tmp_path / "msg.age"
    argv = [age, "-p", *(["-a"] if armored else []), "-o", str(encrypted), str(plain)]
    code, transcript = drive_with_passphrase(argv, PASSPHRASE, prompts=2)
    assert code == 0, transcript
    assert decrypt(encrypted.read_bytes(), passphrase=PASSPHRASE) == plain.read_bytes()
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASSPHRASE + "\n")
    opened = _safenote("decrypt", "--passphrase-file", str(passfile), str(encrypted))
    assert opened.returncode == 0, opened.stderr
    assert opened.stdout == plain.read_bytes()


def test_message_header_survives_the_age_round_trip(age: str, tmp_path: Path) -> None:
    me = x25519.Identity.generate()
    encrypted = tmp_path / "msg.age"
    encrypted.write_bytes(encrypt_message(MESSAGE, recipients=[str(me.to_public())]))
    key = tmp_path / "me.key"
    key.write_text(str(me) + "\n")
    reencrypted = tmp_path / "again.age"
    decrypted = _run(age, "-d", "-i", str(key), str(encrypted))
    assert decrypted.returncode == 0
    plain = tmp_path / "payload"
    plain.write_bytes(decrypted.stdout)
    assert _run(age, "-r", str(me.to_public()), "-o", str(reencrypted), str(plain)).returncode == 0
    assert decrypt_message(reencrypted.read_bytes(), identities=[me]) == MESSAGE
