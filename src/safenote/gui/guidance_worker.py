"""Guidance checks, run off the GUI thread so typing never waits for the engine.

The controller hands the draft's full text and context to :class:`GuidanceChecker` on a
background thread; it runs the engine's incremental checker (which re-scans only changed
paragraphs) and converts spans to Qt positions there (the one code-point -> UTF-16
boundary). The controller drops results for text that has changed since.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from safenote.gui.offsets import OffsetMap

if TYPE_CHECKING:
    from safenote.core.policy import Context, Finding, IncrementalChecker, PracticeContext
    from safenote.core.practice import PracticeProfile

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Guidance:
    """One finding as the GUI shows it: positions already in Qt's UTF-16 units."""

    finding: Finding
    qt_start: int
    qt_end: int

    @property
    def key(self) -> tuple[str, int, int, str]:
        """Identifies a card across re-checks (same rule, same place)."""
        field = self.finding.field.value if self.finding.field is not None else ""
        return (self.finding.rule, self.finding.start, self.finding.end, field)


def to_guidance(text: str, findings: list[Finding]) -> list[Guidance]:
    mapping = OffsetMap(text)
    return [
        Guidance(f, mapping.to_utf16(f.start), mapping.to_utf16(f.end))
        if f.field is None
        else Guidance(f, 0, 0)
        for f in findings
    ]


@dataclass(frozen=True)
class GuidanceContext:
    """The context for guidance in plain values; turned into the engine's ``Context`` on
    the guidance thread, so the GUI thread never has to load the engine."""

    relationship: str = ""
    channel: str = ""
    subject: str = ""
    cc: tuple[str, ...] = ()
    sender_name: str = ""
    region: str = ""
    practice_profile: str = ""  # the recipient's imported practice profile (TOML), if any
    practice_label: str = ""  # names the profile in problems (the contact's name)
    portal_profile: str = ""  # the recipient's bundled portal profile id ("" when not known)


def to_context(
    spec: GuidanceContext, practice: PracticeContext | None = None, region_hint: str = ""
) -> Context:
    from safenote.core.policy import Channel, Context, Relationship

    channels = {c.value for c in Channel}
    relationships = {r.value for r in Relationship}
    return Context(
        relationship=Relationship(
            spec.relationship if spec.relationship in relationships else "current"
        ),
        channel=Channel(spec.channel if spec.channel in channels else "portal"),
        subject=spec.subject,
        cc=spec.cc,
        sender_name=spec.sender_name,
        region=spec.region or region_hint,
        practice=practice,
    )


@functools.cache
def portal_profile_limit(profile_id: str) -> int | None:
    """Characters per message in the bundled portal profile ``profile_id`` (None: no limit,
    no such profile, or none chosen). Bundled files do not change while running: cached."""
    if not profile_id:
        return None
    from safenote.core.export.errors import ExportError
    from safenote.core.export.portal import load_profile

    try:
        return load_profile(profile_id).max_chars
    except ExportError as err:
        # A contact saved by a version that had a profile this one lacks: no limit known.
        log.warning("Portal profile not used: %s", type(err).__name__)
        return None


def effective_portal_limit(practice_limit: int | None, portal_profile: str) -> int | None:
    """The practice's own limit when its profile gives one (it knows how its portal is set
    up), else the limit of the portal the person chose for the contact, else none."""
    return practice_limit if practice_limit is not None else portal_profile_limit(portal_profile)


class GuidanceUnavailableError(Exception):
    """The rules could not be loaded; ``str(err)`` is a user-facing message."""


class GuidanceChecker:
    """Owns the incremental checker. Called from one background thread at a time.

    When the recipient has an imported practice profile, guidance uses its rules (layered
    on the default pack) and its context (accepted channels, crisis instructions, portal
    limit); a profile that no longer loads falls back to the default guidance. It also
    works out the recipient's portal limit (:attr:`portal_limit`) for the status bar.
    """

    def __init__(self) -> None:
        self._checker: IncrementalChecker | None = None  # created on first use
        self._profile_text = ""
        self._profile: PracticeProfile | None = None
        # Characters per portal message for the recipient: their practice profile's limit,
        # else their chosen portal profile's (see effective_portal_limit), else None.
        self.portal_limit: int | None = None

    def _practice(self, spec: GuidanceContext) -> PracticeProfile | None:
        if spec.practice_profile != self._profile_text:
            from safenote.core.practice import PracticeError, load_practice_text

            self._profile_text = spec.practice_profile
            self._profile = None
            if spec.practice_profile:
                try:
                    self._profile = load_practice_text(
                        spec.practice_profile, spec.practice_label or "imported profile"
                    )
                except PracticeError as err:
                    log.warning("Practice profile not used: %s", type(err).__name__)
            self._checker = None  # its rules may differ: build the engine again
        return self._profile

    def run(self, text: str, spec: GuidanceContext) -> list[Guidance]:
        # The engine is imported and its rules compiled here, on the guidance thread, the
        # first time a check runs: it stays off the start-up path.
        from safenote.core.policy import IncrementalChecker, PackError, build_engine

        profile = self._practice(spec)
        ctx = to_context(
            spec,
            profile.context if profile else None,
            profile.region if profile else "",
        )
        self.portal_limit = effective_portal_limit(
            profile.context.portal_limit if profile else None, spec.portal_profile
        )
        if self._checker is None:
            try:
                engine = build_engine(profile.rules if profile else None)
                self._checker = IncrementalChecker(engine, ctx)
            except (PackError, OSError) as err:
                log.error("Guidance rules failed to load: %s", type(err).__name__)
                raise GuidanceUnavailableError(
                    QCoreApplication.translate(
                        "Guidance",
                        "Guidance is unavailable because its rules couldn't be loaded. Your "
                        "writing and saving are not affected; reinstalling SafeNote should "
                        "bring guidance back.",
                    )
                ) from None
        if ctx != self._checker.context:
            self._checker.context = ctx
        return to_guidance(text, self._checker.update(text))
