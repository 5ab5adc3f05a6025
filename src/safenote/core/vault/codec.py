"""Records <-> bytes (the plaintext that gets encrypted).

JSON for contacts and settings and for a draft's fields (easy to migrate), with the draft body
appended raw; a tiny fixed layout for draft summaries, which a list of thousands of drafts
decodes one after another.
"""

from __future__ import annotations

import json
import struct
from datetime import UTC, datetime, timedelta
from typing import Any

from safenote.core.vault.models import Contact, Draft, Settings

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
_SUMMARY_HEAD = struct.Struct(">q")
_HEADER_LEN = struct.Struct(">I")
# Text from Qt can hold lone UTF-16 surrogates (a half-deleted emoji); keep them rather than
# fail to save what someone wrote.
_TEXT_ERRORS = "surrogatepass"


class CodecError(ValueError):
    """Decrypted bytes that are not a record we understand."""


def _time(value: Any) -> datetime:
    # Integer arithmetic end to end: float timestamps can be a microsecond off.
    return _EPOCH + timedelta(microseconds=int(value))


def _micros(value: datetime) -> int:
    return (value - _EPOCH) // _MICROSECOND


def encode_draft(draft: Draft) -> bytes:
    """A small JSON header, then the body as raw UTF-8.

    Keeping the body out of JSON spares escaping a long text on every save (measurably the
    biggest CPU cost of saving a 10,000-word draft).
    """
    header = json.dumps(
        {
            "id": draft.id,
            "revision": draft.revision,
            "title": draft.title,
            "relationship": draft.relationship,
            "channel": draft.channel,
            "subject": draft.subject,
            "cc": list(draft.cc),
            "recipient_contact_id": draft.recipient_contact_id,
            "dismissed_rule_ids": list(draft.dismissed_rule_ids),
            "created": _micros(draft.created),
            "updated": _micros(draft.updated),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8", _TEXT_ERRORS)
    return _HEADER_LEN.pack(len(header)) + header + draft.body.encode("utf-8", _TEXT_ERRORS)


def decode_draft(data: bytes) -> Draft:
    try:
        (header_len,) = _HEADER_LEN.unpack_from(data)
        end = _HEADER_LEN.size + header_len
        if end > len(data):
            raise CodecError("truncated draft")
        obj = json.loads(data[_HEADER_LEN.size : end].decode("utf-8", _TEXT_ERRORS))
        return Draft(
            id=str(obj["id"]),
            revision=int(obj["revision"]),
            title=str(obj["title"]),
            body=data[end:].decode("utf-8", _TEXT_ERRORS),
            relationship=str(obj["relationship"]),
            channel=str(obj["channel"]),
            subject=str(obj["subject"]),
            cc=tuple(str(x) for x in obj["cc"]),
            recipient_contact_id=obj["recipient_contact_id"],
            dismissed_rule_ids=tuple(str(x) for x in obj["dismissed_rule_ids"]),
            created=_time(obj["created"]),
            updated=_time(obj["updated"]),
        )
    except (ValueError, KeyError, TypeError, struct.error) as err:
        raise CodecError(str(err)) from None


def encode_summary(title: str, updated: datetime) -> bytes:
    return _SUMMARY_HEAD.pack(_micros(updated)) + title.encode("utf-8", _TEXT_ERRORS)


def decode_summary(data: bytes) -> tuple[str, datetime]:
    if len(data) < _SUMMARY_HEAD.size:
        raise CodecError("short summary")
    (micros,) = _SUMMARY_HEAD.unpack_from(data)
    try:
        return data[_SUMMARY_HEAD.size :].decode("utf-8", _TEXT_ERRORS), _time(micros)
    except UnicodeDecodeError as err:
        raise CodecError(str(err)) from None


def encode_contact(contact: Contact) -> bytes:
    return json.dumps(
        {
            "id": contact.id,
            "revision": contact.revision,
            "name": contact.name,
            "relationship": contact.relationship,
            "preferred_channel": contact.preferred_channel,
            "practice_profile": contact.practice_profile,
            "public_key": contact.public_key,
            "portal": contact.portal,
        },
        ensure_ascii=False,
    ).encode("utf-8", _TEXT_ERRORS)


def decode_contact(data: bytes) -> Contact:
    try:
        obj = json.loads(data.decode("utf-8", _TEXT_ERRORS))
        return Contact(
            id=str(obj["id"]),
            revision=int(obj["revision"]),
            name=str(obj["name"]),
            relationship=str(obj["relationship"]),
            preferred_channel=str(obj["preferred_channel"]),
            practice_profile=str(obj["practice_profile"]),
            public_key=str(obj["public_key"]),
            # Added later: contacts saved before it have no portal, i.e. "not sure".
            portal=str(obj.get("portal", "")),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise CodecError(str(err)) from None


def encode_settings(settings: Settings) -> bytes:
    return json.dumps(
        {
            "sender_name": settings.sender_name,
            "region": settings.region,
            "recovery_confirmed": settings.recovery_confirmed,
        },
        ensure_ascii=False,
    ).encode("utf-8", _TEXT_ERRORS)


def decode_settings(data: bytes) -> Settings:
    try:
        obj = json.loads(data.decode("utf-8", _TEXT_ERRORS))
        # Added later: settings saved before it belong to people who went through the old
        # first run (or chose to quit it), so they are not reminded.
        confirmed = obj.get("recovery_confirmed", True)
        if not isinstance(confirmed, bool):
            raise CodecError("recovery_confirmed is not true or false")
        return Settings(
            sender_name=str(obj["sender_name"]),
            region=str(obj["region"]),
            recovery_confirmed=confirmed,
        )
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise CodecError(str(err)) from None
