"""Incremental checking for the editor: re-check only what an edit can change.

The checker keeps a cache of per-paragraph scans; after an edit only the paragraphs whose
text changed are scanned again, and the document-level checks run on the cached results.
It returns exactly what :meth:`Engine.check` would for the same text and context (a
property test holds it to that).
"""

from __future__ import annotations

from safenote.core.policy.engine import Engine, ParagraphScan
from safenote.core.policy.model import Context, Finding
from safenote.core.policy.text import Paragraph, resplit_paragraphs


class IncrementalChecker:
    """One per open draft. Not thread-safe: call it from one thread (or guard it)."""

    def __init__(self, engine: Engine, ctx: Context | None = None) -> None:
        self.engine = engine
        self.context = ctx or Context()
        self.text = ""
        self.findings: list[Finding] = []
        self._cache: dict[str, ParagraphScan] = {}
        self._paragraphs: list[Paragraph] = []  # split_paragraphs(self.text)

    def update(self, text: str) -> list[Finding]:
        """The findings for the draft's new full text."""
        # Only the paragraphs around the change are split again (the split of a long
        # draft is a noticeable part of a keystroke otherwise).
        self._paragraphs = resplit_paragraphs(self.text, self._paragraphs, text)
        self.text = text
        self.findings = self.engine.evaluate(text, self.context, self._cache, self._paragraphs)
        return self.findings

    def set_context(self, ctx: Context) -> list[Finding]:
        """Context changed (channel, CC, ...): paragraph scans stay valid, re-assemble."""
        self.context = ctx
        return self.update(self.text)

    def edit(self, start: int, end: int, replacement: str) -> list[Finding]:
        """Apply one edit (replace ``start:end`` with ``replacement``) and re-check."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        return self.update(self.text[:start] + replacement + self.text[end:])

    @property
    def cached_paragraphs(self) -> int:
        return len(self._cache)
