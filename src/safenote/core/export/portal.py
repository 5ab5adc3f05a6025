"""Portal profiles (data in ``resources/portals``) and preparing a message for a portal.

A profile says how long one portal message may be and whether the portal has a subject
field (``none``, ``optional`` or ``required``). A practice profile may give its own limit,
which replaces the portal's (the practice knows how its portal is set up).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from typing import Literal, cast

from safenote.core.export.errors import ExportError
from safenote.core.export.portal_split import split_for_limit
from safenote.core.resources import read_text, resource

SubjectRule = Literal["none", "optional", "required"]
_PORTALS = "portals"
_SUBJECT_RULES = ("none", "optional", "required")
_KEYS = {"id", "name", "description", "max_chars", "subject", "subject_max_chars"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class PortalProfileError(ExportError):
    """A portal profile file is invalid (names the file and the field)."""


class SubjectError(ExportError):
    """The subject does not suit the portal (missing where required, or too long)."""


@dataclass(frozen=True)
class PortalProfile:
    id: str
    name: str
    description: str
    max_chars: int | None
    subject: SubjectRule
    subject_max_chars: int | None = None

    def with_limit(self, max_chars: int | None) -> PortalProfile:
        """This profile with a practice's own limit (``None`` keeps the portal's)."""
        if max_chars is None:
            return self
        if max_chars < 20:
            raise PortalProfileError(
                f"A portal limit of {max_chars} characters is too small to be real; "
                "check the number in the practice profile."
            )
        return replace(self, max_chars=max_chars)


@dataclass(frozen=True)
class PortalText:
    """A message ready to paste: an optional subject and the parts, in order."""

    profile_id: str
    subject: str | None
    parts: tuple[str, ...]


def parse_profile(text: str, source: str) -> PortalProfile:
    """Validate one profile file strictly; errors name ``source`` and the field."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise PortalProfileError(f"{source}: not valid TOML ({err})") from None
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise PortalProfileError(f"{source}: unknown field {unknown[0]!r}")

    def text_field(key: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise PortalProfileError(f"{source}: field {key!r} must be non-empty text")
        return value

    def count_field(key: str) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value < 20:
            raise PortalProfileError(f"{source}: field {key!r} must be a whole number >= 20")
        return value

    subject = data.get("subject")
    if subject not in _SUBJECT_RULES:
        raise PortalProfileError(f"{source}: field 'subject' must be one of {_SUBJECT_RULES}")
    return PortalProfile(
        id=text_field("id"),
        name=text_field("name"),
        description=text_field("description"),
        max_chars=count_field("max_chars"),
        subject=cast(SubjectRule, subject),
        subject_max_chars=count_field("subject_max_chars"),
    )


def list_profiles() -> list[PortalProfile]:
    """Every bundled portal profile, sorted by id."""
    profiles = [
        parse_profile(entry.read_text(encoding="utf-8"), f"portals/{entry.name}")
        for entry in resource(_PORTALS).iterdir()
        if entry.name.endswith(".toml")
    ]
    return sorted(profiles, key=lambda p: p.id)


def load_profile(profile_id: str) -> PortalProfile:
    """The bundled profile called ``profile_id`` (e.g. ``plain-1000``)."""
    if not re.fullmatch(r"[a-z0-9-]+", profile_id):
        raise PortalProfileError(f"There is no portal profile called {profile_id!r}.")
    try:
        text = read_text(_PORTALS, f"{profile_id}.toml")
    except FileNotFoundError:
        known = ", ".join(p.id for p in list_profiles())
        raise PortalProfileError(
            f"There is no portal profile called {profile_id!r}; choose one of: {known}."
        ) from None
    profile = parse_profile(text, f"portals/{profile_id}.toml")
    if profile.id != profile_id:
        raise PortalProfileError(f"portals/{profile_id}.toml: field 'id' must be {profile_id!r}")
    return profile


def to_plain_text(text: str) -> str:
    """What a plain-text box accepts: LF line breaks, no control characters, tabs as spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return _CONTROL.sub("", text).strip()


def prepare_portal_text(body: str, profile: PortalProfile, subject: str = "") -> PortalText:
    """Shape a message for ``profile``: check the subject, then split into parts if needed.

    A portal without a subject field gets the subject as the message's first line, so what
    the person wrote is never dropped.
    """
    plain = to_plain_text(body)
    clean_subject = " ".join(subject.split())
    if profile.subject == "required" and not clean_subject:
        raise SubjectError("This portal needs a subject line. Add a short subject and try again.")
    if profile.subject == "none":
        if clean_subject:
            plain = f"{clean_subject}\n\n{plain}"
        clean_subject = ""
    limit = profile.subject_max_chars
    if clean_subject and limit is not None and len(clean_subject) > limit:
        raise SubjectError(
            f"The subject is {len(clean_subject)} characters; this portal allows {limit}. "
            "Shorten it and try again."
        )
    if profile.max_chars is None:
        parts = [plain] if plain else []
    else:
        parts = split_for_limit(plain, profile.max_chars)
    return PortalText(profile_id=profile.id, subject=clean_subject or None, parts=tuple(parts))
