"""Reading the C2SP age conformance vectors copied into tests/vectors/age/testdata."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

VECTOR_DIR = Path(__file__).resolve().parents[2] / "vectors" / "age" / "testdata"
KNOWN_KEYS = {
    "expect",
    "payload",
    "file key",
    "identity",
    "passphrase",
    "armored",
    "compressed",
    "comment",
}


@dataclass(frozen=True)
class Vector:
    name: str
    expect: str
    payload_sha256: str | None
    identities: tuple[str, ...]
    passphrases: tuple[str, ...]
    unknown_keys: tuple[str, ...]
    body: bytes

    @property
    def skip_reason(self) -> str | None:
        if self.unknown_keys:
            return f"unknown keys {self.unknown_keys}"
        if any(not i.startswith("AGE-SECRET-KEY-1") for i in self.identities):
            return "post-quantum (hybrid) identity"
        return None


def load_vector(path: Path) -> Vector:
    head, _, body = path.read_bytes().partition(b"\n\n")
    fields: dict[str, list[str]] = {}
    for line in head.decode("utf-8").splitlines():
        key, _, value = line.partition(": ")
        fields.setdefault(key, []).append(value)
    if fields.get("compressed") == ["zlib"]:
        body = zlib.decompress(body)
    return Vector(
        name=path.name,
        expect=fields["expect"][0],
        payload_sha256=fields.get("payload", [None])[0],
        identities=tuple(fields.get("identity", [])),
        passphrases=tuple(fields.get("passphrase", [])),
        unknown_keys=tuple(sorted(set(fields) - KNOWN_KEYS)),
        body=body,
    )


def all_vectors() -> list[Vector]:
    return [load_vector(p) for p in sorted(VECTOR_DIR.iterdir()) if p.is_file()]
