"""Reading a practice profile: strict TOML validation into a :class:`PracticeProfile`.

Unknown keys are errors (naming the field and, where it can be found, the line) so a typo
never silently drops a setting. :func:`find_problems` checks each part of the profile on
its own so ``safenote practice validate`` can name every problem at once; the loaders raise
the first. The signature block (see :mod:`.signing`) is split off before parsing: only the
signed body is ever read as settings. The format is documented in docs/practice-profiles.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from safenote.core.policy.customise import PracticeRules, apply_overrides, default_pack
from safenote.core.policy.errors import NestedTooDeepError, PackError
from safenote.core.policy.loader import parse_rules, verify_examples
from safenote.core.policy.model import Channel, PracticeContext, Severity
from safenote.core.policy.rules import PROTECTED_RULES, RuleOverride
from safenote.core.policy.schema import TableReader, Where, parse_toml
from safenote.core.practice.errors import PracticeError
from safenote.core.practice.signing import Signature, split_signature

_TOP_KEYS = {"practice", "channels", "overrides", "rules"}
_PRACTICE_KEYS = {
    "name", "therapist", "region", "response_time", "hours", "crisis_instructions",
    "portal_name", "portal_limit", "public_key",
}  # fmt: skip
_OVERRIDE_KEYS = {"message", "why", "severity", "enabled"}
_MAX_TEXT = 2000  # characters in one setting: a paragraph, not a document
MAX_PROFILE_BYTES = 1_000_000
_TOO_DEEP = "lists or tables are nested far too deeply to be a practice profile"


@dataclass(frozen=True)
class PracticeProfile:
    """A validated profile: what guidance uses (``context``, ``rules``) and the rest."""

    context: PracticeContext
    rules: PracticeRules = field(default_factory=PracticeRules)
    region: str = ""  # the practice's region, a hint for crisis resources
    hours: str = ""
    portal_name: str = ""
    public_key: str = ""  # the therapist's age public key (age1...), "" when not given
    signature: Signature | None = None  # None: unsigned, so unverified

    @property
    def signed(self) -> bool:
        return self.signature is not None

    @property
    def fingerprint(self) -> str:
        """The signing key's short fingerprint, or "" for an unsigned profile."""
        return self.signature.fingerprint if self.signature else ""


def _fail(err: PackError, body: str = "") -> PracticeError:
    line = err.line if err.line is not None else _line_of(body, err.field)
    if isinstance(err, PracticeError) and line == err.line:
        return err
    return PracticeError(err.problem, file=err.file, rule=err.rule, field=err.field, line=line)


def _line_of(body: str, field: str) -> int | None:
    """The line of a field such as ``practice.region`` (its table header, then its key)."""
    section, _, key = field.rpartition(".")
    if not section or not body:
        return None
    lines = body.splitlines()
    header = re.compile(r"^\s*\[\s*" + re.escape(section).replace(r"\.", r"\s*\.\s*") + r"\s*\]")
    start = next((n for n, text in enumerate(lines) if header.match(text)), None)
    if start is None:
        return None
    needle = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
    for number in range(start + 1, len(lines)):
        if lines[number].lstrip().startswith("["):
            break
        if needle.match(lines[number]):
            return number + 1
    return start + 1


def _text(reader: TableReader, key: str) -> str:
    value = reader.text(key, "")
    if len(value) > _MAX_TEXT:
        raise reader.fail(key, f"is too long (over {_MAX_TEXT} characters); shorten it")
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in value):
        raise reader.fail(key, "contains control characters; use plain text")
    return value.strip()


def _region(reader: TableReader) -> str:
    region = _text(reader, "region").upper()
    if region and (len(region) != 2 or not region.isascii() or not region.isalpha()):
        raise reader.fail("region", "expected a two-letter country code such as US or GB")
    return region


def _portal_limit(reader: TableReader) -> int | None:
    if "portal_limit" not in reader.table:
        return None
    limit: int = reader.get("portal_limit", int)
    if limit < 1:
        raise reader.fail("portal_limit", "expected a whole number of characters above 0")
    if limit > 1_000_000:
        raise reader.fail("portal_limit", "is larger than any portal allows (1,000,000 at most)")
    return limit


def _public_key(reader: TableReader) -> str:
    key = _text(reader, "public_key")
    if not key:
        return ""
    from safenote.core.export.errors import BadRecipientError
    from safenote.core.export.keys import parse_recipient

    try:
        parse_recipient(key)
    except BadRecipientError:
        raise reader.fail(
            "public_key",
            "is not an age public key (it starts with age1 and is 62 characters long); "
            "copy it again from 'safenote practice identity'",
        ) from None
    return key


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
        notes_reader = TableReader(notes_table, reader.where, reader.prefix + "notes.")
        notes.append((Channel(key), _text(notes_reader, key)))
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
            message=_text(reader, "message") or None,
            why=_text(reader, "why") or None,
            severity=severity,
            enabled=enabled,
        )
    where.rule = ""
    return overrides


