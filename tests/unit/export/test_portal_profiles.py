"""Portal profiles are data, validated strictly; subject rules and practice limits apply."""

from __future__ import annotations

import pytest

from safenote.core.export.portal import (
    PortalProfileError,
    SubjectError,
    list_profiles,
    load_profile,
    parse_profile,
    prepare_portal_text,
    to_plain_text,
)


def test_bundled_profiles() -> None:
    profiles = {p.id: p for p in list_profiles()}
    assert set(profiles) >= {"generic", "plain-1000", "subject-required"}
    assert profiles["plain-1000"].max_chars == 1000
    assert profiles["plain-1000"].subject == "none"
    assert profiles["subject-required"].subject == "required"
    assert profiles["generic"].max_chars is None


def test_unknown_profile_lists_the_known_ones() -> None:
    with pytest.raises(PortalProfileError, match="plain-1000"):
        load_profile("nope")
    with pytest.raises(PortalProfileError):
        load_profile("../../etc/passwd")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('id = "x"\nname = "X"\ndescription = "d"\nsubject = "none"\ncolour = 1', "colour"),
        ('id = "x"\nname = "X"\ndescription = "d"\nsubject = "maybe"', "'subject'"),
        ('id = "x"\nname = "X"\ndescription = "d"\nsubject = "none"\nmax_chars = 5', "max_chars"),
        ('id = "x"\nname = ""\ndescription = "d"\nsubject = "none"', "'name'"),
        ("id = ", "not valid TOML"),
    ],
)
def test_invalid_profiles_name_file_and_field(text: str, message: str) -> None:
    with pytest.raises(PortalProfileError, match=message) as caught:
        parse_profile(text, "portals/x.toml")
    assert "portals/x.toml" in str(caught.value)


def test_practice_limit_replaces_the_portals() -> None:
    profile = load_profile("plain-1000").with_limit(500)
    assert profile.max_chars == 500
    assert load_profile("plain-1000").with_limit(None).max_chars == 1000
    with pytest.raises(PortalProfileError):
        load_profile("generic").with_limit(3)


def test_subject_rules() -> None:
    with pytest.raises(SubjectError, match="needs a subject"):
        prepare_portal_text("Hello.", load_profile("subject-required"), "  ")
    with pytest.raises(SubjectError, match="allows 80"):
        prepare_portal_text("Hello.", load_profile("subject-required"), "x" * 81)
    kept = prepare_portal_text("Hello.", load_profile("plain-1000"), "Thursday")
    assert kept.subject is None
    assert kept.parts == ("Thursday\n\nHello.",)
    optional = prepare_portal_text("Hello.", load_profile("generic"), "Thursday\nplease")
    assert optional.subject == "Thursday please"


def test_plain_text_cleanup() -> None:
    assert to_plain_text("\r\n a\r\nb\tc\x07d\x1b[0m \n") == "a\nb    cd[0m"
