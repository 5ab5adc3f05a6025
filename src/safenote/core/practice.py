"""Therapist practice profiles: a strictly validated TOML file a client imports.

This first version reads what guidance needs: the practice and therapist names, accepted
channels (with a note per channel), response time, crisis instructions, the portal's
length limit, and extra guidance rules in pack format. A later version adds signing and
the therapist's public key; unknown keys are errors (naming the field) so a typo never
silently drops a setting. Example::

    [practice]
    name = "Riverside Counselling"
    therapist = "Dr. Ana Ruiz"
    response_time = "two business days"
    crisis_instructions = "Call the office on 01234 567890 in office hours."
    portal_limit = 1000

    [channels]
    accepted = ["portal", "email"]
    notes = { email = "Scheduling only, please." }

    [overrides.keep-it-brief]
    severity = "caution"

    [[rules]]          # extra rules, same format as a guidance pack's
    id = "homework-upload"
    ...
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from safenote.core.policy.customise import PracticeRules, apply_overrides, default_pack
from safenote.core.policy.errors import PackError
from safenote.core.policy.loader import parse_rules, verify_examples
from safenote.core.policy.model import Channel, PracticeContext, Severity
from safenote.core.policy.rules import PROTECTED_RULES, RuleOverride
from safenote.core.policy.schema import TableReader, Where, parse_toml

_TOP_KEYS = {"practice", "channels", "overrides", "rules"}
_PRACTICE_KEYS = {
    "name", "therapist", "region", "response_time", "crisis_instructions", "portal_limit",
}  # fmt: skip
_OVERRIDE_KEYS = {"message", "why", "severity", "enabled"}
MAX_PROFILE_BYTES = 1_000_000


class PracticeError(PackError):
    """A practice profile is not valid; the message names the file and the field."""


@dataclass(frozen=True)
class PracticeProfile:
    context: PracticeContext
    rules: PracticeRules = field(default_factory=PracticeRules)
    region: str = ""  # the practice's region, a hint for crisis resources


def _fail(err: PackError) -> PracticeError:
    return PracticeError(err.problem, file=err.file, rule=err.rule, field=err.field, line=err.line)


def _channels(reader: TableReader) -> tuple[frozenset[Channel], tuple[tuple[Channel, str], ...]]:
    reader.only({"accepted", "notes"})
    allowed = ", ".join(c.value for c in Channel)
    try:
        accepted = frozenset(Channel(v) for v in reader.strings("accepted", []))
    except ValueError:
        raise reader.fail("accepted", f"expected channels among {allowed}") from None
    notes_table: dict[str, Any] = reader.get("notes", dict, {})
    notes: list[tuple[Channel, str]] = []
    for key, value in sorted(notes_table.items()):
        if key not in {c.value for c in Channel}:
            raise reader.fail(f"notes.{key}", f"unknown channel; expected one of {allowed}")
        if not isinstance(value, str):
            raise reader.fail(f"notes.{key}", "expected text")
        notes.append((Channel(key), value))
    return accepted, tuple(notes)


def _overrides(table: dict[str, Any], where: Where) -> dict[str, RuleOverride]:
    overrides: dict[str, RuleOverride] = {}
    for rule_id, raw in table.items():
        reader = TableReader(raw if isinstance(raw, dict) else {}, where, f"overrides.{rule_id}.")
        where.rule = rule_id
        if not isinstance(raw, dict):
            raise reader.fail("", "expected a table of changes")
        reader.only(_OVERRIDE_KEYS)
        enabled: bool = reader.get("enabled", bool, True)
        if not enabled and rule_id in PROTECTED_RULES:
            raise reader.fail("enabled", "this rule protects safety or privacy and stays on")
        severity = None
        if "severity" in raw:
            severity = reader.choice("severity", Severity, "a severity (info, caution, urgent)")
        overrides[rule_id] = RuleOverride(
            message=reader.text("message", "") or None,
            why=reader.text("why", "") or None,
            severity=severity,
            enabled=enabled,
        )
    where.rule = ""
    return overrides


def load_practice_text(source: str, file: str = "<practice profile>") -> PracticeProfile:
    """Parse and validate a practice profile; raises :class:`PracticeError`."""
    try:
        return _load(source, file)
    except PracticeError:
        raise
    except PackError as err:
        raise _fail(err) from None


def _load(source: str, file: str) -> PracticeProfile:
    data = parse_toml(source, file)
    where = Where(file, source)
    top = TableReader(data, where)
    top.only(_TOP_KEYS)
    info = TableReader(top.get("practice", dict, {}), where, "practice.")
    info.only(_PRACTICE_KEYS)
    limit: int | None = None
    if "portal_limit" in info.table:
        limit = info.get("portal_limit", int)
        if limit < 1:
            raise info.fail("portal_limit", "expected a whole number of characters above 0")
    region = info.text("region", "").upper()
    if region and (len(region) != 2 or not region.isalpha()):
        raise info.fail("region", "expected a two-letter country code such as US or GB")
    accepted, notes = _channels(TableReader(top.get("channels", dict, {}), where, "channels."))
    context = PracticeContext(
        accepted_channels=accepted,
        channel_notes=notes,
        response_time=info.text("response_time", ""),
        crisis_instructions=info.text("crisis_instructions", ""),
        portal_limit=limit,
        practice_name=info.text("name", ""),
        therapist_name=info.text("therapist", ""),
    )
    overrides = _overrides(top.get("overrides", dict, {}), where)
    extra = parse_rules(top.get("rules", list, []), where) if "rules" in data else []
    verify_examples(extra, file)
    rules = PracticeRules(tuple(extra), overrides, file)
    apply_overrides(default_pack().rules, rules)  # rejects unknown ids and lowered severities
    return PracticeProfile(context, rules, region)


def load_practice(path: Path) -> PracticeProfile:
    """Read a practice profile file; raises :class:`PracticeError` for any problem."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_PROFILE_BYTES + 1)
    except OSError as err:
        raise PracticeError(
            f"cannot read the file: {err.strerror or err}", file=str(path)
        ) from None
    if len(raw) > MAX_PROFILE_BYTES:
        raise PracticeError("the file is too large to be a practice profile", file=str(path))
    try:
        source = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PracticeError("not UTF-8 text; save it as UTF-8", file=str(path)) from None
    return load_practice_text(source, str(path))
