"""Export speed, as ratios against the real age CLI on the same files in the same run.

1. Encrypt a 10 MB message file to an X25519 key: ``safenote encrypt -r KEY -o OUT FILE``'s
   own handler, in-process (read the file's bytes, check they are UTF-8 text, add the
   message header, encrypt streaming into a temp file, fsync, rename, fsync the folder)
   against ``age -r KEY -o OUT FILE``. Goal: within 1.5x. SafeNote's write is durable and
   ``age -o`` is not, so a second, like-for-like line times the age CLI followed by an fsync
   of the file it wrote (no rename). The goal is judged on the raw line. Two lines for
   reading only: the route through a ``str`` (read as text, then ``encrypt_message_to_file``,
   the export dialog's call once the text is in memory), and where the binary time goes.
2. Open it to read it, as the app does: SafeNote in-process (read, header guard, decrypt,
   parse the message, all in memory) against ``age -d -i KEY -o /dev/null FILE``. A line
   for reading says where the time goes, step by step.
3. Decrypt it to a file, as ``safenote decrypt -o`` does (the whole plaintext is held in
   memory until authenticated, then written atomically with fsync) against
   ``age -d -i KEY -o OUT FILE`` (which streams and does not fsync). Goal: within 1.5x.
   Again with a like-for-like line: the age CLI, then an fsync of its output.
   Each of 1-3 for the binary and the armored form.
4. Refuse a file with 2,000 recipient stanzas for other keys: SafeNote's guard against
   ``age -d`` failing on the same file. (Without the guard, pyrage needs ~40 s for this.)

Run: .venv/bin/python bench/bench_export.py
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# Run as a script: make the repository root importable so `bench._timing` resolves.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyrage
from bench._timing import median_seconds, report
from pyrage import x25519

from safenote.cli import encrypt as encrypt_command
from safenote.cli._common import read_bytes_arg
from safenote.core.export.age_crypto import (
    decrypt_file_to,
    decrypt_path,
    encrypt_message_to_file,
    inspect,
    open_message_file,
)
from safenote.core.export.errors import HostileFileError
from safenote.core.export.keys import NewIdentity, read_identity_file, write_identity_file
from safenote.core.export.message import Message, decode_message, encode_head
from safenote.core.export.streams import PrefixedReader
from safenote.core.export.text_bytes import is_blank_text, utf8_text_body

MESSAGE_BYTES = 10 * 1024 * 1024
WORDS = ["tulip", "harbor", "week", "felt", "lighter", "Thursday", "sleep", "walk", "talk"]


def make_text(size: int) -> str:
    rng = random.Random(7)
    out: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(WORDS)
        out.append(word)
        length += len(word) + 1
    return " ".join(out)[:size]


def paired_medians(
    ours: Callable[[], object], baseline: Callable[[], object], repeats: int = 21
) -> tuple[float, float]:
    """Medians of ``ours`` and ``baseline`` timed alternately, so that load from other work
    on this shared machine falls on both sides alike instead of on whichever ran second.

    Dirty pages are flushed (untimed) before each sample: SafeNote fsyncs what it writes and
    on ext4 an fsync also flushes every other file's pending writes, so without this it
    would pay for the 10 MB the age CLI had just written.
    """
    ours()
    baseline()
    ours_samples: list[float] = []
    base_samples: list[float] = []
    for _ in range(repeats):
        for fn, samples in ((baseline, base_samples), (ours, ours_samples)):
            os.sync()
            start = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - start)
    return statistics.median(ours_samples), statistics.median(base_samples)


def run(argv: list[str]) -> None:
    subprocess.run(argv, check=True, capture_output=True, timeout=120)


def encrypt_command_args(source: Path, out: Path, public: str, armored: bool) -> argparse.Namespace:
    """Parsed arguments for ``safenote encrypt -r PUBLIC [--binary] -o OUT SOURCE``."""
    parser = argparse.ArgumentParser()
    encrypt_command.register(parser.add_subparsers())
    form = [] if armored else ["--binary"]
    return parser.parse_args(["encrypt", "-r", public, *form, "-o", str(out), str(source)])


def fsync_file(path: Path) -> None:
    """Make ``path``'s data durable, as SafeNote does for its own exports."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def compare(
    age: str,
    form: str,
    armored: bool,
    root: Path,
    source: Path,
    key: Path,
    public: str,
    identities: list[x25519.Identity],
) -> dict[str, float]:
    """Encrypt and decrypt ``source`` both ways in one form; the two ratios."""
    ours, theirs = root / f"ours-{form}.age", root / f"theirs-{form}.age"
    plain_ours, plain_theirs = root / f"plain-ours-{form}", root / f"plain-theirs-{form}"

    command = encrypt_command_args(source, ours, public, armored)

    def safenote_encrypt() -> None:
        assert encrypt_command.run(command) == 0

    def safenote_encrypt_str() -> None:
        body = source.read_text(encoding="utf-8")
        encrypt_message_to_file(Message(body=body), ours, recipients=[public], armored=armored)

    def age_encrypt() -> None:
        run([age, *(["-a"] if armored else []), "-r", public, "-o", str(theirs), str(source)])

    def safenote_decrypt() -> None:
        decrypt_file_to(theirs, plain_ours, identities=identities)

    def age_decrypt() -> None:
        run([age, "-d", "-i", str(key), "-o", str(plain_theirs), str(theirs)])

    def age_encrypt_synced() -> None:
        age_encrypt()
        fsync_file(theirs)

    def age_decrypt_synced() -> None:
        age_decrypt()
        fsync_file(plain_theirs)

    def safenote_open() -> None:
        open_message_file(theirs, identities=identities)

    def age_open() -> None:
        run([age, "-d", "-i", str(key), "-o", os.devnull, str(theirs)])

    our_enc, base_enc = paired_medians(safenote_encrypt, age_encrypt)
    our_enc_str, base_enc_str = paired_medians(safenote_encrypt_str, age_encrypt)
    our_dec, base_dec = paired_medians(safenote_decrypt, age_decrypt)
    our_open, base_open = paired_medians(safenote_open, age_open)
    our_enc_fair, base_enc_fair = paired_medians(safenote_encrypt, age_encrypt_synced)
    our_dec_fair, base_dec_fair = paired_medians(safenote_decrypt, age_decrypt_synced)
    if not armored:
        encrypt_breakdown(source, public, our_enc, base_enc)
    open_breakdown(form, armored, theirs, identities, our_open, base_open)
    return {
        f"open {form}": report(
            f"open 10 MB ({form}) to read it, SafeNote in memory vs age CLI to /dev/null",
            our_open,
            base_open,
            "<= 1.5",
        ),
        f"encrypt {form}": report(
            f"encrypt 10 MB ({form}), SafeNote (fsync + rename) vs age CLI (no fsync)",
            our_enc,
            base_enc,
            "<= 1.5",
        ),
        f"encrypt {form} via str (for reading)": report(
            f"encrypt 10 MB ({form}) read as text + encrypt_message_to_file vs age CLI",
            our_enc_str,
            base_enc_str,
        ),
        f"encrypt {form} like-for-like": report(
            f"encrypt 10 MB ({form}) like for like, SafeNote vs age CLI + fsync of its output",
            our_enc_fair,
            base_enc_fair,
        ),
        f"decrypt {form}": report(
            f"decrypt 10 MB ({form}) to a file, SafeNote (fsync + rename) vs age CLI (no fsync)",
            our_dec,
            base_dec,
            "<= 1.5",
        ),
        f"decrypt {form} like-for-like": report(
            f"decrypt 10 MB ({form}) like for like, SafeNote vs age CLI + fsync of its output",
            our_dec_fair,
            base_dec_fair,
        ),
    }


