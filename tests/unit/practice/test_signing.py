"""Signed profiles: any change to the signed text is caught; the signer is reported."""

from __future__ import annotations

import pytest

from safenote.core.practice import SignatureError, load_practice_text, sign_text
from safenote.core.practice.signing import canonical_body, fingerprint, public_key_bytes
from tests.unit.practice.profiles import FULL, OTHER_KEY, THERAPIST_KEY


def test_a_signed_profile_verifies_and_names_its_signer() -> None:
    signed = sign_text(FULL, THERAPIST_KEY)
    profile = load_practice_text(signed, "signed.toml")
    assert profile.signed
    assert profile.fingerprint == fingerprint(public_key_bytes(THERAPIST_KEY))
    assert profile.fingerprint != fingerprint(public_key_bytes(OTHER_KEY))
    assert len(profile.fingerprint) == 19  # XXXX-XXXX-XXXX-XXXX
    assert profile.context.therapist_name == "Dr. Ana Ruiz"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Dr. Ana Ruiz", "Dr. Ana Ruis"),  # a setting
        ("age1ql3z", "age1ql4z"),  # the public key: the reason signing exists
        ("[channels]", "# note\n[channels]"),  # comments are covered too
    ],
)
def test_any_change_after_signing_is_refused(old: str, new: str) -> None:
    signed = sign_text(FULL, THERAPIST_KEY)
    with pytest.raises(SignatureError, match="changed after it was signed"):
        load_practice_text(signed.replace(old, new, 1), "t.toml")


def test_line_endings_and_trailing_space_do_not_break_a_signature() -> None:
    signed = sign_text(FULL, THERAPIST_KEY)
    assert load_practice_text(signed.replace("\n", "\r\n")).signed
    assert load_practice_text(
        "\ufeff" + signed.replace("\n[signature]", "\n\n\n[signature]")
    ).signed


def test_canonical_form_is_tagged_and_normalised() -> None:
    assert canonical_body("a\r\nb  \n\n") == b"SafeNote practice profile v1\na\nb\n"


def test_re_signing_replaces_the_block() -> None:
    once = sign_text(FULL, THERAPIST_KEY)
    twice = sign_text(once, OTHER_KEY)
    assert twice.count("[signature]") == 1
    assert load_practice_text(twice).fingerprint == fingerprint(public_key_bytes(OTHER_KEY))


@pytest.mark.parametrize(
    ("mangle", "words"),
    [
        (lambda s: s + "\n[practice2]\nx = 1\n", "must come last"),
        (lambda s: s + "\n[signature]\n", "more than one"),
        (lambda s: s.replace('signer = "ed25519:', 'signer = "rsa:'), "expected ed25519"),
        (lambda s: s.replace('value = "', 'value = "AAAA'), "expected 64 bytes|base64"),
        (lambda s: s.replace('value = "', 'value = "!'), "base64"),
        (lambda s: s + "extra = 1\n", "must come last"),
    ],
)
def test_malformed_signature_blocks_are_named(mangle: object, words: str) -> None:
    signed = sign_text(FULL, THERAPIST_KEY)
    assert callable(mangle)
    with pytest.raises(SignatureError, match=words):
        load_practice_text(mangle(signed), "t.toml")


def test_a_signature_by_another_key_over_the_same_text_does_not_verify() -> None:
    signed = sign_text(FULL, THERAPIST_KEY)
    other = sign_text(FULL, OTHER_KEY)
    value_line = next(line for line in other.splitlines() if line.startswith("value"))
    forged = "\n".join(
        value_line if line.startswith("value") else line for line in signed.splitlines()
    )
    with pytest.raises(SignatureError):
        load_practice_text(forged)