class _Parts:
    """Each part of a profile, read independently so every broken part can be reported."""

    def __init__(self, body: str, file: str) -> None:
        self.file = file
        self.data = parse_toml(body, file)
        self.where = Where(file, body)
        self.top = TableReader(self.data, self.where)

    def table(self, key: str, prefix: str) -> TableReader:
        return TableReader(self.top.get(key, dict, {}), self.where, prefix)

    def rules(self) -> PracticeRules:
        overrides = _overrides(self.top.get("overrides", dict, {}), self.where)
        extra = (
            parse_rules(self.top.get("rules", list, []), self.where) if "rules" in self.data else []
        )
        verify_examples(extra, self.file)
        rules = PracticeRules(tuple(extra), overrides, self.file)
        apply_overrides(default_pack().rules, rules)  # rejects unknown ids and lowered severities
        return rules


def _parse(source: str, file: str, problems: list[PracticeError] | None) -> PracticeProfile | None:
    """Parse ``source``; with a ``problems`` list, collect every problem instead of raising."""

    def attempt(step: Callable[[], Any], default: Any) -> Any:
        try:
            return step()
        except PackError as err:
            if problems is None:
                raise _fail(err, body) from None
            problems.append(_fail(err, body))
            return default

    body, signature = split_signature(source.removeprefix("\ufeff"), file)
    parts = _Parts(body, file)
    attempt(lambda: parts.top.only(_TOP_KEYS), None)
    info = attempt(lambda: parts.table("practice", "practice."), TableReader({}, parts.where))
    attempt(lambda: info.only(_PRACTICE_KEYS), None)
    texts: dict[str, str] = {}
    for key in ("name", "therapist", "response_time", "hours", "crisis_instructions",
                "portal_name"):  # fmt: skip
        texts[key] = attempt(partial(_text, info, key), "")
    limit = attempt(lambda: _portal_limit(info), None)
    region = attempt(lambda: _region(info), "")
    public_key = attempt(lambda: _public_key(info), "")
    accepted, notes = attempt(
        lambda: _channels(parts.table("channels", "channels.")), (frozenset(), ())
    )
    rules = attempt(parts.rules, PracticeRules(file=file))
    if problems:
        return None
    context = PracticeContext(
        accepted_channels=accepted,
        channel_notes=notes,
        response_time=texts["response_time"],
        crisis_instructions=texts["crisis_instructions"],
        portal_limit=limit,
        practice_name=texts["name"],
        therapist_name=texts["therapist"],
    )
    return PracticeProfile(
        context,
        rules,
        region,
        hours=texts["hours"],
        portal_name=texts["portal_name"],
        public_key=public_key,
        signature=signature,
    )


def load_practice_text(source: str, file: str = "<practice profile>") -> PracticeProfile:
    """Parse and validate a practice profile; raises :class:`PracticeError`.

    A signed profile whose signature does not match its text is an error too.
    """
    try:
        profile = _parse(source, file, None)
    except (NestedTooDeepError, RecursionError):  # tomllib recurses once per nesting level
        raise PracticeError(_TOO_DEEP, file=file) from None
    except PackError as err:
        raise _fail(err) from None
    assert profile is not None  # without a problems list, _parse raises instead
    return profile


def check_profile_text(
    source: str, file: str = "<practice profile>"
) -> tuple[PracticeProfile | None, list[PracticeError]]:
    """The profile and no problems, or None and every problem (one per broken part)."""
    problems: list[PracticeError] = []
    try:
        profile = _parse(source, file, problems)
    except (NestedTooDeepError, RecursionError):
        return None, [PracticeError(_TOO_DEEP, file=file)]
    except PackError as err:  # the file as a whole is unreadable (TOML, signature block)
        return None, [_fail(err)]
    return profile, problems


def find_problems(source: str, file: str = "<practice profile>") -> list[PracticeError]:
    """Every problem in the profile; an empty list means it is valid."""
    return check_profile_text(source, file)[1]


def read_profile_file(path: Path) -> str:
    """The text of a profile file, size- and encoding-checked; raises :class:`PracticeError`."""
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
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PracticeError("not UTF-8 text; save it as UTF-8", file=str(path)) from None


def load_practice(path: Path) -> PracticeProfile:
    """Read a practice profile file; raises :class:`PracticeError` for any problem."""
    return load_practice_text(read_profile_file(path), str(path))
