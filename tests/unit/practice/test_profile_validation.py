"""Practice profiles: good ones load, broken and hostile ones are named problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from safenote.core.policy import Channel
from safenote.core.practice import (
    PracticeError,
    find_problems,
    load_practice,
    load_practice_text,
    template_text,
)
from tests.unit.practice.profiles import AGE_KEY, FULL


def test_the_template_validates_as_it_is() -> None:
    assert find_problems(template_text(), "template.toml") == []
    profile = load_practice_text(template_text())
    assert profile.region == "US"
    assert not profile.signed
    assert profile.fingerprint == ""


def test_every_field_of_a_full_profile_is_read() -> None:
    profile = load_practice_text(FULL, "riverside.toml")
    assert profile.context.practice_name == "Riverside Counselling"
    assert profile.context.accepted_channels == frozenset({Channel.PORTAL, Channel.TEXT})
    assert profile.context.portal_limit == 1000
    assert profile.region == "GB"
    assert profile.hours == "Mon-Thu 9:00-17:00"
    assert profile.portal_name == "Riverside portal"
    assert profile.public_key == AGE_KEY


@pytest.mark.parametrize(
    ("change", "field", "line", "words"),
    [
        ('region = "gb"', "practice.region", 5, "two-letter"),
        ("portal_limit = 1000", "practice.portal_limit", 10, "whole number"),
        (f'public_key = "{AGE_KEY}"', "practice.public_key", 11, "age public key"),
        ('hours = "Mon-Thu 9:00-17:00"', "practice.hours", 7, "expected text"),
        ('accepted = ["portal", "text"]', "channels.accepted", 14, "channels among"),
    ],
)
def test_a_bad_value_is_named_with_its_field_and_line(
    change: str, field: str, line: int, words: str
) -> None:
    key = change.split(" = ")[0]
    bad = {"region": '"England"', "portal_limit": "0", "public_key": '"age1nope"',
           "hours": "9", "accepted": '["fax"]'}[key]  # fmt: skip
    source = FULL.replace(change, f"{key} = {bad}")
    with pytest.raises(PracticeError) as caught:
        load_practice_text(source, "p.toml")
    assert caught.value.field == field
    assert caught.value.line == line
    assert words in str(caught.value)
    assert str(caught.value).startswith(f"p.toml, line {line}:")


def test_an_unknown_key_is_an_error_naming_the_allowed_ones() -> None:
    with pytest.raises(PracticeError, match=r"practice\.therapsit.*unknown field.*therapist"):
        load_practice_text('[practice]\ntherapsit = "x"\n')


def test_find_problems_names_every_broken_part() -> None:
    source = (
        '[practice]\nregion = "USA"\nportal_limit = -3\ncolour = "blue"\n'
        '[channels]\naccepted = ["fax"]\n[overrides.crisis]\nenabled = false\n'
    )
    fields = [p.field for p in find_problems(source, "x.toml")]
    assert set(fields) == {
        "practice.colour",
        "practice.portal_limit",
        "practice.region",
        "channels.accepted",
        "overrides.crisis.enabled",
    }


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("[practice\n", "not valid TOML"),
        ('practice = "x"\n', "expected a table"),
        ('[practice]\nname = "a\\u0007b"\n', "control characters"),
        ('[practice]\nname = "' + "x" * 3000 + '"\n', "too long"),
        ("[[practice]]\n", "expected a table"),
        ("[channels]\nnotes = { email = 3 }\n", "expected text"),
        ('[channels]\nnotes = { fax = "x" }\n', "unknown channel"),
        ('[overrides]\nnope = { severity = "urgent" }\n', "no default rule"),
        ('[overrides.gift]\nseverity = "loud"\n', "is not a severity"),
        ('[overrides.dual-relationship]\nseverity = "info"\n', "not lower"),
        ("rules = 3\n", "expected a list"),
    ],
)
def test_hostile_and_broken_profiles_are_errors_not_crashes(source: str, words: str) -> None:
    with pytest.raises(PracticeError, match=words):
        load_practice_text(source, "h.toml")
    assert find_problems(source, "h.toml")


@pytest.mark.parametrize(
    "source", ["x = " + "[" * 50_000 + "]" * 50_000, "x = " + "{a=" * 5_000 + "1" + "}" * 5_000]
)
def test_absurd_nesting_is_an_error_not_a_recursion_crash(source: str) -> None:
    with pytest.raises(PracticeError, match="nested far too deeply"):
        load_practice_text(source, "deep.toml")
    assert "nested far too deeply" in str(find_problems(source, "deep.toml")[0])


def test_files_that_are_not_profiles_are_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * 1_000_001)
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00name")
    for path, words in ((big, "too large"), (binary, "UTF-8"), (tmp_path, "cannot read")):
        with pytest.raises(PracticeError, match=words):
            load_practice(path)
