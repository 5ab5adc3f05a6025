"""The data the guidance engine speaks: context in, findings out.

These types are shared by the engine, the CLI and the GUI, so they are small, frozen and
free of behaviour. Offsets are code points into the message text (Python ``str`` indices);
the GUI converts them to Qt's UTF-16 positions at one boundary.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    INFO = "info"
    CAUTION = "caution"
    URGENT = "urgent"

    @property
    def rank(self) -> int:
        return {"info": 0, "caution": 1, "urgent": 2}[self.value]


class Relationship(StrEnum):
    CURRENT = "current"
    FORMER = "former"
    PROSPECTIVE = "prospective"


class Channel(StrEnum):
    PORTAL = "portal"
    ENCRYPTED = "encrypted"
    EMAIL = "email"
    TEXT = "text"


class HeaderField(StrEnum):
    """Header fields a finding may point at instead of a span of the body."""

    SUBJECT = "subject"
    CC = "cc"
    CHANNEL = "channel"
    RECIPIENT = "recipient"


class FixKind(StrEnum):
    INSERT = "insert"  # insert ``text`` at ``start``
    REPLACE = "replace"  # replace ``start:end`` with ``text``
    OPENING = "opening"  # suggested first line, inserted at the start
    CLOSING = "closing"  # suggested last line, appended at the end


@dataclass(frozen=True)
class Fix:
    """An edit the GUI can apply as one undoable step."""

    kind: FixKind
    label: str
    text: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class CrisisResource:
    name: str
    contact: str  # e.g. "call or text 988"
    note: str = ""


@dataclass(frozen=True)
class PracticeContext:
    """The parts of a therapist's practice profile that guidance uses."""

    accepted_channels: frozenset[Channel] = frozenset()
    channel_notes: tuple[tuple[Channel, str], ...] = ()
    response_time: str = ""
    crisis_instructions: str = ""
    portal_limit: int | None = None
    practice_name: str = ""
    therapist_name: str = ""


@dataclass(frozen=True)
class Context:
    relationship: Relationship = Relationship.CURRENT
    channel: Channel = Channel.PORTAL
    subject: str = ""
    cc: tuple[str, ...] = ()
    sender_name: str = ""
    region: str = ""  # ISO 3166 alpha-2; "" means "from the system locale"
    practice: PracticeContext | None = None


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    why: str
    source: str
    start: int = 0
    end: int = 0
    field: HeaderField | None = None  # set when the finding points at a header field
    fixes: tuple[Fix, ...] = ()
    resources: tuple[CrisisResource, ...] = ()  # crisis lines for the context's region
    resources_verified: str = ""  # ISO date the resources were last checked
    category: str = ""  # e.g. "privacy", "style", "safety", "expectations"
    # True when the crisis wording was negated or quoted ("I'm not suicidal"): the panel
    # still shows the resources but speaks more gently. Severity stays urgent.
    softened: bool = False

    @property
    def is_header(self) -> bool:
        """True when the finding points at a header field rather than body text."""
        return self.field is not None