def encrypt_breakdown(source: Path, public: str, total: float, age_total: float) -> None:
    """Where the binary encrypt's time goes: each in-memory step timed alone (medians);
    the rest of the total is writing, fsync, rename and the folder fsync (the write-out
    overlaps the encryption, so this is what the disk adds, not what it takes)."""
    recipient = x25519.Recipient.from_str(public)
    head = encode_head(Message(body=""))
    body = utf8_text_body(source.read_bytes())

    def read_and_check() -> None:
        data = utf8_text_body(read_bytes_arg(str(source)))
        assert not is_blank_text(data)

    def encrypt_in_memory() -> None:
        pyrage.encrypt_io(PrefixedReader(head, body), io.BytesIO(), [recipient])

    reading = median_seconds(read_and_check, repeats=11)
    encrypting = median_seconds(encrypt_in_memory, repeats=11)
    print(
        f"  binary encrypt, where the time goes: read + UTF-8 check {reading * 1e3:.1f} ms, "
        f"encrypt in memory {encrypting * 1e3:.1f} ms, write + fsync + rename + folder fsync "
        f"(the rest) {(total - reading - encrypting) * 1e3:.1f} ms; "
        f"total {total * 1e3:.1f} ms vs age {age_total * 1e3:.1f} ms"
    )


