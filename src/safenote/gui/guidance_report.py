"""The guidance report: a PDF of every client-facing rule plus the practice's contact policy.

Something a therapist can review and attach to their informed-consent paperwork. Laid out
with Qt (QTextDocument -> QPdfWriter, in memory, offscreen), like :mod:`.pdf_render`. Every
profile value is inserted as plain text, never as markup.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from safenote.core.policy import Channel, Context, build_engine
from safenote.core.practice import Origin, PracticeProfile, client_wording, effective_rules
from safenote.gui.pdf_render import ensure_gui_application

_SIZES = {"title": 17.0, "h2": 13.0, "h3": 11.0, "body": 10.0, "small": 8.5}
_MARGIN_MM = 18.0
_SPACE_ABOVE = {"h2": 16.0, "h3": 10.0}  # points of space before headings


def _tr(text: str) -> str:
    return QCoreApplication.translate("GuidanceReport", text)


class _Writer:
    """Appends styled plain-text paragraphs to a document."""

    def __init__(self, document: QTextDocument) -> None:
        self.cursor = QTextCursor(document)
        self.first = True

    def para(self, text: str, style: str = "body", *, bold: bool = False) -> None:
        block = QTextBlockFormat()
        block.setTopMargin(_SPACE_ABOVE.get(style, 0.0))
        block.setBottomMargin(4.0 if style in ("title", "h2") else 0.0)
        if self.first:
            self.cursor.setBlockFormat(block)
        else:
            self.cursor.insertBlock(block)
        self.first = False
        fmt = QTextCharFormat()
        fmt.setFontPointSize(_SIZES[style])
        if bold or style in ("title", "h2", "h3"):
            fmt.setFontWeight(QFont.Weight.Bold)
        self.cursor.insertText(text, fmt)

    def field(self, label: str, value: str) -> None:
        if value:
            self.para(f"{label}: {value}")


def _channel_name(channel: Channel) -> str:
    return {
        Channel.PORTAL: _tr("Secure portal"),
        Channel.ENCRYPTED: _tr("SafeNote encrypted file"),
        Channel.EMAIL: _tr("Email"),
        Channel.TEXT: _tr("Text message"),
    }[channel]


def _contact_policy(out: _Writer, profile: PracticeProfile | None, source_name: str) -> None:
    out.para(_tr("Contact policy"), "h2")
    if profile is None:
        out.para(_tr("No practice profile: clients see SafeNote's default guidance."))
        return
    ctx = profile.context
    out.field(_tr("Practice"), ctx.practice_name)
    out.field(_tr("Therapist"), ctx.therapist_name)
    out.field(_tr("Profile file"), source_name)
    out.field(_tr("Region for crisis lines"), profile.region)
    if profile.signed:
        out.field(_tr("Signed; fingerprint to compare in session"), profile.fingerprint)
    else:
        out.para(_tr("Not signed: clients will see this profile marked as unverified."))
    notes = dict(ctx.channel_notes)
    if ctx.accepted_channels:
        out.para(_tr("Ways clients may reach you:"))
        for channel in Channel:
            if channel in ctx.accepted_channels:
                note = notes.get(channel, "")
                out.para(f"  • {_channel_name(channel)}" + (f": {note}" if note else ""))
    else:
        out.para(_tr("Accepted channels: not stated."))
    for channel, note in ctx.channel_notes:
        if channel not in ctx.accepted_channels:
            out.para(f"  • {_channel_name(channel)} ({_tr('not accepted')}): {note}")
    out.field(_tr("Usual response time"), ctx.response_time)
    out.field(_tr("Hours"), profile.hours)
    out.field(_tr("Portal"), profile.portal_name)
    if ctx.portal_limit is not None:
        out.field(_tr("Portal message limit"), _tr("{} characters").format(ctx.portal_limit))
    out.field(_tr("In a crisis (your words)"), ctx.crisis_instructions)
    if ctx.crisis_instructions:
        out.para(
            _tr("Shown beside the crisis lines for the client's region, never instead of them."),
            "small",
        )
    out.field(_tr("Public key for encrypted messages"), profile.public_key)
    _crisis_panel(out, profile)


# A sentence the crisis rule always fires on (it is one of the rule's own examples), used to
# ask the engine for exactly the lines a client of this practice would see.
_CRISIS_PROBE = "Honestly I don't want to be alive anymore."


def _crisis_panel(out: _Writer, profile: PracticeProfile) -> None:
    engine = build_engine(profile.rules)
    ctx = Context(region=profile.region, practice=profile.context)
    crisis = next((f for f in engine.check(_CRISIS_PROBE, ctx) if f.rule == "crisis"), None)
    if crisis is None or not crisis.resources:
        return
    out.para(_tr("What the crisis panel lists for a client in {}:").format(profile.region or "—"))
    for resource in crisis.resources:
        note = f" ({resource.note})" if resource.note else ""
        out.para(f"  • {resource.name}: {resource.contact}{note}")
    if crisis.resources_verified:
        out.para(_tr("Numbers checked on {}.").format(crisis.resources_verified), "small")


def build_report_document(profile: PracticeProfile | None, source_name: str) -> QTextDocument:
    document = QTextDocument()
    font = QFont()
    font.setPointSizeF(_SIZES["body"])
    document.setDefaultFont(font)
    out = _Writer(document)
    out.para(_tr("Guidance your clients see in SafeNote"), "title")
    out.para(
        _tr(
            "SafeNote gives clients gentle suggestions while they write to you between "
            "sessions. It never sends anything and never contacts anyone. This report lists "
            "every suggestion a client can see with this profile, in their words."
        )
    )
    _contact_policy(out, profile, source_name)
    rules = effective_rules(profile)
    out.para(_tr("Guidance rules"), "h2")
    for item in (r for r in rules if r.origin is not Origin.OFF):
        rule = item.rule
        out.para(f"{rule.id} ({rule.severity.value})", "h3")
        out.para(client_wording(rule.message, profile))
        out.field(_tr("Why"), client_wording(rule.why, profile))
        out.field(_tr("Source"), rule.source)
        out.para(_tr("From: {}").format(item.origin_label), "small")
    off = [r for r in rules if r.origin is Origin.OFF]
    if off:
        out.para(_tr("Switched off by the practice"), "h2")
        for item in off:
            out.para(f"  • {item.rule.id}: {client_wording(item.rule.message, profile)}")
    return document


def render_guidance_report(profile: PracticeProfile | None, source_name: str = "") -> bytes:
    """The report as A4 PDF bytes."""
    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(_tr("SafeNote guidance report"))
    writer.setCreator("SafeNote")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = build_report_document(profile, source_name)
    document.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(buffer.data().data())
