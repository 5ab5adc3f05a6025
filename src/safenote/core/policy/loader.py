"""Loading guidance packs from TOML, validating every field.

Anything wrong in a pack becomes one :class:`PackError` naming the file, the rule, the field
and what was expected (with a line number where one is known). A user's pack never causes
a traceback. Each rule's examples are run at load time, so a pack whose rules do not behave
as their author said is rejected too.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from safenote.core.policy.checks import (
    DETECTORS,
    BodyCheck,
    Check,
    ClosingCheck,
    Conditions,
    ContextCheck,
    LengthCheck,
    OpeningCheck,
    phrase_scanner,
    regex_scanner,
)
from safenote.core.policy.errors import PackError
from safenote.core.policy.matching import caseless
from safenote.core.policy.model import (
    Channel,
    Context,
    FixKind,
    HeaderField,
    Relationship,
    Severity,
)
from safenote.core.policy.phrases import compile_phrases
from safenote.core.policy.rules import (
    PLACEHOLDER_DEFAULTS,
    Example,
    FixTemplate,
    Pack,
    Rule,
    placeholders,
)
from safenote.core.policy.schema import TableReader, Where, parse_toml
from safenote.core.policy.tokens import PhraseMatcher

_RULE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RULE_KEYS = {
    "id", "severity", "category", "message", "softened_message", "why", "source", "when",
    "checks", "fixes", "examples", "yield_to_urgent",
}  # fmt: skip
_WHEN_KEYS = {
    "relationship", "channel", "cc", "subject", "sender_name", "practice",
    "practice_accepts_channel",
}  # fmt: skip
_CHECK_KEYS: dict[str, set[str]] = {
    "phrases": {"phrases", "inflect", "absent"},
    "pattern": {"patterns", "ignore_case", "absent"},
    "detector": {"detector"},
    "opening": {"phrases", "patterns", "inflect", "words", "include_subject", "min_words"},
    "closing": {"words"},
    "length": {"metric", "over", "portal_limit"},
    "context": {"field"},
}
_EXAMPLE_KEYS = {
    "text", "expect", "relationship", "channel", "subject", "cc", "sender_name", "region",
    "accepted_channels", "portal_limit",
}  # fmt: skip


def _enum_list(
    reader: TableReader, key: str, enum: type[Relationship] | type[Channel]
) -> frozenset[Any] | None:
    if key not in reader.table:
        return None
    values = reader.strings(key)
    allowed = ", ".join(member.value for member in enum)
    try:
        return frozenset(enum(v) for v in values)
    except ValueError:
        raise reader.fail(key, f"expected values among {allowed}") from None


def _set_or_empty(reader: TableReader, key: str, yes: str, no: str) -> bool | None:
    if key not in reader.table:
        return None
    value = reader.text(key)
    if value not in (yes, no):
        raise reader.fail(key, f'expected "{yes}" or "{no}"')
    return value == yes


def parse_conditions(reader: TableReader) -> Conditions:
    reader.only(_WHEN_KEYS)
    accepts = reader.table.get("practice_accepts_channel")
    if accepts is not None and not isinstance(accepts, bool):
        raise reader.fail("practice_accepts_channel", "expected true or false")
    return Conditions(
        relationship=_enum_list(reader, "relationship", Relationship),
        channel=_enum_list(reader, "channel", Channel),
        cc=_set_or_empty(reader, "cc", "set", "empty"),
        subject=_set_or_empty(reader, "subject", "set", "empty"),
        sender_name=_set_or_empty(reader, "sender_name", "set", "empty"),
        practice=_set_or_empty(reader, "practice", "set", "absent"),
        practice_accepts_channel=accepts,
    )


def _compile(reader: TableReader, key: str, patterns: list[str], flags: int) -> re.Pattern[str]:
    for pattern in patterns:
        try:
            compiled = re.compile(pattern, flags)
        except re.error as err:
            raise reader.fail(key, f"bad regular expression {pattern!r}: {err}") from None
        if compiled.search("") is not None:
            raise reader.fail(
                key, f"pattern {pattern!r} matches empty text; it would fire everywhere"
            )
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


def _opening(reader: TableReader, when: Conditions) -> OpeningCheck:
    if "phrases" not in reader.table and "patterns" not in reader.table:
        raise reader.fail("phrases", "is missing (an opening check needs phrases or patterns)")
    sources: list[str] = []
    if "phrases" in reader.table:
        sources.append(
            compile_phrases(reader.strings("phrases"), reader.get("inflect", bool, True)).pattern
        )
    if "patterns" in reader.table:
        sources.append(
            _compile(reader, "patterns", reader.strings("patterns"), re.IGNORECASE).pattern
        )
    words: int = reader.get("words", int, 30)
    min_words: int = reader.get("min_words", int, 0)
    if words < 1 or min_words < 0:
        raise reader.fail("words", "expected whole numbers: words above 0, min_words 0 or more")
    subject: bool = reader.get("include_subject", bool, True)
    regex = re.compile("|".join(f"(?:{s})" for s in sources), re.IGNORECASE)
    return OpeningCheck(regex, words, subject, min_words, when)


def parse_check(reader: TableReader) -> Check:
    kind = reader.text("kind")
    if kind not in _CHECK_KEYS:
        raise reader.fail(
            "kind", f"{kind!r} is not a check kind; expected one of {', '.join(_CHECK_KEYS)}"
        )
    reader.only(_CHECK_KEYS[kind] | {"kind", "when"})
    when_table = reader.get("when", dict, {})
    when = parse_conditions(TableReader(when_table, reader.where, reader.prefix + "when."))
    absent: bool = reader.get("absent", bool, False)
    if kind == "opening":
        return _opening(reader, when)
    if kind == "phrases":
        phrases = reader.strings("phrases")
        matcher = PhraseMatcher(phrases, reader.get("inflect", bool, True))
        return BodyCheck(kind, phrase_scanner(matcher), absent, when)
    if kind == "pattern":
        ignore_case: bool = reader.get("ignore_case", bool, True)
        regex = _compile(
            reader, "patterns", reader.strings("patterns"), re.IGNORECASE if ignore_case else 0
        )
        del regex  # validated; each pattern gets its own prefilter below
        matchers = [caseless(p, ignore_case) for p in reader.strings("patterns")]
        return BodyCheck(kind, regex_scanner(*matchers), absent, when)
    if kind == "detector":
        name = reader.text("detector")
        if name not in DETECTORS:
            raise reader.fail(
                "detector", f"{name!r} is not a detector; expected one of {', '.join(DETECTORS)}"
            )
        return BodyCheck(kind, DETECTORS[name], False, when)
    if kind == "closing":
        return ClosingCheck(reader.get("words", int, 12), when)
    if kind == "length":
        metric = reader.text("metric", "words")
        if metric not in ("words", "characters"):
            raise reader.fail("metric", 'expected "words" or "characters"')
        over: int | None = reader.table.get("over")
        if over is not None:
            over = reader.get("over", int)
            if over < 1:
                raise reader.fail("over", "expected a whole number above 0")
        portal: bool = reader.get("portal_limit", bool, False)
        if over is None and not portal:
            raise reader.fail("over", "is missing (or set portal_limit = true)")
        return LengthCheck(metric, over, portal, when)
    field = reader.table.get("field")
    header = (
        reader.choice("field", HeaderField, "a header field (subject, cc, channel, recipient)")
        if field
        else None
    )
    return ContextCheck(header, when)


def _check_placeholders(reader: TableReader, key: str, text: str) -> None:
    unknown = placeholders(text) - set(PLACEHOLDER_DEFAULTS)
    if unknown:
        raise reader.fail(
            key,
            f"unknown placeholder {{{sorted(unknown)[0]}}}; "
            f"expected one of {', '.join(sorted(PLACEHOLDER_DEFAULTS))}",
        )


def parse_example(reader: TableReader) -> Example:
    reader.only(_EXAMPLE_KEYS)
    expect = reader.text("expect")
    if expect not in ("fire", "quiet"):
        raise reader.fail("expect", 'expected "fire" or "quiet"')
    from safenote.core.policy.model import PracticeContext

    practice = None
    if "accepted_channels" in reader.table or "portal_limit" in reader.table:
        channels = _enum_list(reader, "accepted_channels", Channel) or frozenset()
        limit = reader.table.get("portal_limit")
        practice = PracticeContext(
            accepted_channels=channels,
            portal_limit=reader.get("portal_limit", int) if limit is not None else None,
        )
    ctx = Context(
        relationship=reader.choice("relationship", Relationship, "a relationship", "current"),
        channel=reader.choice("channel", Channel, "a channel", "portal"),
        subject=reader.text("subject", ""),
        cc=tuple(reader.strings("cc", [])),
        sender_name=reader.text("sender_name", ""),
        region=reader.text("region", "US"),
        practice=practice,
    )
    return Example(reader.get("text", str), expect == "fire", ctx)


def parse_rule(table: Any, where: Where, index: int) -> Rule:
    if not isinstance(table, dict):
        raise where.error(f"rule number {index + 1} is not a table", field="rules")
    rule_id = table.get("id")
    if not isinstance(rule_id, str) or not _RULE_ID.match(rule_id):
        where.rule, where.line = f"#{index + 1}", None
        raise where.error(
            "expected an id in lower-case words joined by hyphens, e.g. 'gift'", field="id"
        )
    where.at_rule(rule_id)
    reader = TableReader(table, where)
    reader.only(RULE_KEYS)
    for key in ("message", "why", "softened_message"):
        _check_placeholders(reader, key, str(table.get(key, "")))
    checks_raw = reader.get("checks", list)
    if not checks_raw:
        raise reader.fail("checks", "expected at least one check")
    checks = []
    for n, raw in enumerate(checks_raw):
        if not isinstance(raw, dict):
            raise reader.fail(f"checks[{n}]", "expected a table")
        checks.append(parse_check(TableReader(raw, where, f"checks[{n}].")))
    fixes = []
    for n, raw in enumerate(reader.get("fixes", list, [])):
        fix = TableReader(raw if isinstance(raw, dict) else {}, where, f"fixes[{n}].")
        fix.only({"kind", "label", "text"})
        _check_placeholders(fix, "text", str(fix.table.get("text", "")))
        fixes.append(
            FixTemplate(
                fix.choice("kind", FixKind, "a fix kind (insert, replace, opening, closing)"),
                fix.text("label"),
                fix.get("text", str),
            )
        )
    examples = [
        parse_example(TableReader(raw if isinstance(raw, dict) else {}, where, f"examples[{n}]."))
        for n, raw in enumerate(reader.get("examples", list, []))
    ]
    if not any(e.fires for e in examples) or not any(not e.fires for e in examples):
        raise reader.fail(
            "examples",
            'expected at least one example with expect = "fire" and one with expect = "quiet"',
        )
    return Rule(
        id=rule_id,
        severity=reader.choice("severity", Severity, "a severity (info, caution, urgent)"),
        message=reader.text("message"),
        why=reader.text("why"),
        source=reader.text("source"),
        checks=tuple(checks),
        category=reader.text("category", ""),
        softened_message=reader.text("softened_message", ""),
        when=parse_conditions(TableReader(reader.get("when", dict, {}), where, "when.")),
        fixes=tuple(fixes),
        examples=tuple(examples),
        yield_to_urgent=reader.get("yield_to_urgent", bool, False),
        line=where.line,
    )


def parse_rules(raw_rules: Any, where: Where) -> list[Rule]:
    if not isinstance(raw_rules, list):
        raise where.error("expected [[rules]] tables", field="rules")
    rules: list[Rule] = []
    seen: set[str] = set()
    for index, table in enumerate(raw_rules):
        rule = parse_rule(table, where, index)
        if rule.id in seen:
            raise where.error("this id is used by more than one rule", field="id")
        seen.add(rule.id)
        rules.append(rule)
    return rules


def verify_examples(rules: list[Rule], file: str) -> None:
    """Run every rule's examples; raise if one fires when it should not, or the reverse."""
    from safenote.core.policy.engine import Engine

    for rule in rules:
        engine = Engine([rule])
        for number, example in enumerate(rule.examples):
            fired = any(f.rule == rule.id for f in engine.check(example.text, example.context))
            if fired != example.fires:
                verb = "should fire but did not" if example.fires else "should stay quiet but fired"
                raise PackError(
                    f"example {example.text[:60]!r} {verb}",
                    file=file,
                    rule=rule.id,
                    field=f"examples[{number}]",
                    line=rule.line,
                )


def load_pack_text(source: str, file: str = "<pack>") -> Pack:
    data = parse_toml(source, file)
    where = Where(file, source)
    top = TableReader(data, where)
    top.only({"pack", "rules"})
    header = TableReader(top.get("pack", dict), where, "pack.")
    header.only({"id", "version", "locale", "description", "max_findings_per_rule"})
    rules = parse_rules(top.get("rules", list), where)
    verify_examples(rules, file)
    cap: int = header.get("max_findings_per_rule", int, 5)
    if cap < 1:
        raise header.fail("max_findings_per_rule", "expected a whole number above 0")
    return Pack(
        header.text("id"), header.text("version"), header.text("locale"), tuple(rules), file, cap
    )


def load_pack(path: Path) -> Pack:
    try:
        source = path.read_bytes().decode("utf-8")
    except OSError as err:
        raise PackError(f"cannot read the file: {err.strerror or err}", file=str(path)) from None
    except UnicodeDecodeError:
        raise PackError("not UTF-8 text; save it as UTF-8", file=str(path)) from None
    return load_pack_text(source, str(path))
