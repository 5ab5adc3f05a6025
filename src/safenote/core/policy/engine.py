"""The guidance engine: text + context -> findings.

A full check and the editor's incremental check share one path (:meth:`Engine.evaluate`):
body checks run per paragraph and their results are cached by paragraph text; document
checks then run on the cached results and the context. Findings come out merged (one rule's
overlapping spans become one), capped per rule, and in a deterministic order.
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping, Sequence
from dataclasses import dataclass, field, replace

from safenote.core.policy.batch import Batch
from safenote.core.policy.checks import BodyCheck, Check, DocumentView, Hit
from safenote.core.policy.helplines import bundled_helplines, region_from_locale
from safenote.core.policy.matching import Folded, fold
from safenote.core.policy.model import (
    Context,
    CrisisResource,
    Finding,
    Fix,
    FixKind,
    Severity,
)
from safenote.core.policy.rules import FixTemplate, Rule, fill, fill_lenient
from safenote.core.policy.text import Paragraph, count_words, first_sentence_span, split_paragraphs


@dataclass
class ParagraphScan:
    """Everything context-free about one paragraph: its folded text, word count, and the
    hits of each body check, filled in the first time the check is needed (a check whose
    rule cannot apply in the current context never runs)."""

    folded: Folded
    words: int
    hits: dict[int, tuple[Hit, ...]] = field(default_factory=dict)  # body-check index -> hits
    found: set[int] = field(default_factory=set)  # the indices in ``hits`` with any hit
    # The last set of active checks ``hits`` was completed for (the engine's own interned
    # object, so an unchanged paragraph is told apart with one identity test).
    complete_for: frozenset[int] | None = None


ScanCache = MutableMapping[str, ParagraphScan]


class Engine:
    """Runs a set of rules. Immutable after construction; safe to share between threads."""

    def __init__(self, rules: Sequence[Rule], max_findings_per_rule: int = 5) -> None:
        self.rules: tuple[Rule, ...] = tuple(rules)
        self.max_findings_per_rule = max_findings_per_rule
        self._body: list[BodyCheck] = []
        # Per rule: (check, body index or -1), so evaluation needs no lookups.
        self._plan: list[tuple[Rule, list[tuple[Check, int]]]] = []
        # One frozenset per distinct list of active checks (see ParagraphScan.complete_for).
        self._wanted: dict[tuple[int, ...], frozenset[int]] = {}
        for rule in self.rules:
            steps: list[tuple[Check, int]] = []
            for check in rule.checks:
                if isinstance(check, BodyCheck):
                    steps.append((check, len(self._body)))
                    self._body.append(check)
                else:
                    steps.append((check, -1))
            self._plan.append((rule, steps))

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    # -- scanning -------------------------------------------------------------------------

    def scan_paragraph(self, text: str) -> ParagraphScan:
        return ParagraphScan(fold(text), count_words(text))

    def _active_body_checks(self, ctx: Context) -> list[int]:
        return [
            index
            for rule, steps in self._plan
            if rule.when.hold(ctx)
            for check, index in steps
            if index >= 0 and check.when.hold(ctx)
        ]

    def check(self, text: str, ctx: Context | None = None) -> list[Finding]:
        """Check a whole draft from scratch."""
        return self.evaluate(text, ctx or Context(), {})

    def evaluate(
        self,
        text: str,
        ctx: Context,
        cache: ScanCache,
        paragraphs: Sequence[Paragraph] | None = None,
    ) -> list[Finding]:
        """Check ``text``, reusing and refreshing ``cache`` (paragraph text -> scan).

        Entries for paragraphs no longer in the text are dropped, so the cache stays the
        size of the draft. ``paragraphs`` is ``split_paragraphs(text)`` when the caller
        has it already.
        """
        if paragraphs is None:
            paragraphs = split_paragraphs(text)
        scans: list[ParagraphScan] = []
        fresh: dict[str, ParagraphScan] = {}
        for paragraph in paragraphs:
            scan = fresh.get(paragraph.text) or cache.get(paragraph.text)
            if scan is None:
                scan = self.scan_paragraph(paragraph.text)
            fresh[paragraph.text] = scan
            scans.append(scan)
        cache.clear()
        cache.update(fresh)
        return self._assemble(text, ctx, paragraphs, scans)

    # -- assembling findings --------------------------------------------------------------

    def _fill(self, active: Sequence[int], scans: Sequence[ParagraphScan]) -> None:
        """Run each active body check on the paragraphs that lack its result.

        Each check sees those paragraphs together as one :class:`Batch`, so a word that is
        nowhere in them costs one lookup, not one per paragraph; checks needing the same
        paragraphs share one batch (and its tokens).
        """
        active_key = tuple(active)
        wanted = self._wanted.get(active_key)
        if wanted is None:
            # Written once per context; a race between threads only interns twice.
            wanted = self._wanted.setdefault(active_key, frozenset(active_key))
        # After a keystroke every paragraph but the edited one is complete already: one
        # identity test each, not a set comparison.
        pending = [scan for scan in scans if scan.complete_for is not wanted]
        if not pending:
            return
        # Paragraphs scanned before may hold every active check's result: skip them.
        unique = [
            scan
            for scan in {id(scan): scan for scan in pending}.values()  # repeated paragraphs
            if not wanted <= scan.hits.keys()
        ]
        if unique:
            self._run_checks(active, unique)
        for scan in pending:
            scan.complete_for = wanted

    def _run_checks(self, active: Sequence[int], unique: list[ParagraphScan]) -> None:
        """The active checks ``unique`` (distinct paragraphs) lack, batched as _fill says."""
        batches: dict[tuple[int, ...], Batch] = {}
        for index in active:
            todo = [scan for scan in unique if index not in scan.hits]
            if not todo:
                continue
            key = tuple(id(scan) for scan in todo)
            batch = batches.get(key)
            if batch is None:
                batch = batches[key] = Batch([scan.folded for scan in todo])
            for scan, hits in zip(todo, self._body[index].scan_batch(batch), strict=True):
                scan.hits[index] = hits
                if hits:
                    scan.found.add(index)

    def _assemble(
        self,
        text: str,
        ctx: Context,
        paragraphs: Sequence[Paragraph],
        scans: Sequence[ParagraphScan],
    ) -> list[Finding]:
        if not ctx.region:
            ctx = _with_region(ctx, region_from_locale())
        body_hits: dict[int, list[Hit]] = {}
        active = self._active_body_checks(ctx)
        self._fill(active, scans)
        wanted = set(active)
        for paragraph, scan in zip(paragraphs, scans, strict=True):
            if not scan.found:
                continue
            for index in sorted(scan.found & wanted):
                hits = scan.hits[index]
                start = paragraph.start
                if hits:
                    body_hits.setdefault(index, []).extend(
                        Hit(start + hit.start, start + hit.end, hit.softened) for hit in hits
                    )
        view = DocumentView(
            text=text,
            paragraphs=paragraphs,
            word_counts=[s.words for s in scans],
            body_has_hits=lambda index: index in body_hits,
        )
        findings: list[Finding] = []
        for rule, steps in self._plan:
            if not rule.when.hold(ctx):
                continue
            rule_hits: list[Hit] = []
            for check, index in steps:
                if not check.when.hold(ctx):
                    continue
                if not isinstance(check, BodyCheck):
                    rule_hits.extend(check.evaluate(view, ctx))
                elif check.absent:
                    if index not in body_hits and paragraphs:
                        start, end = first_sentence_span(text)
                        rule_hits.append(Hit(start, end))
                else:
                    rule_hits.extend(body_hits.get(index, ()))
            if rule_hits:
                findings.extend(self._findings(rule, _merge(rule_hits), text, ctx))
        if any(f.severity is Severity.URGENT for f in findings):
            yielding = {r.id for r in self.rules if r.yield_to_urgent}
            findings = [f for f in findings if f.rule not in yielding]
        findings.sort(key=_order)
        return findings

    def _findings(self, rule: Rule, hits: list[Hit], text: str, ctx: Context) -> Iterable[Finding]:
        resources: tuple[CrisisResource, ...] = ()
        verified = ""
        if rule.severity is Severity.URGENT:
            helplines = bundled_helplines()
            resources = helplines.for_region(ctx.region)
            verified = helplines.verified_on
            if ctx.practice is not None and ctx.practice.crisis_instructions:
                own = CrisisResource(
                    ctx.practice.practice_name or "Your therapist's practice",
                    ctx.practice.crisis_instructions,
                )
                resources = (own, *resources)
        message = fill_lenient(rule.message, ctx)
        why = fill_lenient(rule.why, ctx)
        gentle = fill_lenient(rule.softened_message, ctx) if rule.softened_message else message
        for hit in hits[: self.max_findings_per_rule]:
            yield Finding(
                rule=rule.id,
                severity=rule.severity,
                message=gentle if hit.softened else message,
                why=why,
                source=rule.source,
                start=hit.start,
                end=hit.end,
                field=hit.field,
                fixes=tuple(_fixes(rule.fixes, hit, text, ctx)),
                resources=resources,
                resources_verified=verified,
                category=rule.category,
                softened=hit.softened,
            )


def _with_region(ctx: Context, region: str) -> Context:
    return replace(ctx, region=region)


def _merge(hits: list[Hit]) -> list[Hit]:
    """Sort one rule's hits; overlapping body spans become one; header fields dedupe."""
    fields: dict[object, Hit] = {}
    body: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, h.end)):
        if hit.field is not None:
            fields.setdefault(hit.field, hit)
        elif body and hit.start < body[-1].end:
            last = body[-1]
            body[-1] = Hit(last.start, max(last.end, hit.end), last.softened and hit.softened)
        else:
            body.append(hit)
    return list(fields.values()) + body


def _fixes(templates: Sequence[FixTemplate], hit: Hit, text: str, ctx: Context) -> Iterable[Fix]:
    for template in templates:
        filled = fill(template.text, ctx)
        label = fill(template.label, ctx)
        if filled is None or label is None:
            continue  # e.g. "sign with your name" when no name is set
        if template.kind is FixKind.OPENING:
            yield Fix(FixKind.OPENING, label, filled, 0, 0)
        elif template.kind is FixKind.CLOSING:
            yield Fix(FixKind.CLOSING, label, filled, len(text), len(text))
        elif template.kind is FixKind.INSERT:
            yield Fix(FixKind.INSERT, label, filled, hit.end, hit.end)
        elif hit.field is None:
            yield Fix(FixKind.REPLACE, label, filled, hit.start, hit.end)


def _order(finding: Finding) -> tuple[int, int, int, int, str]:
    # Header findings first (they are about the whole message), then body by position.
    header = 0 if finding.field is not None else 1
    return (header, finding.start, finding.end, -finding.severity.rank, finding.rule)
