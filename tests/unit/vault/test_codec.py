from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from safenote.core.vault import Contact, Draft, Settings, codec

# Any code point, lone surrogates included: Qt can hand those over mid-edit.
any_text = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=200)
moments = st.datetimes(
    min_value=datetime(1971, 1, 1), max_value=datetime(9000, 1, 1), timezones=st.just(UTC)
)


@settings(max_examples=150, deadline=None)
@given(
    title=any_text,
    body=any_text,
    subject=any_text,
    cc=st.lists(any_text, max_size=3),
    created=moments,
    revision=st.integers(min_value=0, max_value=2**40),
)
def test_draft_round_trip(
    title: str, body: str, subject: str, cc: list[str], created: datetime, revision: int
) -> None:
    draft = Draft(
        title=title,
        body=body,
        subject=subject,
        cc=tuple(cc),
        created=created,
        updated=created,
        revision=revision,
        recipient_contact_id=None if revision % 2 else "c1",
    )
    assert codec.decode_draft(codec.encode_draft(draft)) == draft
    summary = codec.decode_summary(codec.encode_summary(title, created))
    assert summary == (title, created)


@settings(max_examples=50, deadline=None)
@given(name=any_text, profile=any_text)
def test_contact_and_settings_round_trip(name: str, profile: str) -> None:
    contact = Contact(name=name, practice_profile=profile, public_key="age1x")
    assert codec.decode_contact(codec.encode_contact(contact)) == contact
    prefs = Settings(sender_name=name, region=profile)
    assert codec.decode_settings(codec.encode_settings(prefs)) == prefs


def test_garbage_is_a_codec_error_not_a_crash() -> None:
    for data in (b"", b"\x00\x00\x00\xff{", b"\x00\x00\x00\x02{}", b"not json"):
        for decode in (codec.decode_draft, codec.decode_contact, codec.decode_settings):
            try:
                decode(data)
            except codec.CodecError:
                continue
            raise AssertionError(f"{decode.__name__} accepted {data!r}")
