from __future__ import annotations

import pytest

from safenote.core.vault import RecoveryCodeTypoError
from safenote.core.vault.recovery import (
    ENTROPY_BYTES,
    format_code,
    new_recovery_entropy,
    parse_code,
)

ENTROPY = bytes.fromhex("00112233445566778899aabbccddeeff42")
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def test_at_least_128_bits_of_entropy() -> None:
    assert ENTROPY_BYTES * 8 >= 128
    assert new_recovery_entropy() != new_recovery_entropy()


def test_shown_as_eight_groups_of_four() -> None:
    code = format_code(ENTROPY)
    groups = code.split("-")
    assert len(groups) == 8
    assert all(len(g) == 4 and all(ch in ALPHABET for ch in g) for g in groups)


def test_round_trip_and_forgiving_input() -> None:
    code = format_code(ENTROPY)
    assert parse_code(code) == ENTROPY
    sloppy = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert parse_code(f"  {sloppy}\n") == ENTROPY


def test_every_single_character_typo_is_caught() -> None:
    chars = format_code(ENTROPY).replace("-", "")
    for position, original in enumerate(chars):
        for replacement in ALPHABET:
            if replacement == original:
                continue
            typo = chars[:position] + replacement + chars[position + 1 :]
            with pytest.raises(RecoveryCodeTypoError):
                parse_code(typo)


def test_swapped_neighbours_are_caught() -> None:
    chars = format_code(ENTROPY).replace("-", "")
    for position in range(len(chars) - 1):
        if chars[position] == chars[position + 1]:
            continue
        swapped = chars[:position] + chars[position + 1] + chars[position] + chars[position + 2 :]
        with pytest.raises(RecoveryCodeTypoError):
            parse_code(swapped)


@pytest.mark.parametrize("text", ["", "ABCD-EFGH", format_code(ENTROPY) + "-X", "U" * 32])
def test_malformed_codes_are_refused_with_a_helpful_message(text: str) -> None:
    with pytest.raises(RecoveryCodeTypoError, match="typo"):
        parse_code(text)
