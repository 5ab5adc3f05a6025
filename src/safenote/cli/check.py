"""``safenote check``: run the guidance on a draft, like a linter.

Text output is one finding per line, ``line:col severity rule message`` (a header finding
shows the field name instead of ``line:col``); crisis findings are followed by the region's
crisis lines. ``--format json`` prints ``{"findings": [...]}`` with code-point offsets.
The exit status is 0 whenever the check ran, whatever it found, and 2 for bad input.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from safenote.cli._common import CliError, read_text_arg
from safenote.core.policy import (
    Channel,
    Context,
    Finding,
    PracticeContext,
    Relationship,
    build_engine,
)
from safenote.core.policy.text import line_col
from safenote.core.practice import PracticeError, PracticeProfile, load_practice

_REGION = re.compile(r"^[A-Za-z]{2}$")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="show the guidance SafeNote would give on a draft",
        description=(
            "Check a draft message and list SafeNote's guidance, like a linter. "
            "Reads FILE, or standard input when FILE is '-' or missing. Nothing is sent anywhere."
        ),
    )
    parser.add_argument("file", nargs="?", default="-", metavar="FILE")
    parser.add_argument(
        "--relationship",
        choices=[r.value for r in Relationship],
        default=Relationship.CURRENT.value,
        help="your relationship with the therapist (default: current)",
    )
    parser.add_argument(
        "--channel",
        choices=[c.value for c in Channel],
        default=Channel.PORTAL.value,
        help="how the message will be sent (default: portal)",
    )
    parser.add_argument("--subject", default="", help="the message's subject line")
    parser.add_argument(
        "--cc", action="append", default=[], metavar="ADDR", help="someone copied (repeatable)"
    )
    parser.add_argument("--name", default="", help="your name, as you sign messages")
    parser.add_argument(
        "--region", default="", metavar="XX", help="two-letter country code for crisis lines"
    )
    parser.add_argument("--practice", metavar="FILE", help="a practice profile (TOML) to apply")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.set_defaults(func=run)


def _practice(path: str | None) -> PracticeProfile | None:
    if path is None:
        return None
    try:
        return load_practice(Path(path))
    except PracticeError as err:
        raise CliError(f"the practice profile is not valid: {err}") from None


def run(args: argparse.Namespace) -> int:
    if args.region and not _REGION.match(args.region):
        raise CliError(f"--region {args.region!r} is not a two-letter country code such as US")
    profile = _practice(args.practice)
    text = read_text_arg(args.file)
    practice: PracticeContext | None = profile.context if profile else None
    ctx = Context(
        relationship=Relationship(args.relationship),
        channel=Channel(args.channel),
        subject=args.subject,
        cc=tuple(args.cc),
        sender_name=args.name,
        region=(args.region or (profile.region if profile else "")).upper(),
        practice=practice,
    )
    engine = build_engine(profile.rules if profile else None)
    findings = engine.check(text, ctx)
    if args.format == "json":
        json.dump({"findings": [finding_json(f) for f in findings]}, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        for finding in findings:
            sys.stdout.write(finding_line(text, finding))
    return 0


def finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "start": finding.start,
        "end": finding.end,
        "field": finding.field.value if finding.field else None,
        "message": finding.message,
        "why": finding.why,
        "source": finding.source,
        "fixes": [
            {"kind": f.kind.value, "label": f.label, "text": f.text, "start": f.start, "end": f.end}
            for f in finding.fixes
        ],
        "softened": finding.softened,
        "resources": [
            {"name": r.name, "contact": r.contact, "note": r.note} for r in finding.resources
        ],
        "resources_verified": finding.resources_verified,
    }


def finding_line(text: str, finding: Finding) -> str:
    if finding.field is not None:
        where = finding.field.value
    else:
        line, col = line_col(text, finding.start)
        where = f"{line}:{col}"
    message = " ".join(finding.message.split())
    out = f"{where} {finding.severity.value} {finding.rule} {message}\n"
    for resource in finding.resources:
        note = f" ({resource.note})" if resource.note else ""
        out += f"    {resource.name}: {resource.contact}{note}\n"
    return out
