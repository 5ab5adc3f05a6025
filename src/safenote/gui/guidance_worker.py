"""Guidance checks, run off the GUI thread so typing never waits for the engine.

The controller hands the draft's full text and context to :class:`GuidanceChecker` on a
background thread; it runs the engine's incremental checker (which re-scans only changed
paragraphs) and converts spans to Qt positions there (the one code-point -> UTF-16
boundary). The controller drops results for text that has changed since.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from safenote.core.policy import Context, Finding, IncrementalChecker, PackError
from safenote.core.policy import load_default_engine as _load_default_engine
from safenote.gui.offsets import OffsetMap

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


class GuidanceUnavailableError(Exception):
    """The rules could not be loaded; ``str(err)`` is a user-facing message."""


class GuidanceChecker:
    """Owns the incremental checker. Called from one background thread at a time."""

    def __init__(self) -> None:
        self._checker: IncrementalChecker | None = None

    def run(self, text: str, ctx: Context) -> list[Guidance]:
        if self._checker is None:
            try:
                self._checker = IncrementalChecker(_load_default_engine(), ctx)
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