def open_breakdown(
    form: str,
    armored: bool,
    path: Path,
    identities: list[x25519.Identity],
    total: float,
    age_total: float,
) -> None:
    """Where opening to read goes: each step timed alone (medians). Reading and checking
    the file are also timed on their own; ``decrypt_path`` does them too (for a binary file
    it streams, so they cannot be taken out of it), so its figure includes them."""
    plaintext = decrypt_path(path, identities=identities)

    def read_and_check() -> None:
        inspect(path.read_bytes())

    def decrypt_in_memory() -> None:
        decrypt_path(path, identities=identities)

    def parse() -> None:
        decode_message(plaintext)

    checking = median_seconds(read_and_check, repeats=11)
    decrypting = median_seconds(decrypt_in_memory, repeats=11)
    parsing = median_seconds(parse, repeats=11)
    checks = "armor check + header guard" if armored else "header guard"
    print(
        f"  open ({form}), where the time goes: read + {checks} {checking * 1e3:.1f} ms; "
        f"all of decrypt_path (read, checks, decrypt into memory) {decrypting * 1e3:.1f} ms; "
        f"parse to text {parsing * 1e3:.1f} ms; "
        f"total {total * 1e3:.1f} ms vs age {age_total * 1e3:.1f} ms"
    )


def main() -> int:
    age = shutil.which("age")
    if age is None:
        print("the age CLI is not installed (apt-get install age); nothing to compare against")
        return 1
    with tempfile.TemporaryDirectory(prefix="safenote-bench-") as tmp:
        root = Path(tmp)
        ident = x25519.Identity.generate()
        key = root / "key.txt"
        write_identity_file(key, NewIdentity(secret=str(ident), public_key=str(ident.to_public())))
        public = str(ident.to_public())
        identities = read_identity_file(key)
        source = root / "message.txt"
        source.write_text(make_text(MESSAGE_BYTES), encoding="utf-8")
        print(f"message: {source.stat().st_size / 1e6:.1f} MB; age CLI: {age}")

        ratios: dict[str, float] = {}
        for armored in (False, True):
            form = "armored" if armored else "binary"
            ratios.update(compare(age, form, armored, root, source, key, public, identities))

        others = root / "others.txt"
        others.write_text(
            "\n".join(str(x25519.Identity.generate().to_public()) for _ in range(2000)) + "\n"
        )
        tiny = root / "tiny.txt"
        tiny.write_text("x")
        hostile = root / "hostile.age"
        run([age, "-R", str(others), "-o", str(hostile), str(tiny)])

        def age_refuses() -> None:
            result = subprocess.run(
                [age, "-d", "-i", str(key), str(hostile)], capture_output=True, timeout=120
            )
            assert result.returncode != 0

        def safenote_refuses() -> None:
            try:
                decrypt_file_to(hostile, root / "never", identities=identities)
            except HostileFileError:
                return
            raise AssertionError("the hostile file was not refused")

        base_hostile = median_seconds(age_refuses, repeats=5)
        our_hostile = median_seconds(safenote_refuses, repeats=5)
        report("refuse 2,000-stanza file, SafeNote vs age CLI", our_hostile, base_hostile, "< 1")

    # The goal is the issue's: against the plain CLI. The other lines are for reading.
    failed = [
        name
        for name, ratio in ratios.items()
        if ratio > 1.5 and "like-for-like" not in name and "for reading" not in name
    ]
    print("goal met" if not failed else f"goal missed for: {', '.join(failed)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
